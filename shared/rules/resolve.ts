/**
 * The resolution of a year, in GAME.md's fixed order:
 * 1 events, 2 capacity, 3 seats (own crews, deals in conclusion order, market),
 * 4 money, 5 orders, 6 pledges and contract conditions, 7 indices,
 * 8 crisis (may pause the year for the crisis phase), 9 score and log (scoring.ts).
 * Each step lives in shared/rules/resolve/; this file only runs them in order.
 */

import { crisisOpens } from "./crisis.ts";
import { computeCapacity } from "./resolve/capacity.ts";
import { recordCrews } from "./resolve/crewRecords.ts";
import { runDeals } from "./resolve/deals.ts";
import { applyEffect } from "./resolve/events.ts";
import { computeIndices } from "./resolve/indices.ts";
import { runMarket } from "./resolve/market.ts";
import { payCosts } from "./resolve/money.ts";
import { applyOrders } from "./resolve/orders.ts";
import { seatExtraCrews, seatOwnCrews } from "./resolve/ownCrew.ts";
import { checkPledgesAndContracts } from "./resolve/pledges.ts";
import { newWork } from "./resolve/work.ts";
import type { GameState } from "./types.ts";

export { emptyReport, watchedRival } from "./resolve/work.ts";

/** Runs steps 1–8. Returns true when a crisis phase must follow before the year is scored. */
export function resolveYear(s: GameState): boolean {
  const w = newWork(s);
  // 1. events
  for (const { card, injected } of s.events) {
    w.report.events.push({ id: card.id, title: card.title, note: card.note, injected });
    for (const e of card.effects) applyEffect(s, w, card, e);
  }
  // 2. capacity
  computeCapacity(s, w);
  // 3. seats: own crews, deals, extra crews in the seats left, market
  seatOwnCrews(s, w);
  runDeals(s, w);
  seatExtraCrews(s, w);
  runMarket(s, w);
  // 4. money
  payCosts(s, w);
  // 5. orders
  applyOrders(s, w);
  // 6. pledges and contract conditions
  checkPledgesAndContracts(s, w);
  // crew statistics for scoring and priorities
  recordCrews(s, w);
  // 7. indices
  computeIndices(s, w);
  s.pending = w.report;
  // 8. crisis
  return crisisOpens(s);
}
