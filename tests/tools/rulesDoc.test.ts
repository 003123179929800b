/**
 * docs/RULES.md cannot drift from the default scenario: its generated sections
 * (roles and objective points, pars, secret-priority cards) must be what
 * `npm run rules:doc` writes from crew-dragon-2020.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadScenario } from "../../server/scenarios.ts";
import { RULES_PATH, RULES_SCENARIO, renderRules } from "../../tools/rulesDoc.ts";

const doc = readFileSync(RULES_PATH, "utf8");
const sc = loadScenario(RULES_SCENARIO);

describe("docs/RULES.md", () => {
  it("is what npm run rules:doc writes from the scenario (run it after changing the scenario)", () => {
    expect(renderRules(doc, sc)).toBe(doc);
    for (const name of ["roles", "pars", "priorities"])
      expect(doc).toContain(`<!-- rules:doc ${name} -->`);
  });

  it("gives crew-dragon-2020's pars and priority points (the audit's 11.5/9.5/9.5/9/6 and 14/12/14/10/18)", () => {
    expect(doc).toContain(
      "US _11.5_, RU _9.5_, SpaceX _9.5_, UAE _9_, TR _9_, PL _9_, Boeing _6_.",
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
      roles: { ...sc.roles, us: { ...(sc.roles.us as NonNullable<typeof sc.roles.us>), par: 12 } },
    };
    const next = renderRules(doc, changed);
    expect(next).not.toBe(doc);
    expect(next).toContain("US _12_, RU _9.5_");
  });

  it("refuses a marker it has no section for", () => {
    expect(() => renderRules("<!-- rules:doc nonsense -->\n<!-- /rules:doc -->", sc)).toThrow(
      /unknown section "nonsense"/,
    );
  });
});
