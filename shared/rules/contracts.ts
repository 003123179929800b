/**
 * Non-cash contracts (GAME.md, "Proposals and deals"): the company earns the full value, the
 * state pays only the scenario's cash share of it, and the rest comes from a named source,
 * so money stays traced and the state's "money saved" counts only what it paid.
 */
import type { Scenario } from "../scenario/schema.ts";
import { round2 } from "./util.ts";

/** The named source of a contract's in-kind part. */
export const IN_KIND_SOURCE = "source:inkind";

/** A contract of `value` split into what the state pays in cash and what it gives in kind. */
export function contractParts(sc: Scenario, value: number): { cash: number; inKind: number } {
  const cash = round2(value * sc.prices.contractCashShare);
  return { cash, inKind: round2(value - cash) };
}
