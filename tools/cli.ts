/**
 * What the command-line programs (sim, lab) share: usage errors that exit 2,
 * whole-number flags, and reading a scenario given by name or path.
 */
import { existsSync } from "node:fs";
import { loadScenario, scenarioNames, scenarioPath } from "../server/scenarios.ts";
import type { Scenario } from "../shared/scenario/schema.ts";

/** A mistake in the command line or its scenario: printed without a stack, exit code 2. */
export class UsageError extends Error {
  /** Whether to point at --help (not for a broken scenario file). */
  hint = true;
}

function scenarioError(message: string): UsageError {
  const err = new UsageError(message);
  err.hint = false;
  return err;
}

/**
 * A program's failure as its exit code: a usage error is one line (with a pointer to --help
 * when it is about the flags) and exit 2; anything else prints its stack and exits 1.
 */
export function failure(program: string, err: unknown, stderr: (s: string) => void): number {
  if (err instanceof UsageError) {
    stderr(`${program}: ${err.message}\n${err.hint ? "Run with --help for the options.\n" : ""}`);
    return 2;
  }
  stderr(`${program}: ${(err as Error).stack ?? String(err)}\n`);
  return 1;
}

/** A flag that must be a whole number in [min, max]. */
export function wholeNumber(name: string, text: string, min: number, max: number): number {
  const n = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${text}"`);
  return n;
}

/** Scenario names shipped in assets/scenarios/. */
export function knownScenarios(): string[] {
  return scenarioNames();
}

/** Loads `--scenario NAME|PATH`; an unknown name lists the known ones, a bad file its bad fields. */
export function readScenarioArg(nameOrPath: string): { scenario: Scenario; path: string } {
  const isName = !nameOrPath.endsWith(".json") && !nameOrPath.includes("/");
  const path = scenarioPath(nameOrPath);
  if (!existsSync(path)) {
    if (isName)
      throw new UsageError(
        `unknown scenario "${nameOrPath}" (known: ${knownScenarios().join(", ") || "none"}); give a name or a path to a .json file`,
      );
    throw scenarioError(`no scenario file at ${path}`);
  }
  try {
    return { scenario: loadScenario(nameOrPath), path };
  } catch (err) {
    // one line per bad field, as the scenario loader lists them
    throw scenarioError((err as Error).message);
  }
}
