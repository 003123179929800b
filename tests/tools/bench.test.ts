/**
 * `npm run bench` end to end, small: the real command in a child process with a
 * few games, checking what it prints (not how fast: speed is the benchmark's
 * business, docs/PERFORMANCE.md), and that bad flags get a readable error.
 */
import { describe, expect, it } from "vitest";
import { runTool } from "./run.ts";

// as `npm run bench` runs it
const bench = (...args: string[]) => runTool("bench.ts", args, ["--single-threaded-gc"]);

describe("npm run bench", () => {
  it("prints steady and cold figures for one thread and for the workers, which all play their games", async () => {
    const r = await bench("--games", "12", "--warmup", "3", "--workers", "2");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/scenario crew-dragon-2020, bot mix, 12 games, warm-up 3/);
    const single = /1 thread +(\d+) games\/s .*\(12 games in [\d.]+ s; cold: (\d+) games\/s\)/.exec(
      r.stdout,
    );
    const workers =
      /2 worker threads +(\d+) games\/s .*\(12 games in [\d.]+ s; cold: (\d+) games\/s\)/.exec(
        r.stdout,
      );
    expect(single).not.toBeNull();
    expect(workers).not.toBeNull();
    for (const m of [single, workers]) expect(Number(m?.[1])).toBeGreaterThan(0);
  }, 60_000);

  it("refuses a bad flag value with a one-line error", async () => {
    const r = await bench("--games", "0");
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe("bench: --games must be a positive integer");
  });
});

describe("npm run bench:instructions", () => {
  // counting needs valgrind and minutes, so only its checks run here
  it("refuses a window that is not from < to, before starting valgrind", async () => {
    const r = await runTool("benchInstructions.ts", ["--from", "50", "--to", "20"]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      "bench:instructions: --from and --to must be integers with 0 ≤ from < to",
    );
  });
});
