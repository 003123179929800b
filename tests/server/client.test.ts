/**
 * The server serves the built client: its files from the build (hashed assets cached for
 * good), index.html for every page path (the client routes itself), and never the page in
 * place of an API answer or a missing file. CLIENT_DIR points the server at a small build.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, tempDataDir } from "./helpers.ts";
import { startServer, stopAll, waitUntilReady } from "./serverProcess.ts";

let base = "";
let build = "";
const INDEX = "<!doctype html><title>Orbital Ties</title><div id=app></div>";
const SCRIPT = "console.log('client');";

beforeAll(async () => {
  build = tempDataDir("client-build");
  fs.mkdirSync(path.join(build, "assets"));
  fs.writeFileSync(path.join(build, "index.html"), INDEX);
  fs.writeFileSync(path.join(build, "assets", "index-abc123.js"), SCRIPT);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const srv = startServer("client", { PORT: String(port), CLIENT_DIR: build });
  await waitUntilReady(srv, `${base}/api/health`);
});

afterAll(async () => {
  await stopAll();
  fs.rmSync(build, { recursive: true, force: true });
});

describe("serving the client", () => {
  it.each(["/", "/?join=K7MP2Q", "/table/K7MP2Q", "/debrief"])(
    "%s is the client's page",
    async (p) => {
      const res = await fetch(`${base}${p}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/text\/html/);
      expect(res.headers.get("cache-control")).toBe("no-cache");
      expect(await res.text()).toBe(INDEX);
    },
  );

  it("serves hashed assets with a long cache", async () => {
    const res = await fetch(`${base}/assets/index-abc123.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/javascript/);
    expect(res.headers.get("cache-control")).toContain("immutable");
    expect(await res.text()).toBe(SCRIPT);
  });

  it("a missing asset is a 404, not the page", async () => {
    const res = await fetch(`${base}/assets/gone-000.js`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain("<title>");
  });

  it("API paths keep their own answers", async () => {
    const health = await fetch(`${base}/api/health`);
    expect(health.headers.get("content-type")).toMatch(/application\/json/);
    const unknown = await fetch(`${base}/api/no-such-route`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).not.toBe(INDEX);
  });
});
