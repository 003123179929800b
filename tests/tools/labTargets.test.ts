/**
 * The arithmetic the essay and balance studies add (paired win shares, the
 * size of a decision's effect, the tension band, each target's PASS/FAIL
 * boundary), on hand-computed data; the essay rows' seats and pairing; and
 * the bot variants in real games.
 */
import { describe, expect, it } from "vitest";
import { loadScenario } from "../../server/scenarios.ts";
import { BOTS } from "../../shared/bots/index.ts";
import { playGame } from "../../shared/bots/play.ts";
import type { Bot } from "../../shared/bots/types.ts";
import {
  aggressionOk,
  conflictRateOk,
  decisionOk,
  leaderOk,
  quietOk,
  spanOk,
  tensionBandOk,
  topShareOk,
  unlikelyOk,
} from "../../tools/labBalance.ts";
import { emergingRoles, pairRows, planEssay, seatsWithNations } from "../../tools/labEssay.ts";
import {
  bandInside,
  type GameResult,
  pairedEffect,
  pairedWins,
  shareAtLeast,
} from "../../tools/labStats.ts";
import { parseVariant, variantBot } from "../../tools/labVariants.ts";
import { drawStrategy } from "../../tools/labWorker.ts";

describe("paired games", () => {
  it("counts, pair by pair, which side is better; ties and missing games count for neither", () => {
    // pairs: 3>1 a, 5=5 tie, 2<4 b, (missing) skipped, 4>3 a
    const a = [3, 5, 2, undefined, 4];
    const b = [1, 5, 4, 2, 3];
    expect(pairedWins(a, b)).toEqual({ n: 4, a: 0.5, b: 0.25, ties: 0.25 });
    // lower is better (tension): the same pairs, the other way round
    expect(pairedWins(a, b, false)).toEqual({ n: 4, a: 0.25, b: 0.5, ties: 0.25 });
    expect(pairedWins([], []).a).toBeNaN();
  });

  it("measures a decision's effect as mean |a − b| over the mean score", () => {
    // |10 − 14| + |20 − 20| = 4 over (12 + 20) = 32
    expect(pairedEffect([10, 20], [14, 20])).toBeCloseTo(0.125, 12);
    // equal means, yet a big effect in every game
    expect(pairedEffect([10, 30], [30, 10])).toBeCloseTo(1, 12);
    // scores below zero: |−10 − 10| = 20 over (10 + 10) / 2 = 10
    expect(pairedEffect([-10], [10])).toBe(2);
    expect(pairedEffect([0], [0])).toBe(0);
  });

  it("gives the share at the ceiling and the 10th–90th percentile band", () => {
    expect(shareAtLeast([100, 99.9, 100, 40], 100)).toBe(0.5);
    // six values: P10 at rank 0.5 → 25, P90 at rank 4.5 → 80
    expect(bandInside([20, 30, 40, 50, 60, 100], 20, 98)).toEqual({
      p10: 25,
      p90: 80,
      inside: true,
    });
    // eleven values: P10 = the 2nd (30), P90 = the 10th (98): on the edge is inside
    expect(bandInside([20, 30, 40, 50, 60, 70, 80, 90, 95, 98, 99], 20, 98).inside).toBe(true);
    expect(bandInside([10, 10, 50, 50, 50, 50, 50, 50, 50, 100, 100], 20, 98)).toEqual({
      p10: 10,
      p90: 100,
      inside: false,
    });
  });
});

describe("target boundaries (GAME.md, Balance targets)", () => {
  it("no dominant seat: 15–40 % inclusive", () => {
    expect([0.15, 0.4, 0.1499, 0.4001].map(topShareOk)).toEqual([true, true, false, false]);
  });
  it("tension band: ≤ 10 % at 100, P10 ≥ 20, P90 ≤ 98", () => {
    expect(tensionBandOk(0.1, 20, 98)).toBe(true);
    expect(tensionBandOk(0.1001, 20, 98)).toBe(false);
    expect(tensionBandOk(0.1, 19.9, 98)).toBe(false);
    expect(tensionBandOk(0.1, 20, 98.1)).toBe(false);
    expect(spanOk([70, 75, 80])).toBe(true);
    expect(spanOk([70, 79.9])).toBe(false);
    expect(spanOk([])).toBe(false);
  });
  it("conflict 5–25 %, leader after year 2 below 60 %", () => {
    expect([0.05, 0.25, 0.049, 0.251].map(conflictRateOk)).toEqual([true, true, false, false]);
    expect([0.599, 0.6].map(leaderOk)).toEqual([true, false]);
  });
  it("events off: within 8 T, diversion at least 15 T above", () => {
    expect(quietOk(60, 52, 67)).toBe(true);
    expect(quietOk(60, 68, 83)).toBe(true);
    expect(quietOk(60, 51.9, 70)).toBe(false);
    expect(quietOk(60, 52, 66.9)).toBe(false);
  });
  it("real decisions: neither side above 80 %, effect at least 5 %", () => {
    expect(decisionOk(0.8, 0.2, 0.05)).toBe(true);
    expect(decisionOk(0.81, 0.19, 0.3)).toBe(false);
    expect(decisionOk(0.1, 0.85, 0.3)).toBe(false);
    expect(decisionOk(0.5, 0.5, 0.049)).toBe(false);
  });
  it("aggression no better than the Realist; extra cosmonauts lose in at least 70 %", () => {
    expect(aggressionOk(10, 10)).toBe(true);
    expect(aggressionOk(10.01, 10)).toBe(false);
    expect([0.7, 0.69].map(unlikelyOk)).toEqual([true, false]);
  });
});

describe("essay rows", () => {
  const sc = loadScenario("crew-dragon-2020");
  const base = { us: "mixed", russia: "mixed", spacex: "profit", uae: "mixed" };

  it("seat one and three emerging nations, default-seated first", () => {
    expect(emergingRoles(sc)).toEqual(["uae", "turkey", "poland"]);
    expect(Object.keys(seatsWithNations(sc, base, 1, () => "x"))).toEqual([
      "us",
      "russia",
      "spacex",
      "uae",
    ]);
    expect(seatsWithNations(sc, base, 3, () => "liberal")).toEqual({
      ...base,
      turkey: "liberal",
      poland: "liberal",
    });
  });

  it("pair every policy with the status quo of its nation count and triangle setting, on its seeds", () => {
    const rows = planEssay(sc, base, () => "mixed");
    expect(rows).toHaveLength(16);
    const cut3 = rows.find((r) => r.id === "cutTies@3-noTriangle");
    expect(cut3?.pairWith).toBe("statusQuo@3-noTriangle");
    expect(cut3?.seedKey).toBe("essay@3");
    expect(cut3?.strategies.us).toBe("cutTies");
    expect(rows.find((r) => r.id === "statusQuo@1")?.pairWith).toBeUndefined();
  });

  it("reads the paired shares game by game", () => {
    const g = (policy: string, i: number, T: number, C: number, us: number): GameResult => ({
      policy,
      index: i,
      seed: "",
      finalT: T,
      finalC: C,
      conflict: false,
      percentOfPar: {},
      tByYear: [],
      scores: { us },
    });
    const [sq, cut] = planEssay(sc, base, () => "mixed").filter((r) =>
      ["statusQuo@1", "cutTies@1"].includes(r.id),
    );
    const paired = pairRows(sc, [
      { policy: sq as never, games: [g("a", 0, 80, 50, 10), g("a", 1, 60, 50, 10)] },
      { policy: cut as never, games: [g("b", 0, 70, 40, 12), g("b", 1, 100, 60, 10)] },
    ]);
    expect(paired[0]?.versus).toBeNull();
    // game 0: T 70 < 80, C 40 < 50, US 12 > 10; game 1: T 100 > 60, C 60 > 50, US tie
    expect(paired[1]?.versus).toEqual({ lowerT: 0.5, higherC: 0.5, higherUs: 0.5, n: 2 });
    expect(paired[1]?.atCeiling).toBe(0.5);
  });
});

describe("bot variants", () => {
  const sc = loadScenario("crew-dragon-2020");

  it("parse a base and its forced decisions, and refuse what they do not know", () => {
    expect(parseVariant("realist+diversion=50+firm")).toEqual({
      base: "realist",
      orders: { diversion: 50 },
      firm: true,
      rideWith: null,
    });
    expect(parseVariant("mixed+roleLevel=reduced+acceptInspection=true")?.orders).toEqual({
      roleLevel: "reduced",
      acceptInspection: true,
    });
    expect(parseVariant("realist")).toBeNull();
    expect(parseVariant("nobody+diversion=50")).toBeNull();
    expect(parseVariant("realist+warp=9")).toBeNull();
  });

  it("hold the forced order every year and stand firm in every crisis", () => {
    const bots: Record<string, Bot> = {
      us: BOTS.realist as Bot,
      russia: variantBot("realist+diversion=50+firm") as Bot,
    };
    let crises = 0;
    for (let i = 0; i < 6; i++) {
      const r = playGame(sc, `variant:${i}`, { bots });
      for (const rep of r.state.reports) {
        expect(rep.diversionEstimate.russia ?? 0).toBeGreaterThanOrEqual(40);
        if (rep.crisis) {
          crises++;
          expect(rep.crisis.choices.russia).toBe("firm");
        }
      }
    }
    expect(crises).toBeGreaterThan(0);
  });

  it("rideWith buys the emerging nation's seats from one provider only", () => {
    let flown = 0;
    for (let i = 0; i < 6; i++) {
      const seed = `ride:${i}`;
      const name = "mixed+rideWith=spacex";
      const bot = variantBot(name, drawStrategy(sc, "uae", seed)) as Bot;
      const r = playGame(sc, seed, { bots: { uae: bot } });
      for (const rep of r.state.reports)
        for (const f of rep.flown)
          if (f.crew === "uae") {
            flown++;
            expect(f.vehicle).toBe("spacex");
          }
    }
    expect(flown).toBeGreaterThan(0);
  });
});
