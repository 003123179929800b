import path from "node:path";
import type { Application } from "express";

/** Stand-in for the browser client until it is built (see client/). */
export const PLACEHOLDER_PAGE = path.join(import.meta.dirname, "placeholder.html");

/** Mounts `GET /`: the placeholder page. */
export function mountHome(app: Application): void {
  app.get("/", (_req, res) => {
    res.sendFile(PLACEHOLDER_PAGE);
  });
}
