/**
 * A negative number given to a flag gets the flag's own range error (exit 2), not node
 * parseArgs' "ambiguous" text; a flag left without its value says so.
 */
import { describe, expect, it } from "vitest";
import { joinNegativeValues } from "../../tools/cli.ts";
import { runTool } from "./run.ts";

describe("flags with a negative number", () => {
  it("lab --games -5 gives the range of --games", async () => {
    const r = await runTool("lab.ts", ["--games", "-5"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("lab: --games must be a whole number from 1 to");
    expect(r.stderr).toContain('not "-5"');
    expect(r.stderr).not.toMatch(/ambiguous|--games=-XYZ/);
  });

  it("sim --years -5 gives the range of --years", async () => {
    const r = await runTool("sim.ts", ["--years", "-5"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('sim: --years must be a whole number from 1 to 20, not "-5"');
  });

  it("a flag followed by another flag needs a value", async () => {
    const r = await runTool("lab.ts", ["--games", "--years", "2"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("lab: --games needs a value");
    expect(r.stderr).not.toMatch(/ambiguous/);
  });

  it("joins only a valued flag with a value that looks like a negative number", () => {
    expect(
      joinNegativeValues(
        ["--games", "-5", "--json", "-1", "--seed", "-x", "--years", "2"],
        ["games", "seed", "years"],
      ),
    ).toEqual(["--games=-5", "--json", "-1", "--seed", "-x", "--years", "2"]);
  });
});
