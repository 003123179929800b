/**
 * The processes bench:load starts and what it reads of them: the game server (started the way
 * the tests start it, tests/server/serverProcess.ts), the echo server, the driver workers, the
 * server's CPU from /proc and its memory from the opt-in metrics route. Every process started
 * here is in `started` and is stopped by PID in `stopEverything`, which runs on every way out.
 */
import { type ChildProcess, fork, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import type { Metrics } from "../server/http/metrics.ts";
import { freePort } from "../tests/server/helpers.ts";
import {
  type ServerProcess,
  startServer,
  stopServer,
  waitUntilReady,
} from "../tests/server/serverProcess.ts";
import type { FromWorker, ToWorker } from "./benchLoadWorker.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
/** Linux clock ticks per second (USER_HZ), what /proc/<pid>/stat counts CPU time in. */
const CLOCK_TICKS = 100;

const started = new Set<ChildProcess>();
const servers = new Set<ServerProcess>();
const ownDirs = new Set<string>();
const lastToStop = new Set<ChildProcess>();

export interface GameServer {
  proc: ServerProcess;
  pid: number;
  base: string;
}

/** How one server process of a scale-out (`--processes N`) is started. */
export interface ScaleOut {
  /** The environment that puts a process on `port` behind the shared Redis. */
  env(port: number): Record<string, string>;
  /** The DATA_DIR all processes share (one SQLite file, as in production). */
  dataDir: string;
}

/** The game server on a free loopback port, with the metrics route and a GC it may be asked to run. */
export async function startGameServer(
  nodeArgs: readonly string[],
  dataParent: string | null,
  scaleOut?: ScaleOut,
): Promise<GameServer> {
  const port = await freePort();
  // a DATA_DIR under `dataParent` (e.g. a tmpfs, to see what the disk costs) is ours to remove
  const dataDir = scaleOut?.dataDir ?? (dataParent ? ownDir(dataParent) : null);
  const proc = startServer(
    "bench-load",
    {
      PORT: String(port),
      BENCH_METRICS: "1",
      ...(dataDir ? { DATA_DIR: dataDir } : {}),
      ...scaleOut?.env(port),
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --expose-gc`.trim(),
    },
    nodeArgs,
  );
  servers.add(proc);
  const base = `http://127.0.0.1:${port}`;
  await waitUntilReady(proc, `${base}/api/health`, 30_000);
  const pid = proc.child.pid;
  if (pid === undefined) throw new Error("the server has no PID");
  return { proc, pid, base };
}

/** A fresh directory under `parent`, removed in the cleanup. */
export function ownDir(parent: string): string {
  const dir = mkdtempSync(path.join(parent, "orbital-bench-load-"));
  ownDirs.add(dir);
  return dir;
}

/** Registers a process (Redis) to stop after the servers, which talk to it until they exit. */
export function stopLast(child: ChildProcess): void {
  lastToStop.add(child);
}

export async function stopGameServer(server: GameServer): Promise<void> {
  await stopServer(server.proc);
  servers.delete(server.proc);
}

/** The echo server (tools/benchEcho.ts) and its ws:// address. */
export async function startEcho(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [path.join(ROOT, "tools/benchEcho.ts")], {
    cwd: ROOT,
    stdio: ["pipe", "pipe", "inherit"],
  });
  started.add(child);
  let out = "";
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = /port (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once("exit", (code) => reject(new Error(`echo server exited (${code})`)));
  });
  return { child, url: `ws://127.0.0.1:${port}` };
}

export interface Worker {
  child: ChildProcess;
  send(m: ToWorker): void;
  /** The next message of this type from the worker. */
  next<T extends FromWorker["type"]>(type: T): Promise<Extract<FromWorker, { type: T }>>;
}

export function startWorker(): Worker {
  const child = fork(path.join(ROOT, "tools/benchLoadWorker.ts"), [], {
    cwd: ROOT,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  started.add(child);
  const waiting = new Map<string, ((m: FromWorker) => void)[]>();
  child.on("message", (m: FromWorker) => {
    if (m.type === "log") process.stderr.write(`${m.text}\n`);
    const first = waiting.get(m.type)?.shift();
    first?.(m);
  });
  return {
    child,
    send: (m) => child.send(m),
    next: (type) =>
      new Promise((resolve, reject) => {
        const list = waiting.get(type) ?? [];
        list.push(resolve as (m: FromWorker) => void);
        waiting.set(type, list);
        child.once("exit", (code) => reject(new Error(`a driver worker exited (${code})`)));
      }),
  };
}

/** Stops a child by PID and waits for it (SIGKILL after 3 s). */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
    const killer = setTimeout(() => child.pid && tryKill(child.pid, "SIGKILL"), 3_000);
    tryKill(child.pid, "SIGTERM");
    await once(child, "exit").catch(() => {});
    clearTimeout(killer);
  }
  started.delete(child);
}

function tryKill(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

/** Stops every process still running (servers get SIGTERM so a --cpu-prof profile is written). */
export async function stopEverything(): Promise<void> {
  await Promise.all([...started].map(stopChild));
  await Promise.all([...servers].map((s) => stopServer(s)));
  servers.clear();
  await Promise.all([...lastToStop].map(stopChild));
  lastToStop.clear();
  removeOwnDirs();
}

function removeOwnDirs() {
  for (const d of ownDirs) rmSync(d, { recursive: true, force: true });
  ownDirs.clear();
}

/** The last resort on process exit, when nothing can be awaited: SIGKILL by PID, remove the data dirs. */
export function killEverythingNow(): void {
  for (const c of [...started, ...lastToStop])
    if (c.exitCode === null && c.pid) tryKill(c.pid, "SIGKILL");
  for (const s of servers) {
    if (s.child.exitCode === null && s.child.pid) tryKill(s.child.pid, "SIGKILL");
    if (s.dataDir) rmSync(s.dataDir, { recursive: true, force: true });
  }
  removeOwnDirs();
}

/** CPU time (user + system) in ms of a process, or of one of its threads with `tid`. */
export function cpuMs(pid: number, tid?: number): number {
  const file = tid === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${tid}/stat`;
  const text = readFileSync(file, "utf8");
  // the command name may hold spaces: the fields start after its closing parenthesis
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / CLOCK_TICKS;
}

/**
 * Scheduler times of one thread, ms: on a CPU, and runnable but waiting for one (other
 * processes had the cores: on a shared machine, the neighbours' share of the latency).
 */
export function schedMs(pid: number, tid: number): { onCpu: number; waiting: number } {
  const [onCpu, waiting] = readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8")
    .trim()
    .split(" ")
    .map(Number);
  return { onCpu: (onCpu ?? 0) / 1e6, waiting: (waiting ?? 0) / 1e6 };
}

/** `window`: start the server's stall figures afresh after this reading. */
export async function metrics(base: string, gc: boolean, window = false): Promise<Metrics> {
  const query = [gc ? "gc=1" : "", window ? "window=1" : ""].filter(Boolean).join("&");
  // a saturated server answers late; past a minute the run fails rather than hangs
  const res = await fetch(`${base}/api/metrics${query ? `?${query}` : ""}`, {
    signal: AbortSignal.timeout(60_000),
  });
  if (!res.ok) throw new Error(`GET /api/metrics → ${res.status}`);
  return (await res.json()) as Metrics;
}
