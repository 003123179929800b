/**
 * The rules that the engine, the bots and the tools share through one helper each
 * (issue 8, "one source for each fact"): each helper answers as the rules say.
 */
import { describe, expect, it } from "vitest";
import { runsIn } from "../../shared/rules/records.ts";

describe("runsIn: which deals run in a year", () => {
  it.each([
    // status, start, years, year, runs
    ["active", 2020, 2, 2019, false],
    ["active", 2020, 2, 2020, true],
    ["active", 2020, 2, 2021, true],
    ["active", 2020, 2, 2022, false],
    ["active", 2021, 1, 2021, true],
    ["cancelled", 2020, 3, 2021, false],
    ["failed", 2020, 3, 2020, false],
    ["completed", 2020, 1, 2020, false],
  ] as const)(
    "%s deal from %i for %i year(s), in %i: %s",
    (status, startYear, years, year, runs) => {
      expect(runsIn({ status, startYear, years }, year)).toBe(runs);
    },
  );
});
