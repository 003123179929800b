/**
 * `npm run bench:store`: what the store's `appendAction` (one action, one transaction) costs,
 * the write the table makes before it answers (issue 9). It writes to a temporary directory
 * on the disk the server would use (`--dir`, default the OS temp dir) and prints the median,
 * mean and 99th percentile over `--actions` appends of a chat action.
 *
 *   npm run bench:store -- [--actions 2000] [--dir PATH] [--checkpoints background|inline] [--rate N]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { openStore } from "../server/store/db.ts";
import type { Action } from "../shared/rules/types.ts";

const { values } = parseArgs({
  options: {
    actions: { type: "string", default: "2000" },
    dir: { type: "string", default: os.tmpdir() },
    // "background": the server's store, checkpointing from a worker thread; "inline": SQLite's own
    checkpoints: { type: "string", default: "background" },
    // appends a second, as a loaded server makes them (0: back to back)
    rate: { type: "string", default: "0" },
  },
});
const n = Number(values.actions);
const SLOW_MS = 2;
const rate = Number(values.rate);
const dir = fs.mkdtempSync(path.join(values.dir as string, "orbital-bench-store-"));
const store = openStore(dir, { backgroundCheckpoints: values.checkpoints !== "inline" });
try {
  const now = 1_700_000_000_000;
  store.createGame({
    id: "BENCH",
    scenarioId: "crew-dragon-2020",
    scenarioJson: {},
    seed: "bench",
    seats: [],
    options: {},
    hostTokenHash: "x",
    owner: "bench",
    now,
  });
  const ms: number[] = [];
  const start = performance.now();
  for (let seq = 1; seq <= n; seq++) {
    const action = {
      type: "chat",
      to: ["uae"],
      text: `seat launch price orbit crew sanctions deal ${seq}`,
      actor: { kind: "seat", seat: "us", member: "m-us" },
      at: now + seq * 1000,
    } as Action;
    if (rate > 0) await sleepUntil(start + (seq * 1000) / rate);
    const t0 = performance.now();
    store.appendAction("BENCH", seq, action, now + seq);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] as number;
  const mean = ms.reduce((a, b) => a + b, 0) / ms.length;
  // the appends that stall the thread (a WAL checkpoint's fsyncs): how many, and their share
  const slow = ms.filter((x) => x > SLOW_MS);
  const slowShare = slow.reduce((a, b) => a + b, 0) / ms.reduce((a, b) => a + b, 0);
  console.log(
    `appendAction (${values.checkpoints} checkpoints) over ${n} actions in ${dir}: median ${at(0.5).toFixed(3)} ms, mean ${mean.toFixed(3)} ms, p99 ${at(0.99).toFixed(3)} ms, max ${(ms.at(-1) as number).toFixed(3)} ms; ${slow.length} over ${SLOW_MS} ms (${(100 * slowShare).toFixed(0)} % of the time)`,
  );
} finally {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

function sleepUntil(t: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, t - performance.now())));
}
