/**
 * The essay's mechanisms, each as a with/without pair on the T or C term it names.
 */
import { describe, expect, it } from "vitest";
import type { GameState, Orders } from "../../shared/rules/types.ts";
import {
  HUMANS,
  host,
  miniScenario,
  negotiating,
  report,
  resolveYear,
  seatMust,
  term,
  timeout,
} from "../fixtures/build.ts";
import { conclude, orders, sale } from "./helpers.ts";

type Over = Parameters<typeof miniScenario>[0];
type Setup = (s: GameState) => GameState;

const buySoyuz3: Setup = (s) =>
  conclude(
    conclude(s, ["us", "russia"], [sale("russia", "us", 3, 90)]),
    ["us", "spacex"],
    [sale("spacex", "us", 1, 55)],
  );
const buyDragon4: Setup = (s) => conclude(s, ["us", "spacex"], [sale("spacex", "us", 4, 55)]);
const none: Setup = (s) => s;
const set =
  (seat: string, o: Partial<Orders>, then: Setup = none): Setup =>
  (s) =>
    orders(then(s), seat, o);
const inject =
  (card: string, then: Setup = none): Setup =>
  (s) => {
    const r = host(then(s), { type: "injectEvent", card });
    if (!r.ok) throw new Error(r.code);
    return r.state;
  };

function year1(setup: Setup, over: Over = {}): GameState {
  return resolveYear(setup(negotiating(miniScenario(over))));
}
const coop = (s: GameState, cause: string) =>
  report(s, 2020).cooperationTerms.find((t) => t.cause === cause)?.amount ?? 0;

type Pair = {
  name: string;
  kind: "T" | "C";
  cause: string;
  with: Setup;
  without: Setup;
  over?: Over;
  expectWith: (x: number, s: GameState) => void;
  expectWithout?: number;
};

const PAIRS: Pair[] = [
  {
    name: "US dependence on Soyuz for ride and lifeboat",
    kind: "T",
    cause: "vulnerability",
    with: buySoyuz3,
    without: buyDragon4,
    expectWith: (x) => expect(x).toBeCloseTo(10 * (0.525 - (0.3 * 270) / 277), 2),
  },
  {
    name: "mutual dependence (seat sale one way, money the other)",
    kind: "C",
    cause: "rivalMutual",
    with: (s) =>
      conclude(
        s,
        ["us", "russia"],
        [
          sale("russia", "us", 3, 90),
          { kind: "techTransfer", provider: "us", recipient: "russia", points: 1, price: 100 },
        ],
      ),
    without: none,
    // dep(US→RU) = 0.375 + 0.2 + 0.3 (100 of 100 critical) = 0.875; dep(RU→US) = 0.3·270/277
    expectWith: (x) => expect(x).toBeCloseTo((50 * ((0.3 * 270) / 277)) / 0.3, 4),
  },
  {
    name: "triangle seats (US subsidises the UAE's Soyuz seat)",
    kind: "C",
    cause: "triangle",
    with: (s) =>
      conclude(
        s,
        ["uae", "russia", "us"],
        [
          sale("russia", "uae", 1, 90),
          { kind: "subsidy", payer: "us", beneficiary: "uae", perSeat: 35 },
        ],
      ),
    without: (s) => conclude(s, ["uae", "russia"], [sale("russia", "uae", 1, 90)]),
    expectWith: (x, s) => {
      expect(report(s, 2020).triangleSeats).toBe(1);
      expect(x).toBe(7.5);
    },
  },
  {
    name: "published diversion estimate (25 %)",
    kind: "T",
    cause: "diversion",
    with: set("russia", { diversion: 25 }),
    without: set("russia", { diversion: 0 }),
    expectWith: (x) => expect(x).toBe(7.5),
  },
  {
    name: "money to a diverting Russia",
    kind: "T",
    cause: "moneyToMilitary",
    with: set("russia", { diversion: 25 }, buySoyuz3),
    without: set("russia", { diversion: 25 }),
    // 270 × 25 % ÷ 20
    expectWith: (x) => expect(x).toBeCloseTo((270 * 0.25) / 20, 2),
  },
  {
    name: "Russia's lost foreign income",
    kind: "T",
    cause: "incomeLoss",
    with: none,
    without: buySoyuz3,
    expectWith: (x) => expect(x).toBeCloseTo((20 * 270) / 2770, 2),
  },
  {
    name: "sanctions",
    kind: "T",
    cause: "sanctions",
    with: set("us", { sanctions: 2 }),
    without: none,
    expectWith: (x) => expect(x).toBe(6),
  },
  {
    name: "failed deals",
    kind: "T",
    cause: "failedDeals",
    with: (s) => conclude(s, ["uae", "russia"], [sale("russia", "uae", 3, 100)]), // the UAE cannot pay
    without: (s) => conclude(s, ["uae", "russia"], [sale("russia", "uae", 1, 100)]),
    expectWith: (x) => expect(x).toBe(2),
  },
  {
    name: "covert sale detected",
    kind: "T",
    cause: "covert",
    with: set("russia", { covertSale: true }),
    without: none,
    over: { orders: { covertDetection: 1 } } as Over,
    expectWith: (x) => expect(x).toBe(20),
  },
  {
    name: "Crisis on Earth: link",
    kind: "T",
    cause: "crisisOnEarth",
    with: (s) => seatMust(inject("crisis-on-earth")(s), "us", { type: "stance", stance: "link" }),
    without: none,
    expectWith: (x) => expect(x).toBe(4),
  },
];

describe("mechanisms: with and without", () => {
  it.each(PAIRS.map((p) => [p.name, p] as const))("%s", (_name, p) => {
    const get = (s: GameState) => (p.kind === "T" ? term(s, 2020, p.cause) : coop(s, p.cause));
    const w = year1(p.with, p.over);
    const wo = year1(p.without, p.over);
    p.expectWith(get(w), w);
    expect(get(wo)).toBe(p.expectWithout ?? 0);
    expect(get(w)).not.toBe(get(wo));
  });

  it("cooperation restrains tension: −0.06 × C, stronger with more cooperation", () => {
    const w = year1(buySoyuz3);
    const wo = year1(buyDragon4);
    // with: C = rival 50 · (0.3 · 270/277)/0.3 = 48.74 + trust 15 = 63.74; −0.06 · 63.74 = −3.82
    expect(report(w, 2020).cooperation).toBe(63.74);
    expect(term(w, 2020, "cooperation")).toBe(-3.82);
    // without (no money to Russia): C = trust 15 only; −0.06 · 15 = −0.9
    expect(report(wo, 2020).cooperation).toBe(15);
    expect(term(wo, 2020, "cooperation")).toBe(-0.9);
  });

  it("Crisis on Earth: link adds 4 T, compartmentalise 1 T", () => {
    const stance =
      (x: "link" | "compartmentalise"): Setup =>
      (s) =>
        seatMust(inject("crisis-on-earth", buySoyuz3)(s), "russia", { type: "stance", stance: x });
    const link = year1(stance("link"));
    const comp = year1(stance("compartmentalise"));
    expect(term(link, 2020, "crisisOnEarth")).toBe(4);
    expect(term(comp, 2020, "crisisOnEarth")).toBe(1);
    // linking suspends the US–Russia deal, and with it their interdependence
    expect(coop(link, "rivalMutual")).toBe(0);
    expect(coop(comp, "rivalMutual")).toBeGreaterThan(0);
  });

  it.each([
    // diversion, brain-drain chance, T term in 2021 (civil funding < 85 % for two years in a row)
    [50, 1, 8],
    [50, 0, 0],
    [0, 1, 0],
  ])(
    "brain drain: diversion %i %%, chance %d → +%i T in the second year",
    (diversion, chance, t) => {
      let s = negotiating(miniScenario({ brainDrain: { chance } } as Over));
      s = resolveYear(orders(s, "russia", { diversion }));
      expect(term(s, 2020, "brainDrain")).toBe(0); // one year below is not enough
      s = resolveYear(timeout(s));
      expect(term(s, 2021, "brainDrain")).toBe(t);
      expect(report(s, 2021).brainDrain).toBe(t > 0);
    },
  );

  it("inspection makes the estimate exact (estimate noise 10)", () => {
    const noisy = miniScenario({ tension: { estimateNoise: 10 } } as Over);
    const run = (seed: string, inspection: boolean) => {
      let s = negotiating(noisy, HUMANS, {}, seed);
      s = resolveYear(orders(s, "russia", { diversion: 25, acceptInspection: inspection }));
      return s;
    };
    const seeds = Array.from({ length: 20 }, (_, i) => `seed-${i}`);
    const off = seeds.find(
      (seed) => report(run(seed, false), 2020).diversionEstimate.russia !== 25,
    );
    expect(off).toBeDefined();
    const uninspected = run(off as string, false);
    const inspected = run(off as string, true);
    expect(report(inspected, 2020).diversionEstimate.russia).toBe(25);
    expect(term(inspected, 2020, "diversion")).toBe(7.5);
    expect(term(uninspected, 2020, "diversion")).not.toBe(7.5);
    // 25 ± 10, rounded to 5, not 25: 15, 20, 30 or 35, and T 0.3 × that
    const estimate = report(uninspected, 2020).diversionEstimate.russia;
    const t = term(uninspected, 2020, "diversion");
    expect([
      [15, 4.5],
      [20, 6],
      [30, 9],
      [35, 10.5],
    ]).toContainEqual([estimate, t]);
  });
});
