/**
 * Civil funding and the score it earns (GAME.md, "Scoring"): one rule that resolution (which
 * computes a state's civil funding), scoring (which scores it against its target) and the
 * bots (which weigh what a sale or a cost would do to their score) all read.
 *
 * Civil funding = budget base (after budget events and sanctions) − what was diverted
 *   + foreign civil income (seat sales, subsidies, market buyers, know-how sales, covert ones
 *     included) − the operations cost of flying crews beyond its own need (foreign seats,
 *     extra cosmonauts) + the upkeep a reduced ISS role saves.
 * Target = budget base + the status quo's foreign civil income (tension.incomeReference) for
 * the rival the income term watches; the base for any other state.
 */
import type { Objective, Scenario } from "../scenario/schema.ts";
import type { RoleId } from "./types.ts";

type CivilObjective = Extract<Objective, { kind: "civilFunding" }>;

/** The rival whose foreign income the tension term watches: the first of the pair that may divert. */
export function watchedRivalRole(sc: Scenario): RoleId | null {
  return sc.rivalPair.find((r) => sc.roles[r]?.orders.includes("diversion")) ?? null;
}

/** What a state's civil funding is scored against. */
export function civilTarget(sc: Scenario, role: RoleId): number {
  const base = sc.roles[role]?.budgetBase ?? 0;
  return base + (watchedRivalRole(sc) === role ? sc.tension.incomeReference : 0);
}

/** The role's civil-funding objective, if it has one. */
export function civilObjective(sc: Scenario, role: RoleId): CivilObjective | null {
  for (const o of sc.roles[role]?.objectives ?? []) if (o.kind === "civilFunding") return o;
  return null;
}

/** Points a year's civil funding of `civil` earns under objective `o` (0 without a target). */
export function civilFundingPoints(
  sc: Scenario,
  role: RoleId,
  o: CivilObjective,
  civil: number,
): number {
  const target = civilTarget(sc, role);
  if (target <= 0) return 0;
  const ratio = civil / target;
  return o.points * Math.min(o.cap, (ratio - o.zeroAt) / (1 - o.zeroAt));
}

/**
 * What `amount` more (or, negative, less) civil funding this year would change in the role's
 * score, from a civil funding of `civil`: what a bot weighs before a sale, a cost or a diversion.
 */
export function civilFundingValue(
  sc: Scenario,
  role: RoleId,
  civil: number,
  amount: number,
): number {
  const o = civilObjective(sc, role);
  if (!o) return 0;
  return civilFundingPoints(sc, role, o, civil + amount) - civilFundingPoints(sc, role, o, civil);
}
