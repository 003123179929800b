/**
 * docs/RULES.md cannot drift from the default scenario: its generated sections
 * (roles and objective points, pars, secret-priority cards) must be what
 * `npm run rules:doc` writes from crew-dragon-2020; every number the hand-written prose
 * gives in italics (the scenario's values, as RULES.md marks them) must be one of the
 * scenario's numbers, or one of the few it derives from them.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadScenario } from "../../server/scenarios.ts";
import { civilTarget } from "../../shared/rules/civilFunding.ts";
import {
  describeObjective,
  RULES_PATH,
  RULES_SCENARIO,
  renderRules,
} from "../../tools/rulesDoc.ts";

const doc = readFileSync(RULES_PATH, "utf8");
const sc = loadScenario(RULES_SCENARIO);

describe("docs/RULES.md", () => {
  it("is what npm run rules:doc writes from the scenario (run it after changing the scenario)", () => {
    expect(renderRules(doc, sc)).toBe(doc);
    for (const name of ["roles", "pars", "priorities"])
      expect(doc).toContain(`<!-- rules:doc ${name} -->`);
  });

  it("gives crew-dragon-2020's pars and priority points (as tuned in issue 10: 12/9.2/12.25/13/6, and 14/12/14/10/18)", () => {
    expect(doc).toContain(
      "US _12_, RU _9.2_, SpaceX _12.25_, UAE _13_, TR _13_, PL _13_, Boeing _6_.",
    );
    expect(doc).toContain(
      "fly on two different vehicles (_14_); fly your first astronaut before 2022 (_12_); reach capability 10 (_14_); never pay more than 60 a seat (_10_); fly three astronauts (_18_)",
    );
    expect(doc).toContain("crew need met (_6_ points, _−4_ for each seat missing)");
    expect(doc).not.toMatch(/US 14, Russia 14/);
  });

  it("changes when the scenario does, so a stale RULES.md fails the first test", () => {
    const changed = {
      ...sc,
      roles: { ...sc.roles, us: { ...(sc.roles.us as NonNullable<typeof sc.roles.us>), par: 14 } },
    };
    const next = renderRules(doc, changed);
    expect(next).not.toBe(doc);
    expect(next).toContain("US _14_, RU _9.2_");
  });

  it("says 1 point, 1 seat and 1 flight, not 1 points", () => {
    expect(describeObjective(sc, "us", { kind: "crewMet", points: 1, gapPoints: 1 })).toBe(
      "crew need met (_1_ point, _−1_ for each seat missing)",
    );
    expect(describeObjective(sc, "us", { kind: "crewMet", points: 6, gapPoints: 4 })).toBe(
      "crew need met (_6_ points, _−4_ for each seat missing)",
    );
    const dragon = sc.roles.spacex as NonNullable<typeof sc.roles.spacex>;
    const vehicle = dragon.vehicle as NonNullable<typeof dragon.vehicle>;
    const single = {
      ...sc,
      roles: { ...sc.roles, spacex: { ...dragon, vehicle: { ...vehicle, seatsPerFlight: 1 } } },
    };
    const row =
      renderRules(doc, single)
        .split("\n")
        .find((l) => l.startsWith("| SpaceX")) ?? "";
    expect(row).toContain("Crew Dragon (_1_ seat a flight, _1_ flight in 2020, up to _4_)");
  });

  it("refuses a marker it has no section for", () => {
    expect(() => renderRules("<!-- rules:doc nonsense -->\n<!-- /rules:doc -->", sc)).toThrow(
      /unknown section "nonsense"/,
    );
  });

  it("writes in its prose (outside the generated sections) only numbers the scenario holds", () => {
    const prose = doc.replace(/<!-- rules:doc \w+ -->[\s\S]*?<!-- \/rules:doc -->/g, "");
    const known = new Set<number>();
    const walk = (v: unknown): void => {
      if (typeof v === "number") {
        known.add(Math.abs(v));
        known.add(Math.round(Math.abs(v) * 10000) / 100); // a share written as a percentage
      } else if (v && typeof v === "object") for (const x of Object.values(v)) walk(x);
    };
    walk(sc);
    // the derived figures the prose spells out: Russia's civil-funding target, and what one
    // level of sanctions takes from Russia's budget
    known.add(civilTarget(sc, "russia"));
    known.add(Math.round(sc.orders.sanctionBudgetShare * (sc.roles.russia?.budgetBase ?? 0)));
    const stale: string[] = [];
    for (const m of prose.matchAll(/_([+−-]?[\d,.]+ ?%?)_/g)) {
      const n = Math.abs(Number((m[1] as string).replace(/[+−,%\s]/g, "")));
      if (!known.has(n))
        stale.push(`${m[0]} after "${prose.slice(Math.max(0, m.index - 50), m.index)}"`);
    }
    expect(stale).toEqual([]);
  });
});
