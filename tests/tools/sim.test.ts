/**
 * `npm run sim` end to end: the real command in a child process (Node 22, the
 * runtime vitest itself runs on). Every run starts at once in beforeAll so the
 * file stays fast.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loadScenario } from "../../server/scenarios.ts";
import { type Run, runTool } from "./run.ts";

const sim = (...args: string[]) => runTool("sim.ts", args);

/** Every key of a JSON value, at any depth. */
function keysDeep(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysDeep(v, out);
  else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      keysDeep(v, out);
    }
  }
  return out;
}

let json1: Run;
let json2: Run;
let text: Run;
let mini: Run;
let bad: Run;
let unknownFlag: Run;
let unknownName: Run;
let unknownBot: Run;

beforeAll(async () => {
  [json1, json2, text, mini, bad, unknownFlag, unknownName, unknownBot] = await Promise.all([
    sim("--seed", "7", "--json"),
    sim("--seed", "7", "--json"),
    sim("--seed", "7"),
    sim("--scenario", "tests/fixtures/scenarios/mini.json"),
    sim("--scenario", "tests/fixtures/scenarios/bad.json"),
    sim("--frobnicate"),
    sim("--scenario", "no-such-scenario"),
    sim("--bot", "clairvoyant"),
  ]);
});

describe("npm run sim", () => {
  it("--json is byte-identical across runs, has the documented keys and never the rng", () => {
    expect(json1.code, json1.stderr).toBe(0);
    expect(json2.code).toBe(0);
    expect(json1.stdout.length).toBeGreaterThan(0);
    expect(json1.stdout).toBe(json2.stdout);
    const out = JSON.parse(json1.stdout);
    expect(Object.keys(out).sort()).toEqual(
      ["log", "outcome", "preset", "reports", "scenario", "seats", "seed", "years"].sort(),
    );
    expect(out.scenario).toBe("crew-dragon-2020");
    expect(out.seed).toBe("7");
    expect(out.reports.length).toBeGreaterThan(0);
    expect(out.log.length).toBeGreaterThan(0);
    expect(out.outcome.verdicts).toBeDefined();
    expect(keysDeep(out).has("rng")).toBe(false);
  });

  it("the text report covers every year, the tension waterfall and the three verdicts", () => {
    expect(text.code, text.stderr).toBe(0);
    const out = text.stdout;
    const sc = loadScenario("crew-dragon-2020");
    const years = sc.presets[sc.defaultPreset]?.years ?? 0;
    const played = JSON.parse(json1.stdout).reports.length as number;
    expect(played).toBeGreaterThan(0);
    expect(played).toBeLessThanOrEqual(years);
    for (let y = sc.startYear; y < sc.startYear + played; y++)
      expect(out).toMatch(new RegExp(`^${y}$`, "m"));
    expect(out).toContain("Tension");
    // a waterfall line: a signed amount with two decimals, then its named cause
    expect(out).toMatch(/^ {2,}[+-]\d+\.\d\d {2}\S.*$/m);
    expect(out).toMatch(/^ +\d+\.\d\d {2}start$/m);
    for (const label of ["Liberal:", "Realist:", "Market:"]) expect(out).toContain(label);
  });

  it("takes a scenario by path", () => {
    expect(mini.code, mini.stderr).toBe(0);
    expect(mini.stdout).toContain("(mini)");
    expect(mini.stdout).toContain("Verdicts");
  });

  it("rejects an invalid scenario file and names its bad fields", () => {
    expect(bad.code).not.toBe(0);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toContain("roles.us.budgetBase");
    expect(bad.stderr).toContain("defaultPreset");
  });

  it("exits 2 on an unknown flag, scenario name or bot", () => {
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.stderr).toContain("--frobnicate");
    expect(unknownName.code).toBe(2);
    expect(unknownName.stderr).toContain("crew-dragon-2020");
    expect(unknownBot.code).toBe(2);
    expect(unknownBot.stderr).toContain("realist");
  });
});
