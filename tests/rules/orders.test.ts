/**
 * Each order's one-line rule (GAME.md, "Orders"), checked at resolution,
 * with and without the order.
 */
import { describe, expect, it } from "vitest";
import type { SeatSetup } from "../../shared/rules/setup.ts";
import type { GameState, Orders } from "../../shared/rules/types.ts";
import { playerView } from "../../shared/rules/view.ts";
import { scenarioNames, scoreText } from "../../shared/text/details.ts";
import {
  bySeat,
  HUMANS,
  miniScenario,
  negotiating,
  report,
  resolveYear,
  term,
  timeout,
} from "../fixtures/build.ts";
import { cash, conclude, orders, sale } from "./helpers.ts";

type Over = Parameters<typeof miniScenario>[0];
const WITH_BOEING: SeatSetup[] = [
  ...HUMANS,
  { role: "boeing", controller: "human", members: [{ id: "m-boeing", name: "B" }] },
];

/** Plays year 1 with the given orders (by seat) and returns the state after it resolved. */
function year1(
  set: Record<string, Partial<Orders>>,
  over: Over = {},
  seats: SeatSetup[] = HUMANS,
  prepare: (s: GameState) => GameState = (s) => s,
): GameState {
  let s = prepare(negotiating(miniScenario(over), seats));
  for (const [seat, o] of Object.entries(set)) s = orders(s, seat, o);
  return resolveYear(s);
}

/** Sum of the ledger's transfers of a year matching from/to (and reason prefix). */
function moved(s: GameState, year: number, from: string, to: string, reason = ""): number {
  return s.ledger
    .filter((t) => t.year === year && t.from === from && t.to === to && t.reason.startsWith(reason))
    .reduce((a, t) => a + t.amount, 0);
}

const MARKET = (price: number, n = 2): Over =>
  ({ market: { minBuyers: n, maxBuyers: n, minPrice: price, maxPrice: price } }) as Over;

describe("sanctions", () => {
  const base = year1({});
  it.each([
    // level, carve-out, Russia's loss (3 % of 2,770 per level; halved when carved out), T term
    [0, false, 0, 0],
    [1, false, 83.1, 3],
    [2, false, 166.2, 6],
    [1, true, 41.55, 0],
    [2, true, 83.1, 0],
  ])("level %i, carve-out %s: Russia loses %d, T +%d", (level, carveOut, loss, t) => {
    const s = year1({ us: { sanctions: level, sanctionsCarveOut: carveOut } });
    expect(moved(s, 2020, "russia", "sink:sanctions")).toBeCloseTo(loss, 2);
    expect(cash(s, "russia")).toBeCloseTo(cash(base, "russia") - loss, 2);
    expect(term(s, 2020, "sanctions")).toBe(t);
    expect(report(s, 2020).civilFunding.russia).toBeCloseTo(2770 - loss, 2);
  });
});

describe("commercial-crew funding", () => {
  it("moves 150 from the US to SpaceX and adds one flight next year", () => {
    const without = year1({});
    const s = year1({ us: { crewFunding: "spacex" } });
    expect(moved(s, 2020, "us", "spacex", "commercial crew")).toBe(150);
    expect(moved(without, 2020, "us", "spacex")).toBe(0);
    expect(s.seats.spacex?.flights).toBe(2);
    expect(without.seats.spacex?.flights).toBe(1);
    expect(report(resolveYear(timeout(s)), 2021).capacity.spacex).toBe(8);
    expect(report(resolveYear(timeout(without)), 2021).capacity.spacex).toBe(4);
  });

  it("adds one readiness to Boeing instead", () => {
    const without = year1({}, {}, WITH_BOEING);
    const s = year1({ us: { crewFunding: "boeing" } }, {}, WITH_BOEING);
    expect(moved(s, 2020, "us", "boeing")).toBe(150);
    expect(s.seats.boeing?.readiness).toBe((without.seats.boeing?.readiness ?? 0) + 1);
  });
});

describe("subsidy pool", () => {
  it("is set aside at resolution and returned the next year when unspent", () => {
    const without = year1({});
    let s = year1({ us: { subsidyPool: 100 } });
    expect(s.seats.us?.pool).toBe(100);
    expect(cash(s, "us")).toBe(cash(without, "us") - 100);
    s = orders(timeout(s), "us", { subsidyPool: 0 });
    const before = cash(s, "us");
    s = resolveYear(s);
    expect(s.seats.us?.pool).toBe(0);
    // resolveYear runs into 2022's briefing, which credits the next budget (1,000)
    expect(cash(s, "us")).toBe(before + 100 + 1000);
  });

  it.each([
    // pool, cash: the subsidy of 30 is paid from the pool first, so it executes with 10 in cash;
    // the 70 left returns; cash after includes 2021's budget (1,000)
    [100, 10, "executed", 0, 1080],
    [0, 10, "failed: US could not pay the subsidy", 0, 1010],
  ])("pool %i, cash %i → %s", (pool, startCash, result, poolAfter, cashAfter) => {
    const s = year1({ us: { subsidyPool: 0 } }, {}, HUMANS, (g) => {
      let t = conclude(
        g,
        ["uae", "russia", "us"],
        [
          sale("russia", "uae", 1, 90),
          { kind: "subsidy", payer: "us", beneficiary: "uae", perSeat: 30 },
        ],
      );
      t = structuredClone(t);
      (t.seats.us as { pool: number }).pool = pool;
      (t.seats.us as { cash: number }).cash = startCash;
      return t;
    });
    expect(report(s, 2020).dealResults[0]?.result).toBe(result);
    expect(s.seats.us?.pool).toBe(poolAfter);
    expect(cash(s, "us")).toBe(cashAfter);
  });

  it("pays a subsidy from the pool at execution, leaving the cash for the deals after it", () => {
    // US: pool 100, cash 50. The first deal's subsidy of 30 comes out of the pool, so the second
    // deal (US pays Russia 50 for a seat) still finds 50 in cash; paid from cash, it would fail
    const s = year1({ us: { subsidyPool: 0 } }, {}, HUMANS, (g) => {
      let t = conclude(
        g,
        ["uae", "russia", "us"],
        [
          sale("russia", "uae", 1, 90),
          { kind: "subsidy", payer: "us", beneficiary: "uae", perSeat: 30 },
        ],
      );
      t = conclude(t, ["us", "russia"], [sale("russia", "us", 1, 50)]);
      t = structuredClone(t);
      (t.seats.us as { pool: number }).pool = 100;
      (t.seats.us as { cash: number }).cash = 50;
      return t;
    });
    expect(report(s, 2020).dealResults.map((r) => r.result)).toEqual(["executed", "executed"]);
  });
});

describe("diversion", () => {
  // Security follows what was really diverted, in resolution (the seat's security) and in
  // scoring (the security objective, 0.5 a point) alike. Russia's civil funding is 2,770 and the
  // ISS (300) is paid first, so cash before it caps the diversion: 438.5 leaves 138.5 (5 %).
  it.each([
    // level, Russia's cash before resolution, diverted, security, security score term
    [10, 5000, 277, 1, 0.5],
    [25, 438.5, 138.5, 0.5, 0.25],
    [50, 577, 277, 1, 0.5],
    [25, 300, 0, 0, null],
  ])(
    "diversion %i, cash %d → %d diverted, security +%d, score term %s",
    (level, startCash, diverted, security, points) => {
      const s = year1({ russia: { diversion: level } }, {}, HUMANS, (g) => {
        const t = structuredClone(g);
        (t.seats.russia as { cash: number }).cash = startCash;
        return t;
      });
      expect(moved(s, 2020, "russia", "sink:military")).toBeCloseTo(diverted, 2);
      expect(s.seats.russia?.security).toBeCloseTo(security, 9);
      const scored = report(s, 2020).scoreTerms.russia?.find((t) => t.cause === "security");
      expect(scored?.amount ?? null).toBe(points);
      // the true share is Russia's alone, like the true diversion
      const capped = level * 27.7 > diverted;
      expect(report(s, 2020).diverted?.russia !== undefined).toBe(capped);
      const viewOf = (seat: string) => playerView(s, { kind: "seat", seat }).reports[0];
      expect(viewOf("us")?.diverted).toBeUndefined();
      expect(viewOf("russia")?.diverted?.russia !== undefined).toBe(capped);
    },
  );

  it.each([
    // level, diverted (share of civil funding 2,770), security, T term 0.3 × estimate
    [0, 0, 0, 0],
    [10, 277, 1, 3],
    [25, 692.5, 2.5, 7.5],
    [50, 1385, 5, 15],
  ])("%i %% → %d to sink:military, security +%d, T +%d", (level, diverted, security, t) => {
    const s = year1({ russia: { diversion: level } });
    expect(moved(s, 2020, "russia", "sink:military")).toBeCloseTo(diverted, 2);
    expect(s.seats.russia?.security).toBe(security);
    expect(report(s, 2020).diversionEstimate.russia).toBe(level); // noise 0: the estimate is exact
    expect(term(s, 2020, "diversion")).toBeCloseTo(t, 2);
    expect(report(s, 2020).civilFunding.russia).toBeCloseTo(2770 - diverted, 2);
  });
});

describe("tourist and private-astronaut seats", () => {
  it.each([
    ["russia", { touristSeats: 2, listPrice: 90 }, 2, "Soyuz", 90],
    ["russia", { touristSeats: 1, listPrice: 90 }, 1, "Soyuz", 90],
    ["russia", { touristSeats: 0 }, 0, "", 0],
    ["spacex", { privateSeats: 2, listPrice: 55 }, 2, "Crew Dragon", 55],
    ["spacex", { privateSeats: 0 }, 0, "", 0],
  ])("%s %o sells %i seat(s) to market buyers", (seat, o, n, vehicle, price) => {
    const s = year1({ [seat]: o as Partial<Orders> }, MARKET(100, 3));
    const sales = report(s, 2020).marketSales;
    expect(sales).toHaveLength(n);
    for (const x of sales) expect(x).toMatchObject({ vehicle, price });
    expect(moved(s, 2020, "source:market", seat)).toBe(n * price);
    expect(report(s, 2020).flown.filter((f) => f.crew === "market")).toHaveLength(n);
  });

  it("no seats sell without market buyers", () => {
    const s = year1({ russia: { touristSeats: 2 } });
    expect(report(s, 2020).marketSales).toEqual([]);
  });

  it("tourist seats come only from spare seats", () => {
    // 6 Soyuz seats − 3 own crew − 3 sold to the US: nothing left for tourists
    const s = year1({ russia: { touristSeats: 2 } }, MARKET(100, 3), HUMANS, (g) =>
      conclude(g, ["us", "russia"], [sale("russia", "us", 3, 90)]),
    );
    expect(report(s, 2020).marketSales).toEqual([]);
  });
});

describe("covert know-how sale", () => {
  it.each([
    // detection chance, detected, T term
    [1, true, 20],
    [0, false, 0],
  ])("detection %d: detected %s, T +%d; Russia +100 either way", (p, detected, t) => {
    const over = { orders: { covertDetection: p, covertDetectionRepeat: 0 } } as Over;
    const s = year1({ russia: { covertSale: true } }, over);
    expect(moved(s, 2020, "source:covert", "russia")).toBe(100);
    expect(report(s, 2020).covertDetected).toEqual(detected ? ["russia"] : []);
    expect(term(s, 2020, "covert")).toBe(t);
    expect(s.seats.russia?.covertDetected).toBe(detected ? 1 : 0);
    expect(s.seats.russia?.covertUndetected).toBe(detected ? 0 : 1);
  });

  it("without the order nothing moves", () => {
    const s = year1({}, { orders: { covertDetection: 1 } } as Over);
    expect(moved(s, 2020, "source:covert", "russia")).toBe(0);
    expect(term(s, 2020, "covert")).toBe(0);
  });

  it("repeats raise the detection chance by the repeat step", () => {
    // 0 % base + 100 % per repeat: the first sale stays hidden, the second is detected
    const over = { orders: { covertDetection: 0, covertDetectionRepeat: 1 } } as Over;
    let s = year1({ russia: { covertSale: true } }, over);
    expect(report(s, 2020).covertDetected).toEqual([]);
    s = resolveYear(timeout(s));
    expect(report(s, 2021).covertDetected).toEqual(["russia"]);
    expect(term(s, 2021, "covert")).toBe(20);
  });
});

describe("ISS role", () => {
  const buy3 = (g: GameState) => conclude(g, ["us", "russia"], [sale("russia", "us", 3, 90)]);
  it.each([
    // role, ISS cost, own crew flown, prestige, dep(US→Russia): the US flies 3 of 4 (all on Soyuz)
    ["full", 300, 3, 5, 0.5 * 0.75 + 0.2 * 1],
    ["reduced", 150, 1, 3, 0.5 * 0.75 * 0.5 + 0.2 * 1],
  ] as const)(
    "%s: costs %i, own crew %i, prestige %i, dep(US→RU) %d",
    (role, cost, own, prestige, dep) => {
      const s = year1({ russia: { roleLevel: role } }, {}, HUMANS, buy3);
      const r = report(s, 2020);
      expect(moved(s, 2020, "russia", "sink:upkeep")).toBe(cost);
      expect(r.flown.filter((f) => f.crew === "russia")).toHaveLength(own);
      expect(s.seats.russia?.prestige).toBe(prestige);
      expect(r.dependence["us>russia"]).toBeCloseTo(dep, 6);
    },
  );
  // resolution seats the reduced crew need and the crew objective scores against the same need
  it.each([
    // role, own crew flown, crew term label, points (crewMet 4, gap 1)
    ["full", 3, "all 3 crew flown", 4],
    ["reduced", 1, "your 1 crew member flown", 4],
  ] as const)("%s: %i own crew flown, scored as %s", (role, own, label, points) => {
    const over = {
      roles: { russia: { objectives: [{ kind: "crewMet", points: 4, gapPoints: 1 }] } },
    } as Over;
    const s = year1({ russia: { roleLevel: role } }, over);
    expect(report(s, 2020).flown.filter((f) => f.crew === "russia")).toHaveLength(own);
    const crew = report(s, 2020).scoreTerms.russia?.find((t) => t.cause === "crewMet");
    expect(crew && scoreText(crew.detail, scenarioNames(s.scenario))).toBe(label);
    expect(crew?.amount).toBe(points);
  });
});

describe("extra cosmonauts", () => {
  it.each([
    [0, 3, 0, 5],
    [1, 4, 60, 6],
    [2, 5, 120, 7],
  ])("%i extra: %i own crew flown, %i spent, prestige %i", (n, flown, cost, prestige) => {
    const s = year1({ russia: { extraCrew: n } });
    expect(report(s, 2020).flown.filter((f) => f.crew === "russia")).toHaveLength(flown);
    expect(moved(s, 2020, "russia", "sink:operations", `${n} extra`)).toBe(cost);
    expect(s.seats.russia?.prestige).toBe(prestige);
  });

  it("extra cosmonauts fly only in spare seats, after the deals", () => {
    const s = year1({ russia: { extraCrew: 2 } }, {}, HUMANS, (g) =>
      conclude(g, ["us", "russia"], [sale("russia", "us", 2, 90)]),
    );
    // 6 seats: own crew 3, the US deal 2, so 1 spare seat for the 2 extra cosmonauts
    expect(report(s, 2020).dealResults[0]?.result).toBe("executed");
    expect(report(s, 2020).flown.filter((f) => f.crew === "russia")).toHaveLength(4);
    expect(moved(s, 2020, "russia", "sink:operations", "1 extra")).toBe(60);
    expect(s.seats.russia?.prestige).toBe(6);
  });
});

describe("accept inspection", () => {
  const noisy = { tension: { estimateNoise: 10 } } as Over;
  it.each(["a", "b", "c", "d", "e", "f"])(
    "seed %s: inspection makes the estimate exact",
    (seed) => {
      let s = negotiating(miniScenario(noisy), HUMANS, {}, seed);
      s = resolveYear(orders(s, "russia", { diversion: 25, acceptInspection: true }));
      expect(report(s, 2020).diversionEstimate.russia).toBe(25);
      expect(term(s, 2020, "diversion")).toBe(7.5);
    },
  );

  it("without inspection the estimate is noisy (some seed misses the truth), rounded to 5, within ±10", () => {
    const estimates = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"].map((seed) => {
      let s = negotiating(miniScenario(noisy), HUMANS, {}, seed);
      s = resolveYear(orders(s, "russia", { diversion: 25 }));
      return report(s, 2020).diversionEstimate.russia ?? Number.NaN;
    });
    for (const e of estimates) {
      expect(e % 5).toBe(0);
      expect(Math.abs(e - 25)).toBeLessThanOrEqual(10);
    }
    expect(estimates.some((e) => e !== 25)).toBe(true);
  });
});

describe("flights next year", () => {
  it.each([
    [0, 0, 0],
    [1, 100, 4],
    [3, 300, 12],
  ])("%i flight(s): %i paid now, capacity %i next year", (n, cost, capacity) => {
    let s = year1({ spacex: { flightsNextYear: n } });
    expect(moved(s, 2020, "spacex", "sink:flights")).toBe(cost);
    expect(report(s, 2020).capacity.spacex).toBe(4); // this year's flight was booked before
    s = resolveYear(timeout(s));
    expect(report(s, 2021).capacity.spacex).toBe(capacity);
  });

  it.each([
    // SpaceX cash, flights ordered: 100 each, checked against cash when set
    [250, 2, true],
    [250, 3, false],
  ])("with %i in cash, ordering %i flights accepted: %s", (money, n, ok) => {
    const s = structuredClone(negotiating());
    (s.seats.spacex as { cash: number }).cash = money;
    const r = bySeat(s, "spacex", { type: "setOrders", orders: { flightsNextYear: n } });
    expect(r.ok).toBe(ok);
    if (!r.ok) expect(r.code).toBe("ERR_INSUFFICIENT_FUNDS");
  });
});

describe("list price", () => {
  it.each([
    // Dragon's list price against one buyer paying up to 100 (its maximum, whatever the appeal)
    [80, 1, 80],
    [100, 1, 100],
    [105, 0, 0],
    [115, 0, 0],
  ])("price %i: %i sale(s), income %i", (price, n, income) => {
    const s = year1({ spacex: { privateSeats: 1, listPrice: price } }, MARKET(100, 1));
    expect(report(s, 2020).marketSales).toHaveLength(n);
    expect(moved(s, 2020, "source:market", "spacex")).toBe(income);
  });
});

describe("programme investment", () => {
  it.each([
    [0, 2, 0],
    [100, 7, 100],
    [200, 12, 200],
  ])("invest %i → capability %i", (amount, capability, spent) => {
    const s = year1({ uae: { programmeInvestment: amount } });
    expect(s.seats.uae?.capability).toBe(capability);
    expect(moved(s, 2020, "uae", "sink:programme")).toBe(spent);
  });
});

describe("Boeing: Test or Rush", () => {
  const rush = (p: number): Over => ({ orders: { rushFailureChance: p } }) as Over;
  it.each([
    // mode, failure chance, readiness, testing cost, reputation, failure card
    ["test", 1, 1, 40, 5, false],
    ["rush", 0, 1, 0, 5, false],
    ["rush", 1, 0, 0, 3, true],
  ] as const)(
    "%s (failure chance %d): readiness %i, cost %i, reputation %i",
    (mode, p, readiness, cost, reputation, failure) => {
      const s = year1({ boeing: { readinessMode: mode } }, rush(p), WITH_BOEING);
      expect(s.seats.boeing?.readiness).toBe(readiness);
      expect(moved(s, 2020, "boeing", "sink:testing")).toBe(cost);
      expect(s.seats.boeing?.reputation).toBe(reputation);
      expect(report(s, 2020).events.some((e) => e.id === "rush-failure")).toBe(failure);
    },
  );

  it("flies once ready: capacity 0 until readiness 2, then 4", () => {
    let s = year1({ boeing: { readinessMode: "test" } }, {}, WITH_BOEING);
    expect(report(s, 2020).capacity.boeing).toBe(0);
    s = resolveYear(timeout(s));
    expect(report(s, 2021).capacity.boeing).toBe(0);
    expect(s.seats.boeing?.readiness).toBe(2);
    s = resolveYear(timeout(s));
    expect(report(s, 2022).capacity.boeing).toBe(4);
  });
});
