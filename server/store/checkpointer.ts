/**
 * Moves the WAL checkpoint's fsyncs off the event loop. With `synchronous = NORMAL` a commit
 * writes the WAL without syncing it; the checkpoint SQLite runs inside the commit that fills
 * 1,000 pages syncs the WAL and the database file, and stalled the one thread of a busy server
 * for 10–40 ms a second (`npm run bench:store`). A worker thread with its own connection runs
 * passive checkpoints every few milliseconds, so when the writer's own checkpoint comes it has
 * only the last few pages to copy and sync; if the worker is gone, the writer's checkpoint does
 * the whole work as before. Durability is unchanged: a checkpoint syncs before the WAL is reused.
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
