/**
 * `npm run bench:load` end to end, at its smallest: one table of five SDK clients against a
 * real server process for two seconds. Checks that it prints its figures and that every intent
 * it sent was seen in a patch (not how fast: that is docs/PERFORMANCE.md's business), and that
 * a bad flag gets a one-line usage error.
 */
import { describe, expect, it } from "vitest";
import { runTool } from "./run.ts";

describe("npm run bench:load", () => {
  it("plays one table and prints latency, noise control, CPU, memory and table creation", async () => {
    const r = await runTool("benchLoad.ts", [
      ...["--tables", "1", "--warmup", "0", "--duration", "2", "--rate", "3", "--workers", "1"],
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/tables 1, connected clients 5 \(server counts 5\)/);
    const latency = /intent→patch +p50 [\d.]+ ms .*\(n=(\d+)\)/.exec(r.stdout);
    expect(Number(latency?.[1])).toBeGreaterThan(0);
    expect(r.stdout).toMatch(/echo \(noise\) +p50 [\d.]+ ms .*\(n=[1-9]\d*\)/);
    expect(r.stdout).toMatch(/server CPU +process \d+ %, main thread \d+ %/);
    expect(r.stdout).toMatch(
      /server stalls +event loop late p50 [\d.]+ ms, p99 [\d.]+ ms, max [\d.]+ ms; GC \d+ pauses/,
    );
    expect(r.stdout).toMatch(/server memory +RSS [\d.]+ MB/);
    expect(r.stdout).toMatch(/POST \/api\/games +under load p50 [\d.]+ ms/);
    // every intent answered, and each accepted one was seen in the client's own slices
    expect(r.stdout).toMatch(
      /errors +none; accepted but no patch showed it 0; unanswered at the end 0\n/,
    );
  }, 90_000);

  it("refuses a rate that is not a positive number", async () => {
    const r = await runTool("benchLoad.ts", ["--rate", "fast"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^bench:load: --rate must be a number above 0/);
  });
});
