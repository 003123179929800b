import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Health } from "../../server/http/health.ts";

const root = path.resolve(import.meta.dirname, "../..");
const READY_TIMEOUT_MS = 15_000;

let child: ChildProcess | undefined;
let baseUrl = "";
let output = "";

/** Asks the OS for a port that is free right now. */
async function freePort(): Promise<number> {
  const probe = net.createServer();
  probe.listen(0, "127.0.0.1");
  await once(probe, "listening");
  const address = probe.address();
  probe.close();
  await once(probe, "close");
  if (address === null || typeof address === "string") throw new Error("no TCP port");
  return address.port;
}

/** Polls the health route until the server answers, or fails with the server's output. */
async function waitUntilReady(server: ChildProcess, url: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`server exited early (${server.exitCode ?? server.signalCode}):\n${output}`);
    }
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server not ready after ${READY_TIMEOUT_MS} ms:\n${output}`);
}

/** Sends `signal` to the server by PID and waits for it to exit. */
async function stop(server: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  if (server.exitCode !== null || server.signalCode !== null) return server.exitCode;
  const exited = once(server, "exit");
  process.kill(server.pid as number, signal);
  const [code] = (await exited) as [number | null];
  return code;
}

describe("server", () => {
  beforeAll(async () => {
    // process.execPath is Node 22 when tests run through npm/npx (the `node` devDependency).
    expect(Number(process.versions.node.split(".")[0])).toBeGreaterThanOrEqual(22);
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ["server/index.ts"], {
      cwd: root,
      env: { ...process.env, PORT: String(port) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    await waitUntilReady(child, `${baseUrl}/api/health`);
  });

  afterAll(async () => {
    if (child?.pid !== undefined) {
      const killer = setTimeout(() => child?.kill("SIGKILL"), 5_000);
      await stop(child, "SIGTERM");
      clearTimeout(killer);
    }
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

  it("serves the placeholder page at /", async () => {
    const response = await fetch(`${baseUrl}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/html/);
    const html = await response.text();
    expect(html).toContain("<title>Orbital Ties</title>");
    expect(html).toContain('href="/api/health"');
  });

  it("shuts down cleanly on SIGTERM", async () => {
    const code = await stop(child as ChildProcess, "SIGTERM");
    expect(code, output).toBe(0);
    expect(output).toContain("Orbital Ties server stopped");
  });
});
