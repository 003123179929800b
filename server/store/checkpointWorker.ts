/**
 * The store's background checkpointer (see checkpointer.ts): its own connection to the
 * database copies the WAL into the database file every 250 ms, so that the fsyncs a
 * checkpoint makes happen on this thread and not on the server's event loop.
 */
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";

const { file, everyMs } = workerData as { file: string; everyMs: number };
const db = new Database(file, { fileMustExist: true });
// never wait for a lock: a checkpoint the writer is busy with is simply tried again next time
db.pragma("busy_timeout = 0");

const timer = setInterval(() => {
  try {
    // PASSIVE copies what it can without blocking the writer; with nothing new it does nothing
    db.pragma("wal_checkpoint(PASSIVE)");
  } catch {
    // SQLITE_BUSY (another checkpoint is running): the next tick tries again
  }
}, everyMs);

parentPort?.on("message", (message) => {
  if (message !== "close") return;
  clearInterval(timer);
  db.close();
  parentPort?.close();
});
