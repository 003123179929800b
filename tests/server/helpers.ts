/**
 * Shared helpers of the server integration tests: free ports, temp data
 * directories, REST calls, SDK clients and polling.
 */
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { Client, type Room } from "@colyseus/sdk";
import { expect } from "vitest";
import type { GameRoom } from "../../server/rooms/GameRoom.ts";
import type { Identity } from "../../shared/protocol/lobby.ts";
import type { Reply } from "../../shared/protocol/messages.ts";
import { assembleView, type SyncedSlices, syncedSlices } from "../../shared/protocol/viewSlices.ts";
import type { PlayerView } from "../../shared/rules/view.ts";

export const SEED = "S3CRET-seed-zz";

/** Asks the OS for a port that is free right now. */
export async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no TCP port");
  return address.port;
}

/** A fresh temporary DATA_DIR. */
export function tempDataDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `orbital-${label}-`));
}

/** The real server (app config, SQLite, rooms) in this process, on a free port with its own DATA_DIR. */
export interface TestServer {
  base: string;
  /** A game's live room on the server side, or undefined when none is open. */
  room(code: string): GameRoom | undefined;
  /** Colyseus' matchmaker of this server (to close and reopen rooms). */
  matchMaker: typeof import("@colyseus/core").matchMaker;
  /** Shuts the server down, closes the store and removes its DATA_DIR and env settings. */
  stop(): Promise<void>;
}

/**
 * Boots the server in-process. DATA_DIR (and `env`) are set before the server's
 * modules load, which is why they are imported here and not at the top.
 */
export async function bootServer(
  label: string,
  env: Record<string, string> = {},
): Promise<TestServer> {
  const dataDir = tempDataDir(label);
  process.env.DATA_DIR = dataDir;
  Object.assign(process.env, env);
  const port = await freePort();
  const { boot } = await import("@colyseus/testing");
  const { matchMaker } = await import("@colyseus/core");
  const server = await boot((await import("../../server/app.config.ts")).default, port);
  return {
    base: `http://127.0.0.1:${port}`,
    matchMaker,
    room: (code) => matchMaker.getLocalRoomById(code) as unknown as GameRoom | undefined,
    async stop() {
      await server.shutdown();
      (await import("../../server/store/instance.ts")).closeStore();
      for (const key of Object.keys(env)) delete process.env[key];
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A value as a client receives it: through JSON. */
export const asJson = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `check` until it returns a truthy value (or stops throwing); fails with the last error after `timeoutMs`. */
type Falsy = false | null | undefined | 0 | "";

export async function waitFor<T>(
  check: () => T | Falsy | Promise<T | Falsy>,
  timeoutMs = 5_000,
  label = "condition",
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v as T;
      last = new Error(`${label}: still ${String(v)}`);
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) {
      if (last instanceof Error) {
        last.message = `timed out after ${timeoutMs} ms waiting for ${label}: ${last.message}`;
        throw last;
      }
      throw new Error(`timed out waiting for ${label}`);
    }
    await sleep(20);
  }
}

export interface CreatedGame {
  ok: true;
  code: string;
  joinUrl: string;
  hostToken: string;
  roles: string[];
  scenario: string;
}

/** Short timers: a phase never ends by itself during a test unless the test waits for it. */
export const SHORT_TIMERS = {
  briefingSeconds: 1,
  negotiationSeconds: 10,
  firstNegotiationSeconds: 10,
  commitSeconds: 0,
  crisisSeconds: 10,
};

export async function createGame(
  base: string,
  body: Record<string, unknown>,
): Promise<CreatedGame> {
  const res = await fetch(`${base}/api/games`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as CreatedGame;
  if (res.status !== 201)
    throw new Error(`POST /api/games → ${res.status} ${JSON.stringify(json)}`);
  return json;
}

export interface HashSummary {
  ok: boolean;
  stateHash: string;
  actions: number;
  phase: string;
  year: number;
  deadline: number | null;
}

export async function getHash(base: string, code: string, token: string): Promise<HashSummary> {
  const res = await fetch(`${base}/api/games/${code}/hash?token=${encodeURIComponent(token)}`);
  const json = (await res.json()) as HashSummary;
  if (!res.ok) throw new Error(`GET hash → ${res.status} ${JSON.stringify(json)}`);
  return json;
}

// biome-ignore lint/suspicious/noExplicitAny: the SDK decodes the state by reflection; its type is not known here
export type AnyRoom = Room<any, any>;

/** Joins a game with an SDK client; automatic reconnection works at once (no minimum uptime). */
export async function join(
  base: string,
  code: string,
  options: Record<string, unknown>,
): Promise<{ client: Client; room: AnyRoom }> {
  const client = new Client(base);
  const room = await client.joinById(code, options);
  // every client hears events; tests that read them add a handler of their own
  room.onMessage("events", () => {});
  room.onMessage("jobs", () => {});
  room.reconnection.minUptime = 0;
  room.reconnection.minDelay = 50;
  room.reconnection.delay = 50;
  return { client, room };
}

/** Sends a request and returns the server's reply. */
/** Long timers: no phase ends by itself while a test runs. */
export const LONG_TIMERS = {
  briefingSeconds: 600,
  negotiationSeconds: 600,
  firstNegotiationSeconds: 600,
  commitSeconds: 0,
};

/**
 * A two-year crew-dragon-2020 table with long timers, Ann at the US, Boris at Russia and Hazza
 * at the UAE, and the host connected (SpaceX is its bot); not started.
 */
export async function seatedTable(
  base: string,
  seed: string,
): Promise<{ code: string; hostToken: string; rooms: Record<string, AnyRoom> }> {
  const { code, hostToken } = await createGame(base, {
    scenario: "crew-dragon-2020",
    seed,
    years: 2,
    timers: LONG_TIMERS,
  });
  const rooms: Record<string, AnyRoom> = {
    us: (await join(base, code, { seat: "us", name: "Ann" })).room,
    russia: (await join(base, code, { seat: "russia", name: "Boris" })).room,
    uae: (await join(base, code, { seat: "uae", name: "Hazza" })).room,
    host: (await join(base, code, { hostToken })).room,
  };
  return { code, hostToken, rooms };
}

/** The host starts a seatedTable's game and its three players are ready: negotiation begins. */
export async function toNegotiation(
  srv: TestServer,
  code: string,
  rooms: Record<string, AnyRoom>,
): Promise<void> {
  expect(await ask(rooms.host as AnyRoom, "start")).toEqual({ ok: true });
  for (const seat of ["us", "russia", "uae"])
    expect(await ask(rooms[seat] as AnyRoom, "ready", { ready: true })).toEqual({ ok: true });
  await waitFor(() => srv.room(code)?.engineState.phase === "negotiation", 3_000, "negotiation");
}

export function ask(room: AnyRoom, type: string, payload: unknown = {}): Promise<Reply> {
  return room.request(type, payload, { timeout: 5_000 }) as Promise<Reply>;
}

export function whoami(room: AnyRoom): Promise<Identity> {
  return room.request("whoami", {}, { timeout: 5_000 }) as Promise<Identity>;
}

/** The slices a client holds, as [key, json] pairs. */
export function slicesOf(room: AnyRoom): [string, string][] {
  return syncedSlices(room.state as SyncedSlices | undefined);
}

/** The player view a client has assembled from its slices. */
export function viewOf(room: AnyRoom): PlayerView {
  return assembleView(slicesOf(room));
}

/** Everything the client decoded, as one string (to search for secrets). */
export function decodedText(room: AnyRoom): string {
  return JSON.stringify({ code: room.state?.code, slices: slicesOf(room) });
}

/** Leaves every room (ignoring errors) — for afterAll. */
export async function leaveAll(rooms: (AnyRoom | undefined)[]): Promise<void> {
  await Promise.all(
    rooms.map(async (r) => {
      if (!r) return;
      try {
        r.reconnection.enabled = false;
        await Promise.race([r.leave(true), sleep(1_000)]);
      } catch {
        // already gone
      }
    }),
  );
}
