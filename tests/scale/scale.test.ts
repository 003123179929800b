/**
 * Scale-out: two server processes share one Redis (presence + matchmaking
 * driver) and one SQLite file. A game created on A lives on A; a client that
 * asks B for it is sent to A's PUBLIC_ADDRESS by the seat reservation. After a
 * crash (SIGKILL) only A restores A's game, with the same state hash.
 *
 * Run with `npm run test:scale` (needs `redis-server` on PATH). Every process
 * this file starts is stopped by PID in afterAll, even when a test fails.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { Client, type Room } from "@colyseus/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Identity } from "../../shared/protocol/lobby.ts";
import {
  ask,
  freePort,
  type HashSummary,
  sleep,
  tempDataDir,
  viewOf,
  waitFor,
} from "../server/helpers.ts";
import { scaleOutEnv, startRedis } from "./redisProcess.ts";

const root = path.resolve(import.meta.dirname, "../..");
const READY_TIMEOUT_MS = 20_000;
const RECONNECT_SECONDS = 2;

// biome-ignore lint/suspicious/noExplicitAny: the SDK decodes the state by reflection
type AnyRoom = Room<any, any>;

interface Proc {
  name: string;
  child: ChildProcess;
  log: string;
}

const dataDir = tempDataDir("scale");
const started: Proc[] = [];
const rooms: AnyRoom[] = [];
let redis: Proc | undefined;
let redisUrl = "";
let portA = 0;
let portB = 0;
let serverA: Proc | undefined;
let serverB: Proc | undefined;

const baseOf = (port: number) => `http://127.0.0.1:${port}`;

// last resort if the worker dies before afterAll: nothing this file started outlives it
process.once("exit", () => {
  for (const p of started) {
    if (p.child.exitCode === null && p.child.signalCode === null && p.child.pid !== undefined) {
      try {
        process.kill(p.child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  }
});

/** Starts a child process whose output is kept in memory (shown when something fails). */
function launch(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): Proc {
  const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  const proc: Proc = { name, child, log: "" };
  const keep = (chunk: Buffer) => {
    proc.log += chunk.toString();
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  child.on("error", (err) => {
    proc.log += `\nspawn error: ${err.message}`;
  });
  started.push(proc);
  return proc;
}

const alive = (p: Proc) => p.child.exitCode === null && p.child.signalCode === null;

/** Sends `signal` by PID and waits for the exit; SIGKILL after `graceMs`. */
async function stop(p: Proc | undefined, signal: NodeJS.Signals, graceMs = 5_000): Promise<void> {
  if (!p || !alive(p) || p.child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => p.child.once("exit", () => resolve()));
  process.kill(p.child.pid, signal);
  const killer = setTimeout(() => {
    if (alive(p) && p.child.pid !== undefined) process.kill(p.child.pid, "SIGKILL");
  }, graceMs);
  await exited;
  clearTimeout(killer);
}

async function startRedisHere(): Promise<void> {
  const r = await startRedis((child) => {
    redis = { name: "redis", child, log: "" };
    started.push(redis);
  });
  redisUrl = r.url;
}

/** Starts `server/index.ts` on Node 22 (process.execPath under npm/npx) and waits for /api/health. */
async function startServer(name: string, port: number): Promise<Proc> {
  const proc = launch(name, process.execPath, ["server/index.ts"], {
    ...process.env,
    ...scaleOutEnv(port, redisUrl),
    DATA_DIR: dataDir,
    RECONNECT_SECONDS: String(RECONNECT_SECONDS),
  });
  await waitFor(
    async () => {
      if (!alive(proc)) throw new Error(`${name} exited early:\n${proc.log}`);
      const res = await fetch(`${baseOf(port)}/api/health`);
      return res.ok;
    },
    READY_TIMEOUT_MS,
    `server ${name}\n${proc.log}`,
  );
  return proc;
}

async function getJson(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function hashOn(port: number, code: string, token: string): Promise<HashSummary> {
  const { status, body } = await getJson(
    `${baseOf(port)}/api/games/${code}/hash?token=${encodeURIComponent(token)}`,
  );
  if (status !== 200) throw new Error(`GET hash on ${port} → ${status} ${JSON.stringify(body)}`);
  return body as unknown as HashSummary;
}

/** An SDK client pointed at `port`; records the URLs it calls (matchmaking HTTP, then the room's WebSocket). */
function sdkClient(port: number): { client: Client; urls: URL[] } {
  const urls: URL[] = [];
  const client = new Client(baseOf(port), {
    urlBuilder: (url) => {
      urls.push(new URL(url.href));
      return url.href;
    },
  });
  return { client, urls };
}

/** host:port of the WebSocket a client opened. */
function socketHost(urls: URL[]): string | undefined {
  return urls.find((u) => u.protocol === "ws:")?.host;
}

async function joinVia(port: number, code: string, options: Record<string, unknown>) {
  const { client, urls } = sdkClient(port);
  const room = await client.joinById(code, options);
  room.onMessage("events", () => {});
  room.reconnection.minUptime = 0;
  rooms.push(room);
  return { room, urls };
}

async function leave(room: AnyRoom): Promise<void> {
  room.reconnection.enabled = false;
  await Promise.race([room.leave(true).catch(() => undefined), sleep(2_000)]);
}

beforeAll(async () => {
  expect(Number(process.versions.node.split(".")[0])).toBeGreaterThanOrEqual(22);
  await startRedisHere();
  portA = await freePort();
  portB = await freePort();
  // one after the other: the first opens (and migrates) the shared SQLite file
  serverA = await startServer("A", portA);
  serverB = await startServer("B", portB);
});

afterAll(async () => {
  await Promise.all(rooms.map((r) => leave(r)));
  await Promise.all([stop(serverA, "SIGTERM"), stop(serverB, "SIGTERM")]);
  for (const p of started) if (p !== redis) await stop(p, "SIGKILL");
  await stop(redis, "SIGTERM");
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("two processes, one Redis, one SQLite file", () => {
  let code = "";
  let hostToken = "";
  let seatToken = "";
  let memberId = "";
  let beforeCrash: HashSummary | undefined;

  it("a game created on A is joined through B, and its actions land on A", async () => {
    const res = await fetch(`${baseOf(portA)}/api/games`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        seed: "scale-seed",
        timers: { briefingSeconds: 3600, negotiationSeconds: 3600, firstNegotiationSeconds: 3600 },
      }),
    });
    const created = (await res.json()) as { code: string; hostToken: string; joinUrl: string };
    expect(res.status, JSON.stringify(created)).toBe(201);
    code = created.code;
    hostToken = created.hostToken;
    expect(created.joinUrl).toBe(`${baseOf(portA)}/?join=${code}`);

    // B reads the same SQLite file: it knows the game A stored
    const onB = await getJson(`${baseOf(portB)}/api/games/${code}`);
    expect(onB.status).toBe(200);
    expect(onB.body.code).toBe(code);

    const start = await hashOn(portA, code, hostToken);
    expect(start.phase).toBe("lobby");

    // a bad seat is refused across processes with the room's own message
    await expect(
      sdkClient(portB).client.joinById(code, { seat: "atlantis", name: "Zed" }),
    ).rejects.toThrow(/no seat "atlantis"/);

    const ann = await joinVia(portB, code, { seat: "us", name: "Ann" });
    // the matchmaking request went to B; the seat reservation sent the socket to A
    expect(ann.urls.map((u) => `${u.protocol}//${u.host}`)).toEqual([
      `http://127.0.0.1:${portB}`,
      `ws://127.0.0.1:${portA}`,
    ]);

    const me = (await ann.room.request("whoami", {}, { timeout: 5_000 })) as Identity;
    expect(me).toMatchObject({ code, seat: "us", kind: "player", staff: false, name: "Ann" });
    expect(me.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    seatToken = me.token;
    memberId = me.memberId;

    const joined = await hashOn(portA, code, hostToken);
    expect(joined.actions).toBe(start.actions + 1); // addMember

    // the synced view arrives through A's socket
    await waitFor(() => viewOf(ann.room).viewer?.seat === "us", 5_000, "Ann's view");
    expect(viewOf(ann.room).phase).toBe("lobby");

    // rejections come back as replies, nothing is stored
    expect(await ask(ann.room, "orders", { sanctionsCarveOut: true })).toMatchObject({
      ok: false,
      code: "ERR_WRONG_PHASE",
    });
    expect(await ask(ann.room, "start")).toMatchObject({ ok: false, code: "ERR_NOT_ALLOWED" });
    expect(await ask(ann.room, "chat", { to: ["russia"], text: "" })).toMatchObject({
      ok: false,
      code: "ERR_MALFORMED",
    });
    expect((await hashOn(portA, code, hostToken)).actions).toBe(joined.actions);

    expect(await ask(ann.room, "chat", { to: ["russia"], text: "hello from B" })).toEqual({
      ok: true,
    });
    const chatted = await hashOn(portA, code, hostToken);
    expect(chatted.actions).toBe(joined.actions + 1);

    // the host joins through B too, starts and skips the briefing
    const host = await joinVia(portB, code, { hostToken });
    expect(socketHost(host.urls)).toBe(`127.0.0.1:${portA}`);
    expect(await ask(host.room, "start")).toEqual({ ok: true });
    await waitFor(() => viewOf(ann.room).phase === "briefing", 5_000, "briefing");
    expect(await ask(host.room, "skip")).toEqual({ ok: true });
    await waitFor(() => viewOf(ann.room).phase === "negotiation", 5_000, "negotiation");

    const before = await hashOn(portA, code, hostToken);
    expect(await ask(ann.room, "orders", { sanctionsCarveOut: true })).toEqual({ ok: true });
    const after = await hashOn(portA, code, hostToken);
    expect(after.actions).toBe(before.actions + 1);
    expect(after.stateHash).not.toBe(before.stateHash);
    await waitFor(
      () => viewOf(ann.room).private.us?.orders.sanctionsCarveOut === true,
      5_000,
      "Ann's orders in her view",
    );

    // pause so that nothing (timers, bots) moves while A is down
    expect(await ask(host.room, "pause")).toEqual({ ok: true });
    await leave(ann.room);
    await leave(host.room);
    // Ann's consented leave takes her member off the seat: wait until the log stops growing
    let last = -1;
    beforeCrash = await waitFor(
      async () => {
        const s = await hashOn(portA, code, hostToken);
        const steady = s.actions === last;
        last = s.actions;
        if (steady) return s;
        await sleep(300);
        return null;
      },
      10_000,
      "a steady state",
    );
    expect(beforeCrash.phase).toBe("negotiation");
    // B answers for A's room through Redis, with the same state
    expect(await hashOn(portB, code, hostToken)).toEqual(beforeCrash);
  });

  it("after a SIGKILL only A restores its game, with the same state hash", async () => {
    expect(beforeCrash, "the first test must pass").toBeDefined();
    if (!serverA || !beforeCrash) return;
    await stop(serverA, "SIGKILL");
    expect(serverA.child.signalCode).toBe("SIGKILL");

    // B does not take the game over: it is not running anywhere while A is down
    const whileDown = await getJson(
      `${baseOf(portB)}/api/games/${code}/hash?token=${encodeURIComponent(hostToken)}`,
    );
    expect(whileDown.status).toBe(404);
    expect(whileDown.body.code).toBe("ERR_NOT_RUNNING");
    expect(serverB?.log ?? "").not.toMatch(/restored/);

    serverA = await startServer("A (restarted)", portA);
    expect(serverA.log).toMatch(new RegExp(`restored 1 game\\(s\\): ${code}`));

    const restored = await hashOn(portA, code, hostToken);
    expect(restored).toEqual(beforeCrash);
    expect(await hashOn(portB, code, hostToken)).toEqual(beforeCrash);
    expect(serverB?.log ?? "").not.toMatch(/restored/);

    // Ann comes back through B with her seat token: same member, same seat, on A
    const back = await joinVia(portB, code, { token: seatToken });
    expect(socketHost(back.urls)).toBe(`127.0.0.1:${portA}`);
    const me = (await back.room.request("whoami", {}, { timeout: 5_000 })) as Identity;
    expect(me).toMatchObject({ code, memberId, seat: "us", token: seatToken, name: "Ann" });
    await waitFor(
      () => viewOf(back.room).private.us?.orders.sanctionsCarveOut === true,
      5_000,
      "Ann's orders after the restart",
    );
    expect((await hashOn(portA, code, hostToken)).actions).toBe(beforeCrash.actions + 1);
    await leave(back.room);
  });
});
