/**
 * Issue 10's audit findings, one fixed-seed test each, on the mini fixture (numbers worked by
 * hand from tests/fixtures/scenarios/mini.json, with the overrides each test names): tension
 * is a level that settles, Russia's money scores, contracts are non-cash, the US pays for a
 * single provider, emerging nations' astronaut points stop at their ambition, the reduced ISS
 * role has its own tension term, and the Liberal verdict reads T.
 */
import { describe, expect, it } from "vitest";
import type { GameState } from "../../shared/rules/types.ts";
import { scenarioNames, scoreText, tensionText, verdictText } from "../../shared/text/details.ts";
import {
  HUMANS,
  host,
  miniScenario,
  negotiating,
  report,
  resolveYear,
  term,
  timeout,
} from "../fixtures/build.ts";
import { conclude, orders, sale } from "./helpers.ts";

type Over = Parameters<typeof miniScenario>[0];

/** No terms but the ones a test sets: no income-loss, cooperation or brain-drain tension. */
const QUIET_T = { incomeLoss: 0, cooperation: 0 };
const QUIET = { tension: QUIET_T, brainDrain: { chance: 0 } } as Over;

const scoreTerm = (s: GameState, year: number, role: string, cause: string) =>
  report(s, year).scoreTerms[role]?.find((t) => t.cause === cause) ?? null;

const moved = (s: GameState, year: number, from: string, to: string) =>
  s.ledger
    .filter((t) => t.year === year && t.from === from && t.to === to)
    .reduce((a, t) => a + t.amount, 0);

function years(s: GameState, n: number, each: (s: GameState) => GameState = (x) => x): GameState {
  let out = s;
  for (let i = 0; i < n; i++) out = resolveYear(each(i === 0 ? out : timeout(out)));
  return out;
}

describe("1. tension is a level, not a running sum", () => {
  it("a one-off +10 shock fades with the drift: 50 → 60 → 57.5 → 55.63 (drift 0.25)", () => {
    const sc = miniScenario({ ...QUIET, tension: { ...QUIET_T, drift: 0.25 } } as Over);
    let s = negotiating(sc, HUMANS, { years: 4 });
    const r = host(s, { type: "injectEvent", card: "tension-up" });
    if (!r.ok) throw new Error(r.code);
    s = years(r.state, 3);
    // 2020: 50 + 10 (drift 0 at T0); 2021: 60 + 0.25 · (50 − 60) = 57.5;
    // 2022: 57.5 + 0.25 · (50 − 57.5) = 55.625 → 55.63
    expect([2020, 2021, 2022].map((y) => report(s, y).tension)).toEqual([60, 57.5, 55.63]);
    expect(term(s, 2021, "drift")).toBe(-2.5);
  });

  it("the same shock under the first engine's drift 0.1 fades slower: 60 → 59 → 58.1", () => {
    const sc = miniScenario({ ...QUIET, tension: { ...QUIET_T, drift: 0.1 } } as Over);
    let s = negotiating(sc, HUMANS, { years: 4 });
    const r = host(s, { type: "injectEvent", card: "tension-up" });
    if (!r.ok) throw new Error(r.code);
    s = years(r.state, 3);
    expect([2020, 2021, 2022].map((y) => report(s, y).tension)).toEqual([60, 59, 58.1]);
  });

  it("a policy kept every year settles at T0 + its yearly terms ÷ drift: 25 % diverted → 50 + 5/0.25 = 70", () => {
    // diversion estimate 0.2 · 25 = +5 a year; the level it settles at is 50 + 5 / 0.25 = 70;
    // after 8 years: 70 − 20 · 0.75^8 = 70 − 2.00 = 68.0
    const sc = miniScenario({
      ...QUIET,
      tension: { ...QUIET_T, drift: 0.25, diversionEstimate: 0.2 },
    } as Over);
    const s = years(negotiating(sc, HUMANS, { years: 8 }), 8, (x) =>
      orders(x, "russia", { diversion: 25 }),
    );
    expect(report(s, 2020).tension).toBe(55);
    expect(report(s, 2021).tension).toBe(58.75); // 55 + 0.25 · (50 − 55) + 5
    expect(report(s, 2027).tension).toBeCloseTo(68, 1);
    // and it never goes past the level it settles at
    expect(Math.max(...s.reports.map((r) => r.tension))).toBeLessThanOrEqual(70);
  });
});

describe("2. Russia's money scores (civil funding against base + the status quo's US income)", () => {
  it("a Russia that loses its US revenue and replaces none scores less on civil funding", () => {
    // target 2770 + 270 = 3040. With the 3 US seats at 90: 2770 + 270 − 3 · 40 = 2920 →
    // 6 · 2920/3040 = 5.76; without: 2770 → 6 · 2770/3040 = 5.47
    const withUs = resolveYear(
      conclude(negotiating(miniScenario(QUIET)), ["us", "russia"], [sale("russia", "us", 3, 90)]),
    );
    const without = resolveYear(negotiating(miniScenario(QUIET)));
    expect(scoreTerm(withUs, 2020, "russia", "civilFunding")?.amount).toBe(5.76);
    expect(scoreTerm(without, 2020, "russia", "civilFunding")?.amount).toBe(5.47);
    const civil = scoreTerm(without, 2020, "russia", "civilFunding");
    expect(civil?.detail).toEqual({ cause: "civilFunding", funding: 2770, target: 3040 });
    expect(civil && scoreText(civil.detail, scenarioNames(without.scenario))).toBe(
      "civil funding 2770 of target 3040 (91 %)",
    );
  });

  it("cash scores for nobody: Russia's unspent cash moves no score term", () => {
    // two games alike but for 1,000 more starting cash: every score term is the same
    const a = resolveYear(negotiating(miniScenario(QUIET)));
    const b = resolveYear(
      negotiating(miniScenario({ ...QUIET, roles: { russia: { startingCash: 1000 } } } as Over)),
    );
    expect(b.seats.russia?.cash).toBe((a.seats.russia?.cash ?? 0) + 1000);
    expect(report(b, 2020).scoreTerms.russia).toEqual(report(a, 2020).scoreTerms.russia);
  });
});

describe("3. non-cash contracts", () => {
  it("a contract of 100 moves only its cash share (25 %) from the state; the company earns 100", () => {
    const s = resolveYear(
      conclude(
        negotiating(miniScenario(QUIET)),
        ["us", "spacex"],
        [{ kind: "contract", state: "us", company: "spacex", value: 100, condition: null }],
      ),
    );
    expect(moved(s, 2020, "us", "spacex")).toBe(25);
    expect(moved(s, 2020, "source:inkind", "spacex")).toBe(75);
    expect(s.ledger.find((t) => t.from === "source:inkind" && t.to === "spacex")?.reason).toBe(
      "in-kind contract value from US",
    );
    // money saved counts cash only: 1000 budget, 25 spent → 3 · 0.975 = 2.93 (2.925)
    expect(scoreTerm(s, 2020, "us", "moneySaved")?.amount).toBe(2.93);
  });

  it("the cash share is the scenario's: at 100 % the state pays the full value", () => {
    const s = resolveYear(
      conclude(
        negotiating(miniScenario({ ...QUIET, prices: { contractCashShare: 1 } } as Over)),
        ["us", "spacex"],
        [{ kind: "contract", state: "us", company: "spacex", value: 100, condition: null }],
      ),
    );
    expect(moved(s, 2020, "us", "spacex")).toBe(100);
    expect(moved(s, 2020, "source:inkind", "spacex")).toBe(0);
  });
});

describe("4. the US's single-provider term and the emerging nations' ambition", () => {
  const US_MONOPOLY = {
    ...QUIET,
    roles: { us: { objectives: [{ kind: "singleProvider", points: 2.5, share: 0.75 }] } },
  } as Over;

  it("appears, named, when one company flies more than 75 % of the US crew", () => {
    const s = resolveYear(
      conclude(
        negotiating(miniScenario(US_MONOPOLY)),
        ["us", "spacex"],
        [sale("spacex", "us", 4, 55)],
      ),
    );
    const t = scoreTerm(s, 2020, "us", "singleProvider");
    expect(t).toEqual({
      cause: "singleProvider",
      detail: { cause: "singleProvider", company: "spacex", role: "us", percent: 100 },
      amount: -2.5,
    });
    expect(t && scoreText(t.detail, scenarioNames(s.scenario))).toBe(
      "SpaceX flew 100 % of US crew",
    );
  });

  it("does not appear at 75 % (3 on Dragon, 1 on Soyuz)", () => {
    let s = negotiating(miniScenario(US_MONOPOLY));
    s = conclude(s, ["us", "spacex"], [sale("spacex", "us", 3, 55)]);
    s = resolveYear(conclude(s, ["us", "russia"], [sale("russia", "us", 1, 90)]));
    expect(scoreTerm(s, 2020, "us", "singleProvider")).toBeNull();
  });

  it("an emerging nation's astronaut points stop at its ambition (2 a year)", () => {
    // 3 UAE astronauts on Soyuz at 60: points for 2: 5 · 2 = 10
    const s = resolveYear(
      conclude(negotiating(miniScenario(QUIET)), ["uae", "russia"], [sale("russia", "uae", 3, 60)]),
    );
    expect(report(s, 2020).flown.filter((f) => f.crew === "uae")).toHaveLength(3);
    const t = scoreTerm(s, 2020, "uae", "astronautsFlown");
    expect(t).toEqual({
      cause: "astronautsFlown",
      detail: { cause: "astronautsFlown", flown: 3, counted: 2 },
      amount: 10,
    });
    expect(t && scoreText(t.detail, scenarioNames(s.scenario))).toBe(
      "3 astronauts flown (points for 2, your ambition a year)",
    );
  });
});

describe("5. a reduced ISS role is a named tension term", () => {
  it("+3 'RU reduced its ISS role' (tension.reducedRole 3), none at the full role", () => {
    const sc = miniScenario({ ...QUIET, tension: { ...QUIET_T, reducedRole: 3 } } as Over);
    const reduced = resolveYear(orders(negotiating(sc), "russia", { roleLevel: "reduced" }));
    const full = resolveYear(negotiating(sc));
    const t = report(reduced, 2020).tensionTerms.find((t) => t.cause === "reducedRole");
    expect(t).toEqual({
      cause: "reducedRole",
      detail: { cause: "reducedRole", role: "russia" },
      amount: 3,
    });
    expect(t && tensionText(t.detail, scenarioNames(sc))).toBe("RU reduced its ISS role");
    expect(term(full, 2020, "reducedRole")).toBe(0);
    // 50 + 3 (no other term moves in this quiet table)
    expect(report(reduced, 2020).tension).toBe(53);
  });
});

describe("6. the Liberal verdict reads T", () => {
  /** A one-year game at a flat start T with high cooperation: 3 US seats at 90 and know-how bought back. */
  function interdependentAt(t: number): string {
    const sc = miniScenario({ ...QUIET, startTension: t, crisis: { threshold: 100 } } as Over);
    let s = negotiating(sc, HUMANS, { years: 1 });
    s = conclude(
      s,
      ["us", "russia"],
      [
        sale("russia", "us", 3, 90),
        { kind: "techTransfer", provider: "us", recipient: "russia", points: 1, price: 100 },
      ],
    );
    s = resolveYear(s);
    return s.outcome ? verdictText(s.outcome.verdicts, scenarioNames(sc)).liberal : "";
  }

  it("does not praise restraint at T 100 after a crisis, however interdependent the rivals", () => {
    // 99 + the US's dependence on Soyuz clamps at 100: the crisis (threshold 100, both
    // de-escalate by default) takes 10 off: 90
    const v = interdependentAt(99);
    expect(v).toMatch(/^Cooperation ended at (\d+)\/100/);
    expect(Number(v.match(/^Cooperation ended at (\d+)/)?.[1])).toBeGreaterThanOrEqual(50);
    expect(v).toContain("and tension at 90 after 1 crisis:");
    expect(v).not.toContain("held the rivals together");
    expect(v).toMatch(/did not restrain tension\.$/);
  });

  it("praises it below restrainedBelow (65) with the same ties", () => {
    expect(interdependentAt(50)).toMatch(/interdependence held the rivals together\.$/);
  });
});
