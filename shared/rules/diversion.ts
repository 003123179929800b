/**
 * Diversion to the military and the security it buys: one rule that resolution
 * (which moves the money and adds security) and scoring (which rewards the
 * security gained) both read, so the two can never disagree.
 */
import type { Scenario } from "../scenario/schema.ts";
import type { RoleId, YearReport } from "./types.ts";

/**
 * What a diversion order of `ordered` % takes from `civil` funding with `cash` in hand:
 * the amount moved to the military and the share of civil funding that amount is.
 * Cash caps the amount (then the share is what was really diverted); nothing is
 * diverted from no civil funding.
 */
export function divert(
  civil: number,
  cash: number,
  ordered: number,
): { amount: number; share: number } {
  const wanted = (civil * ordered) / 100;
  const amount = Math.min(wanted, Math.max(0, cash));
  const share = civil <= 0 ? 0 : amount < wanted ? (100 * amount) / civil : ordered;
  return { amount, share };
}

/** Security a year's diversion of `share` % of civil funding buys. */
export function securityGain(scenario: Scenario, share: number): number {
  return (share / 10) * scenario.orders.securityPer10;
}

/**
 * The share a state really diverted in the year of `report`: its order, unless the report
 * records less (`report.diverted` holds only the shares that fell short of the order).
 */
export function divertedShare(report: YearReport, role: RoleId, ordered: number): number {
  return report.diverted?.[role] ?? ordered;
}
