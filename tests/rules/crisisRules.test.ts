/**
 * The crisis's two numbers a client shows before the choice (shared/rules/crisis.ts), worked
 * by hand from the mini fixture: escalation base 60, leverage from vulnerability 0.2.
 */
import { describe, expect, it } from "vitest";
import { escalationChance, exposedToLeverage } from "../../shared/rules/crisis.ts";
import { pairKey } from "../../shared/rules/util.ts";
import { miniScenario } from "../fixtures/build.ts";

const sc = miniScenario();

describe("crisis numbers", () => {
  it.each([
    [90, 0, 0.3], // (90 − 60) % × 1
    [90, 50, 0.15], // 30 % × 0.5
    [60, 0, 0], // at the base: no chance
    [40, 10, 0], // below the base: never negative
    [100, 100, 0], // full cooperation restrains it entirely
  ])("T %d, C %d: both firm escalate with chance %d", (t, c, p) => {
    expect(escalationChance(sc, t, c)).toBeCloseTo(p, 10);
  });

  it("lifeboat leverage from a vulnerability of 0.2 toward the other side", () => {
    const v = { [pairKey("us", "russia")]: 0.2 };
    expect(exposedToLeverage(sc, v, "us", "russia")).toBe(true);
    expect(exposedToLeverage(sc, { [pairKey("us", "russia")]: 0.19 }, "us", "russia")).toBe(false);
    expect(exposedToLeverage(sc, {}, "us", "russia")).toBe(false);
  });
});
