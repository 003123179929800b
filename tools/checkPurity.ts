/**
 * Purity check for the rules engine: shared/ must stay free of wall-clock time,
 * ambient randomness and I/O so that a game is fully determined by its scenario,
 * its seed and its action log (see docs/DECISIONS.md).
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
  const offences = files.flatMap((file) =>
    checkSource(readFileSync(file, "utf8"), path.relative(root, file)),
  );
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
