/**
 * GAME.md's worked example (2020 status quo): the US flies 3 of 4 on Soyuz at 90,
 * the fourth on Dragon; Russia receives 270 of its 2,770 base (critical share 10 %).
 */
import { describe, expect, it } from "vitest";
import { negotiating, report, resolveYear, term } from "../fixtures/build.ts";
import { conclude, sale } from "./helpers.ts";

function workedExample() {
  let s = negotiating();
  expect(s.scenario.roles.russia?.budgetBase).toBe(2770);
  expect(s.scenario.roles.us?.crewNeed).toBe(4);
  expect(s.scenario.dependence.criticalShare).toBe(0.1);
  s = conclude(s, ["us", "russia"], [sale("russia", "us", 3, 90)]);
  s = conclude(s, ["us", "spacex"], [sale("spacex", "us", 1, 55)]);
  s = resolveYear(s);
  return { s, r: report(s, 2020) };
}

describe("GAME.md worked example", () => {
  const { s, r } = workedExample();
  const usRu = 0.5 * 0.75 + 0.2 * 0.75; // 0.525
  const ruUs = (0.3 * 270) / 277; // 0.2924

  it("the US flies 3 on Soyuz and 1 on Dragon, Russia receives 270", () => {
    const us = r.flown.filter((f) => f.crew === "us");
    expect(us.filter((f) => f.vehicle === "russia")).toHaveLength(3);
    expect(us.filter((f) => f.vehicle === "spacex")).toHaveLength(1);
    expect(r.moneyFlows["us>russia"]).toBe(270);
  });

  it("dep(US→Russia) = 0.5·0.75 + 0.2·0.75 = 0.525", () => {
    expect(r.dependence["us>russia"]).toBeCloseTo(0.525, 2);
    expect(r.dependence["us>russia"]).toBeCloseTo(usRu, 9);
  });

  it("dep(Russia→US) = 0.3·270/277 ≈ 0.29", () => {
    expect(r.dependence["russia>us"]).toBeCloseTo(0.29, 2);
    expect(r.dependence["russia>us"]).toBeCloseTo(ruUs, 9);
  });

  it("M = min of the two, V = their difference", () => {
    expect(r.mutual["russia>us"]).toBeCloseTo(Math.min(usRu, ruUs), 9);
    expect(r.vulnerability["us>russia"]).toBeCloseTo(usRu - ruUs, 9);
    expect(r.vulnerability["russia>us"]).toBe(0);
  });

  it("C's rival term and T's vulnerability term follow from M and V", () => {
    expect(r.cooperationTerms.find((t) => t.cause === "rivalMutual")?.amount).toBeCloseTo(
      (50 * ruUs) / 0.3,
      6,
    );
    expect(term(s, 2020, "vulnerability")).toBeCloseTo(10 * (usRu - ruUs), 2);
    expect(term(s, 2020, "incomeLoss")).toBe(0); // 270 is the income reference
  });

  it("dependence on a company is shown but the US depends on SpaceX for one seat", () => {
    expect(r.dependence["us>spacex"]).toBeCloseTo(0.5 * 0.25 + 0.2 * 0.25, 9);
  });
});
