/**
 * tools/benchLoadProfile.ts reads a V8 CPU profile: besides the shares, it lists the longest
 * runs of busy samples (what a latency tail is made of) inside the measured window. A small
 * hand-made profile, whose stretches are known, checks both.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { summariseProfile } from "../../tools/benchLoadProfile.ts";

const dir = mkdtempSync(path.join(tmpdir(), "profile-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const frame = (functionName: string, url = "") => ({ functionName, url, lineNumber: 0 });
// root → (idle); root → act (server/table.ts) → (garbage collector); root → writev (native)
const nodes = [
  { id: 1, callFrame: frame("(root)"), children: [2, 3, 5] },
  { id: 2, callFrame: frame("(idle)") },
  { id: 3, callFrame: frame("act", "file:///repo/server/table.ts"), children: [4] },
  { id: 4, callFrame: frame("(garbage collector)") },
  { id: 5, callFrame: frame("writev") },
];
const IDLE = 2;
const ACT = 3;
const GC = 4;
const WRITE = 5;

/** Samples 1 ms apart from t = 1 s (µs), in runs: [node, how many]. */
function profile(runs: [number, number][]) {
  const samples = runs.flatMap(([id, n]) => Array<number>(n).fill(id));
  return {
    nodes,
    startTime: 1_000_000,
    endTime: 1_000_000 + samples.length * 1000,
    samples,
    timeDeltas: samples.map(() => 1000),
  };
}

function summary(runs: [number, number][], window?: { start: number; end: number }) {
  const file = path.join(dir, `p${Math.random().toString(36).slice(2)}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile(runs)));
  return summariseProfile(file, 5, window);
}

describe("bench:load's profile summary", () => {
  it("lists the longest busy stretches, longest first, with the frames seen in them", () => {
    const text = summary([
      [IDLE, 10],
      [ACT, 3],
      [WRITE, 2],
      [IDLE, 5],
      [ACT, 40],
      [GC, 10],
      [IDLE, 5],
    ]);
    const lines = text.split("longest busy stretches")[1]?.split("\n").slice(1, 3) ?? [];
    // 50 samples of 1 ms from t = 20 ms: act on the stack in all of them, the GC in 10
    expect(lines[0]).toMatch(
      /at +21 ms: +50\.0 ms +act server\/table\.ts:1 100 %; \(garbage collector\) 20 %/,
    );
    expect(lines[1]).toMatch(/at +11 ms: +5\.0 ms +act server\/table\.ts:1 60 %/);
  });

  it("looks inside the window only", () => {
    const runs: [number, number][] = [
      [ACT, 30],
      [IDLE, 10],
      [ACT, 4],
      [IDLE, 10],
    ];
    // the window starts at 1.035 s: the 30-sample stretch before it is not listed
    const text = summary(runs, { start: 1_035_000, end: 1_060_000 });
    expect(text).toMatch(/ms from the window's start/);
    expect(text).not.toMatch(/30\.0 ms/);
    expect(text).toMatch(/at +6 ms: +4\.0 ms/);
  });
});
