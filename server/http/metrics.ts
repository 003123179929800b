/**
 * `GET /api/metrics`: this process's memory and room counts, for `npm run bench:load` (which
 * cannot read another process's heap). Mounted only with BENCH_METRICS=1 and answered only to
 * loopback addresses: the figures tell an outsider how busy the server is.
 */
import { tmpdir } from "node:os";
import path from "node:path";
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
  /** With `?snapshot=1`: the V8 heap snapshot written (in the OS temp dir), for bench:memory. */
  snapshot?: string;
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

export function metricsEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.BENCH_METRICS === "1";
}

export function mountMetrics(app: Application): void {
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
    };
    // (Colyseus shuts down on SIGUSR2, so --heapsnapshot-signal cannot be used)
    if (req.query.snapshot === "1")
      body.snapshot = writeHeapSnapshot(
        path.join(tmpdir(), `orbital-${process.pid}-${Date.now()}.heapsnapshot`),
      );
    res.json(body);
  });
}
