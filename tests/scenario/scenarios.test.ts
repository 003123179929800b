/**
 * The shipped scenarios and the test fixtures load, carry the essay's figures, and
 * a broken scenario is rejected with one message per bad field, each naming its field.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenario } from "../../server/scenarios.ts";
import { parseScenario } from "../../shared/scenario/load.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/scenarios");
const fixturePath = (name: string) => path.join(FIXTURES, `${name}.json`);
const readFixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(fixturePath(name), "utf8"));

/** Deletes the field at a dotted path (numeric parts index arrays) from a deep copy. */
function without(input: Record<string, unknown>, dotted: string): Record<string, unknown> {
  const copy = structuredClone(input);
  const parts = dotted.split(".");
  let node: Record<string, unknown> = copy;
  for (const part of parts.slice(0, -1)) node = node[part] as Record<string, unknown>;
  delete node[parts[parts.length - 1] as string];
  return copy;
}

const SOURCES: { label: string; load: () => Scenario }[] = [
  { label: "crew-dragon-2020", load: () => loadScenario("crew-dragon-2020") },
  { label: "lunar-gateway-2033", load: () => loadScenario("lunar-gateway-2033") },
  { label: "fixture mini", load: () => loadScenario(fixturePath("mini")) },
];

describe("scenarios load", () => {
  it.each(SOURCES)("$label is valid", ({ load }) => {
    const s = load();
    expect(s.presets[s.defaultPreset]).toBeDefined();
    for (const r of s.rivalPair) expect(s.roles[r]?.archetype).toBe("state");
  });

  it("the two real scenarios have different rival pairs", () => {
    const a = loadScenario("crew-dragon-2020").rivalPair;
    const b = loadScenario("lunar-gateway-2033").rivalPair;
    expect(a).toEqual(["us", "russia"]);
    expect([...b].sort()).not.toEqual([...a].sort());
  });
});

describe("crew-dragon-2020 carries the essay's figures", () => {
  const s = loadScenario("crew-dragon-2020");
  const cases: { what: string; actual: () => unknown; expected: unknown }[] = [
    {
      what: "Soyuz default list price",
      actual: () => s.roles.russia?.defaultOrders.listPrice,
      expected: 90,
    },
    {
      what: "Dragon default list price",
      actual: () => s.roles.spacex?.defaultOrders.listPrice,
      expected: 55,
    },
    { what: "Roscosmos budget base", actual: () => s.roles.russia?.budgetBase, expected: 2770 },
    { what: "subsidy cap per seat", actual: () => s.prices.subsidyCapPerSeat, expected: 35 },
    { what: "start tension", actual: () => s.startTension, expected: 55 },
    {
      what: "Soyuz seats a year",
      actual: () =>
        (s.roles.russia?.vehicle?.seatsPerFlight ?? 0) *
        (s.roles.russia?.vehicle?.fixedFlights ?? 0),
      expected: 6,
    },
    {
      what: "Dragon seats per flight",
      actual: () => s.roles.spacex?.vehicle?.seatsPerFlight,
      expected: 4,
    },
    {
      what: "rival's foreign income before the game",
      actual: () => s.tension.incomeReference,
      expected: 270,
    },
  ];
  it.each(cases)("$what is $expected", ({ actual, expected }) => {
    expect(actual()).toBe(expected);
  });

  it("the US holds one prepaid Soyuz seat", () => {
    expect(s.startingDeals).toEqual([
      { provider: "russia", buyer: "us", seats: 1, price: 90, prepaid: true },
    ]);
  });
});

describe("invalid scenarios name every bad field", () => {
  it("bad.json fails with exactly one message per bad field", () => {
    const result = parseScenario(readFixture("bad"));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const expected = [
      "rivalPair[1]",
      "roles.us.budgetBase",
      "defaultPreset",
      /^deck\[\d+\]\.effects\[0\]\.role$/,
      "dependence",
    ];
    expect(result.errors).toHaveLength(expected.length);
    const paths = result.errors.map((e) => e.slice(0, e.indexOf(":")));
    for (const want of expected) {
      const hits = paths.filter((p) => (typeof want === "string" ? p === want : want.test(p)));
      expect(hits, `one message for ${want}: ${result.errors.join(" | ")}`).toHaveLength(1);
    }
  });

  it("loadScenario throws for bad.json and lists the fields", () => {
    expect(() => loadScenario(fixturePath("bad"))).toThrow(/rivalPair\[1\][\s\S]*china/);
  });

  it("a role whose site the scenario does not name is refused, naming the field", () => {
    const json = readFixture("mini");
    (json.roles as Record<string, { site: string }>).uae = {
      ...(json.roles as Record<string, { site: string }>).uae,
      site: "atlantis",
    } as { site: string };
    const result = parseScenario(json);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      expect.stringMatching(/^roles\.uae\.site: names unknown site "atlantis"/),
    ]);
  });

  it("every shipped scenario places every role at one of its own sites", () => {
    for (const id of ["crew-dragon-2020", "lunar-gateway-2033"]) {
      const s = loadScenario(id);
      for (const [role, spec] of Object.entries(s.roles))
        expect(Object.hasOwn(s.sites, spec.site), `${id} ${role} at ${spec.site}`).toBe(true);
    }
  });

  const missing = [
    "summary",
    "tension.incomeReference",
    "roles.us.crewNeed",
    "roles.us.site",
    "roles.russia.vehicle.seatsPerFlight",
    "deck.0.onlyWhenFundingBelow",
  ];
  it.each(missing)("a scenario missing %s names that field", (field) => {
    const result = parseScenario(without(readFixture("mini"), field));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const named = field.replace(/\.(\d+)/g, "[$1]");
    expect(result.errors).toEqual([
      expect.stringMatching(new RegExp(`^${named.replace(/[.[\]]/g, "\\$&")}: `)),
    ]);
  });
});
