/**
 * Coverage of random-legal play: across many seeds on the mini fixture (market
 * buyers and every deck card on, Boeing at the table) the random bot must reach
 * every action kind, term kind and order choice, and the games must include
 * failed deals and crises. If a kind is never reached, the bot or the rules
 * cannot produce it: that is a finding, not a reason to weaken the test.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { playGame } from "../../shared/bots/play.ts";
import { randomLegalBot } from "../../shared/bots/randomLegal.ts";
import { orderOptions } from "../../shared/rules/orders.ts";
import { ACTION_RULES, ACTION_TYPES } from "../../shared/rules/reducer.ts";
import { TERM_KINDS } from "../../shared/scenario/schema.ts";
import { MINI, MINI_SEATS } from "./helpers.ts";

const GAMES = 500;

/** Every action a seat may send, from the engine's own phase table: a new one must be covered too. */
const SEAT_ACTIONS = ACTION_TYPES.filter((t) =>
  (ACTION_RULES[t].actors as readonly string[]).includes("seat"),
);

interface Seen {
  actions: Map<string, number>;
  terms: Map<string, number>;
  orders: Map<string, number>;
  failedDeals: number;
  cancelledDeals: number;
  crises: number;
  crisisPhases: number;
  pledgesKept: number;
  pledgesBroken: number;
  marketSales: number;
  conflicts: number;
  order: string[];
}

const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

describe(`coverage of random-legal play over ${GAMES} mini games`, () => {
  const seen: Seen = {
    actions: new Map(),
    terms: new Map(),
    orders: new Map(),
    failedDeals: 0,
    cancelledDeals: 0,
    crises: 0,
    crisisPhases: 0,
    pledgesKept: 0,
    pledgesBroken: 0,
    marketSales: 0,
    conflicts: 0,
    order: [],
  };

  beforeAll(() => {
    for (let i = 0; i < GAMES; i++) {
      const { state, log } = playGame(MINI, `coverage:${i}`, {
        seats: MINI_SEATS,
        defaultBot: randomLegalBot,
      });
      seen.order = state.order;
      for (const a of log) {
        if (a.actor.kind !== "seat") {
          if (a.type === "phaseTimeout" && a.phase === "crisis") seen.crisisPhases++;
          continue;
        }
        bump(seen.actions, a.type);
        if (a.type === "crisisChoice") seen.crisisPhases++;
        if (a.type === "setOrders") {
          for (const [kind, value] of Object.entries(a.orders)) {
            bump(seen.orders, `${a.actor.seat}.${kind}`);
            bump(seen.orders, `${a.actor.seat}.${kind}=${JSON.stringify(value)}`);
          }
        }
      }
      for (const d of Object.values(state.deals)) {
        if (d.fromProposal) for (const t of d.terms) bump(seen.terms, t.kind);
        if (d.status === "failed") seen.failedDeals++;
        if (d.status === "cancelled") seen.cancelledDeals++;
      }
      for (const r of state.reports) {
        if (r.crisis !== null) seen.crises++;
        for (const p of r.pledges) {
          if (p.kept) seen.pledgesKept++;
          else seen.pledgesBroken++;
        }
        seen.marketSales += r.marketSales.length;
      }
      if (state.outcome?.conflict) seen.conflicts++;
    }
  }, 120_000);

  it("accepts every action kind a seat can send", () => {
    const missing = SEAT_ACTIONS.filter((t) => !seen.actions.has(t));
    expect(missing).toEqual([]);
  });

  it("concludes deals with every term kind", () => {
    const missing = TERM_KINDS.filter((k) => !seen.terms.has(k));
    expect(missing).toEqual([]);
  });

  it("accepts every order kind of every role, and every value of each choice order", () => {
    const missing: string[] = [];
    for (const role of seen.order) {
      for (const o of orderOptions(MINI, role, seen.order)) {
        if (!seen.orders.has(`${role}.${o.kind}`)) missing.push(`${role}.${o.kind}`);
        if (o.type !== "choice") continue;
        for (const v of o.values) {
          const key = `${role}.${o.kind}=${JSON.stringify(v)}`;
          if (!seen.orders.has(key)) missing.push(key);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("has deals that fail at resolution and deals that are cancelled", () => {
    expect(seen.failedDeals).toBeGreaterThan(0);
    expect(seen.cancelledDeals).toBeGreaterThan(0);
  });

  it("has crises", () => {
    expect(seen.crises).toBeGreaterThan(0);
    expect(seen.crisisPhases).toBeGreaterThan(0);
  });

  it("checks pledges both ways and sells market seats", () => {
    expect(seen.pledgesKept).toBeGreaterThan(0);
    expect(seen.pledgesBroken).toBeGreaterThan(0);
    expect(seen.marketSales).toBeGreaterThan(0);
  });
});
