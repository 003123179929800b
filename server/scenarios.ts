/**
 * Scenario files on disk: read one by name (DIR/NAME.json) or by path, and list a directory.
 * The server reads its scenarios here, and so do the tools (which may import server/ and shared/,
 * never the other way round: tests/lint/layers.test.ts). Parsing itself is pure, in
 * shared/scenario/load.ts.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { ScenarioSummary } from "../shared/protocol/lobby.ts";
import { parseScenario, requireScenario } from "../shared/scenario/load.ts";
import type { Scenario } from "../shared/scenario/schema.ts";

export type { ScenarioSummary };

/** The scenarios shipped with the game: assets/scenarios/. */
export const SCENARIO_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "assets",
  "scenarios",
);

/** The directory the server serves scenarios from: `SCENARIO_DIR` in the environment, else assets/scenarios. */
export function serverScenarioDir(): string {
  return process.env.SCENARIO_DIR ? resolve(process.env.SCENARIO_DIR) : SCENARIO_DIR;
}

/** A scenario file that exists but cannot be played: which file, and one line per bad field. */
export class BadScenarioFile extends Error {
  readonly path: string;
  readonly errors: string[];

  constructor(path: string, errors: string[]) {
    super(`${path} is invalid:\n  ${errors.join("\n  ")}`);
    this.name = "BadScenarioFile";
    this.path = path;
    this.errors = errors;
  }

  /** One line without the directory: `broken.json: roles.us.name: Invalid input…; …`. */
  get oneLine(): string {
    return `${basename(this.path)}: ${this.errors.join("; ")}`;
  }
}

/** Resolves `crew-dragon-2020` (in `dir`) or `./my-copy.json` (from the working directory) to a file path. */
export function scenarioPath(nameOrPath: string, dir: string = SCENARIO_DIR): string {
  if (nameOrPath.endsWith(".json") || nameOrPath.includes("/")) return resolve(nameOrPath);
  return join(dir, `${nameOrPath}.json`);
}

/** Loads and validates a scenario; throws `BadScenarioFile` (one line per bad field) or, if absent, a plain Error. */
export function loadScenario(nameOrPath: string, dir: string = SCENARIO_DIR): Scenario {
  const path = scenarioPath(nameOrPath, dir);
  if (!existsSync(path)) throw new Error(`no scenario at ${path}`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    throw new BadScenarioFile(path, [`not valid JSON: ${(err as Error).message}`]);
  }
  const parsed = parseScenario(json);
  if (!parsed.ok) throw new BadScenarioFile(path, parsed.errors);
  return parsed.scenario;
}

/**
 * The parsed scenario of a stored game, one object per distinct scenario text: every table of
 * a scenario shares it (≈ 36 KB of heap each otherwise). It is frozen, since the engine only
 * reads its scenario and a table that changed a shared one would change every other table.
 */
const stored = new Map<string, Scenario>();
export function storedScenario(json: string, label: string): Scenario {
  let scenario = stored.get(json);
  if (!scenario) {
    scenario = deepFreeze(requireScenario(JSON.parse(json), label));
    stored.set(json, scenario);
  }
  return scenario;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Names (file stems) of the .json files in `dir`, sorted; none if it does not exist. */
export function scenarioNames(dir: string = SCENARIO_DIR): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.slice(0, -".json".length))
    .sort();
}

function summarise(s: Scenario): ScenarioSummary {
  return {
    id: s.id,
    name: s.name,
    summary: s.summary,
    defaultPreset: s.defaultPreset,
    presets: Object.entries(s.presets).map(([id, p]) => ({ id, label: p.label, years: p.years })),
    roles: Object.entries(s.roles).map(([id, r]) => ({
      id,
      name: r.name,
      optional: r.optional,
      defaultIncluded: r.defaultIncluded,
    })),
  };
}

/**
 * Reads every scenario in `dir`. A bad file does not hide the good ones: it is returned in
 * `broken` (for the caller to log) and left out of `scenarios`.
 */
export function readScenarioDir(dir: string = SCENARIO_DIR): {
  scenarios: ScenarioSummary[];
  broken: BadScenarioFile[];
} {
  const scenarios: ScenarioSummary[] = [];
  const broken: BadScenarioFile[] = [];
  for (const name of scenarioNames(dir)) {
    try {
      scenarios.push(summarise(loadScenario(name, dir)));
    } catch (err) {
      if (!(err instanceof BadScenarioFile)) throw err;
      broken.push(err);
    }
  }
  return { scenarios, broken };
}
