/**
 * The servers of one bench:load run: one process as `npm start` runs it, or with `--processes
 * N` the existing scale-out (tests/scale): a redis-server on a free loopback port for presence
 * and matchmaking, and N server processes on their own ports sharing it and one DATA_DIR.
 * Also reads the CPU of each over the measured window. Everything is stopped by PID in
 * benchLoadProcs' cleanup (Redis after the servers).
 */
import { tmpdir } from "node:os";
import { performance } from "node:perf_hooks";
import type { Metrics } from "../server/http/metrics.ts";
import { scaleOutEnv, startRedis } from "../tests/scale/redisProcess.ts";
import {
  cpuMs,
  type GameServer,
  metrics,
  ownDir,
  schedMs,
  startGameServer,
  stopGameServer,
  stopLast,
} from "./benchLoadProcs.ts";

export interface Cluster {
  servers: GameServer[];
  /** The PID of Redis, null with one process. */
  redisPid: number | null;
}

export async function startCluster(
  processes: number,
  nodeArgs: readonly string[],
  dataParent: string | null,
): Promise<Cluster> {
  if (processes === 1)
    return { servers: [await startGameServer(nodeArgs, dataParent)], redisPid: null };
  const redis = await startRedis(stopLast);
  const pid = redis.child.pid;
  if (pid === undefined) throw new Error("redis-server has no PID");
  const shared = {
    env: (port: number) => scaleOutEnv(port, redis.url),
    dataDir: ownDir(dataParent ?? tmpdir()),
  };
  const servers: GameServer[] = [];
  // one after the other: the first opens (and migrates) the shared SQLite file
  for (let i = 0; i < processes; i++)
    servers.push(await startGameServer(nodeArgs, dataParent, shared));
  return { servers, redisPid: pid };
}

export async function stopCluster(c: Cluster): Promise<void> {
  await Promise.all(c.servers.map(stopGameServer));
}

/** Each server's memory, fetched together (a full GC first when `gc`). */
export function clusterMetrics(c: Cluster, gc: boolean, window = false): Promise<Metrics[]> {
  return Promise.all(c.servers.map((s) => metrics(s.base, gc, window)));
}

/** The sum of the processes' figures (what one process would have to hold alone). */
export function totalMetrics(all: Metrics[]): Metrics {
  const sum = (k: "rss" | "heapUsed" | "heapTotal" | "external" | "rooms" | "clients") =>
    all.reduce((n, m) => n + m[k], 0);
  return {
    ok: true,
    rss: sum("rss"),
    heapUsed: sum("heapUsed"),
    heapTotal: sum("heapTotal"),
    external: sum("external"),
    rooms: sum("rooms"),
    clients: sum("clients"),
    collected: all.every((m) => m.collected),
    stalls: worstStalls(all),
  };
}

/** The worst process's stall figures, each on its own: a process's stalls delay only its tables. */
function worstStalls(all: Metrics[]): Metrics["stalls"] {
  const keys = Object.keys(all[0]?.stalls ?? {}) as (keyof Metrics["stalls"])[];
  return Object.fromEntries(
    keys.map((k) => [k, Math.max(...all.map((m) => m.stalls[k]))]),
  ) as Metrics["stalls"];
}

interface CpuReading {
  at: number;
  servers: { process: number; main: number; waiting: number }[];
  redis: number;
}

/** % of one core over a window, per server process (whole process, main thread, main thread waiting for a core). */
export interface ProcessCpu {
  process: number;
  main: number;
  waiting: number;
}

export function readCpu(c: Cluster): CpuReading {
  return {
    at: performance.now(),
    servers: c.servers.map((s) => ({
      process: cpuMs(s.pid),
      main: cpuMs(s.pid, s.pid),
      waiting: schedMs(s.pid, s.pid).waiting,
    })),
    redis: c.redisPid === null ? 0 : cpuMs(c.redisPid),
  };
}

export function cpuBetween(a: CpuReading, b: CpuReading): { servers: ProcessCpu[]; redis: number } {
  const windowMs = b.at - a.at;
  const pct = (x: number, y: number) => ((y - x) / windowMs) * 100;
  return {
    servers: a.servers.map((s, i) => {
      const e = b.servers[i] as CpuReading["servers"][number];
      return {
        process: pct(s.process, e.process),
        main: pct(s.main, e.main),
        waiting: pct(s.waiting, e.waiting),
      };
    }),
    redis: pct(a.redis, b.redis),
  };
}
