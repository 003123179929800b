/**
 * The dependence graph the board and the debrief draw (shared/rules/dependenceGraph.ts): a
 * seat bought from a company makes the buyer depend on it one-sidedly, a seat swap between the
 * rivals ties both ways, and the peak is the most tied year.
 */
import { describe, expect, it } from "vitest";
import { dependenceLinks, peakDependence } from "../../shared/rules/dependenceGraph.ts";
import type { YearReport } from "../../shared/rules/types.ts";
import { pairKey } from "../../shared/rules/util.ts";
import { miniScenario, negotiating, report, resolveYear } from "../fixtures/build.ts";
import { conclude, sale } from "./helpers.ts";

describe("dependenceLinks", () => {
  it("a seat sale: the buyer depends on the seller, one-sided, as the report's V says", () => {
    let s = negotiating(miniScenario());
    s = conclude(s, ["spacex", "uae"], [sale("spacex", "uae", 1, 50)]);
    s = resolveYear(s);
    const r = report(s, 2020);
    const link = dependenceLinks(r, s.order).find(
      (l) => [l.a, l.b].includes("uae") && [l.a, l.b].includes("spacex"),
    );
    expect(link).toBeDefined();
    expect(link?.exposed).toBe("uae");
    expect(link?.over).toBe("spacex");
    expect(link?.kind).toBe("oneSided");
    expect(link?.mutual).toBe(0);
    // what the engine recorded for the pair, not a figure of our own
    expect(link?.vulnerability).toBe(r.dependence[pairKey("uae", "spacex")]);
    expect(link?.vulnerability).toBeGreaterThan(0);
  });

  it("equal dependence both ways is mutual with nobody exposed; below the cut-off is left out", () => {
    const r = {
      dependence: {
        [pairKey("us", "russia")]: 0.4,
        [pairKey("russia", "us")]: 0.4,
        [pairKey("uae", "us")]: 0.004,
      },
    };
    const links = dependenceLinks(r, ["us", "russia", "uae"], 0.005);
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({
      a: "us",
      b: "russia",
      mutual: 0.4,
      exposed: null,
      kind: "mutual",
    });
    expect(dependenceLinks(r, ["us", "russia", "uae"])).toHaveLength(2);
  });
});

describe("peakDependence", () => {
  it("is the year with the most dependence in all, the first of equals", () => {
    const year = (y: number, d: Record<string, number>) =>
      ({ year: y, dependence: d }) as Pick<YearReport, "year" | "dependence">;
    const reports = [
      year(2020, { "a>b": 0.1 }),
      year(2021, { "a>b": 0.3, "b>a": 0.2 }),
      year(2022, { "a>b": 0.5 }),
    ];
    expect(peakDependence(reports)?.year).toBe(2021);
    expect(peakDependence([])).toBeNull();
  });
});
