/**
 * The engine's terms are data and shared/text/details.ts says them: every cause renders as a
 * sentence without "(s)", "undefined" or a bare id, counts take their plural, and games played
 * to their end by bots carry no English in their terms, crisis outcomes or verdicts.
 */
import { describe, expect, it } from "vitest";
import { loadScenario } from "../../server/scenarios.ts";
import { BOTS } from "../../shared/bots/index.ts";
import { playGame } from "../../shared/bots/play.ts";
import type {
  CooperationCause,
  CooperationDetail,
  CrisisOutcome,
  ScoreCause,
  ScoreDetail,
  TensionCause,
  TensionDetail,
  Verdicts,
} from "../../shared/rules/details.ts";
import type { GameState } from "../../shared/rules/types.ts";
import {
  cooperationText,
  crisisOutcomeText,
  type Names,
  scenarioNames,
  scoreText,
  tensionText,
  verdictText,
} from "../../shared/text/details.ts";

const NAMES: Names = {
  role: (id) => ({ us: "US", russia: "RU", spacex: "SpaceX", uae: "UAE" })[id] ?? `?${id}?`,
  event: (id) => (id === "solar-storm" ? "Solar storm" : `?${id}?`),
};

/** What no sentence may hold: an old plural, a missing value, an unnamed id. */
const BROKEN = /\(s\)|\(es\)|undefined|NaN|null|\[object|\?\w+\?/;

// one or more examples of every cause: a cause added to a union without one fails typecheck
const SCORE: { [C in ScoreCause]: Extract<ScoreDetail, { cause: C }>[] } = {
  crewMet: [
    { cause: "crewMet", flown: 2, need: 3 },
    { cause: "crewMet", flown: 3, need: 3 },
    { cause: "crewMet", flown: 1, need: 1 },
  ],
  moneySaved: [{ cause: "moneySaved", percent: 40 }],
  lowVulnerability: [{ cause: "lowVulnerability", vulnerability: 0.25 }],
  homeProviders: [
    { cause: "homeProviders", flying: 1, of: 1 },
    { cause: "homeProviders", flying: 2, of: 3 },
  ],
  lowTension: [{ cause: "lowTension", tension: 61.4 }],
  civilFunding: [{ cause: "civilFunding", funding: 2770, target: 3040 }],
  crewsFlown: [
    { cause: "crewsFlown", crew: 1 },
    { cause: "crewsFlown", crew: 4 },
  ],
  security: [{ cause: "security", gained: 0.5 }],
  prestige: [{ cause: "prestige", prestige: 3 }],
  profit: [{ cause: "profit", profit: -120.4 }],
  seatShare: [{ cause: "seatShare", mine: 1, all: 1 }],
  reputation: [{ cause: "reputation", reputation: 2 }],
  astronautsFlown: [
    { cause: "astronautsFlown", flown: 1, counted: 1 },
    { cause: "astronautsFlown", flown: 3, counted: 2 },
  ],
  singleProvider: [{ cause: "singleProvider", company: "spacex", role: "us", percent: 100 }],
  capabilityGained: [{ cause: "capabilityGained", gained: 1 }],
  newPartners: [
    { cause: "newPartners", partners: 1 },
    { cause: "newPartners", partners: 2 },
  ],
  brokenPledges: [
    { cause: "brokenPledges", pledges: 1 },
    { cause: "brokenPledges", pledges: 2 },
  ],
  failedDeals: [
    { cause: "failedDeals", deals: 1 },
    { cause: "failedDeals", deals: 2 },
  ],
  crisis: [
    { cause: "crisis", part: "firm" },
    { cause: "crisis", part: "backedDown" },
    { cause: "crisis", part: "leverage", over: "us" },
  ],
};

const OUTCOMES: CrisisOutcome[] = [
  { kind: "bothDeescalated" },
  { kind: "escalated" },
  { kind: "passed" },
  { kind: "oneFirm", firm: "russia", soft: "us" },
];

const TENSION: { [C in TensionCause]: Extract<TensionDetail, { cause: C }>[] } = {
  drift: [{ cause: "drift" }],
  vulnerability: (["nobody", "rideAndLifeboat", "money", "crewSeats"] as const).map((why) => ({
    cause: "vulnerability",
    exposed: "us",
    over: "russia",
    why,
  })),
  diversion: [
    { cause: "diversion", role: "russia", percent: 10, inspected: false },
    { cause: "diversion", role: "russia", percent: 0, inspected: true },
  ],
  moneyToMilitary: [{ cause: "moneyToMilitary", payer: "us", role: "russia" }],
  incomeLoss: [{ cause: "incomeLoss", role: "russia", lost: 180 }],
  sanctions: [{ cause: "sanctions", by: "us", level: 2 }],
  reducedRole: [{ cause: "reducedRole", role: "russia" }],
  failedDeals: [
    { cause: "failedDeals", deals: 0 },
    { cause: "failedDeals", deals: 1 },
    { cause: "failedDeals", deals: 3 },
  ],
  cooperation: [{ cause: "cooperation" }],
  event: [{ cause: "event", event: "solar-storm" }],
  lifeboatExposure: [{ cause: "lifeboatExposure" }],
  crisisOnEarth: [
    { cause: "crisisOnEarth", event: "solar-storm", linked: true },
    { cause: "crisisOnEarth", event: "solar-storm", linked: false },
  ],
  covert: [{ cause: "covert", role: "russia" }],
  brainDrain: [{ cause: "brainDrain", role: "russia" }],
  crisis: OUTCOMES.map((outcome) => ({ cause: "crisis", outcome })),
};

const COOPERATION: { [C in CooperationCause]: Extract<CooperationDetail, { cause: C }>[] } = {
  rivalMutual: [{ cause: "rivalMutual", a: "us", b: "russia" }],
  otherMutual: [{ cause: "otherMutual" }],
  triangle: [
    { cause: "triangle", seats: 1 },
    { cause: "triangle", seats: 2 },
  ],
  trust: [{ cause: "trust", percent: 75 }],
};

const all = <D>(table: object): D[] => Object.values(table).flat() as D[];

describe("every cause has a sentence", () => {
  it.each(all<ScoreDetail>(SCORE))("score %o", (d) => {
    const text = scoreText(d, NAMES);
    expect(text.length).toBeGreaterThan(3);
    expect(text).not.toMatch(BROKEN);
  });
  it.each(all<TensionDetail>(TENSION))("tension %o", (d) => {
    const text = tensionText(d, NAMES);
    expect(text.length).toBeGreaterThan(3);
    expect(text).not.toMatch(BROKEN);
  });
  it.each(all<CooperationDetail>(COOPERATION))("cooperation %o", (d) => {
    const text = cooperationText(d, NAMES);
    expect(text.length).toBeGreaterThan(3);
    expect(text).not.toMatch(BROKEN);
  });
});

describe("counts take their plural", () => {
  it.each([
    [{ cause: "brokenPledges", pledges: 1 }, "1 pledge broken"],
    [{ cause: "brokenPledges", pledges: 2 }, "2 pledges broken"],
    [{ cause: "homeProviders", flying: 1, of: 1 }, "1 of 1 home provider flew your crew"],
    [{ cause: "homeProviders", flying: 2, of: 3 }, "2 of 3 home providers flew your crew"],
    [{ cause: "newPartners", partners: 1 }, "1 new partner"],
    [{ cause: "newPartners", partners: 3 }, "3 new partners"],
    [{ cause: "failedDeals", deals: 1 }, "1 deal failed through your fault"],
    [{ cause: "failedDeals", deals: 2 }, "2 deals failed through your fault"],
    [{ cause: "crewsFlown", crew: 1 }, "1 astronaut flown on your vehicle"],
    [{ cause: "crewsFlown", crew: 0 }, "0 astronauts flown on your vehicle"],
    [{ cause: "astronautsFlown", flown: 1, counted: 1 }, "1 astronaut flown"],
    [{ cause: "astronautsFlown", flown: 2, counted: 2 }, "2 astronauts flown"],
    [{ cause: "seatShare", mine: 1, all: 1 }, "1 of 1 seat flown"],
    [{ cause: "seatShare", mine: 2, all: 5 }, "2 of 5 seats flown"],
    [{ cause: "crewMet", flown: 1, need: 1 }, "your 1 crew member flown"],
    [{ cause: "crewMet", flown: 2, need: 3 }, "2 of 3 crew flown (ISS gap 1)"],
  ] as [ScoreDetail, string][])("score %o: %s", (d, text) => {
    expect(scoreText(d, NAMES)).toBe(text);
  });

  it.each([
    [{ cause: "failedDeals", deals: 1 }, "1 failed deal"],
    [{ cause: "failedDeals", deals: 0 }, "0 failed deals"],
    [{ cause: "sanctions", by: "us", level: 2 }, "US sanctions level 2"],
    [
      { cause: "crisis", outcome: { kind: "oneFirm", firm: "russia", soft: "us" } },
      "crisis: RU stood firm, US de-escalated",
    ],
  ] as [TensionDetail, string][])("tension %o: %s", (d, text) => {
    expect(tensionText(d, NAMES)).toBe(text);
  });

  it.each([
    [1, "1 multilateral (triangle) seat flown"],
    [2, "2 multilateral (triangle) seats flown"],
  ])("cooperation: %i triangle seats", (seats, text) => {
    expect(cooperationText({ cause: "triangle", seats }, NAMES)).toBe(text);
  });

  const verdicts = (n: number): Verdicts => ({
    liberal: {
      cooperation: 40,
      triangleSeats: n,
      trustPercent: 90,
      tension: 55,
      crises: n,
      level: "thin",
      restrained: true,
    },
    realist: { exposed: null, diversion: { role: "russia", percent: 5 } },
    market: {
      averagePrice: 70,
      providers: n,
      largest: "russia",
      sharePercent: 60,
      monopoly: false,
    },
  });

  it("the verdicts say 1 crisis, 1 seat, 1 provider and 2 crises, 2 seats, 2 providers", () => {
    const one = verdictText(verdicts(1), NAMES);
    expect(one.liberal).toBe(
      "Cooperation ended at 40/100 with 1 multilateral seat flown and 90 % of deals and pledges kept, and tension at 55 after 1 crisis: ties were thin, and tension stayed in check.",
    );
    expect(one.market).toContain("1 provider flew others' crews");
    expect(one.realist).toBe(
      "Neither rival ended exposed to the other; RU diverted about 5 % a year to the military (published estimates).",
    );
    const two = verdictText(verdicts(2), NAMES);
    expect(two.liberal).toContain("with 2 multilateral seats flown");
    expect(two.liberal).toContain("after 2 crises:");
    expect(two.market).toContain("2 providers flew others' crews, and the largest (RU)");
    const none = verdictText(verdicts(0), NAMES);
    expect(none.liberal).toContain("tension at 55: ties were thin");
  });

  it("a crisis outcome is a clause", () => {
    expect(OUTCOMES.map((o) => crisisOutcomeText(o, NAMES))).toEqual([
      "both sides de-escalated",
      "both sides stood firm: the crisis escalated into conflict",
      "both sides stood firm; the crisis passed",
      "RU stood firm, US de-escalated",
    ]);
  });
});

/** Every string inside a value, with where it sits. */
function strings(x: unknown, at = ""): [string, string][] {
  if (typeof x === "string") return [[at, x]];
  if (x === null || typeof x !== "object") return [];
  return Object.entries(x).flatMap(([k, v]) => strings(v, `${at}.${k}`));
}

/** The words a detail may hold besides ids: its cause and the enumerations of details.ts. */
const WORDS = new Set([
  ...Object.keys(SCORE),
  ...Object.keys(TENSION),
  ...Object.keys(COOPERATION),
  "firm",
  "backedDown",
  "leverage",
  "nobody",
  "rideAndLifeboat",
  "money",
  "crewSeats",
  ...OUTCOMES.map((o) => o.kind),
  "held",
  "thin",
  "apart",
]);

describe("a game's results carry data, not English", () => {
  const games: GameState[] = [];
  for (const id of ["crew-dragon-2020", "lunar-gateway-2033"]) {
    const scenario = loadScenario(id);
    games.push(playGame(scenario, `details-${id}`).state);
    // random play breaks deals and pledges and meets crises
    const random = BOTS.random;
    if (random)
      games.push(playGame(scenario, `details-random-${id}`, { defaultBot: random }).state);
  }

  it("each term is a cause, a detail and an amount; each string in it is an id or a word of details.ts", () => {
    let terms = 0;
    for (const s of games) {
      const ids = new Set([...Object.keys(s.scenario.roles), ...s.scenario.deck.map((c) => c.id)]);
      for (const r of s.reports) {
        const all = [
          ...r.tensionTerms,
          ...r.cooperationTerms,
          ...Object.values(r.scoreTerms).flat(),
        ];
        for (const t of all) {
          terms++;
          expect(Object.keys(t).sort()).toEqual(["amount", "cause", "detail"]);
          expect(t.detail.cause).toBe(t.cause);
          for (const [at, v] of strings(t.detail))
            expect(ids.has(v) || WORDS.has(v), `${t.cause}${at}: ${v}`).toBe(true);
        }
        if (r.crisis)
          for (const [at, v] of strings(r.crisis.outcome))
            expect(ids.has(v) || WORDS.has(v), `crisis${at}: ${v}`).toBe(true);
      }
      expect(s.outcome).not.toBeNull();
      for (const [at, v] of strings(s.outcome?.verdicts))
        expect(ids.has(v) || WORDS.has(v), `verdicts${at}: ${v}`).toBe(true);
    }
    expect(terms).toBeGreaterThan(100);
  });

  it("every term, crisis and verdict of those games renders with the scenario's short names", () => {
    for (const s of games) {
      const names = scenarioNames(s.scenario);
      const texts: string[] = [];
      for (const r of s.reports) {
        for (const t of r.tensionTerms) texts.push(tensionText(t.detail, names));
        for (const t of r.cooperationTerms) texts.push(cooperationText(t.detail, names));
        for (const t of Object.values(r.scoreTerms).flat()) texts.push(scoreText(t.detail, names));
        if (r.crisis) texts.push(crisisOutcomeText(r.crisis.outcome, names));
      }
      if (s.outcome) texts.push(...Object.values(verdictText(s.outcome.verdicts, names)));
      for (const text of texts) expect(text).not.toMatch(/\(s\)|\(es\)|undefined|NaN|\[object/);
      // a role is named by its short name, never by its id
      const [a, b] = s.scenario.rivalPair;
      const rivalMutual = texts.find((x) => x.endsWith(" interdependence"));
      expect(rivalMutual).toBe(
        `${s.scenario.roles[a]?.short}–${s.scenario.roles[b]?.short} interdependence`,
      );
    }
  });
});
