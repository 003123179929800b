/**
 * Reads a scenario by name (assets/scenarios/NAME.json) or by file path, and validates it.
 */
import { existsSync, readFileSync } from "node:fs";
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
