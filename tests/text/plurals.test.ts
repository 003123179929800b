/**
 * The client's counted nouns: every sentence of client/src/text that counts something says
 * "1 seat" and "2 seats", through the one plural helper of shared/text/details.ts (which the
 * client reaches through client/src/text/details.ts), never an inline `n === 1 ? "" : "s"`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HOST_TEXT } from "../../client/src/text/host.ts";
import { TEXT } from "../../client/src/text/index.ts";
import { MARKET_TEXT } from "../../client/src/text/market.ts";
import { objectiveSentence } from "../../client/src/text/rules.ts";
import { PROPOSAL_TEXT, termText } from "../../client/src/text/terms.ts";
import { loadScenario } from "../../server/scenarios.ts";
import type { Objective } from "../../shared/scenario/schema.ts";

const name = (r: string) => ({ us: "US", russia: "RU", spacex: "SpaceX" })[r] ?? r;

describe("the client's counts", () => {
  it("say one and many apart", () => {
    expect(HOST_TEXT.extendLabel(1)).toBe("+1 min: give this phase 1 more minute");
    expect(HOST_TEXT.extendLabel(5)).toBe("+5 min: give this phase 5 more minutes");
    expect(HOST_TEXT.done.extend(1)).toBe("This phase got 1 more minute.");
    expect(HOST_TEXT.done.extend(2)).toBe("This phase got 2 more minutes.");
    expect(TEXT.home.presetChoice("Friends", 1)).toBe("Friends · 1 year");
    expect(TEXT.home.presetChoice("Friends", 6)).toBe("Friends · 6 years");
    expect(TEXT.report.flights(1)).toBe("1 seat flew.");
    expect(TEXT.report.flights(0)).toBe("0 seats flew.");
    expect(TEXT.report.deals(1)).toBe("1 deal ran.");
    expect(TEXT.report.deals(3)).toBe("3 deals ran.");
    expect(MARKET_TEXT.seller("SpaceX", 55, 1)).toBe(
      "SpaceX: 55 a seat (1 seat on its vehicle this year)",
    );
    expect(MARKET_TEXT.seller("SpaceX", 55, 4)).toBe(
      "SpaceX: 55 a seat (4 seats on its vehicle this year)",
    );
    expect(PROPOSAL_TEXT.years(1)).toBe("for 1 year");
    expect(PROPOSAL_TEXT.years(3)).toBe("for 3 years");
    const sale = { kind: "seatSale", provider: "russia", buyer: "us", price: 80 } as const;
    expect(termText({ ...sale, seats: 1 }, name)).toBe("RU sells US 1 seat at 80 each");
    expect(termText({ ...sale, seats: 2 }, name)).toBe("RU sells US 2 seats at 80 each");
    expect(termText({ kind: "seatSwap", a: "us", b: "russia", seats: 1 }, name)).toBe(
      "US and RU swap 1 seat",
    );
    const contract = { kind: "contract", state: "us", company: "spacex", value: 100 } as const;
    expect(
      termText({ ...contract, condition: { kind: "minFlights", flights: 1 } } as never, name),
    ).toBe("US pays SpaceX 100 a year, if it flies at least 1 flight");
    expect(
      termText({ ...contract, condition: { kind: "minFlights", flights: 3 } } as never, name),
    ).toBe("US pays SpaceX 100 a year, if it flies at least 3 flights");
  });

  it("count a scenario's points as the Rules panel says them", () => {
    const sc = loadScenario("crew-dragon-2020");
    const crew = (points: number): Objective => ({ kind: "crewsFlown", points });
    expect(objectiveSentence(sc, "spacex", crew(1))).toBe(
      "1 point for each astronaut Crew Dragon flies, yours or another nation's.",
    );
    expect(objectiveSentence(sc, "spacex", crew(2.5))).toBe(
      "2.5 points for each astronaut Crew Dragon flies, yours or another nation's.",
    );
  });

  it("come from the one plural helper, not an inline `=== 1 ?` in client/src/text", () => {
    const dir = join(import.meta.dirname, "../../client/src/text");
    // `n === 1 ? "" : "s"`, `n === 1 ? "year" : "years"`, `n !== 1 ? "s" : ""`
    const INLINE = /[!=]== ?1 \? ?"\w*" ?: ?"\w*"/;
    const inline: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts")))
      for (const [i, line] of readFileSync(join(dir, file), "utf8").split("\n").entries())
        if (INLINE.test(line)) inline.push(`${file}:${i + 1}: ${line.trim()}`);
    expect(inline).toEqual([]);
  });
});
