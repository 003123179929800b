import type { Application } from "express";
import pkg from "../../package.json" with { type: "json" };

/** Body of `GET /api/health`. */
export interface Health {
  ok: true;
  name: string;
  version: string;
  uptimeSeconds: number;
}

/** Liveness report of this server process. */
export function health(): Health {
  return {
    ok: true,
    name: pkg.name,
    version: pkg.version,
    uptimeSeconds: Math.round(process.uptime()),
  };
}

/** Mounts `GET /api/health` (200, JSON) on the Express app. */
export function mountHealth(app: Application): void {
  app.get("/api/health", (_req, res) => {
    res.json(health());
  });
}
