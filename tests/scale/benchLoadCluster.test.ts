/**
 * `npm run bench:load -- --processes 2` at its smallest: two server processes behind the
 * redis-server it starts, two tables (one created on each), two seconds. Checks that both
 * processes host a table and report their figures, that clients asking the other process for
 * their seat still got the table's socket, and that every intent was answered and seen.
 * Here rather than in tests/tools because it needs redis-server (`npm run test:scale`).
 */
import { describe, expect, it } from "vitest";
import { runTool } from "../tools/run.ts";

describe("npm run bench:load -- --processes 2", () => {
  it("spreads the tables over two processes behind Redis and prints each one's figures", async () => {
    const r = await runTool("benchLoad.ts", [
      ...["--processes", "2", "--tables", "2", "--warmup", "0", "--duration", "2"],
      ...["--rate", "2", "--workers", "1"],
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/tables 2, connected clients 10 \(server counts 10\)/);
    expect(r.stdout).toMatch(/2 processes +CPU \d+ % together, .*redis-server [\d.]+ % of a core/);
    for (const i of [1, 2])
      expect(r.stdout).toMatch(
        new RegExp(
          `process ${i} +127\\.0\\.0\\.1:\\d+: CPU \\d+ %, main thread \\d+ % .*; 1 rooms, 5 clients`,
        ),
      );
    const joins =
      /joins +(\d+) of 10 clients asked another process .*not on the table's process (\d+)/.exec(
        r.stdout,
      );
    expect(Number(joins?.[1])).toBeGreaterThan(0);
    expect(joins?.[2]).toBe("0");
    expect(r.stdout).toMatch(
      /errors +none; accepted but no patch showed it 0; unanswered at the end 0\n/,
    );
  }, 120_000);
});
