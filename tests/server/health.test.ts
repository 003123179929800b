import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pkg from "../../package.json" with { type: "json" };
import type { Health } from "../../server/http/health.ts";
import { freePort, tempDataDir } from "./helpers.ts";
import {
  type ServerProcess,
  startServer,
  stopAll,
  stopServer,
  waitUntilReady,
} from "./serverProcess.ts";

let srv: ServerProcess;
let baseUrl = "";
let noClient = "";

describe("server", () => {
  beforeAll(async () => {
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    // no client build here: `/` is the placeholder (tests/server/client.test.ts serves a build)
    noClient = tempDataDir("no-client");
    srv = startServer("health", { PORT: String(port), CLIENT_DIR: noClient });
    await waitUntilReady(srv, `${baseUrl}/api/health`);
  });

  afterAll(async () => {
    await stopAll();
    if (noClient) fs.rmSync(noClient, { recursive: true, force: true });
  });

  it("runs on the Node that package.json's engines asks for (the server process's own)", () => {
    // the server prints the version it runs on; the test runner's own version proves nothing
    const printed = /Orbital Ties server on port \d+ \(Node (\d+)\.(\d+)\.\d+/.exec(srv.output());
    expect(printed, srv.output()).not.toBeNull();
    const wanted = /^>=(\d+)\.(\d+)$/.exec(pkg.engines.node);
    expect(wanted, pkg.engines.node).not.toBeNull();
    const [major, minor] = [Number(printed?.[1]), Number(printed?.[2])];
    const [wantMajor, wantMinor] = [Number(wanted?.[1]), Number(wanted?.[2])];
    expect(major > wantMajor || (major === wantMajor && minor >= wantMinor), printed?.[0]).toBe(
      true,
    );
  });

  it("answers GET /api/health with 200 and JSON", async () => {
    const response = await fetch(`${baseUrl}/api/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    const body = (await response.json()) as Health;
    expect(body).toMatchObject({ ok: true, name: "orbital-ties" });
    expect(typeof body.version).toBe("string");
    expect(typeof body.uptimeSeconds).toBe("number");
  });

  it("serves the placeholder page at / while the client is not built", async () => {
    const response = await fetch(`${baseUrl}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/html/);
    const html = await response.text();
    expect(html).toContain("<title>Orbital Ties</title>");
    expect(html).toContain('href="/api/health"');
  });

  it("keeps its data in its own DATA_DIR", () => {
    expect(srv.output()).toContain(`data in ${srv.dataDir}`);
  });

  it("shuts down cleanly on SIGTERM", async () => {
    const code = await stopServer(srv, "SIGTERM");
    expect(code, srv.output()).toBe(0);
    expect(srv.output()).toContain("Orbital Ties server stopped");
  });
});
