/**
 * Checks before the server starts, each failure one line that names what is wrong: a port that
 * is taken, a DATA_DIR that cannot be created, opened or written. `npm start` prints the line and
 * exits 1 instead of a stack trace (and, for a taken port, instead of hanging).
 */
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { DB_FILE } from "./store/db.ts";
import { dataDir, getStore } from "./store/instance.ts";

/** Why a listen on `port` failed, in words. */
export function listenProblem(err: unknown, port: number): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === "EADDRINUSE")
    return `port ${port} is already in use; stop the other server or set PORT`;
  if (code === "EACCES")
    return `port ${port} needs privileges this process does not have; set PORT`;
  return `cannot listen on port ${port}: ${(err as Error).message}`;
}

/** Null when `port` can be listened on now (on all addresses, as the server does), else why not. */
export async function portProblem(port: number): Promise<string | null> {
  const probe = net.createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      probe.once("error", reject);
      probe.listen(port, () => resolve());
    });
  } catch (err) {
    return listenProblem(err, port);
  }
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return null;
}

/** `EACCES: permission denied, mkdir '/x'` → `permission denied` (the path is named once, by the caller). */
function reason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e.code === "EEXIST" || e.code === "ENOTDIR")
    return "it is a file, or below a file, not a directory";
  if (e.code === "EACCES" || e.code === "EPERM" || e.code === "EROFS") return "permission denied";
  if (e.code === "ENOENT") return "it cannot be created there";
  if (e.code === "SQLITE_CANTOPEN") return `SQLite cannot open ${DB_FILE} there`;
  if (e.code === "SQLITE_READONLY") return `${DB_FILE} is read-only`;
  if (e.code === "SQLITE_NOTADB") return `${DB_FILE} there is not a SQLite database`;
  const message = (e.message ?? String(err)).split("\n")[0] ?? "";
  return e.code ? `${e.code}: ${message}` : message;
}

/**
 * `mkdir -p` one level at a time: Node's recursive mkdirSync loops forever on a path it can
 * never create (e.g. under /proc), where this fails with the first level's error.
 */
function makeDirs(dir: string): void {
  const missing: string[] = [];
  let at = dir;
  while (!fs.existsSync(at)) {
    missing.unshift(at);
    const up = path.dirname(at);
    if (up === at) break;
    at = up;
  }
  for (const d of missing) fs.mkdirSync(d);
}

/**
 * Opens the process's store under DATA_DIR now (not lazily at the first request) and checks that
 * the directory and the database can be written. Null when all is well, else one line naming
 * the path and why.
 */
export function dataDirProblem(): string | null {
  const dir = dataDir();
  try {
    makeDirs(dir);
    if (!fs.statSync(dir).isDirectory()) throw Object.assign(new Error(dir), { code: "ENOTDIR" });
    fs.accessSync(dir, fs.constants.W_OK);
    const file = path.join(dir, DB_FILE);
    if (fs.existsSync(file)) fs.accessSync(file, fs.constants.W_OK);
    getStore();
  } catch (err) {
    return `DATA_DIR ${dir} cannot be used: ${reason(err)}`;
  }
  return null;
}
