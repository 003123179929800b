/**
 * Reads a scenario by name (assets/scenarios/NAME.json) or by file path, and validates it.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { requireScenario } from "../shared/scenario/load.ts";
import type { Scenario } from "../shared/scenario/schema.ts";

export const SCENARIO_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  "..",
  "assets",
  "scenarios",
);

/** Resolves `crew-dragon-2020` or `./my-copy.json` to a file path. */
export function scenarioPath(nameOrPath: string): string {
  if (nameOrPath.endsWith(".json") || nameOrPath.includes("/")) return resolve(nameOrPath);
  return join(SCENARIO_DIR, `${nameOrPath}.json`);
}

/** Loads and validates a scenario; throws with one line per bad field. */
export function loadScenario(nameOrPath: string): Scenario {
  const path = scenarioPath(nameOrPath);
  if (!existsSync(path)) throw new Error(`no scenario at ${path}`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    throw new Error(`${path} is not valid JSON: ${(err as Error).message}`);
  }
  return requireScenario(json, path);
}

/** The scenarios in assets/scenarios: id, name, presets and roles, for pickers. */
export function listScenarios(): {
  id: string;
  name: string;
  summary: string;
  defaultPreset: string;
  presets: { id: string; label: string; years: number }[];
  roles: { id: string; name: string; optional: boolean; defaultIncluded: boolean }[];
}[] {
  return readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => loadScenario(f.replace(/\.json$/, "")))
    .map((s) => ({
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
    }));
}
