/**
 * The public scenario: what of a scenario any player may read, served by
 * `GET /api/games/:code/scenario` so a client can run the engine's helpers
 * (`previewProposal`, `orderChoices`, `cancelCost`, …) itself.
 *
 * A scenario is rules, and rules are public (GAME.md, "Information"): roles, prices, limits,
 * the deck, presets, order and term bounds. What is secret about a game is never in its
 * scenario but in its state: the seed, the random state, and which priority card each seat drew.
 * The scenario's `priorities` are the cards a seat *might* hold, so they are served as that list.
 *
 * Every top-level field is classified below, so a field added to the schema does not reach
 * clients until someone decides whether it may (the table fails to type-check until then).
 */
import type { Scenario } from "./schema.ts";

/** How a scenario field reaches a client: as is, or (priorities) as the list of possible cards. */
type Visibility = "public" | "possibleCards" | "private";

/** Each field of a scenario and whether a player may read it. */
export const SCENARIO_FIELD_VISIBILITY = {
  id: "public",
  name: "public",
  summary: "public",
  startYear: "public",
  defaultPreset: "public",
  presets: "public",
  sites: "public",
  roles: "public",
  rivalPair: "public",
  startTension: "public",
  startingDeals: "public",
  prices: "public",
  market: "public",
  dependence: "public",
  cooperation: "public",
  tension: "public",
  orders: "public",
  brainDrain: "public",
  crisis: "public",
  scoring: "public",
  deck: "public",
  priorities: "possibleCards",
  briefing: "public",
  orderText: "public",
  // the bots' thresholds: how the table's bots play is no secret (their code is open too)
  bots: "public",
} as const satisfies Record<keyof Scenario, Visibility>;

type Fields = typeof SCENARIO_FIELD_VISIBILITY;
type PrivateField = { [K in keyof Fields]: Fields[K] extends "private" ? K : never }[keyof Fields];

/** The scenario as a player may read it; with no private field today it has a scenario's shape. */
export type PublicScenario = Omit<Scenario, PrivateField>;

function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * What of `scenario` a player may read: a fresh copy of its public fields, the priority cards
 * as the list a seat might draw (in the scenario's order, so it says nothing of any draw).
 * Pure; the engine's helpers accept the result wherever they take a scenario.
 */
export function publicScenario(scenario: Scenario): PublicScenario {
  const out: Record<string, unknown> = {};
  for (const [key, visibility] of Object.entries(SCENARIO_FIELD_VISIBILITY) as [
    keyof Scenario,
    Visibility,
  ][]) {
    if (visibility === "private") continue;
    if (visibility === "possibleCards") {
      out[key] = scenario.priorities.map((card) => ({
        id: card.id,
        text: card.text,
        points: card.points,
        check: copy(card.check),
      }));
      continue;
    }
    out[key] = copy(scenario[key]);
  }
  return out as PublicScenario;
}
