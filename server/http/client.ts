import fs from "node:fs";
import path from "node:path";
import express, { type Application } from "express";

/** The built browser client (`npm run build`); CLIENT_DIR points elsewhere (tests). */
export function clientDir(): string {
  return process.env.CLIENT_DIR ?? path.resolve(import.meta.dirname, "../../dist/client");
}

/** Shown at `/` when the client has not been built (a server started without `npm start`). */
export const PLACEHOLDER_PAGE = path.join(import.meta.dirname, "placeholder.html");

/** Paths that are never the client's pages: unknown ones there stay 404s of their own. */
const NOT_PAGES = /^\/(api|matchmake|assets)(\/|$)/;

/**
 * Serves the client: its files from the build, and index.html for every other page path
 * (the client routes itself), or the placeholder page while there is no build.
 */
export function mountClient(app: Application): void {
  const dir = clientDir();
  // hashed file names: a new build makes new names, so the files never change under a name
  app.use("/assets", express.static(path.join(dir, "assets"), { immutable: true, maxAge: "365d" }));
  app.use(express.static(dir, { index: false }));
  app.get("/{*splat}", (req, res, next) => {
    if (NOT_PAGES.test(req.path)) {
      // an unknown API path or a missing file: a plain 404, never the page in its place
      if (req.path.startsWith("/assets")) res.status(404).type("text/plain").send("not found");
      else next();
      return;
    }
    const index = path.join(dir, "index.html");
    res.setHeader("cache-control", "no-cache");
    res.sendFile(fs.existsSync(index) ? index : PLACEHOLDER_PAGE);
  });
}
