/**
 * Purity check for the rules engine: shared/ must stay free of wall-clock time,
 * ambient randomness and I/O so that a game is fully determined by its scenario,
 * its seed and its action log (see docs/DECISIONS.md).
 *
 * It also makes module-level mutable state visible: a `let` or `var` at the top of a module,
 * a top-level `new Map/Set/WeakMap/WeakSet/WeakRef`, or a top-level `const` the module changes
 * (`X.push(`, `X.set(`, `X[k] =` …) is an offence unless MODULE_STATE_ALLOWED names it with a
 * reason. Such state outlives a game and is shared by every game of a process, so each entry
 * must say why it cannot change a result (a memo of a pure function, interned strings, a
 * constant table). An entry that no longer matches anything is an offence too.
 *
 * Usage: node tools/checkPurity.ts [dir]   (default: shared)
 * Exits 1 and prints `file:line: message` for every offence.
 *
 * This is a line-based regex scan, not a parser: lines that are comments
 * (`//`, `/*`, ` *`) and trailing `//` comments are ignored; strings are not.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";

export interface Offence {
  file: string;
  line: number;
  message: string;
}

export interface PurityReport {
  files: number;
  offences: Offence[];
}

/** Code patterns that make the engine depend on the outside world. */
const FORBIDDEN_CODE: ReadonlyArray<{ pattern: RegExp; message: string }> = [
  {
    pattern: /(?<![.\w$])Math\.random\b/,
    message: "Math.random is forbidden: draw from the seeded generator kept in the game state",
  },
  {
    pattern: /(?<![.\w$])Date\.now\b/,
    message: "Date.now is forbidden: time enters as a field of the action",
  },
  {
    pattern: /\bnew\s+Date\b/,
    message: "new Date is forbidden: time enters as a field of the action",
  },
  {
    pattern: /(?<![.\w$])performance\.now\b/,
    message: "performance.now is forbidden: time enters as a field of the action",
  },
  {
    pattern: /(?<![.\w$])process\./,
    message: "process is forbidden: the engine reads no environment and does no I/O",
  },
  {
    pattern: /(?<![.\w$])require\s*\(/,
    message: "require( is forbidden: use ES imports of pure modules",
  },
];

/**
 * The module-level state shared/ may keep, by `file#name`, each with why it cannot make a
 * game depend on what the process did before (every other game, in any order).
 */
export const MODULE_STATE_ALLOWED: Readonly<Record<string, string>> = {
  "shared/rules/legal.ts#DEAL_FLAG_PHASES":
    "a constant set of phase names, filled once at load from ACTION_RULES and never changed",
  "shared/rules/legal.ts#legalMemo":
    "memo of seatActions, a pure function of the phase and the flags that make the key",
  "shared/rules/orders.ts#optionCache":
    "memo of orderOption per scenario object; scenarios are never changed once loaded",
  "shared/rules/indices.ts#stateRoleCache":
    "memo of a scenario's state roles per scenario object; scenarios are never changed once loaded",
  "shared/rules/util.ts#pairKeys":
    "interned pair-key strings: the same pair always gives an equal string, only faster to look up",
  "shared/rules/records.ts#dealIds":
    "interned deal ids d1, d2, …: the n-th entry is always d followed by n, only faster to look up",
};

/** A top-level `let`/`var`, or a top-level `const` made with a mutable collection. */
const MODULE_LET = /^(?:export\s+)?(?:let|var)\s+([A-Za-z_$][\w$]*)/;
const MODULE_COLLECTION =
  /^(?:export\s+)?const\s+([A-Za-z_$][\w$]*)[^=]*=\s*new\s+(?:Weak)?(?:Map|Set|Ref)\b/;
const MODULE_CONST = /^(?:export\s+)?const\s+([A-Za-z_$][\w$]*)/;

/** A change to `name` itself: a mutating method call, or an assignment to one of its entries. */
function changes(name: string): RegExp {
  const n = name.replace(/\$/g, "\\$");
  return new RegExp(
    `(?<![.\\w$])${n}(?:\\.(?:push|pop|shift|unshift|splice|sort|reverse|fill|set|add|delete|clear)\\(|(?:\\[[^\\]]*\\]|\\.[\\w$]+)\\s*(?:=(?!=)|\\+=|-=|\\*=|\\+\\+|--))`,
  );
}

/** The module-level state of a source text: names with the line that declares them. */
export function moduleState(source: string): { name: string; line: number }[] {
  const lines = source.split(/\r?\n/).map(codeOf);
  const found = new Map<string, number>();
  const consts: { name: string; line: number }[] = [];
  lines.forEach((code, index) => {
    const mutable = MODULE_LET.exec(code) ?? MODULE_COLLECTION.exec(code);
    if (mutable?.[1]) found.set(mutable[1], index + 1);
    else {
      const c = MODULE_CONST.exec(code);
      if (c?.[1]) consts.push({ name: c[1], line: index + 1 });
    }
  });
  for (const c of consts) {
    const re = changes(c.name);
    if (lines.some((code) => re.test(code))) found.set(c.name, c.line);
  }
  return [...found].map(([name, line]) => ({ name, line })).sort((a, b) => a.line - b.line);
}

/** `from "x"`, `import "x"`, `import("x")`, `export … from "x"`. */
const IMPORT_SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)(["'])([^"']+)\1/g;

const NODE_BUILTINS = new Set(builtinModules);

/** Returns why an import specifier is forbidden in shared/, or undefined if it is fine. */
export function forbiddenImport(specifier: string): string | undefined {
  if (specifier.startsWith("node:") || NODE_BUILTINS.has(specifier.split("/")[0] ?? "")) {
    return `import of Node module "${specifier}" is forbidden: the engine does no I/O`;
  }
  if (/^(@colyseus\/|colyseus(\.js)?(\/|$))/.test(specifier)) {
    return `import of "${specifier}" is forbidden: the engine knows nothing about Colyseus`;
  }
  if (/^phaser(\/|$)/.test(specifier)) {
    return `import of "${specifier}" is forbidden: the engine knows nothing about Phaser`;
  }
  return undefined;
}

/** Every import specifier of a source text with its line (comments ignored), for layer checks. */
export function importSpecifiers(source: string): { line: number; specifier: string }[] {
  return source.split(/\r?\n/).flatMap((raw, index) =>
    [...codeOf(raw).matchAll(IMPORT_SPECIFIER)].map((m) => ({
      line: index + 1,
      specifier: m[2] ?? "",
    })),
  );
}

/** Strips a line that is only a comment, and any trailing `//` comment. */
function codeOf(line: string): string {
  const trimmed = line.trimStart();
  if (trimmed.startsWith("//") || trimmed.startsWith("/*") || trimmed.startsWith("*")) {
    return "";
  }
  return line.replace(/(^|\s)\/\/.*$/, "");
}

/**
 * Checks one source text. `file` is only used to label the offences.
 * Pure: callers (and tests) can pass any string.
 */
export function checkSource(source: string, file: string): Offence[] {
  const offences: Offence[] = [];
  const lines = source.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const code = codeOf(raw);
    if (code.trim() === "") return;
    const line = index + 1;
    for (const { pattern, message } of FORBIDDEN_CODE) {
      if (pattern.test(code)) offences.push({ file, line, message });
    }
    for (const match of code.matchAll(IMPORT_SPECIFIER)) {
      const message = forbiddenImport(match[2] ?? "");
      if (message) offences.push({ file, line, message });
    }
  });
  for (const { name, line } of moduleState(source)) {
    if (Object.hasOwn(MODULE_STATE_ALLOWED, `${file}#${name}`)) continue;
    offences.push({
      file,
      line,
      message: `module-level state "${name}" is shared by every game of a process: make it part of the game or a caller's cache, or add it to MODULE_STATE_ALLOWED in tools/checkPurity.ts with why it cannot change a result`,
    });
  }
  return offences;
}

/** Every .ts/.mts/.cts file under `dir` (none if `dir` does not exist), sorted. */
export function listSourceFiles(dir: string): string[] {
  let entries: string[];
  try {
    if (!statSync(dir).isDirectory()) return [];
    entries = readdirSync(dir, { recursive: true, encoding: "utf8" });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => /\.[mc]?ts$/.test(entry) && !entry.split(path.sep).includes("node_modules"))
    .map((entry) => path.join(dir, entry))
    .sort();
}

/** Checks every source file under `dir`; file names in offences are relative to `root`. */
export function checkDirectory(dir: string, root: string = process.cwd()): PurityReport {
  const files = listSourceFiles(dir);
  const offences: Offence[] = [];
  const declared = new Set<string>();
  const labels = new Set<string>();
  for (const file of files) {
    const label = path.relative(root, file);
    const source = readFileSync(file, "utf8");
    labels.add(label);
    offences.push(...checkSource(source, label));
    for (const { name } of moduleState(source)) declared.add(`${label}#${name}`);
  }
  // an entry for a file that was checked but that no longer holds such state is stale
  for (const entry of Object.keys(MODULE_STATE_ALLOWED)) {
    const [file = ""] = entry.split("#");
    if (labels.has(file) && !declared.has(entry))
      offences.push({
        file,
        line: 1,
        message: `MODULE_STATE_ALLOWED names "${entry}", which holds no module-level state: remove the entry`,
      });
  }
  return { files: files.length, offences };
}

export function formatOffence(offence: Offence): string {
  return `${offence.file}:${offence.line}: ${offence.message}`;
}

if (import.meta.main) {
  const root = path.resolve(import.meta.dirname, "..");
  const target = path.resolve(root, process.argv[2] ?? "shared");
  const label = path.relative(root, target) || ".";
  const report = checkDirectory(target, root);
  if (report.offences.length > 0) {
    for (const offence of report.offences) console.error(formatOffence(offence));
    console.error(
      `${label}/ is not pure: ${report.offences.length} offence(s) in ${report.files} files`,
    );
    process.exit(1);
  }
  console.log(`${label}/ is pure (${report.files} files)`);
}
