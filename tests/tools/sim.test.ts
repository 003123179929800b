/**
 * `npm run sim` end to end: the real command in a child process (Node 22, the
 * runtime vitest itself runs on). Every run starts at once in beforeAll so the
 * file stays fast.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadScenario } from "../../server/scenarios.ts";
import { ROOT, type Run, runTool } from "./run.ts";

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
let hot: Run;
let dear: Run;

/** A waterfall line: its signed amount and its label. */
interface Line {
  x: number;
  label: string;
}

/** Every "Tension a -> b" block of a text report: its start, its end and its signed lines. */
function waterfalls(text: string): { start: number; end: number; lines: Line[] }[] {
  const out: { start: number; end: number; lines: Line[] }[] = [];
  for (const block of text.split(/^Tension /m).slice(1)) {
    const rows = block.split("\n");
    const end = rows.findIndex((l) => /^ +\d+\.\d\d {2}end$/.test(l));
    const start = Number(rows[1]?.trim().split(/\s+/)[0]);
    const lines = rows.slice(2, end).map((l) => {
      const m = l.match(/^ +([+-]\d+\.\d\d) {2}(.*)$/);
      return { x: Number(m?.[1]), label: m?.[2] ?? l };
    });
    out.push({ start, end: Number(rows[end]?.trim().split(/\s+/)[0]), lines });
  }
  return out;
}

// mini with T starting at 98 and a +10 card every year: T passes 100 and is clamped
const tmp = mkdtempSync(path.join(tmpdir(), "sim-test-"));
const hotPath = path.join(tmp, "hot.json");
{
  const sc = JSON.parse(
    readFileSync(path.join(ROOT, "tests/fixtures/scenarios/mini.json"), "utf8"),
  );
  sc.startTension = 98;
  for (const c of sc.deck) c.weight = c.id === "tension-up" ? 1 : 0;
  writeFileSync(hotPath, JSON.stringify(sc));
}
// mini with a dearer Soyuz: the saving per seat follows the scenario's prices
const dearPath = path.join(tmp, "dear.json");
{
  const sc = JSON.parse(
    readFileSync(path.join(ROOT, "tests/fixtures/scenarios/mini.json"), "utf8"),
  );
  sc.roles.russia.defaultOrders.listPrice = 120;
  writeFileSync(dearPath, JSON.stringify(sc));
}
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

beforeAll(async () => {
  [json1, json2, text, mini, bad, unknownFlag, unknownName, unknownBot, hot, dear] =
    await Promise.all([
      sim("--seed", "7", "--json"),
      sim("--seed", "7", "--json"),
      sim("--seed", "7"),
      sim("--scenario", "tests/fixtures/scenarios/mini.json"),
      sim("--scenario", "tests/fixtures/scenarios/bad.json"),
      sim("--frobnicate"),
      sim("--scenario", "no-such-scenario"),
      sim("--bot", "clairvoyant"),
      sim("--scenario", hotPath),
      sim("--scenario", dearPath),
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

  it("explains every score: each seat's named terms add up to its yearly points", () => {
    const out = text.stdout;
    const blocks = out.split(/^Scores \(each seat's named score terms\)$/m).slice(1);
    expect(blocks.length).toBe(JSON.parse(json1.stdout).reports.length);
    let seats = 0;
    for (const block of blocks) {
      const rows = block.split("\n").slice(1);
      let seat: { points: number; sum: number; terms: number } | null = null;
      const check = () => {
        if (!seat) return;
        seats++;
        expect(seat.terms).toBeGreaterThan(0);
        // each term is rounded to 0.01 on its own
        expect(Math.abs(seat.sum - seat.points)).toBeLessThanOrEqual(0.01 * seat.terms + 1e-9);
      };
      for (const row of rows) {
        const head = row.match(/^ {2}(\S+) +([+-]\d+\.\d\d) {2}\(total /);
        const term = row.match(/^ {4} *([+-]\d+\.\d\d) {2}\S/);
        if (head) {
          check();
          seat = { points: Number(head[2]), sum: 0, terms: 0 };
        } else if (term && seat) {
          seat.sum += Number(term[1]);
          seat.terms++;
        } else break;
      }
      check();
    }
    expect(seats).toBeGreaterThanOrEqual(4 * blocks.length);
    // a named term a player can read, from the US's crew objective
    expect(out).toMatch(/^ {4} *[+-]\d+\.\d\d {2}(all 4 crew flown|\d of 4 crew flown)/m);
  });

  it("shows the saving per seat of moving to Dragon and Russia's foreign income as a share of its budget", () => {
    // crew-dragon-2020's list prices: Soyuz 90, Dragon 55; the US needs 4 seats
    expect(text.stdout).toContain(
      "Saving per seat when US moves from Soyuz to Crew Dragon (scenario list prices): 90 -> 55 = 35 a seat, 140 a year for 4 seats",
    );
    const lines = [
      ...text.stdout.matchAll(
        /^Foreign civil income: RU (\d+(?:\.\d+)?) \((\d+\.\d\d) % of its 2770 budget\)$/gm,
      ),
    ];
    expect(lines.length).toBe(JSON.parse(json1.stdout).reports.length);
    for (const m of lines) expect(Number(m[2])).toBeCloseTo((100 * Number(m[1])) / 2770, 2);
    // read from the scenario, not written in: a rival price of 120 makes the saving 65
    expect(dear.code, dear.stderr).toBe(0);
    expect(dear.stdout).toContain("120 -> 55 = 65 a seat, 260 a year for 4 seats");
  });

  it("each year's tension waterfall adds up from its start to its end, clamping included", () => {
    expect(hot.code, hot.stderr).toBe(0);
    const runs = [
      ...waterfalls(text.stdout),
      ...waterfalls(mini.stdout),
      ...waterfalls(hot.stdout),
    ];
    expect(runs.length).toBeGreaterThan(3);
    let crises = 0;
    for (const w of runs) {
      expect(w.lines.length).toBeGreaterThan(0);
      for (const l of w.lines) expect(Number.isFinite(l.x), l.label).toBe(true);
      // each printed line is rounded to cents, so the sum may be a cent off per line
      const sum = w.lines.reduce((a, l) => a + l.x, 0);
      expect(Math.abs(w.start + sum - w.end)).toBeLessThanOrEqual(0.01 * w.lines.length);
      expect(w.end).toBeGreaterThanOrEqual(0);
      expect(w.end).toBeLessThanOrEqual(100);
      // a "rounding" line only makes up cents, never a missing term
      for (const l of w.lines)
        if (l.label === "rounding") expect(Math.abs(l.x)).toBeLessThanOrEqual(0.05);
      // the crisis moves the year's clamped T: what precedes it lies within 0–100
      const first = w.lines.findIndex((l) => l.label.startsWith("crisis:"));
      if (first >= 0) {
        crises++;
        const before = w.lines.slice(0, first).reduce((a, l) => a + l.x, w.start);
        expect(before).toBeGreaterThanOrEqual(-0.01 * first);
        expect(before).toBeLessThanOrEqual(100 + 0.01 * first);
      }
    }
    expect(crises).toBeGreaterThan(0); // the hot run has a crisis every year
    // 98 + 10 cannot be shown as T 108: the report names the clamp
    expect(hot.stdout).toContain("clamped to 0-100");
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
