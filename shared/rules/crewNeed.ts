/**
 * A state's own crew need this year: its scenario figure, lowered by a reduced ISS
 * role. Resolution seats that many of its crew and scoring measures the crew
 * objective against it, both through these two functions.
 */
import type { RoleSpec, Scenario } from "../scenario/schema.ts";
import type { Orders, RoleId } from "./types.ts";

/** Whether a role has the ISS-role order and has set it to reduced. */
export function reducedRoleLevel(spec: RoleSpec, orders: Orders): boolean {
  return spec.orders.includes("roleLevel") && orders.roleLevel === "reduced";
}

/** The crew a role needs flown this year under these orders. */
export function crewNeed(scenario: Scenario, role: RoleId, orders: Orders): number {
  const spec = scenario.roles[role];
  if (!spec) return 0;
  return reducedRoleLevel(spec, orders)
    ? Math.min(spec.crewNeed, scenario.orders.reducedOwnCrew)
    : spec.crewNeed;
}
