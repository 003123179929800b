/**
 * `proposalStamp` and `dealStamp` (shared/rules/records.ts) claim that the rules change a
 * proposal only in its status and accepted list, and a deal only in its status, years run and
 * void terms: the server skips re-serialising an open proposal or an active deal whose stamp has
 * not moved (server/rooms/project.ts). Here whole games are replayed in place, and after every
 * action each record that is the same object with the same stamp as before must read the same;
 * the games must also move stamps (accepts, closes, deal years, failures) so the check bites.
 */
import { describe, expect, it } from "vitest";
import { playGame } from "../../shared/bots/play.ts";
import { randomLegalBot } from "../../shared/bots/randomLegal.ts";
import { dealStamp, proposalStamp } from "../../shared/rules/records.ts";
import { reduceInPlace } from "../../shared/rules/reducer.ts";
import { createGame, defaultSeats } from "../../shared/rules/setup.ts";
import type { GameState } from "../../shared/rules/types.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { CREW_DRAGON, MINI, MINI_SEATS } from "../property/helpers.ts";

type Kind = "proposal" | "deal";
type Counts = Record<Kind, { same: number; moved: number }>;

/** Every proposal and deal: the state's own objects, with the stamp the server trusts. */
function stamped(s: GameState): { kind: Kind; id: string; record: object; stamp: number }[] {
  return [
    ...Object.values(s.proposals).map((p) => ({
      kind: "proposal" as const,
      id: p.id,
      record: p,
      stamp: proposalStamp(p),
    })),
    ...Object.values(s.deals).map((d) => ({
      kind: "deal" as const,
      id: d.id,
      record: d,
      stamp: dealStamp(d),
    })),
  ];
}

function checkAlong(scenario: Scenario, seed: string, counts: Counts) {
  const seats = scenario === MINI ? MINI_SEATS : defaultSeats(scenario);
  const played = playGame(scenario, seed, { seats, defaultBot: randomLegalBot });
  const created = createGame(scenario, seed, seats);
  if (!created.ok) throw new Error(created.detail);
  const s = created.state;
  for (const action of played.log) {
    const before = new Map<object, { stamp: number; json: string }>();
    for (const { record, stamp } of stamped(s))
      before.set(record, { stamp, json: JSON.stringify(record) });
    expect(reduceInPlace(s, action).ok).toBe(true);
    for (const { kind, id, record, stamp } of stamped(s)) {
      const was = before.get(record);
      if (!was) continue;
      if (stamp === was.stamp) {
        expect(
          JSON.stringify(record),
          `${action.type} changed ${kind} ${id} but not its stamp`,
        ).toBe(was.json);
        counts[kind].same++;
      } else counts[kind].moved++;
    }
  }
}

describe("a live record's stamp", () => {
  it("moves whenever the rules change a proposal or a deal, over whole games of random bots", () => {
    const counts: Counts = { proposal: { same: 0, moved: 0 }, deal: { same: 0, moved: 0 } };
    for (const [scenario, seed] of [
      [MINI, "stamp0"],
      [MINI, "stamp1"],
      [CREW_DRAGON, "stamp2"],
      [CREW_DRAGON, "stamp3"],
    ] as const)
      checkAlong(scenario, seed, counts);
    expect(counts.proposal.moved).toBeGreaterThan(20);
    expect(counts.proposal.same).toBeGreaterThan(1000);
    expect(counts.deal.moved).toBeGreaterThan(100);
    expect(counts.deal.same).toBeGreaterThan(10000);
  });
});
