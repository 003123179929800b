/**
 * The numbers that moved from the code into the scenario (issue 8): each one, changed in
 * the scenario, changes what the engine or a bot does.
 */
import { describe, expect, it } from "vitest";
import { makeCtx } from "../../shared/bots/common.ts";
import { realistPolicy } from "../../shared/bots/realist.ts";
import { checkProposal } from "../../shared/rules/terms.ts";
import type { GameState } from "../../shared/rules/types.ts";
import { playerView } from "../../shared/rules/view.ts";
import { scenarioNames, verdictText } from "../../shared/text/details.ts";
import { HUMANS, miniScenario, negotiating, report, resolveYear } from "../fixtures/build.ts";
import { conclude, orders } from "./helpers.ts";

type Over = Parameters<typeof miniScenario>[0];
const play = (over: Over, prepare: (s: GameState) => GameState = (s) => s, years?: number) =>
  resolveYear(prepare(negotiating(miniScenario(over), HUMANS, years ? { years } : {})));
const lost = (s: GameState) =>
  s.ledger
    .filter((t) => t.from === "russia" && t.to === "sink:sanctions")
    .reduce((a, t) => a + t.amount, 0);

describe("numbers the scenario now gives", () => {
  it.each([
    // carve-out factor, Russia's loss at sanctions level 1 with space carved out (3 % of 2,770 × factor)
    [0.5, 41.55],
    [0.25, 20.78],
    [1, 83.1],
  ])("orders.sanctionsCarveOutFactor %d: Russia loses %d", (factor, loss) => {
    const s = play({ orders: { sanctionsCarveOutFactor: factor } } as Over, (g) =>
      orders(g, "us", { sanctions: 1, sanctionsCarveOut: true }),
    );
    expect(lost(s)).toBeCloseTo(loss, 2);
  });

  it.each([
    // reputation lost for a broken condition; SpaceX starts at 5
    [1, 4],
    [3, 2],
  ])("scoring.brokenConditionReputation %d: SpaceX ends at %d", (cost, reputation) => {
    // SpaceX's list price is 55: a contract asking for at most 50 breaks its condition
    const s = play({ scoring: { brokenConditionReputation: cost } } as Over, (g) =>
      conclude(
        g,
        ["us", "spacex"],
        [
          {
            kind: "contract",
            state: "us",
            company: "spacex",
            value: 100,
            condition: { kind: "maxListPrice", price: 50 },
          },
        ],
      ),
    );
    expect(report(s, 2020).pledges.some((p) => p.by === "spacex" && !p.kept)).toBe(true);
    expect(s.seats.spacex?.reputation).toBe(reputation);
  });

  it("scoring.profitUnit: the profit objective's points per that much profit", () => {
    const profit = (unit: number) => {
      const r = report(play({ scoring: { profitUnit: unit } } as Over), 2020);
      return r.scoreTerms.spacex?.find((t) => t.cause === "profit");
    };
    const per100 = profit(100);
    const per50 = profit(50);
    expect(per100?.amount).not.toBe(0);
    expect(per50?.detail).toEqual(per100?.detail);
    expect(per50?.amount).toBeCloseTo(2 * (per100?.amount ?? 0), 2);
  });

  it.each([5, 7, 25])("market.priceRounding %i: buyers' prices are multiples of it", (step) => {
    const s = negotiating(
      miniScenario({ market: { minBuyers: 6, maxBuyers: 6, priceRounding: step } } as Over),
    );
    expect(s.market).toHaveLength(6);
    for (const b of s.market) expect(b.maxPrice % step).toBe(0);
  });

  it.each([
    // cooperationHeld, cooperationThin, monopolyShare: the liberal verdict's words, a monopoly risk
    [0, 0, 0, "interdependence held the rivals together", true],
    [100, 0, 80, "ties were thin", false],
    [100, 100, 80, "the world drifted apart", false],
  ])("scoring.verdicts held %i, thin %i, monopoly %i: %s", (held, thin, monopoly, words, risk) => {
    const verdicts = {
      cooperationHeld: held,
      cooperationThin: thin,
      exposedMargin: 0.005,
      monopolyShare: monopoly,
    };
    // Soyuz flies three US crew and Crew Dragon one: Russia flies 75 % of the seats for others
    const s = play(
      { scoring: { verdicts } } as Over,
      (g) =>
        conclude(
          g,
          ["us", "russia", "spacex"],
          [
            { kind: "seatSale", provider: "russia", buyer: "us", seats: 3, price: 90 },
            { kind: "seatSale", provider: "spacex", buyer: "us", seats: 1, price: 90 },
          ],
        ),
      1,
    );
    const v = s.outcome && verdictText(s.outcome.verdicts, scenarioNames(s.scenario));
    expect(v?.liberal).toContain(words);
    expect(s.outcome?.verdicts.market.monopoly).toBe(risk);
    expect(v?.market.includes("monopoly risk")).toBe(risk);
  });

  it.each([
    // exposedMargin: the US depends on Russia for its crew; a margin above that V hides it
    [0.005, "US ended exposed to RU"],
    [0.99, "Neither rival ended exposed to the other"],
  ])("scoring.verdicts.exposedMargin %d: %s", (margin, words) => {
    const verdicts = {
      cooperationHeld: 50,
      cooperationThin: 25,
      exposedMargin: margin,
      monopolyShare: 60,
    };
    const s = play(
      { scoring: { verdicts } } as Over,
      (g) =>
        conclude(
          g,
          ["us", "russia"],
          [{ kind: "seatSale", provider: "russia", buyer: "us", seats: 3, price: 90 }],
        ),
      1,
    );
    expect(
      s.outcome && verdictText(s.outcome.verdicts, scenarioNames(s.scenario)).realist,
    ).toContain(words);
  });

  it.each([
    // maxSwapSeats, a swap of 4 seats is accepted
    [6, true],
    [3, false],
  ])("orders.maxSwapSeats %i: a swap of 4 seats passes: %s", (max, ok) => {
    const sc = miniScenario({ orders: { maxSwapSeats: max } } as Over);
    const swap = { kind: "seatSwap", a: "us", b: "russia", seats: 4 } as const;
    expect(checkProposal(sc, ["us", "russia"], "us", ["us", "russia"], [swap], 1) === null).toBe(
      ok,
    );
  });

  it.each([
    // start T 50 (mini); the Realist is threatened once T is threatTensionRise above it, and
    // then diverts the next level up (25 instead of 10); nothing else threatens it in year 1
    [20, 69, 10],
    [20, 70, 25],
    [10, 60, 25],
    [30, 75, 10],
  ])(
    "bots.realist.threatTensionRise %i at T %i: the Realist diverts %i %%",
    (rise, tension, diversion) => {
      const sc = miniScenario({ bots: { realist: { threatTensionRise: rise } } } as Over);
      const g = negotiating(sc);
      g.tension = tension;
      const view = playerView(g, { kind: "seat", seat: "russia" });
      const wished = realistPolicy.orders(makeCtx(view, sc, () => 0.5));
      expect(wished.diversion).toBe(diversion);
    },
  );
});
