/**
 * What the command-line programs (sim, lab) share: usage errors that exit 2,
 * whole-number flags, and reading a scenario given by name or path.
 */

import { existsSync } from "node:fs";
import { type ParseArgsOptionsConfig, parseArgs } from "node:util";
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

/**
 * `--games -5` as `--games=-5`: node's parseArgs refuses a value that starts with a dash as
 * "ambiguous", which hides the flag's own range error. Only flags that take a value (`valued`)
 * and only values that look like negative numbers are joined; `--games --years 2` stays an error.
 */
export function joinNegativeValues(argv: readonly string[], valued: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const next = argv[i + 1];
    if (
      valued.includes(arg.replace(/^--/, "")) &&
      arg.startsWith("--") &&
      next !== undefined &&
      /^-\d/.test(next)
    ) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** The names of the options that take a value, for joinNegativeValues. */
export function valuedOptions(options: Record<string, { type: string }>): string[] {
  return Object.entries(options)
    .filter(([, o]) => o.type === "string")
    .map(([name]) => name);
}

/** parseArgs' error as a usage error; its "ambiguous" text (a flag followed by another flag) says the flag needs a value. */
export function argsError(err: unknown): UsageError {
  const message = (err as Error).message;
  const m = /^Option '(--[\w-]+)[^']*' argument is ambiguous/.exec(message);
  return new UsageError(m ? `${m[1]} needs a value` : message);
}

/**
 * The flags of a command line: unknown flags and positionals refused, a negative number taken
 * as a flag's value (so `--games -5` gets the range error), parseArgs' errors as usage errors.
 */
export function readFlags(
  argv: readonly string[],
  options: ParseArgsOptionsConfig,
): Record<string, string | boolean | string[] | undefined> {
  try {
    return parseArgs({
      args: joinNegativeValues(argv, valuedOptions(options as Record<string, { type: string }>)),
      strict: true,
      allowPositionals: false,
      options,
    }).values as Record<string, string | boolean | string[] | undefined>;
  } catch (err) {
    throw argsError(err);
  }
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
