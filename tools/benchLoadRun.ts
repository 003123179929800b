/**
 * One bench:load run: a fresh server, `tables` tables of `players` SDK clients spread over the
 * driver workers, a warm-up, a measured window (with `POST /api/games` timed once a second
 * meanwhile), then every process stopped. Returns the figures; benchLoad.ts prints them.
 */

import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import type { Metrics } from "../server/http/metrics.ts";
import { createGame } from "../tests/server/helpers.ts";
import {
  clusterMetrics,
  cpuBetween,
  type ProcessCpu,
  readCpu,
  startCluster,
  stopCluster,
  totalMetrics,
} from "./benchLoadCluster.ts";
import {
  startEcho,
  startWorker,
  stopChild,
  stopEverything,
  type Worker,
} from "./benchLoadProcs.ts";
import type { TableTicket, WorkerStats } from "./benchLoadWorker.ts";
import { BENCH_TIMERS } from "./benchTable.ts";

export const SCENARIO = "crew-dragon-2020";
/** Seats in table order: the scenario's three required roles, then optional ones. */
const ROLE_ORDER = ["us", "russia", "spacex", "uae", "turkey", "poland", "boeing"];
/** How long a table creation in flight at the end of the window may still take. */
const DRAIN_MS = 10_000;

export interface RunOptions {
  tables: number;
  players: number;
  rate: number;
  warmup: number;
  duration: number;
  workers: number;
  /** Server processes; above 1 they share a Redis (the scale-out). */
  processes: number;
  cpuProf: string | null;
  /** Where the server's DATA_DIR goes (null: the OS temp dir, as the tests do). */
  dataParent: string | null;
  /** Called with what the run is doing (for the progress display). */
  progress(stage: string, done: number, total: number): void;
}

export interface RunResult {
  tables: number;
  clients: number;
  joinFailures: string[];
  windowSeconds: number;
  offeredPerSecond: number;
  acceptedPerSecond: number;
  latency: Percentiles;
  echo: Percentiles;
  unseen: number;
  unfinished: number;
  sent: Record<string, number>;
  rejections: Record<string, number>;
  errors: Record<string, number>;
  /** % of one core over the window. */
  serverCpu: number;
  serverMainThreadCpu: number;
  /** % of the window the server's main thread was runnable but had no core (neighbours). */
  serverMainThreadWaiting: number;
  driverCpu: number[];
  /** The server's event-loop lateness and GC pauses over the window (the worst process's). */
  stalls: Metrics["stalls"];
  /** Summed over the processes. */
  idle: Metrics;
  loaded: Metrics;
  /** Each server process on its own (one entry with one process). */
  processes: ProcessFigures[];
  /** % of one core Redis used over the window; null with one process. */
  redisCpu: number | null;
  /** Clients that asked another process for their seat, and sockets not on the table's process. */
  joins: { viaOther: number; offOwner: number };
  createIdle: Percentiles;
  createLoaded: Percentiles;
  loadAverage: { before: number[]; after: number[] };
  profileDir: string | null;
  /** The window on the server's monotonic clock (a CPU profile's time), one process's. */
  windowUs: { start: number; end: number };
}

export interface ProcessFigures {
  base: string;
  cpu: ProcessCpu;
  idle: Metrics;
  loaded: Metrics;
}

export interface Percentiles {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function percentiles(xs: number[]): Percentiles {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) =>
    s.length ? (s[Math.min(s.length - 1, Math.floor(q * s.length))] as number) : NaN;
  return {
    n: s.length,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: s.length ? (s.at(-1) as number) : NaN,
  };
}

const sumOf = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function timedCreate(base: string, roles: string[]): Promise<[TableTicket, number]> {
  const t0 = performance.now();
  const g = await createGame(base, { scenario: SCENARIO, roles, years: 1, timers: BENCH_TIMERS });
  const ticket = {
    code: g.code,
    hostToken: g.hostToken,
    roles: g.roles,
    owner: new URL(base).host,
  };
  return [{ ...ticket, via: [] }, performance.now() - t0];
}

function add(into: Record<string, number>, from: Record<string, number | undefined>) {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + (v ?? 0);
}

export async function runOnce(o: RunOptions): Promise<RunResult> {
  const roles = ROLE_ORDER.slice(0, o.players);
  const loadBefore = loadavg();
  try {
    o.progress("starting", 0, 1);
    const echo = await startEcho();
    const nodeArgs = o.cpuProf ? ["--cpu-prof", `--cpu-prof-dir=${o.cpuProf}`] : [];
    const cluster = await startCluster(o.processes, nodeArgs, o.dataParent);
    const bases = cluster.servers.map((s) => s.base);
    // tables are created round-robin over the processes, each on the one that answered
    let nextCreate = 0;
    const createBase = () => bases[nextCreate++ % bases.length] as string;
    const workers: Worker[] = Array.from({ length: o.workers }, startWorker);
    for (const [id, w] of workers.entries())
      w.send({ type: "setup", echoUrl: echo.url, rate: o.rate, scenario: SCENARIO, id });
    const idleEach = await clusterMetrics(cluster, true);

    // tables, four creations at a time; timed too, though with nobody playing yet
    const tickets: TableTicket[] = [];
    const createIdle: number[] = [];
    while (tickets.length < o.tables) {
      const batch = Math.min(4, o.tables - tickets.length);
      for (const [t, ms] of await Promise.all(
        Array.from({ length: batch }, () => timedCreate(createBase(), roles)),
      )) {
        // seat by seat the clients ask the processes in turn: some ask one that does not host the table
        const k = tickets.length;
        tickets.push({ ...t, via: roles.map((_, s) => bases[(k + s) % bases.length] as string) });
        createIdle.push(ms);
      }
      o.progress("creating tables", tickets.length, o.tables);
    }

    o.progress("joining", 0, 1);
    const joined = workers.map((w) => w.next("joined"));
    for (const [i, w] of workers.entries())
      w.send({ type: "tables", tables: tickets.filter((_, j) => j % o.workers === i) });
    const joins = await Promise.all(joined);
    const clients = joins.reduce((n, j) => n + j.clients, 0);
    const viaOther = joins.reduce((n, j) => n + j.viaOther, 0);
    const offOwner = joins.reduce((n, j) => n + j.offOwner, 0);
    const joinFailures = joins.flatMap((j) => j.failures);

    for (const w of workers) w.send({ type: "go" });
    for (let s = 0; s < o.warmup; s++) {
      o.progress("warm-up", s, o.warmup);
      await sleep(1000);
    }
    // memory of the loaded server, live heap only; the GC pause is given a second to pass
    const loadedEach = await clusterMetrics(cluster, true);
    await sleep(1000);

    // the stall figures start with the window
    const windowStartUs = totalMetrics(await clusterMetrics(cluster, false, true)).stalls.atUs;
    for (const w of workers) w.send({ type: "mark" });
    const t0 = performance.now();
    const cpu0 = readCpu(cluster);
    const createLoaded: number[] = [];
    const createErrors: string[] = [];
    let creating = true;
    const creator = (async () => {
      // one table a second while the others play: how long a teacher waits for a new table
      while (creating) {
        const started = performance.now();
        try {
          createLoaded.push((await timedCreate(createBase(), roles))[1]);
        } catch (err) {
          createErrors.push((err as Error).message);
          if (cluster.servers.some((s) => s.proc.child.exitCode !== null)) break;
        }
        await sleep(Math.max(0, 1000 - (performance.now() - started)));
      }
    })();
    for (let s = 0; s < o.duration; s++) {
      o.progress("measuring", s, o.duration);
      await sleep(1000);
    }
    const windowSeconds = (performance.now() - t0) / 1000;
    const cpu = cpuBetween(cpu0, readCpu(cluster));
    const stalls = totalMetrics(await clusterMetrics(cluster, false)).stalls;
    creating = false;
    const drained = workers.map((w) => w.next("drained"));
    for (const w of workers) w.send({ type: "halt" });
    o.progress("draining", 0, 1);
    await Promise.all([...drained, Promise.race([creator, sleep(DRAIN_MS)])]);
    const statsIn = workers.map((w) => w.next("stats"));
    for (const w of workers) w.send({ type: "collect" });
    const all: WorkerStats[] = (await Promise.all(statsIn)).map((m) => m.stats);

    o.progress("stopping", 0, 1);
    for (const w of workers) w.send({ type: "stop" });
    await Promise.all(workers.map((w) => Promise.race([stopChild(w.child), sleep(5_000)])));
    await stopCluster(cluster);
    await stopChild(echo.child);

    const sent: Record<string, number> = {};
    const rejections: Record<string, number> = {};
    const errors: Record<string, number> = {};
    for (const e of createErrors) add(errors, { [`POST /api/games: ${e.slice(0, 60)}`]: 1 });
    for (const s of all) {
      add(sent, s.sent);
      add(rejections, s.rejections);
      add(errors, s.errors);
    }
    const totalSent = Object.values(sent).reduce((a, b) => a + b, 0);
    const accepted = all.reduce((n, s) => n + s.accepted, 0);
    return {
      tables: o.tables,
      clients,
      joinFailures,
      windowSeconds,
      offeredPerSecond: totalSent / windowSeconds,
      acceptedPerSecond: accepted / windowSeconds,
      latency: percentiles(all.flatMap((s) => s.latencies)),
      echo: percentiles(all.flatMap((s) => s.echo)),
      unseen: all.reduce((n, s) => n + s.unseen, 0),
      unfinished: all.reduce((n, s) => n + s.unfinished, 0),
      sent,
      rejections,
      errors,
      serverCpu: sumOf(cpu.servers.map((c) => c.process)),
      serverMainThreadCpu: sumOf(cpu.servers.map((c) => c.main)),
      serverMainThreadWaiting: Math.max(...cpu.servers.map((c) => c.waiting)),
      driverCpu: all.map((s) => (s.cpuMs / s.windowMs) * 100),
      stalls,
      idle: totalMetrics(idleEach),
      loaded: totalMetrics(loadedEach),
      processes: cluster.servers.map((s, i) => ({
        base: s.base,
        cpu: cpu.servers[i] as ProcessCpu,
        idle: idleEach[i] as Metrics,
        loaded: loadedEach[i] as Metrics,
      })),
      redisCpu: cluster.redisPid === null ? null : cpu.redis,
      joins: { viaOther, offOwner },
      createIdle: percentiles(createIdle),
      createLoaded: percentiles(createLoaded),
      loadAverage: { before: loadBefore, after: loadavg() },
      profileDir: o.cpuProf,
      windowUs: { start: windowStartUs, end: stalls.atUs },
    };
  } finally {
    await stopEverything();
  }
}
