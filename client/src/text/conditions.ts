/**
 * How the proposal builder names a contract's condition and a pledge's check (the shapes of
 * shared/rules/schemas.ts); orders are named by the scenario's own orderText where it has one.
 */
import type { ContractCondition, PledgeCheck } from "../../../shared/rules/types.ts";

export type ConditionKind = ContractCondition["kind"];
export type CheckOp = PledgeCheck["op"];

export const CONDITION_TEXT = {
  condition: "Condition",
  none: "No condition",
  kinds: {
    minFlights: "The company flies at least…",
    noSeatsTo: "The company sells no seats to…",
    maxListPrice: "The company's list price stays at most…",
  } satisfies Record<ConditionKind, string>,
  value: {
    minFlights: "Flights",
    noSeatsTo: "Seat",
    maxListPrice: "List price",
  } satisfies Record<ConditionKind, string>,
  check: "Checked against an order",
  checkNone: "Not checked (a promise only)",
  checkOp: "Is",
  ops: { "<=": "at most", ">=": "at least", "==": "exactly" } satisfies Record<CheckOp, string>,
  checkValue: "Value",
  hint: "The game checks a pledge tied to an order when the year resolves; breaking it costs points.",
  checkText: (order: string, op: CheckOp, value: string) =>
    ` (checked: ${order} ${CONDITION_TEXT.ops[op]} ${value})`,
};
