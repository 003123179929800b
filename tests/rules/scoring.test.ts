/**
 * Every scoring objective (shared/scenario/schema.ts, `objectiveSchema`: 16 kinds) and every
 * end-of-game term (secret priority, peace dividend, conflict), each as a table: a setup played
 * through the real engine, and the points that objective's term must show.
 *
 * Every expected value is worked out by hand from the mini fixture's numbers
 * (tests/fixtures/scenarios/mini.json) and written as a literal, with the arithmetic beside it.
 * Nothing here recomputes a score the way shared/rules/scoring.ts does.
 */
import { describe, expect, it } from "vitest";
import type { SeatSetup } from "../../shared/rules/setup.ts";
import type { GameState, Term } from "../../shared/rules/types.ts";
import { objectiveSchema } from "../../shared/scenario/schema.ts";
import {
  HUMANS,
  host,
  miniScenario,
  negotiating,
  report,
  resolveYear,
  seatMust,
  timeout,
} from "../fixtures/build.ts";
import { conclude, orders, sale } from "./helpers.ts";

type Over = Parameters<typeof miniScenario>[0];
type Setup = (s: GameState) => GameState;

const none: Setup = (s) => s;
const inject =
  (card: string): Setup =>
  (s) => {
    const r = host(s, { type: "injectEvent", card });
    if (!r.ok) throw new Error(r.code);
    return r.state;
  };
/** Runs setups left to right. */
const all =
  (...steps: Setup[]): Setup =>
  (s) =>
    steps.reduce((x, f) => f(x), s);
const buy =
  (provider: string, buyer: string, seats: number, price: number): Setup =>
  (s) =>
    conclude(s, [buyer, provider], [sale(provider, buyer, seats, price)]);
const set =
  (seat: string, o: Parameters<typeof orders>[2]): Setup =>
  (s) =>
    orders(s, seat, o);
const deal =
  (parties: string[], terms: Term[]): Setup =>
  (s) =>
    conclude(s, parties, terms);

/** Tension that stays where it starts: no income-loss and no cooperation term (all else is 0 without deals). */
const FLAT_T = { tension: { incomeLoss: 0, cooperation: 0 } } as Over;

const BOEING: SeatSetup = {
  role: "boeing",
  controller: "human",
  members: [{ id: "m-boeing", name: "BOEING" }],
};
/** Boeing at the table and flying from year 1: one flight of 4 seats. */
const BOEING_FLIES = {
  roles: { boeing: { vehicle: { readinessNeeded: 0, startFlights: 1 } } },
} as Over;

/** One objective term in one setup; `expected` null means the objective adds no term. */
interface Row {
  name: string;
  role: string;
  cause: string;
  setup: Setup;
  expected: number | null;
  over?: Over;
  seats?: SeatSetup[];
  /** When set, year 1 is played with `setup`, year 2 with this, and year 2's term is read. */
  year2?: Setup;
}

function play(row: Row): { s: GameState; year: number } {
  let s = negotiating(miniScenario(row.over ?? {}), row.seats ?? HUMANS);
  s = resolveYear(row.setup(s));
  if (!row.year2) return { s, year: 2020 };
  s = resolveYear(row.year2(timeout(s)));
  return { s, year: 2021 };
}

/** The amount of a cause's score term for a role in a year, null when there is none. */
function scoreTerm(s: GameState, year: number, role: string, cause: string): number | null {
  const terms = (report(s, year).scoreTerms[role] ?? []).filter((t) => t.cause === cause);
  if (terms.length > 1) throw new Error(`${cause} appears ${terms.length} times`);
  return terms[0]?.amount ?? null;
}

/** Every row of every table below, for the coverage check at the end. */
const ALL_ROWS: Row[] = [];

const runRows = (rows: Row[]) => {
  ALL_ROWS.push(...rows);
  it.each(rows.map((r) => [r.name, r] as const))("%s", (_name, row) => {
    const { s, year } = play(row);
    expect(scoreTerm(s, year, row.role, row.cause)).toBe(row.expected);
  });
};

// Russia with a crew-need objective, to reach the reduced ISS role's lower need (1 instead of 3).
// One seat per Soyuz flight: 2 seats in year 1.
const RU_CREW = {
  roles: {
    russia: {
      objectives: [{ kind: "crewMet", points: 6, gapPoints: 4 }],
      vehicle: { seatsPerFlight: 1 },
    },
  },
} as Over;

describe("crewMet: points × flown/need − gapPoints × gap (US 6 and 4, need 4)", () => {
  runRows([
    // 6·0/4 − 4·4 = −16
    {
      name: "no US crew flown: the ISS gap costs 16",
      role: "us",
      cause: "crewMet",
      setup: none,
      expected: -16,
    },
    // 6·2/4 − 4·2 = 3 − 8 = −5
    {
      name: "2 of 4",
      role: "us",
      cause: "crewMet",
      setup: buy("russia", "us", 2, 90),
      expected: -5,
    },
    // 6·3/4 − 4·1 = 4.5 − 4 = 0.5
    {
      name: "3 of 4",
      role: "us",
      cause: "crewMet",
      setup: buy("russia", "us", 3, 90),
      expected: 0.5,
    },
    // 6·4/4 = 6
    {
      name: "4 of 4 (3 Soyuz, 1 Dragon)",
      role: "us",
      cause: "crewMet",
      setup: all(buy("russia", "us", 3, 90), buy("spacex", "us", 1, 55)),
      expected: 6,
    },
    // flown is capped at the need: 5 flown still 6·4/4 = 6
    {
      name: "5 flown for a need of 4 scores no more than 4",
      role: "us",
      cause: "crewMet",
      setup: all(buy("russia", "us", 3, 90), buy("spacex", "us", 2, 55)),
      expected: 6,
    },
    // full ISS role: need 3, 2 seats flown: 6·2/3 − 4·1 = 0
    {
      name: "Russia, full ISS role: 2 of 3",
      role: "russia",
      cause: "crewMet",
      over: RU_CREW,
      setup: none,
      expected: 0,
    },
    // reduced ISS role: need min(3, reducedOwnCrew 1) = 1, 1 flown: 6·1/1 = 6
    {
      name: "Russia, reduced ISS role: need 1, 1 flown",
      role: "russia",
      cause: "crewMet",
      over: RU_CREW,
      setup: set("russia", { roleLevel: "reduced" }),
      expected: 6,
    },
  ]);
});

// Russia with a money-saved objective (3 points, base 2,770), to see which sinks count as spent.
const RU_SAVES = { roles: { russia: { objectives: [{ kind: "moneySaved", points: 3 }] } } } as Over;

describe("moneySaved: points × share of the budget not spent (US 3, budget 1,000)", () => {
  runRows([
    { name: "nothing spent", role: "us", cause: "moneySaved", setup: none, expected: 3 },
    // spent 3·90 = 270: 3 · 730/1000 = 2.19
    {
      name: "3 Soyuz seats at 90",
      role: "us",
      cause: "moneySaved",
      setup: buy("russia", "us", 3, 90),
      expected: 2.19,
    },
    // crew funding 150: 3 · 850/1000 = 2.55
    {
      name: "commercial crew funding of 150",
      role: "us",
      cause: "moneySaved",
      setup: set("us", { crewFunding: "spacex" }),
      expected: 2.55,
    },
    // a subsidy of 35 on each of 2 UAE seats: 70 spent, 3 · 930/1000 = 2.79
    {
      name: "a subsidy of 35 × 2 UAE seats",
      role: "us",
      cause: "moneySaved",
      setup: deal(
        ["uae", "russia", "us"],
        [
          sale("russia", "uae", 2, 90),
          { kind: "subsidy", payer: "us", beneficiary: "uae", perSeat: 35 },
        ],
      ),
      expected: 2.79,
    },
    // the pool is cash set aside, not a payment: nothing spent, 3
    {
      name: "a subsidy pool set aside is not spent",
      role: "us",
      cause: "moneySaved",
      setup: set("us", { subsidyPool: 500 }),
      expected: 3,
    },
    // 1,000 + 1,000 start cash; 3·300 + 1·300 = 1,200 spent: (1000 − 1200)/1000 < 0, clamped to 0
    {
      name: "spending more than the budget scores 0, not less",
      role: "us",
      cause: "moneySaved",
      over: { roles: { us: { startingCash: 1000 } } } as Over,
      setup: all(buy("russia", "us", 3, 300), buy("spacex", "us", 1, 300)),
      expected: 0,
    },
    // Russia spends the ISS full role, 300: 3 · 2470/2770 = 2.6750… → 2.68
    {
      name: "Russia: the ISS role is spent",
      role: "russia",
      cause: "moneySaved",
      over: RU_SAVES,
      setup: none,
      expected: 2.68,
    },
    // US sanctions level 1 take 0.03 · 2770 = 83.1 from Russia into sink:sanctions: a loss, not
    // spending, so still 3 · 2470/2770 → 2.68 (counted, it would be 3 · 2386.9/2770 → 2.59)
    {
      name: "Russia: money lost to sanctions is not spent",
      role: "russia",
      cause: "moneySaved",
      over: RU_SAVES,
      setup: set("us", { sanctions: 1 }),
      expected: 2.68,
    },
    // a US seat swapped for a Soyuz seat moves no money: the US spends only the Dragon seat it
    // bought at 50, 3 · 950/1000 = 2.85
    {
      name: "a seat swap is in kind: only the seat bought is spent",
      role: "us",
      cause: "moneySaved",
      setup: all(
        buy("spacex", "us", 1, 50),
        deal(["us", "russia"], [{ kind: "seatSwap", a: "us", b: "russia", seats: 1 }]),
      ),
      expected: 2.85,
    },
  ]);
});

describe("lowVulnerability: points × (1 − V toward the rival) (US 4)", () => {
  runRows([
    { name: "no deals: V = 0", role: "us", cause: "lowVulnerability", setup: none, expected: 4 },
    // dep(US→RU) = 0.5·3/4 crew + 0.2·3/3 lifeboat = 0.575; dep(RU→US) = 0.3·270/277 = 0.29242;
    // V = 0.28258; 4 · 0.71742 = 2.8697 → 2.87
    {
      name: "3 Soyuz seats at 90 (all US crew ride home on Soyuz)",
      role: "us",
      cause: "lowVulnerability",
      setup: buy("russia", "us", 3, 90),
      expected: 2.87,
    },
    // the worked example: dep(US→RU) = 0.5·0.75 + 0.2·0.75 = 0.525; V = 0.525 − 0.29242 = 0.23258;
    // 4 · 0.76742 = 3.0697 → 3.07
    {
      name: "GAME.md's worked example (3 Soyuz, 1 Dragon)",
      role: "us",
      cause: "lowVulnerability",
      setup: all(buy("russia", "us", 3, 90), buy("spacex", "us", 1, 55)),
      expected: 3.07,
    },
    // a role outside the rival pair takes its largest V: dep(UAE→RU) = 0.5·1 + 0.2·1 = 0.7,
    // dep(RU→UAE) = 0.3·90/277 = 0.09747; V = 0.60253; 4 · 0.39747 = 1.5899 → 1.59
    {
      name: "UAE (no rival): its largest V, on Russia",
      role: "uae",
      cause: "lowVulnerability",
      over: { roles: { uae: { objectives: [{ kind: "lowVulnerability", points: 4 }] } } } as Over,
      setup: buy("russia", "uae", 1, 90),
      expected: 1.59,
    },
  ]);
});

describe("homeProviders: points × share of home companies that flew the US crew (US 3)", () => {
  runRows([
    // SpaceX flew none of the US crew: 3 · 0/1 = 0 (the term is shown at 0)
    {
      name: "SpaceX flies no US crew",
      role: "us",
      cause: "homeProviders",
      setup: buy("russia", "us", 3, 90),
      expected: 0,
    },
    // 3 · 1/1 = 3
    {
      name: "SpaceX flies one US crew",
      role: "us",
      cause: "homeProviders",
      setup: buy("spacex", "us", 1, 55),
      expected: 3,
    },
    // Boeing at the table: 1 of 2 home companies flew US crew, 3 · 1/2 = 1.5
    {
      name: "with Boeing seated, only SpaceX flies",
      role: "us",
      cause: "homeProviders",
      over: BOEING_FLIES,
      seats: [...HUMANS, BOEING],
      setup: buy("spacex", "us", 2, 55),
      expected: 1.5,
    },
    // both fly: 3 · 2/2 = 3
    {
      name: "with Boeing seated, both fly",
      role: "us",
      cause: "homeProviders",
      over: BOEING_FLIES,
      seats: [...HUMANS, BOEING],
      setup: all(buy("spacex", "us", 2, 55), buy("boeing", "us", 2, 55)),
      expected: 3,
    },
  ]);
});

describe("lowTension: points × (1 − T/100) (US 3, Russia 3, UAE 1)", () => {
  const at = (t: number) => ({ ...FLAT_T, startTension: t, crisis: { threshold: 100 } }) as Over;
  runRows([
    // 3 · (1 − 50/100) = 1.5
    {
      name: "US at T 50",
      role: "us",
      cause: "lowTension",
      over: at(50),
      setup: none,
      expected: 1.5,
    },
    // 3 · 0.8 = 2.4
    {
      name: "US at T 20",
      role: "us",
      cause: "lowTension",
      over: at(20),
      setup: none,
      expected: 2.4,
    },
    // 3 · 0.1 = 0.3
    {
      name: "US at T 90",
      role: "us",
      cause: "lowTension",
      over: at(90),
      setup: none,
      expected: 0.3,
    },
    // T 50 + 10 from the card = 60: 3 · 0.4 = 1.2
    {
      name: "Russia at T 50 + 10 (event)",
      role: "russia",
      cause: "lowTension",
      over: at(50),
      setup: inject("tension-up"),
      expected: 1.2,
    },
    // 1 · 0.5 = 0.5
    {
      name: "UAE at T 50",
      role: "uae",
      cause: "lowTension",
      over: at(50),
      setup: none,
      expected: 0.5,
    },
    // 3 · 0 = 0
    {
      name: "US at T 100",
      role: "us",
      cause: "lowTension",
      over: { ...at(100), crisis: { threshold: 100, bothDeescalate: 0 } } as Over,
      setup: none,
      expected: 0,
    },
  ]);
});

describe("civilFunding: points × min(cap, (civil ÷ target − zeroAt) ÷ (1 − zeroAt)) (Russia 6, cap 1.2, zeroAt 0, target 2,770 + 270 = 3,040)", () => {
  // civil funding = base − diverted + foreign income + covert income − operations (40 a
  // foreign seat, 60 an extra cosmonaut) + upkeep a reduced role saves (300 − 150)
  const ZERO_AT_HALF = {
    roles: { russia: { objectives: [{ kind: "civilFunding", points: 6, cap: 1.2, zeroAt: 0.5 }] } },
  } as Over;
  const CAP_1_1 = {
    roles: { russia: { objectives: [{ kind: "civilFunding", points: 6, cap: 1.1 }] } },
  } as Over;
  runRows([
    // 2770 / 3040 = 0.911184; 6 · 0.911184 = 5.4671 → 5.47
    { name: "the base alone", role: "russia", cause: "civilFunding", setup: none, expected: 5.47 },
    // + 270 income − 3 · 40 seat cost = 2920; 2920/3040 = 0.960526; 6 · 0.960526 = 5.7632 → 5.76
    {
      name: "3 US seats at 90 (less their flying cost)",
      role: "russia",
      cause: "civilFunding",
      setup: buy("russia", "us", 3, 90),
      expected: 5.76,
    },
    // sanctions level 1: −0.03 · 2770 = −83.1; 2686.9/3040 = 0.883849; 6 · 0.883849 = 5.3031 → 5.3
    {
      name: "US sanctions level 1",
      role: "russia",
      cause: "civilFunding",
      setup: set("us", { sanctions: 1 }),
      expected: 5.3,
    },
    // carved out: half of it, −41.55; 2728.45/3040 = 0.897516; 6 · 0.897516 = 5.3851 → 5.39
    {
      name: "US sanctions level 1 with space carved out",
      role: "russia",
      cause: "civilFunding",
      setup: set("us", { sanctions: 1, sanctionsCarveOut: true }),
      expected: 5.39,
    },
    // level 2: −0.06 · 2770 = −166.2; 2603.8/3040 = 0.856513; 6 · 0.856513 = 5.1391 → 5.14
    {
      name: "US sanctions level 2",
      role: "russia",
      cause: "civilFunding",
      setup: set("us", { sanctions: 2 }),
      expected: 5.14,
    },
    // 25 % of 2770 diverted = 692.5; 2077.5/3040 = 0.683388; 6 · 0.683388 = 4.1003 → 4.1
    {
      name: "25 % diverted",
      role: "russia",
      cause: "civilFunding",
      setup: set("russia", { diversion: 25 }),
      expected: 4.1,
    },
    // a covert know-how sale: + 100; 2870/3040 = 0.944079; 6 · 0.944079 = 5.6645 → 5.66
    {
      name: "a covert know-how sale counts",
      role: "russia",
      cause: "civilFunding",
      setup: set("russia", { covertSale: true }),
      expected: 5.66,
    },
    // one extra cosmonaut in a spare seat: − 60; 2710/3040 = 0.891447; 6 · 0.891447 = 5.3487 → 5.35
    {
      name: "an extra cosmonaut's cost counts",
      role: "russia",
      cause: "civilFunding",
      setup: set("russia", { extraCrew: 1 }),
      expected: 5.35,
    },
    // reduced ISS role: + 150 upkeep saved; 2920/3040 = 0.960526; 6 · 0.960526 → 5.76
    {
      name: "a reduced ISS role's saving counts",
      role: "russia",
      cause: "civilFunding",
      setup: set("russia", { roleLevel: "reduced" }),
      expected: 5.76,
    },
    // zeroAt 0.5: (0.911184 − 0.5)/0.5 = 0.822368; 6 · 0.822368 = 4.9342 → 4.93
    {
      name: "the base alone, zero at half the target",
      role: "russia",
      cause: "civilFunding",
      setup: none,
      over: ZERO_AT_HALF,
      expected: 4.93,
    },
    // zeroAt 0.5, 50 % diverted: 1385/3040 = 0.455592; (0.455592 − 0.5)/0.5 = −0.088816;
    // 6 · −0.088816 = −0.5329 → −0.53 (below zeroAt the term goes on falling)
    {
      name: "50 % diverted, zero at half the target: negative",
      role: "russia",
      cause: "civilFunding",
      setup: set("russia", { diversion: 50 }),
      over: ZERO_AT_HALF,
      expected: -0.53,
    },
    // cap 1.1: 3 seats at 300: 2770 + 900 − 120 = 3550; 3550/3040 = 1.1678, capped: 6 · 1.1 = 6.6
    {
      name: "capped at 1.1 × target",
      role: "russia",
      cause: "civilFunding",
      setup: buy("russia", "us", 3, 300),
      over: CAP_1_1,
      expected: 6.6,
    },
  ]);
});

describe("crewsFlown: points per crew flown on the role's vehicle (Russia 0.5)", () => {
  runRows([
    // 3 own crew: 0.5 · 3 = 1.5
    { name: "own crew only", role: "russia", cause: "crewsFlown", setup: none, expected: 1.5 },
    // 3 own + 3 US: 0.5 · 6 = 3
    {
      name: "own crew and 3 US",
      role: "russia",
      cause: "crewsFlown",
      setup: buy("russia", "us", 3, 90),
      expected: 3,
    },
    // 3 own + 2 extra cosmonauts: 0.5 · 5 = 2.5
    {
      name: "2 extra cosmonauts",
      role: "russia",
      cause: "crewsFlown",
      setup: set("russia", { extraCrew: 2 }),
      expected: 2.5,
    },
    // the anomaly leaves 3 seats, all Russia's own: 1.5 (the US deal for 3 fails)
    {
      name: "Soyuz anomaly (−3 seats)",
      role: "russia",
      cause: "crewsFlown",
      setup: all(inject("soyuz-anomaly"), buy("russia", "us", 3, 90)),
      expected: 1.5,
    },
  ]);
});

describe("security: points per security point from diversion (Russia 0.5, 1 per 10 %)", () => {
  runRows([
    {
      name: "no diversion: no term",
      role: "russia",
      cause: "security",
      setup: none,
      expected: null,
    },
    // 10 % → 1 point: 0.5 · 1 = 0.5
    {
      name: "10 % diverted",
      role: "russia",
      cause: "security",
      setup: set("russia", { diversion: 10 }),
      expected: 0.5,
    },
    // 25 % → 2.5 points: 0.5 · 2.5 = 1.25
    {
      name: "25 % diverted",
      role: "russia",
      cause: "security",
      setup: set("russia", { diversion: 25 }),
      expected: 1.25,
    },
    // 50 % → 5 points: 0.5 · 5 = 2.5
    {
      name: "50 % diverted",
      role: "russia",
      cause: "security",
      setup: set("russia", { diversion: 50 }),
      expected: 2.5,
    },
  ]);
});

describe("prestige: points per prestige point held (Russia 0.3, start 5)", () => {
  runRows([
    // 0.3 · 5 = 1.5
    { name: "start prestige", role: "russia", cause: "prestige", setup: none, expected: 1.5 },
    // 5 + 2 · extraCrewPrestige 1 = 7: 0.3 · 7 = 2.1
    {
      name: "2 extra cosmonauts",
      role: "russia",
      cause: "prestige",
      setup: set("russia", { extraCrew: 2 }),
      expected: 2.1,
    },
    // 5 + reducedPrestige (−2) = 3: 0.3 · 3 = 0.9
    {
      name: "reduced ISS role",
      role: "russia",
      cause: "prestige",
      setup: set("russia", { roleLevel: "reduced" }),
      expected: 0.9,
    },
  ]);
});

describe("profit: points per 100 of profit (SpaceX 2)", () => {
  runRows([
    // the default order flies 1 flight next year at 100: profit −100, 2 · −1 = −2
    {
      name: "a flight ordered, nothing sold",
      role: "spacex",
      cause: "profit",
      setup: none,
      expected: -2,
    },
    {
      name: "no flight, nothing sold",
      role: "spacex",
      cause: "profit",
      setup: set("spacex", { flightsNextYear: 0 }),
      expected: 0,
    },
    // 55 in, 35 marginal cost out: +20, 2 · 0.2 = 0.4
    {
      name: "one seat at 55, no flight ordered",
      role: "spacex",
      cause: "profit",
      setup: all(set("spacex", { flightsNextYear: 0 }), buy("spacex", "us", 1, 55)),
      expected: 0.4,
    },
    // 4 · 100 in; 4 · 35 + 100 out: +160, 2 · 1.6 = 3.2
    {
      name: "4 seats at 100 and a flight",
      role: "spacex",
      cause: "profit",
      setup: buy("spacex", "us", 4, 100),
      expected: 3.2,
    },
    // contract 200 in, flight 100 out: +100, 2 · 1 = 2
    {
      name: "a contract of 200 and a flight",
      role: "spacex",
      cause: "profit",
      setup: deal(
        ["us", "spacex"],
        [{ kind: "contract", state: "us", company: "spacex", value: 200, condition: null }],
      ),
      expected: 2,
    },
    // crew funding 150 in, flight 100 out: +50, 2 · 0.5 = 1
    {
      name: "US crew funding and a flight",
      role: "spacex",
      cause: "profit",
      setup: set("us", { crewFunding: "spacex" }),
      expected: 1,
    },
  ]);
});

describe("seatShare: points × the role's share of all seats flown (SpaceX 8)", () => {
  runRows([
    // 3 Russian crew flown, 0 by SpaceX: 8 · 0/3 = 0
    { name: "none of 3", role: "spacex", cause: "seatShare", setup: none, expected: 0 },
    // 8 · 1/4 = 2
    {
      name: "1 of 4",
      role: "spacex",
      cause: "seatShare",
      setup: buy("spacex", "us", 1, 55),
      expected: 2,
    },
    // 8 · 1/7 = 1.1429 → 1.14
    {
      name: "1 of 7",
      role: "spacex",
      cause: "seatShare",
      setup: all(buy("russia", "us", 3, 90), buy("spacex", "us", 1, 55)),
      expected: 1.14,
    },
    // 8 · 4/7 = 4.5714 → 4.57
    {
      name: "4 of 7",
      role: "spacex",
      cause: "seatShare",
      setup: buy("spacex", "us", 4, 55),
      expected: 4.57,
    },
    // two anomalies: no Soyuz seat, nobody flies: no term
    {
      name: "no seat flown at all: no term",
      role: "spacex",
      cause: "seatShare",
      setup: all(inject("soyuz-anomaly"), inject("soyuz-anomaly")),
      expected: null,
    },
  ]);
});

describe("reputation: points per reputation point (SpaceX 0.5, start 5)", () => {
  const contract = (flights: number) =>
    all(
      deal(
        ["us", "spacex"],
        [
          {
            kind: "contract",
            state: "us",
            company: "spacex",
            value: 100,
            condition: { kind: "minFlights", flights: 2 },
          },
        ],
      ),
      set("spacex", { flightsNextYear: flights }),
    );
  runRows([
    // 0.5 · 5 = 2.5
    { name: "start reputation", role: "spacex", cause: "reputation", setup: none, expected: 2.5 },
    {
      name: "a contract condition kept",
      role: "spacex",
      cause: "reputation",
      setup: contract(2),
      expected: 2.5,
    },
    // a broken condition costs 1 reputation: 0.5 · 4 = 2
    {
      name: "a contract condition broken",
      role: "spacex",
      cause: "reputation",
      setup: contract(1),
      expected: 2,
    },
  ]);
});

describe("astronautsFlown: points per own astronaut flown (UAE 5)", () => {
  runRows([
    {
      name: "none flown: no term",
      role: "uae",
      cause: "astronautsFlown",
      setup: none,
      expected: null,
    },
    // 5 · 1 = 5
    {
      name: "one on Soyuz",
      role: "uae",
      cause: "astronautsFlown",
      setup: buy("russia", "uae", 1, 90),
      expected: 5,
    },
    // 5 · 2 = 10
    {
      name: "two on Soyuz",
      role: "uae",
      cause: "astronautsFlown",
      setup: buy("russia", "uae", 2, 90),
      expected: 10,
    },
    // three flown (at 60: UAE's 200 pays for 3), points for the ambition of 2 (the schema's
    // default): 5 · 2 = 10
    {
      name: "three on Soyuz: points stop at the ambition (2)",
      role: "uae",
      cause: "astronautsFlown",
      setup: buy("russia", "uae", 3, 60),
      expected: 10,
    },
    // ambition 3: 5 · 3 = 15
    {
      name: "three on Soyuz with an ambition of 3",
      role: "uae",
      cause: "astronautsFlown",
      setup: buy("russia", "uae", 3, 60),
      over: {
        roles: { uae: { objectives: [{ kind: "astronautsFlown", points: 5, ambition: 3 }] } },
      } as Over,
      expected: 15,
    },
  ]);
});

describe("singleProvider: −points when one company flies more than `share` of the crew (US)", () => {
  const us = (points: number, share: number) =>
    ({ roles: { us: { objectives: [{ kind: "singleProvider", points, share }] } } }) as Over;
  runRows([
    // 4 of 4 on Dragon: 100 % > 75 %: −2.5
    {
      name: "all 4 US crew on Dragon",
      role: "us",
      cause: "singleProvider",
      setup: buy("spacex", "us", 4, 55),
      over: us(2.5, 0.75),
      expected: -2.5,
    },
    // 3 of 4 on Dragon: 75 % is not more than 75 %: no term
    {
      name: "3 on Dragon, 1 on Soyuz",
      role: "us",
      cause: "singleProvider",
      setup: all(buy("spacex", "us", 3, 55), buy("russia", "us", 1, 90)),
      over: us(2.5, 0.75),
      expected: null,
    },
    // share 0.5: 75 % > 50 %: −2
    {
      name: "3 on Dragon, 1 on Soyuz, monopoly share 50 %",
      role: "us",
      cause: "singleProvider",
      setup: all(buy("spacex", "us", 3, 55), buy("russia", "us", 1, 90)),
      over: us(2, 0.5),
      expected: -2,
    },
    // all 3 on Soyuz (a state's vehicle, not a company): no term
    {
      name: "all on Soyuz",
      role: "us",
      cause: "singleProvider",
      setup: buy("russia", "us", 3, 90),
      over: us(2.5, 0.75),
      expected: null,
    },
  ]);
});

describe("capabilityGained: points per capability point gained this year (UAE 0.5)", () => {
  const invest = (n: number) => set("uae", { programmeInvestment: n });
  runRows([
    {
      name: "nothing invested: no term",
      role: "uae",
      cause: "capabilityGained",
      setup: none,
      expected: null,
    },
    // 100 · 0.05 = 5 points: 0.5 · 5 = 2.5
    {
      name: "100 invested",
      role: "uae",
      cause: "capabilityGained",
      setup: invest(100),
      expected: 2.5,
    },
    // floor(30 · 0.05 = 1.5) = 1 point: 0.5 · 1 = 0.5
    {
      name: "30 invested (whole points only)",
      role: "uae",
      cause: "capabilityGained",
      setup: invest(30),
      expected: 0.5,
    },
    // know-how of 3 points bought from Russia: 0.5 · 3 = 1.5
    {
      name: "3 points of know-how bought",
      role: "uae",
      cause: "capabilityGained",
      setup: deal(
        ["uae", "russia"],
        [{ kind: "techTransfer", provider: "russia", recipient: "uae", points: 3, price: 30 }],
      ),
      expected: 1.5,
    },
    // year 1 gains 5 (2 → 7); year 2 invests nothing: nothing gained, no term
    {
      name: "year 2 after a gain in year 1, nothing new",
      role: "uae",
      cause: "capabilityGained",
      setup: invest(100),
      year2: set("uae", { programmeInvestment: 0 }),
      expected: null,
    },
    // year 2 invests 100 again: 7 → 12, only this year's 5 count: 0.5 · 5 = 2.5
    {
      name: "year 2 counts only year 2's gain",
      role: "uae",
      cause: "capabilityGained",
      setup: invest(100),
      year2: invest(100),
      expected: 2.5,
    },
  ]);
});

describe("capabilityGained counts from last year's end, not from the start capability", () => {
  // Russia scoring 1 a capability point, starting at 30; the brain-drain card costs it 2
  const RU_CAPABILITY = {
    roles: { russia: { objectives: [{ kind: "capabilityGained", points: 1 }] } },
  } as Over;
  const know = (points: number) =>
    deal(
      ["russia", "spacex"],
      [{ kind: "techTransfer", provider: "spacex", recipient: "russia", points, price: 30 }],
    );
  runRows([
    // 30 → 28: a loss is no gain, no term
    {
      name: "a year that loses 2",
      role: "russia",
      cause: "capabilityGained",
      setup: inject("brain-drain-warning"),
      over: RU_CAPABILITY,
      expected: null,
    },
    // 28 → 30 in year 2: 1 · 2 = 2 (measured from the start capability, 30, it would be nothing)
    {
      name: "year 2 wins back 2 after losing 2 in year 1",
      role: "russia",
      cause: "capabilityGained",
      setup: inject("brain-drain-warning"),
      year2: know(2),
      over: RU_CAPABILITY,
      expected: 2,
    },
    // 28 → 31: 1 · 3 = 3 (from the start it would be 1)
    {
      name: "year 2 gains 3 after losing 2 in year 1",
      role: "russia",
      cause: "capabilityGained",
      setup: inject("brain-drain-warning"),
      year2: know(3),
      over: RU_CAPABILITY,
      expected: 3,
    },
  ]);
});

describe("newPartners: points per partner flying the role's crew for the first time (UAE 3)", () => {
  runRows([
    { name: "nobody: no term", role: "uae", cause: "newPartners", setup: none, expected: null },
    // Russia: 3 · 1 = 3
    {
      name: "Soyuz",
      role: "uae",
      cause: "newPartners",
      setup: buy("russia", "uae", 1, 90),
      expected: 3,
    },
    // two seats with one partner count once: 3
    {
      name: "two Soyuz seats, one partner",
      role: "uae",
      cause: "newPartners",
      setup: buy("russia", "uae", 2, 90),
      expected: 3,
    },
    // Russia and SpaceX: 3 · 2 = 6
    {
      name: "Soyuz and Dragon",
      role: "uae",
      cause: "newPartners",
      setup: all(buy("russia", "uae", 1, 90), buy("spacex", "uae", 1, 50)),
      expected: 6,
    },
    // Russia again in year 2 is no new partner: no term
    {
      name: "Soyuz again in year 2",
      role: "uae",
      cause: "newPartners",
      setup: buy("russia", "uae", 1, 90),
      year2: buy("russia", "uae", 1, 90),
      expected: null,
    },
    // Russia in year 1, SpaceX new in year 2: 3
    {
      name: "Dragon new in year 2",
      role: "uae",
      cause: "newPartners",
      setup: buy("russia", "uae", 1, 90),
      year2: buy("spacex", "uae", 1, 50),
      expected: 3,
    },
  ]);
});

describe("the tables cover every objective kind", () => {
  it("each kind in the schema has rows, at least two of them with different non-zero points", () => {
    const kinds = objectiveSchema.options.map((o) => o.shape.kind.value);
    expect(kinds).toHaveLength(16);
    for (const kind of kinds) {
      const points = ALL_ROWS.filter((r) => r.cause === kind).map((r) => r.expected);
      const nonZero = new Set(points.filter((x) => x !== null && x !== 0));
      expect(nonZero.size, `${kind}: ${JSON.stringify(points)}`).toBeGreaterThanOrEqual(2);
    }
    // and no row names a cause that is not an objective
    for (const r of ALL_ROWS) expect(kinds as string[]).toContain(r.cause);
  });
});

// ------------------------------------------------------------------ end of game

/** A one-year game with flat tension at `t` and no crisis below 100; plays `setup` and ends. */
function endAt(t: number, setup: Setup = none, over: Over = {}): GameState {
  const sc = miniScenario({
    ...FLAT_T,
    startTension: t,
    crisis: { threshold: 100 },
    ...over,
  } as Over);
  const s = resolveYear(setup(negotiating(sc, HUMANS, { years: 1 })));
  if (!s.outcome) throw new Error("the game did not end");
  return s;
}

describe("peace dividend: 10 × (80 − final T) ÷ 40, bounded to 0–10", () => {
  it.each([
    // T, dividend
    [20, 10], // 10 · 60/40 = 15, capped at 10
    [40, 10], // 10 · 40/40 = 10
    [50, 7.5], // 10 · 30/40
    [70, 2.5], // 10 · 10/40
    [79, 0.25], // 10 · 1/40
    [80, 0], // 10 · 0/40
    [90, 0], // 10 · −10/40, raised to 0
  ])("final T %i → %d", (t, dividend) => {
    expect(endAt(t).outcome?.peaceDividend).toBe(dividend);
  });

  it("the audit's covert sale counts toward the final T: 50 + 5 → 10 · 25/40 = 6.25", () => {
    const s = endAt(50, set("russia", { covertSale: true }), {
      orders: { covertDetection: 0, covertDetectionRepeat: 0 },
    } as Over);
    expect(s.outcome?.finalTension).toBe(55);
    expect(s.outcome?.peaceDividend).toBe(6.25);
  });

  it("every seat's final score adds it: the US at T 50 scores −7.5 in the year, 0 at the end", () => {
    // US year: crewMet −16, moneySaved 3, lowVulnerability 4, homeProviders 0, lowTension 1.5 = −7.5
    const s = endAt(50);
    expect(report(s, 2020).scores.us).toBe(-7.5);
    expect(s.outcome?.finalScores.us).toBe(0); // −7.5 + 7.5
  });
});

describe("secret priority: its points at the end when its check holds (UAE, 'fly one astronaut', 5)", () => {
  it.each([
    // UAE's year at T 50: astronautsFlown 5 + newPartners 3 + lowTension 0.5 = 8.5;
    // + dividend 7.5 + priority 5 = 21
    ["met", buy("russia", "uae", 1, 90), 8.5, 21],
    // not flying: lowTension 0.5 only; + 7.5 = 8, no priority
    ["not met", none, 0.5, 8],
  ] as const)("%s", (_name, setup, year, final) => {
    const s = endAt(50, setup);
    expect(s.seats.uae?.priority?.id).toBe("one-astronaut");
    expect(report(s, 2020).scores.uae).toBe(year);
    expect(s.outcome?.finalScores.uae).toBe(final);
  });
});

describe("conflict: every seat loses half its score's size (DECISIONS 2026-11-25)", () => {
  it("a positive score halves, a negative one falls by half its size", () => {
    // T 100, C 0 (no cooperation weights), escalation base 0: both firm escalate with p = 1
    const sc = miniScenario({
      ...FLAT_T,
      startTension: 100,
      cooperation: { rivalWeight: 0, othersWeight: 0, triangleWeight: 0, trustWeight: 0 },
      crisis: { escalationBase: 0 },
    } as Over);
    let s = negotiating(sc);
    while (s.phase !== "crisis") s = timeout(s);
    s = seatMust(s, "us", { type: "crisisChoice", choice: "firm" });
    s = seatMust(s, "russia", { type: "crisisChoice", choice: "firm" });
    expect(s.outcome?.conflict).toBe(true);
    expect(s.outcome?.peaceDividend).toBe(0); // T 100: 10 · −20/40, raised to 0
    // US: crewMet −16 + moneySaved 3 + lowVulnerability 4 + homeProviders 0 + lowTension 0 = −9;
    // −9 − 9/2 = −13.5 (halving would have raised it to −4.5)
    expect(report(s, 2020).scores.us).toBe(-9);
    expect(s.outcome?.finalScores.us).toBe(-13.5);
    // Russia: civilFunding 6 · 2770/3040 = 5.4671 + crewsFlown 1.5 + prestige 1.5 + lowTension 0
    // = 8.4671 → 8.47; 8.47 − 4.235 = 4.235 → 4.24
    expect(report(s, 2020).scores.russia).toBe(8.47);
    expect(s.outcome?.finalScores.russia).toBe(4.24);
    // SpaceX: profit −2 (a flight at 100) + seatShare 0 + reputation 2.5 = 0.5; 0.5 − 0.25 = 0.25
    expect(s.outcome?.finalScores.spacex).toBe(0.25);
  });
});
