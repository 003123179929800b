/**
 * `proposalStamp` (shared/rules/records.ts) claims that the rules change a proposal object only
 * in its status and its accepted list: the server skips re-serialising an open proposal whose
 * stamp has not moved (server/rooms/project.ts). Here whole games are replayed in place, and
 * after every action each proposal that is the same object with the same stamp as before must
 * read the same; the games must also move stamps (accepts, counters, closes) so the check bites.
 */
import { describe, expect, it } from "vitest";
import { playGame } from "../../shared/bots/play.ts";
import { randomLegalBot } from "../../shared/bots/randomLegal.ts";
import { proposalStamp } from "../../shared/rules/records.ts";
import { reduceInPlace } from "../../shared/rules/reducer.ts";
import { createGame, defaultSeats } from "../../shared/rules/setup.ts";
import type { Proposal } from "../../shared/rules/types.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { CREW_DRAGON, MINI, MINI_SEATS } from "../property/helpers.ts";

function checkAlong(scenario: Scenario, seed: string) {
  const seats = scenario === MINI ? MINI_SEATS : defaultSeats(scenario);
  const played = playGame(scenario, seed, { seats, defaultBot: randomLegalBot });
  const created = createGame(scenario, seed, seats);
  if (!created.ok) throw new Error(created.detail);
  const s = created.state;
  let same = 0;
  let moved = 0;
  for (const action of played.log) {
    const before = new Map<Proposal, { stamp: number; json: string }>();
    for (const p of Object.values(s.proposals))
      before.set(p, { stamp: proposalStamp(p), json: JSON.stringify(p) });
    expect(reduceInPlace(s, action).ok).toBe(true);
    for (const p of Object.values(s.proposals)) {
      const was = before.get(p);
      if (!was) continue;
      if (proposalStamp(p) === was.stamp) {
        expect(JSON.stringify(p), `${action.type} changed ${p.id} but not its stamp`).toBe(
          was.json,
        );
        same++;
      } else moved++;
    }
  }
  return { same, moved };
}

describe("a proposal's stamp", () => {
  it("moves whenever the rules change a proposal, over whole games of random bots", () => {
    let same = 0;
    let moved = 0;
    for (const [scenario, seed] of [
      [MINI, "stamp0"],
      [MINI, "stamp1"],
      [CREW_DRAGON, "stamp2"],
      [CREW_DRAGON, "stamp3"],
    ] as const) {
      const r = checkAlong(scenario, seed);
      same += r.same;
      moved += r.moved;
    }
    expect(moved).toBeGreaterThan(20);
    expect(same).toBeGreaterThan(1000);
  });
});
