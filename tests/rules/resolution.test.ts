/**
 * Each step of the resolution (GAME.md, "Resolution order"), the crisis,
 * scoring and the end of the game.
 */
import { describe, expect, it } from "vitest";
import type { GameState, Term } from "../../shared/rules/types.ts";
import { scenarioNames, verdictText } from "../../shared/text/details.ts";
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

/** Tension that stays where it starts without deals: no income-loss and no cooperation term. */
const FLAT_T = { tension: { incomeLoss: 0, cooperation: 0 } } as Over;

function game(over: Over = {}, years?: number): GameState {
  return negotiating(miniScenario(over), HUMANS, years ? { years } : {});
}

function inject(s: GameState, card: string): GameState {
  const r = host(s, { type: "injectEvent", card });
  if (!r.ok) throw new Error(r.code);
  return r.state;
}

function moved(s: GameState, year: number, from: string, to: string, reason = ""): number {
  return s.ledger
    .filter((t) => t.year === year && t.from === from && t.to === to && t.reason.startsWith(reason))
    .reduce((a, t) => a + t.amount, 0);
}

const market = (n: number, price: number) =>
  ({ market: { minBuyers: n, maxBuyers: n, minPrice: price, maxPrice: price } }) as Over;

const subsidy = (payer: string, beneficiary: string, perSeat: number): Term => ({
  kind: "subsidy",
  payer,
  beneficiary,
  perSeat,
});

describe("1. events", () => {
  it.each([
    ["quiet", 6, 0],
    ["soyuz-anomaly", 3, 0],
    ["tension-up", 6, 10],
  ])("%s: Soyuz capacity %i, event T %i", (card, capacity, t) => {
    let s = game();
    if (card !== "quiet") s = inject(s, card);
    s = resolveYear(s);
    const r = report(s, 2020);
    expect(r.capacity.russia).toBe(capacity);
    expect(term(s, 2020, "event")).toBe(t);
    expect(r.events.map((e) => e.id)).toEqual(card === "quiet" ? ["quiet"] : ["quiet", card]);
    expect(r.events.at(-1)?.injected).toBe(card !== "quiet");
  });

  it.each([
    // US stance, Russian stance, deal result, T term
    ["link", "", "void: space deals linked to the crisis on Earth", 4],
    ["", "link", "void: space deals linked to the crisis on Earth", 4],
    ["compartmentalise", "compartmentalise", "executed", 1],
    ["", "", "executed", 1],
  ])("Crisis on Earth, US %s / RU %s → %s, T +%i", (us, ru, result, t) => {
    let s = inject(game(), "crisis-on-earth");
    s = conclude(s, ["us", "russia"], [sale("russia", "us", 2, 90)]);
    s = conclude(s, ["uae", "russia"], [sale("russia", "uae", 1, 90)]); // not between the rivals
    if (us) s = seatMust(s, "us", { type: "stance", stance: us as "link" });
    if (ru) s = seatMust(s, "russia", { type: "stance", stance: ru as "link" });
    s = resolveYear(s);
    const r = report(s, 2020);
    expect(r.dealResults.find((d) => d.deal === "d1")?.result).toBe(result);
    expect(r.dealResults.find((d) => d.deal === "d2")?.result).toBe("executed");
    expect(term(s, 2020, "crisisOnEarth")).toBe(t);
    expect(moved(s, 2020, "us", "russia")).toBe(result === "executed" ? 180 : 0);
  });

  it("Dragon failure: capacity −4 and Russia's rescue makes the ride home Soyuz", () => {
    const over = { roles: { spacex: { vehicle: { startFlights: 2 } } } } as Over;
    for (const failure of [true, false]) {
      let s = game(over);
      if (failure) s = inject(s, "dragon-failure");
      s = conclude(s, ["us", "spacex"], [sale("spacex", "us", 4, 55)]);
      s = resolveYear(s);
      const r = report(s, 2020);
      expect(r.capacity.spacex).toBe(failure ? 4 : 8);
      const us = r.flown.filter((f) => f.crew === "us");
      expect(us).toHaveLength(4);
      expect(new Set(us.map((f) => f.rideHome))).toEqual(new Set([failure ? "russia" : "spacex"]));
      expect(r.dependence["us>russia"]).toBeCloseTo(failure ? 0.2 : 0, 6);
    }
  });
});

describe("2. capacity", () => {
  it.each([
    // Soyuz 2 × 3, Dragon 1 × 4; Dragon flights 2 via override; anomaly −3
    [{}, [], 6, 4],
    [{ roles: { spacex: { vehicle: { startFlights: 2 } } } }, [], 6, 8],
    [{}, ["soyuz-anomaly"], 3, 4],
    [{}, ["soyuz-anomaly", "soyuz-anomaly", "soyuz-anomaly"], 0, 4], // never below 0
  ] as [Over, string[], number, number][])(
    "%o with %o → Soyuz %i, Dragon %i",
    (over, cards, soyuz, dragon) => {
      let s = game(over);
      for (const c of cards) s = inject(s, c);
      s = resolveYear(s);
      expect(report(s, 2020).capacity).toMatchObject({ russia: soyuz, spacex: dragon });
    },
  );
});

describe("3. seats: own crew first, deals in conclusion order, then the market", () => {
  it("own crew is seated before any deal", () => {
    // 6 Soyuz seats, 3 for Russia's own crew: a deal for 4 fails
    const s = resolveYear(conclude(game(), ["us", "russia"], [sale("russia", "us", 4, 90)]));
    const r = report(s, 2020);
    expect(r.flown.filter((f) => f.crew === "russia")).toHaveLength(3);
    expect(r.dealResults[0]).toMatchObject({
      result: "failed: RU had no 4 seat(s) left",
      fault: "russia",
    });
  });

  it.each([
    // which deal is concluded first wins the last seats
    [["us", "uae"], "us"],
    [["uae", "us"], "uae"],
  ])("concluded %o: %s flies, the other deal fails", (order, winner) => {
    let s = game();
    for (const buyer of order) s = conclude(s, [buyer, "russia"], [sale("russia", buyer, 2, 90)]);
    const before = { trust: s.trustRecords.length };
    s = resolveYear(s);
    const r = report(s, 2020);
    const loser = order.find((x) => x !== winner) as string;
    const [first, second] = r.dealResults;
    expect(first).toMatchObject({ deal: "d1", result: "executed", fault: null });
    expect(second).toMatchObject({
      deal: "d2",
      result: "failed: RU had no 2 seat(s) left",
      fault: "russia",
    });
    expect(s.deals.d2?.status).toBe("failed");
    expect(r.flown.filter((f) => f.crew === winner)).toHaveLength(2);
    expect(r.flown.filter((f) => f.crew === loser)).toHaveLength(0);
    expect(s.seats.russia?.failedDeals).toBe(1);
    expect(s.trustRecords.slice(before.trust).map((x) => x.kept)).toEqual([true, false]);
    expect(term(s, 2020, "failedDeals")).toBe(2);
    const penalty = r.scoreTerms.russia?.find((x) => x.cause === "failedDeals");
    expect(penalty?.amount).toBe(-2);
    expect(r.scoreTerms.us?.find((x) => x.cause === "failedDeals")).toBeUndefined();
    expect(moved(s, 2020, loser, "russia")).toBe(0);
  });

  it("a deal fails when the buyer cannot pay, at the buyer's fault", () => {
    // the UAE has 200; three seats at 100 cost 300
    const s = resolveYear(conclude(game(), ["uae", "russia"], [sale("russia", "uae", 3, 100)]));
    const r = report(s, 2020);
    expect(r.dealResults[0]).toMatchObject({
      result: "failed: UAE could not pay for the seats",
      fault: "uae",
    });
    expect(r.flown.filter((f) => f.crew === "uae")).toHaveLength(0);
    expect(moved(s, 2020, "uae", "russia")).toBe(0);
    expect(s.seats.uae?.failedDeals).toBe(1);
    expect(r.scoreTerms.uae?.find((x) => x.cause === "failedDeals")?.amount).toBe(-2);
  });

  it("a subsidy is paid only when the purchase executes", () => {
    for (const seats of [1, 4]) {
      const s = resolveYear(
        conclude(
          game(),
          ["uae", "russia", "us"],
          [sale("russia", "uae", seats, 40), subsidy("us", "uae", 30)],
        ),
      );
      const executed = seats === 1;
      expect(report(s, 2020).dealResults[0]?.result).toBe(
        executed ? "executed" : "failed: RU had no 4 seat(s) left",
      );
      expect(moved(s, 2020, "us", "russia", "subsidy")).toBe(executed ? 30 : 0);
      expect(moved(s, 2020, "uae", "russia", "seat purchase")).toBe(executed ? 10 : 0);
    }
  });

  it("multi-year deals execute every year", () => {
    let s = conclude(game(), ["us", "russia"], [sale("russia", "us", 1, 90)], 3);
    for (let y = 0; y < 3; y++) s = resolveYear(y ? timeout(s) : s);
    expect(s.phase).toBe("ended");
    for (const year of [2020, 2021, 2022]) {
      expect(moved(s, year, "us", "russia", "seat purchase")).toBe(90);
      expect(report(s, year).flown.filter((f) => f.crew === "us")).toHaveLength(1);
    }
    expect(s.deals.d1).toMatchObject({ status: "completed", yearsDone: 3 });
    expect(s.deals.d1?.results).toEqual({
      "2020": "executed",
      "2021": "executed",
      "2022": "executed",
    });
  });

  it("a one-year deal does not repeat", () => {
    let s = resolveYear(conclude(game(), ["us", "russia"], [sale("russia", "us", 1, 90)]));
    s = resolveYear(timeout(s));
    expect(moved(s, 2021, "us", "russia")).toBe(0);
    expect(s.deals.d1?.status).toBe("completed");
  });

  it.each([
    // Soyuz price, Dragon price, buyers: Dragon is worth 10 more to a buyer
    [60, 65, 1, ["Crew Dragon"]],
    [60, 70, 1, ["Soyuz"]], // a tie in value (−60 each): the cheaper seat
    [60, 75, 1, ["Soyuz"]],
    [60, 65, 3, ["Crew Dragon", "Crew Dragon", "Soyuz"]],
  ] as const)("Soyuz %i vs Dragon %i, %i buyer(s) → %o", (soyuz, dragon, n, bought) => {
    let s = game(market(n, 100));
    s = orders(s, "russia", { touristSeats: 2, listPrice: soyuz });
    s = orders(s, "spacex", { privateSeats: 2, listPrice: dragon });
    s = resolveYear(s);
    const sales = report(s, 2020).marketSales;
    expect(sales.map((x) => x.vehicle)).toEqual(bought);
    expect(moved(s, 2020, "source:market", "spacex")).toBe(
      bought.filter((x) => x === "Crew Dragon").length * dragon,
    );
    expect(moved(s, 2020, "source:market", "russia")).toBe(
      bought.filter((x) => x === "Soyuz").length * soyuz,
    );
  });

  it.each([
    // drawn price → the buyer's maximum, rounded to the nearest 5
    [62, 60],
    [63, 65],
    [67, 65],
    [68, 70],
  ])("a market buyer drawn at %i pays at most %i", (drawn, max) => {
    const s = game(market(1, drawn));
    expect(s.market.map((b) => b.maxPrice)).toEqual([max]);
    // a Soyuz seat listed at the drawn price sells only when rounding went up
    const sold = resolveYear(orders(s, "russia", { touristSeats: 1, listPrice: drawn }));
    expect(report(sold, 2020).marketSales.map((x) => [x.vehicle, x.price])).toEqual(
      max >= drawn ? [["Soyuz", drawn]] : [],
    );
  });

  it("a buyer does not buy above its maximum price", () => {
    let s = game(market(1, 60));
    s = orders(s, "russia", { touristSeats: 1, listPrice: 65 });
    expect(report(resolveYear(s), 2020).marketSales).toEqual([]);
  });
});

describe("4. money", () => {
  it("moves payments, subsidies, market income, costs and budgets, and conserves money", () => {
    let s = game(market(1, 100));
    s = conclude(s, ["us", "russia"], [sale("russia", "us", 2, 90)]);
    s = conclude(
      s,
      ["uae", "russia", "us"],
      [sale("russia", "uae", 1, 60), subsidy("us", "uae", 35)],
    );
    s = orders(s, "spacex", { privateSeats: 1, listPrice: 80 });
    s = orders(s, "us", { sanctions: 1 });
    const total = (g: GameState) => Object.values(g.seats).reduce((a, x) => a + x.cash + x.pool, 0);
    const before = total(s);
    const ledgerStart = s.ledger.length;
    s = resolveYear(s);
    expect(moved(s, 2020, "us", "russia", "seat purchase")).toBe(180);
    expect(moved(s, 2020, "us", "russia", "subsidy")).toBe(35);
    expect(moved(s, 2020, "uae", "russia", "seat purchase")).toBe(25);
    expect(moved(s, 2020, "source:market", "spacex")).toBe(80);
    expect(moved(s, 2020, "russia", "sink:operations")).toBe(3 * 40); // 3 foreign seats on Soyuz
    expect(moved(s, 2020, "spacex", "sink:operations")).toBe(35); // 1 market seat on Dragon
    expect(moved(s, 2020, "russia", "sink:upkeep")).toBe(300);
    expect(moved(s, 2020, "russia", "sink:sanctions")).toBeCloseTo(83.1, 2);
    // every change of money has a named source or sink
    const later = s.ledger.slice(ledgerStart);
    const net =
      later.filter((t) => t.from.startsWith("source:")).reduce((a, t) => a + t.amount, 0) -
      later.filter((t) => t.to.startsWith("sink:")).reduce((a, t) => a + t.amount, 0);
    expect(total(s) - before).toBeCloseTo(net, 6);
    expect(later.every((t) => t.amount > 0)).toBe(true);
  });
});

describe("6. pledges and contract conditions", () => {
  const pledge: Term = {
    kind: "pledge",
    by: "russia",
    text: "diversion at most 10 %",
    check: { order: "diversion", op: "<=", value: 10 },
  };
  it.each([
    [10, true, 1, 0],
    [25, false, 0.5, -3],
  ])(
    "pledge diversion ≤ 10, diverting %i → kept %s, trust %d, points %d",
    (diversion, kept, trust, points) => {
      let s = conclude(game(), ["russia"], [pledge]);
      s = orders(s, "russia", { diversion });
      s = resolveYear(s);
      const r = report(s, 2020);
      expect(r.pledges).toEqual([
        { deal: "d1", by: "russia", text: pledge.kind === "pledge" ? pledge.text : "", kept },
      ]);
      expect(r.trust).toBe(trust);
      expect(s.seats.russia?.brokenPledges).toBe(kept ? 0 : 1);
      expect(r.scoreTerms.russia?.find((x) => x.cause === "brokenPledges")?.amount ?? 0).toBe(
        points,
      );
      expect(r.cooperationTerms.find((x) => x.cause === "trust")?.amount).toBe(15 * trust);
    },
  );

  it("a words-only pledge is not checked", () => {
    let s = conclude(
      game(),
      ["russia"],
      [{ kind: "pledge", by: "russia", text: "we will be good", check: null }],
    );
    s = resolveYear(orders(s, "russia", { diversion: 50 }));
    expect(report(s, 2020).pledges).toEqual([]);
  });

  it.each([
    // flights SpaceX orders, condition kept, cash the US pays in 2021 (its 25 % share of 100)
    [2, true, 25],
    [1, false, 0],
  ])(
    "contract 'at least 2 flights next year', SpaceX orders %i → kept %s, paid %i next year",
    (flights, kept, paid) => {
      const contract: Term = {
        kind: "contract",
        state: "us",
        company: "spacex",
        value: 100,
        condition: { kind: "minFlights", flights: 2 },
      };
      let s = conclude(game(), ["us", "spacex"], [contract], 2);
      s = resolveYear(orders(s, "spacex", { flightsNextYear: flights }));
      // non-cash: the US pays its cash share (25 % of 100), SpaceX earns the rest in kind
      expect(moved(s, 2020, "us", "spacex", "contract")).toBe(25);
      expect(moved(s, 2020, "source:inkind", "spacex")).toBe(75);
      expect(report(s, 2020).pledges).toEqual([
        { deal: "d1", by: "spacex", text: "contract condition (minFlights)", kept },
      ]);
      expect(s.deals.d1?.voidTerms).toEqual(kept ? [] : [0]);
      expect(s.seats.spacex?.reputation).toBe(kept ? 5 : 4);
      s = resolveYear(timeout(s));
      expect(moved(s, 2021, "us", "spacex", "contract")).toBe(paid);
      // a broken condition voids the rest: the in-kind part too
      expect(moved(s, 2021, "source:inkind", "spacex")).toBe(paid * 3);
    },
  );
});

describe("7. indices", () => {
  it("C and T term by term, worked by hand (start T 60, 3 US seats at 90, 25 % diverted, +10 card)", () => {
    let s = conclude(
      game({ startTension: 60 } as Over),
      ["us", "russia"],
      [sale("russia", "us", 3, 90)],
    );
    s = orders(s, "russia", { diversion: 25 });
    s = resolveYear(inject(s, "tension-up"));
    const r = report(s, 2020);
    // dep(US→RU) = 0.5 · 3/4 crew + 0.2 · 3/3 lifeboat = 0.575
    // dep(RU→US) = 0.3 · 270/277 (money, critical share 10 % of 2,770) = 0.292419
    expect(r.dependence["us>russia"]).toBeCloseTo(0.575, 6);
    expect(r.dependence["russia>us"]).toBeCloseTo(0.292419, 6);
    // M = the smaller, 0.292419; V(US→RU) = 0.575 − 0.292419 = 0.282581; V(RU→US) = 0
    expect(r.mutual["russia>us"]).toBeCloseTo(0.292419, 6);
    expect(r.vulnerability["us>russia"]).toBeCloseTo(0.282581, 6);
    expect(r.vulnerability["russia>us"]).toBe(0);
    // C: rival 50 · 0.292419/0.3 = 48.7365, others 0, triangle 0, trust 15 · 1 (one deal kept)
    expect(r.cooperationTerms.map((t) => [t.cause, t.amount])).toEqual([
      ["rivalMutual", expect.closeTo(48.7365, 3)],
      ["otherMutual", 0],
      ["triangle", 0],
      ["trust", 15],
    ]);
    expect(r.cooperation).toBe(63.74); // 48.7365 + 15
    // T: drift 0.1 · (60 − 60) = 0 and income loss (270 is the reference) 0 are left out;
    // vulnerability 10 · 0.282581 = 2.83; diversion 0.3 · 25 = 7.5; money to the military
    // 270 · 25 % / 20 = 3.375 → 3.38; cooperation −0.06 · 63.7365 = −3.82; the card +10
    expect(r.tensionTerms.map((t) => [t.cause, t.amount])).toEqual([
      ["vulnerability", 2.83],
      ["diversion", 7.5],
      ["moneyToMilitary", 3.38],
      ["cooperation", -3.82],
      ["event", 10],
    ]);
    // 60 + 2.825812 + 7.5 + 3.375 − 3.824188 + 10 = 79.8766 (the unrounded terms) → 79.88
    expect(r.tensionBefore).toBe(60);
    expect(r.tension).toBe(79.88);
    expect(s.tension).toBe(79.88);
  });

  it("T drifts back toward its start by 0.1 × (T0 − T)", () => {
    // no income-loss or cooperation term: the +10 card alone moves T in year 1, 50 → 60
    let s = resolveYear(inject(game(FLAT_T), "tension-up"));
    expect(report(s, 2020).tension).toBe(60);
    s = resolveYear(timeout(s));
    // 0.1 · (50 − 60) = −1, and nothing else moves T: 59
    expect(term(s, 2021, "drift")).toBe(-1);
    expect(report(s, 2021).tension).toBe(59);
  });

  it("T is clamped to [0, 100]", () => {
    // 100 + 30 from three cards, clamped to 100 (then the default crisis choices: both de-escalate, −10)
    let s = game({ startTension: 100, crisis: { threshold: 100 } } as Over);
    for (let i = 0; i < 3; i++) s = inject(s, "tension-up");
    s = resolveYear(s);
    expect(report(s, 2020).tension).toBe(90);
    // from 0 the worked example's terms sum below 0 (vulnerability +2.33, cooperation −3.82): clamped to 0
    let t = game({ startTension: 0 } as Over);
    t = conclude(t, ["us", "russia"], [sale("russia", "us", 3, 90)]);
    t = conclude(t, ["us", "spacex"], [sale("spacex", "us", 1, 55)]);
    t = resolveYear(t);
    const r = report(t, 2020);
    expect(r.tensionTerms.reduce((a, x) => a + x.amount, 0)).toBeLessThan(0);
    expect(r.tension).toBe(0);
  });
});

/** Runs year 1 into its crisis (start tension 95 makes T ≥ 80), then the rivals choose. */
function crisis(
  us: "firm" | "deescalate",
  ru: "firm" | "deescalate",
  over: Over = {},
  prepare = (s: GameState) => s,
): GameState {
  let s = prepare(game({ startTension: 95, ...over } as Over));
  while (s.phase !== "crisis") s = timeout(s);
  s = seatMust(s, "us", { type: "crisisChoice", choice: us });
  s = seatMust(s, "russia", { type: "crisisChoice", choice: ru });
  return s;
}
const crisisPoints = (s: GameState, role: string) =>
  (report(s, 2020).scoreTerms[role] ?? [])
    .filter((t) => t.cause === "crisis")
    .reduce((a, t) => a + t.amount, 0);

describe("8. crisis", () => {
  it.each([
    // US, Russia, T change, US points, Russia points
    ["deescalate", "deescalate", -10, 0, 0],
    ["firm", "deescalate", -5, 4, -4],
    ["deescalate", "firm", -5, -4, 4],
  ] as const)("US %s, RU %s → T %i, points US %i / RU %i", (us, ru, dT, usPts, ruPts) => {
    const s = crisis(us, ru);
    const r = report(s, 2020);
    expect(r.crisis?.choices).toEqual({ us, russia: ru });
    expect(term(s, 2020, "crisis")).toBe(dT);
    expect(crisisPoints(s, "us")).toBe(usPts);
    expect(crisisPoints(s, "russia")).toBe(ruPts);
    expect(s.year).toBe(2021);
  });

  it("no crisis below the threshold", () => {
    const s = resolveYear(game());
    expect(report(s, 2020).crisis).toBeNull();
  });

  it("lifeboat leverage: a side with V ≥ 0.2 loses 4 more when the other is firm", () => {
    const dependent = (g: GameState) =>
      conclude(g, ["us", "russia"], [sale("russia", "us", 3, 90)]);
    const s = crisis("deescalate", "firm", {}, dependent);
    expect(report(s, 2020).vulnerability["us>russia"]).toBeGreaterThanOrEqual(0.2);
    expect(crisisPoints(s, "us")).toBe(-8);
    expect(crisisPoints(s, "russia")).toBe(4);
    // when Russia de-escalates, the exposure costs nothing
    expect(crisisPoints(crisis("firm", "deescalate", {}, dependent), "us")).toBe(4);
  });

  it("both firm without escalation: T +5", () => {
    const s = crisis("firm", "firm", { crisis: { escalationBase: 100 } } as Over);
    expect(report(s, 2020).crisis).toMatchObject({
      escalation: false,
      outcome: { kind: "passed" },
    });
    expect(term(s, 2020, "crisis")).toBe(5);
    expect(s.outcome).toBeNull();
  });

  it("both firm with escalation ends the game as a conflict that costs every seat half its score", () => {
    // T = 100, C = 0 (no cooperation weights), escalation base 0: p = 1
    const over = {
      startTension: 100,
      cooperation: { rivalWeight: 0, othersWeight: 0, triangleWeight: 0, trustWeight: 0 },
      crisis: { escalationBase: 0 },
    } as Over;
    const s = crisis("firm", "firm", over);
    expect(report(s, 2020).crisis?.escalation).toBe(true);
    expect(s.phase).toBe("ended");
    expect(s.outcome).toMatchObject({ conflict: true, reason: "conflict", peaceDividend: 0 });
    // how much each seat loses is worked by hand in scoring.test.ts ("conflict")
    expect(s.seats.us?.score).toBe(s.outcome?.finalScores.us);
  });
});

describe("9. scoring", () => {
  // each objective's own points: scoring.test.ts
  it.each([
    // flat T 50, no deals, two years alike:
    // US: crewMet −16, moneySaved 3, lowVulnerability 4, homeProviders 0, lowTension 1.5 = −7.5
    ["us", -7.5, -15],
    // Russia: civilFunding 6 · 2770/3040 (target: base + 270 of status-quo US income) = 5.4671,
    // crewsFlown 1.5, prestige 1.5, lowTension 1.5 = 9.9671 → 9.97
    ["russia", 9.97, 19.94],
    // SpaceX: profit −2 (a flight at 100), seatShare 0, reputation 2.5 = 0.5
    ["spacex", 0.5, 1],
    // UAE: lowTension 0.5 only
    ["uae", 0.5, 1],
  ] as const)("%s scores %d a year, %d after two", (role, year, two) => {
    let s = resolveYear(game(FLAT_T));
    expect(report(s, 2020).scores[role]).toBe(year);
    expect(s.seats[role]?.score).toBe(year);
    s = resolveYear(timeout(s));
    expect(report(s, 2021).scores[role]).toBe(year);
    expect(s.seats[role]?.score).toBe(two);
    expect(s.seats[role]?.scoreByYear).toEqual([year, year]);
  });

  it("a broken pledge's 3 points come off the year's score", () => {
    // Russia pledges no diversion and diverts 10 %: T 50 + 0.3 · 10 = 53
    let s = conclude(
      game(FLAT_T),
      ["russia"],
      [
        {
          kind: "pledge",
          by: "russia",
          text: "no diversion",
          check: { order: "diversion", op: "<=", value: 0 },
        },
      ],
    );
    s = resolveYear(orders(s, "russia", { diversion: 10 }));
    const r = report(s, 2020);
    expect(r.tension).toBe(53);
    // civilFunding 6 · 2493/3040 = 4.9204, crewsFlown 1.5, security 0.5, prestige 1.5,
    // lowTension 3 · 0.47 = 1.41, broken pledge −3: 6.8304 → 6.83
    expect(r.scoreTerms.russia?.find((t) => t.cause === "brokenPledges")?.amount).toBe(-3);
    expect(r.scores.russia).toBe(6.83);
  });
});

/** A one-year game's verdicts, played to its end and said with its scenario's short names. */
function said(g: GameState): ReturnType<typeof verdictText> {
  const s = resolveYear(g);
  if (!s.outcome) throw new Error("no outcome");
  return verdictText(s.outcome.verdicts, scenarioNames(s.scenario));
}

describe("end of game", () => {
  const oneYear = (over: Over = {}, prepare = (s: GameState) => s) =>
    resolveYear(prepare(game(over, 1)));

  it.each([
    [0, 0],
    [1, 5],
  ])("audit: %i undetected covert sale(s) → +%i T", (sales, audit) => {
    const over = {
      ...FLAT_T,
      orders: { covertDetection: 0, covertDetectionRepeat: 0 },
    } as Over;
    const s = oneYear(over, (g) => (sales ? orders(g, "russia", { covertSale: true }) : g));
    expect(report(s, 2020).tension).toBe(50); // flat T: nothing moved it during the year
    expect(s.outcome?.auditTension).toBe(audit);
    expect(s.outcome?.finalTension).toBe(50 + audit); // 50 + 5 per undetected sale
  });

  it("audit counts every undetected sale over the years", () => {
    const over = { orders: { covertDetection: 0, covertDetectionRepeat: 0 } } as Over;
    let s = orders(game(over), "russia", { covertSale: true });
    s = resolveYear(s);
    s = resolveYear(timeout(s));
    s = resolveYear(timeout(s));
    expect(s.outcome?.auditTension).toBe(15);
  });

  // the dividend's formula is worked by hand in scoring.test.ts ("peace dividend")
  it("the dividend reaches its bounds", () => {
    expect(oneYear({ startTension: 10 } as Over).outcome?.peaceDividend).toBe(10);
    expect(
      oneYear({ startTension: 99, crisis: { threshold: 100 } } as Over).outcome?.peaceDividend,
    ).toBe(0);
  });

  // secret priorities: scoring.test.ts ("secret priority")

  it.each([
    // flat T 50, two years, no deals: final = two years' scores + dividend 10 · 30/40 = 7.5
    // US −15 + 7.5 = −7.5, Russia 19.94 + 7.5 = 27.44, SpaceX 1 + 7.5 = 8.5, UAE 1 + 7.5 = 8.5;
    // par 10 a year: ÷ 20 → −37.5 %, 137.2 %, 42.5 %, 42.5 % (SpaceX before the UAE: seat order)
    [10, { us: -37.5, russia: 137.2, spacex: 42.5, uae: 42.5 }, ["russia", "spacex", "uae", "us"]],
    // UAE par 2: 8.5 / (2 · 2) = 212.5 %: it leads on a lower score than Russia's
    [2, { us: -37.5, russia: 137.2, spacex: 42.5, uae: 212.5 }, ["uae", "russia", "spacex", "us"]],
  ] as const)("percent of par (UAE par %i) and ranking", (par, percent, ranking) => {
    let s = game({ ...FLAT_T, roles: { uae: { par } } } as Over, 2);
    s = resolveYear(s);
    s = resolveYear(timeout(s));
    const o = s.outcome;
    if (!o) throw new Error("no outcome");
    expect(o.finalScores).toEqual({ us: -7.5, russia: 27.44, spacex: 8.5, uae: 8.5 });
    expect(o.percentOfPar).toEqual(percent);
    expect(o.ranking).toEqual(ranking);
  });

  it("the three verdicts state their numbers", () => {
    let s = conclude(game({}, 1), ["us", "russia"], [sale("russia", "us", 2, 90)]);
    s = conclude(
      s,
      ["uae", "russia", "us"],
      [sale("russia", "uae", 1, 90), subsidy("us", "uae", 35)],
    );
    s = resolveYear(orders(s, "russia", { diversion: 25 }));
    const o = s.outcome;
    if (!o) throw new Error("no outcome");
    const v = verdictText(o.verdicts, scenarioNames(s.scenario));
    // C: rival 50 · (0.3 · 215/277)/0.3 = 38.81, others 20 · (0.3 · 55/277)/0.3 = 3.97,
    // triangle 15 · 1/2 = 7.5 (the UAE seat the US subsidised), trust 15 · 2/2 = 15: 65.28
    expect(o.verdicts.liberal).toMatchObject({ cooperation: 65, triangleSeats: 1, level: "held" });
    expect(v.liberal).toBe(
      "Cooperation ended at 65/100 with 1 multilateral seat flown and 100 % of deals and pledges kept, and tension at 58: interdependence held the rivals together.",
    );
    // V(US→RU) = (0.5 · 2/4 + 0.2 · 2/2) − 0.3 · 215/277 = 0.45 − 0.2329 = 0.2171
    expect(o.verdicts.realist.exposed).toEqual({ role: "us", to: "russia", vulnerability: 0.22 });
    expect(v.realist).toBe(
      "US ended exposed to RU (V 0.22); RU diverted about 25 % a year to the military (published estimates).",
    );
    // 3 seats for others, all on Soyuz at 90
    expect(v.market).toBe(
      "Seats sold for 90 on average, 1 provider flew others' crews, and the largest (RU) flew 100 % of them: a monopoly risk.",
    );
  });

  it.each([
    // no deals: C = trust 15 only
    [
      "no deals",
      "15/100",
      "the world drifted apart, though tension stayed in check",
      (g: GameState) => g,
    ],
    // one US seat at 90: C = 50 · (0.3 · 90/277)/0.3 + 15 = 16.25 + 15 = 31.25
    [
      "one Soyuz seat",
      "31/100",
      "ties were thin, and tension stayed in check",
      (g: GameState) => conclude(g, ["us", "russia"], [sale("russia", "us", 1, 90)]),
    ],
  ] as const)("liberal verdict, %s: C %s, %s", (_name, c, words, setup) => {
    expect(said(setup(game({ ...FLAT_T }, 1))).liberal).toContain(`Cooperation ended at ${c} `);
    expect(said(setup(game({ ...FLAT_T }, 1))).liberal).toMatch(new RegExp(`: ${words}\\.$`));
  });

  it.each([
    [
      "no deals",
      (g: GameState) => g,
      "Neither rival ended exposed to the other; RU diverted about 0 % a year to the military (published estimates).",
    ],
    // the US buys 1 point of know-how from Russia for 100: dep(RU→US) = 0.3 · 100/277 = 0.108,
    // dep(US→RU) = 0: Russia is the exposed one
    [
      "Russia paid by the US",
      (g: GameState) =>
        conclude(
          g,
          ["us", "russia"],
          [{ kind: "techTransfer", provider: "russia", recipient: "us", points: 1, price: 100 }],
        ),
      "RU ended exposed to US (V 0.11); RU diverted about 0 % a year to the military (published estimates).",
    ],
  ] as const)("realist verdict, %s", (_name, setup, text) => {
    expect(said(setup(game({ ...FLAT_T }, 1))).realist).toBe(text);
  });

  it.each([
    // 3 Soyuz (90) and 2 Dragon (55, 50) seats for others: RU 3/5 = 60 %, the monopoly line;
    // average (270 + 55 + 50) / 5 = 75
    [
      "60 %",
      (g: GameState) =>
        conclude(
          conclude(
            conclude(g, ["us", "russia"], [sale("russia", "us", 3, 90)]),
            ["us", "spacex"],
            [sale("spacex", "us", 1, 55)],
          ),
          ["uae", "spacex"],
          [sale("spacex", "uae", 1, 50)],
        ),
      "Seats sold for 75 on average, 2 providers flew others' crews, and the largest (RU) flew 60 % of them: a monopoly risk.",
    ],
    // one Soyuz seat at 90 and one Dragon seat at 50: 50 % each, average 70
    [
      "50 %",
      (g: GameState) =>
        conclude(
          conclude(g, ["us", "russia"], [sale("russia", "us", 1, 90)]),
          ["us", "spacex"],
          [sale("spacex", "us", 1, 50)],
        ),
      "Seats sold for 70 on average, 2 providers flew others' crews, and the largest (RU) flew 50 % of them.",
    ],
    [
      "nobody",
      (g: GameState) => g,
      "Seats sold for 0 on average, 0 providers flew others' crews, and the largest (none) flew 0 % of them.",
    ],
  ] as const)("market verdict, largest provider %s", (_name, setup, text) => {
    expect(said(setup(game({ ...FLAT_T }, 1))).market).toBe(text);
  });
});
