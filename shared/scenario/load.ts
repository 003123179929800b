/**
 * Parsing a scenario: pure (no file I/O), so the server, the lab and the browser share it.
 * Errors come back one per bad field, each naming the field and why.
 */
import type { z } from "zod";
import { type Scenario, scenarioSchema } from "./schema.ts";

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

/** Formats a zod issue path as `roles.us.budgetBase` or `deck[3].effects[0].role`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out === "" ? "(scenario)" : out;
}

function describe(issue: z.core.$ZodIssue): string {
  return `${formatPath(issue.path)}: ${issue.message}`;
}

/** Validates unknown JSON as a scenario. */
export function parseScenario(input: unknown): ScenarioResult {
  const result = scenarioSchema.safeParse(input);
  if (result.success) return { ok: true, scenario: result.data };
  return { ok: false, errors: result.error.issues.map(describe) };
}

/** Like parseScenario but throws one error listing every bad field. */
export function requireScenario(input: unknown, label = "scenario"): Scenario {
  const result = parseScenario(input);
  if (!result.ok) throw new Error(`${label} is invalid:\n  ${result.errors.join("\n  ")}`);
  return result.scenario;
}
