/**
 * Moves the WAL checkpoint's fsyncs off the event loop. With `synchronous = NORMAL` a commit
 * writes the WAL without syncing it; the checkpoint SQLite runs inside the commit that fills
 * 1,000 pages syncs the WAL and the database file: two fsyncs of 10–25 ms on this machine's
 * disk, a stall every ≈ 2.5 s for a server making 400 actions a second (docs/PERFORMANCE.md,
 * session of 2026-12-03). A worker thread with its own connection runs a passive checkpoint
 * every 250 ms, and the writer's own checkpoint waits for 10,000 pages (db.ts): when it comes,
 * the worker has copied and synced nearly everything. If the worker is gone, the writer's
 * checkpoints do the whole work, less often. A checkpoint still syncs before the WAL is reused.
 */
import { Worker } from "node:worker_threads";

/** How often the worker checkpoints: ≈ 100 actions at 400 actions a second. */
export const CHECKPOINT_EVERY_MS = 250;

export interface Checkpointer {
  stop(): void;
}

export function startCheckpointer(file: string, everyMs = CHECKPOINT_EVERY_MS): Checkpointer {
  const worker = new Worker(new URL("./checkpointWorker.ts", import.meta.url), {
    workerData: { file, everyMs },
  });
  // a worker that fails leaves the writer's own checkpoints doing the work: nothing is lost
  worker.on("error", (err) => console.error("store checkpointer stopped:", err));
  // it must not keep a process alive that has nothing else to do
  worker.unref();
  return {
    stop() {
      worker.postMessage("close");
    },
  };
}
