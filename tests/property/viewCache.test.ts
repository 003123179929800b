/**
 * The lab's view cache (cachedPlayerView, viewCache.ts) is only a speed-up: at
 * every step of a game, a view made with it must equal the plain `playerView`, for
 * every seat, the spectator and the facilitator. It shares public parts between
 * viewers and reuses chat lists, report lists, deal records, market and events
 * across views, so a missed change would show here.
 */
import { describe, expect, it } from "vitest";
import { BOTS, defaultStrategy } from "../../shared/bots/index.ts";
import { playGame } from "../../shared/bots/play.ts";
import { randomLegalBot } from "../../shared/bots/randomLegal.ts";
import type { Bot } from "../../shared/bots/types.ts";
import { applyAction, reduceInPlace } from "../../shared/rules/reducer.ts";
import { createGame, defaultSeats } from "../../shared/rules/setup.ts";
import type { GameState } from "../../shared/rules/types.ts";
import { playerView, type Viewer } from "../../shared/rules/view.ts";
import { cachedPlayerView, newViewCache, stateChanged } from "../../shared/rules/viewCache.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { CREW_DRAGON, MINI, MINI_SEATS } from "./helpers.ts";

function viewers(s: GameState): Viewer[] {
  return [
    ...s.order.map((seat) => ({ kind: "seat", seat }) as const),
    { kind: "spectator" },
    { kind: "facilitator" },
  ];
}

/** Replays a game in place with one cache and compares every viewer's views at every step. */
function compareAlong(scenario: Scenario, seed: string, bots?: Record<string, Bot>): number {
  const seats = scenario === MINI ? MINI_SEATS : defaultSeats(scenario);
  const played = playGame(scenario, seed, {
    seats,
    ...(bots ? { bots } : { defaultBot: randomLegalBot }),
  });
  const created = createGame(scenario, seed, seats);
  if (!created.ok) throw new Error(created.detail);
  const s = created.state;
  const cache = newViewCache();
  let compared = 0;
  for (const action of played.log) {
    expect(reduceInPlace(s, action).ok).toBe(true);
    stateChanged(cache);
    for (const viewer of viewers(s)) {
      // views made with a cache are good until the state changes: compare them at once
      const cached = JSON.stringify(cachedPlayerView(s, viewer, cache));
      expect(cached).toBe(JSON.stringify(playerView(s, viewer)));
      compared++;
    }
  }
  return compared;
}

describe("the view cache", () => {
  it("gives the same views as no cache, step by step, with random bots (chat, cancellations)", () => {
    let compared = 0;
    for (let i = 0; i < 6; i++) compared += compareAlong(MINI, `cache${i}`);
    expect(compared).toBeGreaterThan(500);
  });

  it("gives the same views as no cache when each action makes a new state (applyAction)", () => {
    // the pure reducer copies what may change (cloneState): a cache that kept the old state's
    // deals or proposals would show them as they were
    const played = playGame(MINI, "pure0", { seats: MINI_SEATS, defaultBot: randomLegalBot });
    const created = createGame(MINI, "pure0", MINI_SEATS);
    if (!created.ok) throw new Error(created.detail);
    let s = created.state;
    const cache = newViewCache();
    let compared = 0;
    for (const action of played.log) {
      const r = applyAction(s, action);
      if (!r.ok) throw new Error(r.code);
      s = r.state;
      stateChanged(cache);
      for (const viewer of viewers(s)) {
        expect(JSON.stringify(cachedPlayerView(s, viewer, cache))).toBe(
          JSON.stringify(playerView(s, viewer)),
        );
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it("gives the same views as no cache with the default strategy mix on crew-dragon-2020", () => {
    const bots: Record<string, Bot> = {};
    for (const r of Object.keys(CREW_DRAGON.roles))
      bots[r] = BOTS[defaultStrategy(CREW_DRAGON, r)] as Bot;
    let compared = 0;
    for (let i = 0; i < 4; i++) compared += compareAlong(CREW_DRAGON, `mix${i}`, bots);
    expect(compared).toBeGreaterThan(500);
  });
});
