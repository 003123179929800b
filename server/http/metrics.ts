/**
 * `GET /api/metrics`: this process's memory and room counts, for `npm run bench:load` (which
 * cannot read another process's heap). Mounted only with BENCH_METRICS=1 and answered only to
 * loopback addresses: the figures tell an outsider how busy the server is.
 */
import { tmpdir } from "node:os";
import path from "node:path";
import {
  type IntervalHistogram,
  monitorEventLoopDelay,
  PerformanceObserver,
} from "node:perf_hooks";
import { writeHeapSnapshot } from "node:v8";
import { matchMaker } from "@colyseus/core";
import type { Application } from "express";

/** Body of `GET /api/metrics`. */
export interface Metrics {
  ok: true;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  rooms: number;
  clients: number;
  /** Whether a full GC ran first (`?gc=1` on a server started with --expose-gc). */
  collected: boolean;
  /**
   * Since the last `?window=1` (or the route's first call): how late the event loop ran (ms; a
   * stall delays every table at once) and the GC pauses, so that a latency tail can be told
   * apart from the machine's noise.
   */
  stalls: {
    /** When this reading was taken, µs of the monotonic clock V8's CPU profiles use. */
    atUs: number;
    loopP50: number;
    loopP99: number;
    loopMax: number;
    gcCount: number;
    gcMs: number;
    gcMaxMs: number;
  };
  /** With `?snapshot=1`: the V8 heap snapshot written (in the OS temp dir), for bench:memory. */
  snapshot?: string;
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

export function metricsEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.BENCH_METRICS === "1";
}

const RESOLUTION_MS = 5;

/** The event loop's lateness and GC pauses since `reset`; started only with the route. */
class StallWatch {
  private loop: IntervalHistogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  private gcCount = 0;
  private gcMs = 0;
  private gcMaxMs = 0;

  constructor() {
    this.loop.enable();
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        this.gcCount++;
        this.gcMs += e.duration;
        this.gcMaxMs = Math.max(this.gcMaxMs, e.duration);
      }
    }).observe({ entryTypes: ["gc"] });
  }

  reset(): void {
    this.loop.reset();
    this.gcCount = 0;
    this.gcMs = 0;
    this.gcMaxMs = 0;
  }

  read(): Metrics["stalls"] {
    // the histogram holds the time between its timer's runs: lateness is what exceeds the period
    const ms = (ns: number) => Math.max(0, ns / 1e6 - RESOLUTION_MS);
    return {
      atUs: Number(process.hrtime.bigint() / 1000n),
      loopP50: ms(this.loop.percentile(50)),
      loopP99: ms(this.loop.percentile(99)),
      loopMax: ms(this.loop.max),
      gcCount: this.gcCount,
      gcMs: this.gcMs,
      gcMaxMs: this.gcMaxMs,
    };
  }
}

export function mountMetrics(app: Application): void {
  const stalls = new StallWatch();
  app.get("/api/metrics", (req, res) => {
    if (!LOOPBACK.has(req.socket.remoteAddress ?? "")) {
      res.status(404).json({ ok: false, code: "ERR_NOT_FOUND", detail: "no such route" });
      return;
    }
    // a full collection makes heapUsed the live heap rather than whatever the GC left so far
    const gc = (globalThis as { gc?: () => void }).gc;
    const collected = req.query.gc === "1" && typeof gc === "function";
    if (collected) gc?.();
    const m = process.memoryUsage();
    const body: Metrics = {
      ok: true,
      rss: m.rss,
      heapUsed: m.heapUsed,
      heapTotal: m.heapTotal,
      external: m.external,
      rooms: matchMaker.stats.local.roomCount,
      clients: matchMaker.stats.local.ccu,
      collected,
      stalls: stalls.read(),
    };
    if (req.query.window === "1") stalls.reset();
    // (Colyseus shuts down on SIGUSR2, so --heapsnapshot-signal cannot be used)
    if (req.query.snapshot === "1")
      body.snapshot = writeHeapSnapshot(
        path.join(tmpdir(), `orbital-${process.pid}-${Date.now()}.heapsnapshot`),
      );
    res.json(body);
  });
}
