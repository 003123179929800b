/**
 * Where each seat's token sits on the globe: the site its role names in the scenario
 * (`roles[role].site`, a key of `sites`), so every scenario places its own launch sites.
 */
import type { Scenario, Site } from "../../../shared/scenario/schema.ts";

export type { Site };

/** The role's site; a role the scenario does not have (never, once it validated) sits nowhere. */
export function siteOf(scenario: Pick<Scenario, "roles" | "sites">, role: string): Site | null {
  const spec = Object.hasOwn(scenario.roles, role) ? scenario.roles[role] : undefined;
  if (!spec || !Object.hasOwn(scenario.sites, spec.site)) return null;
  return scenario.sites[spec.site] ?? null;
}
