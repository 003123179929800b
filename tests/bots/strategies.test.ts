/**
 * The strategy bots: each plays 200 seeded games without a single refused
 * action of its own; together they use every term kind and every order; and
 * the lenses show — all-Realist tables end tenser than all-Liberal ones.
 */
import { describe, expect, it } from "vitest";
import { BOTS } from "../../shared/bots/index.ts";
import { playGame } from "../../shared/bots/play.ts";
import type { Bot } from "../../shared/bots/types.ts";
import { legalActionTypes } from "../../shared/rules/legal.ts";
import { ORDER_KINDS, TERM_KINDS } from "../../shared/scenario/schema.ts";
import { MINI, MINI_SEATS } from "../property/helpers.ts";

const STRATEGIES = ["realist", "liberal", "profit", "opportunist"] as const;
const ROLES = MINI_SEATS.map((s) => s.role);

function table(strategy: string): Record<string, Bot> {
  return Object.fromEntries(ROLES.map((r) => [r, BOTS[strategy] as Bot]));
}

/** A table where one seat plays the strategy under test and the others play the rest in turn. */
function mixed(strategy: string, game: number): Record<string, Bot> {
  const others = STRATEGIES.filter((x) => x !== strategy);
  return Object.fromEntries(
    ROLES.map((r, i) => [
      r,
      BOTS[
        i === game % ROLES.length ? strategy : (others[(i + game) % others.length] as string)
      ] as Bot,
    ]),
  );
}

describe("strategy bots", () => {
  const termsUsed = new Set<string>();
  const ordersUsed = new Set<string>();

  it.each(STRATEGIES)("%s plays 200 seeded games with zero refused actions", (strategy) => {
    let refused = 0;
    let games = 0;
    for (let i = 0; i < 200; i++) {
      const bots = i % 2 === 0 ? table(strategy) : mixed(strategy, i);
      const r = playGame(MINI, `${strategy}-${i}`, { seats: MINI_SEATS, bots, years: 3 });
      const mine = new Set(ROLES.filter((role) => bots[role] === BOTS[strategy]));
      refused += r.rejections.filter((x) => mine.has(x.seat)).length;
      expect(r.state.phase).toBe("ended");
      games++;
      for (const d of Object.values(r.state.deals))
        if (d.fromProposal) for (const t of d.terms) termsUsed.add(t.kind);
      for (const a of r.log)
        if (a.type === "setOrders") for (const k of Object.keys(a.orders)) ordersUsed.add(k);
    }
    expect(games).toBe(200);
    expect(refused).toBe(0);
  });

  it("across those games every term kind is concluded and every order is set", () => {
    expect([...termsUsed].sort()).toEqual([...TERM_KINDS].sort());
    expect([...ordersUsed].sort()).toEqual([...ORDER_KINDS].sort());
  });

  it("over 500 seeds, all-Realist tables end with higher mean tension than all-Liberal tables", () => {
    const meanT = (strategy: string) => {
      let sum = 0;
      for (let i = 0; i < 500; i++) {
        const r = playGame(MINI, `lens-${i}`, {
          seats: MINI_SEATS,
          bots: table(strategy),
          years: 3,
        });
        sum += r.state.outcome?.finalTension ?? Number.NaN;
      }
      return sum / 500;
    };
    const realist = meanT("realist");
    const liberal = meanT("liberal");
    expect(Number.isFinite(realist) && Number.isFinite(liberal)).toBe(true);
    expect(realist).toBeGreaterThan(liberal);
  });

  it("a bot is skipped only when it would pass: games are the same when every bot is asked", () => {
    for (let i = 0; i < 40; i++) {
      const bots = mixed(STRATEGIES[i % STRATEGIES.length] as string, i);
      // the same bots without `sends`, so playGame asks them every time; each checks its promise
      const asked = Object.fromEntries(
        Object.entries(bots).map(([role, bot]) => [
          role,
          {
            name: bot.name,
            act: (view, ctx) => {
              const out = bot.act(view, ctx);
              const legal = legalActionTypes(view);
              if (!legal.some((t) => bot.sends?.(ctx.turn).includes(t))) expect(out).toEqual([]);
              return out;
            },
          } satisfies Bot,
        ]),
      );
      const a = playGame(MINI, `sends-${i}`, { seats: MINI_SEATS, bots, years: 3 });
      const b = playGame(MINI, `sends-${i}`, { seats: MINI_SEATS, bots: asked, years: 3 });
      expect(b.log).toEqual(a.log);
      expect(b.state.outcome).toEqual(a.state.outcome);
    }
  });
});
