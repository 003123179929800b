/**
 * A real server process is killed (SIGKILL) in the middle of a game and
 * started again on the same DATA_DIR: the game comes back identical, its
 * players rejoin with their seat tokens, its timer still fires, and its
 * export replays.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { stateHash } from "../../server/store/hash.ts";
import { replay } from "../../shared/rules/replay.ts";
import type { SeatSetup } from "../../shared/rules/setup.ts";
import type { Action } from "../../shared/rules/types.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import {
  type AnyRoom,
  ask,
  createGame,
  freePort,
  getHash,
  type HashSummary,
  join,
  leaveAll,
  tempDataDir,
  viewOf,
  waitFor,
  whoami,
} from "./helpers.ts";

const root = path.resolve(import.meta.dirname, "../..");
const dataDir = tempDataDir("restart");
// long enough that a server restart on a loaded machine lands before the deadline it restores
const NEGOTIATION_SECONDS = 20;

let port = 0;
let base = "";
let output = "";
const children: ChildProcess[] = [];
const rooms: AnyRoom[] = [];

/** Starts `node server/index.ts` (Node 22 via process.execPath) and waits for /api/health. */
async function startServer(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["server/index.ts"], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, RECONNECT_SECONDS: "30" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  await waitFor(
    async () => {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`server exited early (${child.exitCode ?? child.signalCode}):\n${output}`);
      const res = await fetch(`${base}/api/health`);
      return res.ok;
    },
    15_000,
    "the server to listen",
  ).catch((err: Error) => {
    err.message += `\n--- server output ---\n${output}`;
    throw err;
  });
  return child;
}

async function kill(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  process.kill(child.pid as number, signal);
  await exited;
}

beforeAll(async () => {
  vi.spyOn(console, "info").mockImplementation(() => {});
  expect(Number(process.versions.node.split(".")[0])).toBeGreaterThanOrEqual(22);
  port = await freePort();
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await leaveAll(rooms);
  for (const child of children) {
    const killer = setTimeout(() => {
      if (child.exitCode === null && child.signalCode === null)
        process.kill(child.pid as number, "SIGKILL");
    }, 5_000);
    await kill(child, "SIGTERM");
    clearTimeout(killer);
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("a server restart", () => {
  it("restores the game, its seats, its timer and its export", { timeout: 40_000 }, async () => {
    const first = await startServer();
    const created = await createGame(base, {
      scenario: "crew-dragon-2020",
      seed: "restart-seed",
      years: 2,
      timers: {
        briefingSeconds: 600,
        negotiationSeconds: NEGOTIATION_SECONDS,
        firstNegotiationSeconds: NEGOTIATION_SECONDS,
        commitSeconds: 0,
      },
    });
    const { code, hostToken } = created;

    const us = (await join(base, code, { seat: "us", name: "Ann" })).room;
    const host = (await join(base, code, { hostToken })).room;
    rooms.push(us, host);
    const me = await whoami(us);
    expect(await ask(host, "start")).toEqual({ ok: true });
    // the only human is ready: the briefing ends at once
    expect(await ask(us, "ready", { ready: true })).toEqual({ ok: true });
    await waitFor(
      async () => (await getHash(base, code, hostToken)).phase === "negotiation",
      3_000,
      "negotiation",
    );
    expect(await ask(us, "orders", { sanctions: 1, subsidyPool: 30 })).toEqual({ ok: true });
    expect(await ask(us, "chat", { to: ["russia"], text: "shall we talk seats?" })).toEqual({
      ok: true,
    });
    expect(await ask(us, "statement", { text: "the US supports the ISS" })).toEqual({ ok: true });
    const privateBefore = await waitFor(
      () => viewOf(us).private.us?.orders.subsidyPool === 30 && viewOf(us).private.us,
      3_000,
      "orders reach the client",
    );

    const before: HashSummary = await getHash(base, code, hostToken);
    expect(before).toMatchObject({ ok: true, phase: "negotiation", year: 2020 });
    expect(before.actions).toBeGreaterThan(4);
    expect(before.deadline).toBeGreaterThan(Date.now());

    // the process dies without any chance to clean up
    for (const r of rooms) r.reconnection.enabled = false;
    await kill(first, "SIGKILL");
    expect(first.signalCode).toBe("SIGKILL");
    await leaveAll(rooms.splice(0));

    await startServer();
    const after = await getHash(base, code, hostToken);
    expect(after.stateHash).toBe(before.stateHash);
    expect(after.actions).toBe(before.actions);
    expect(after.phase).toBe("negotiation");
    expect(after.deadline).toBe(before.deadline);
    expect(output).toContain(`restored 1 game(s): ${code}`);

    // the player comes back with its seat token
    const back = (await join(base, code, { token: me.token })).room;
    rooms.push(back);
    expect(await whoami(back)).toMatchObject({ memberId: me.memberId, seat: "us", name: "Ann" });
    await waitFor(
      () => viewOf(back).phase === "negotiation" && viewOf(back).private.us,
      3_000,
      "the view",
    );
    expect(viewOf(back).private.us).toStrictEqual(privateBefore);
    expect(viewOf(back).chat.map((m) => m.text)).toEqual(
      expect.arrayContaining(["shall we talk seats?", "the US supports the ISS"]),
    );
    expect((await getHash(base, code, hostToken)).stateHash).toBe(before.stateHash);

    // a running game's export needs the host token
    expect((await fetch(`${base}/api/games/${code}/export.json`)).status).toBe(403);
    expect((await fetch(`${base}/api/games/${code}/export.csv`)).status).toBe(403);

    // the deadline set before the crash still ends the negotiation
    const deadline = before.deadline as number;
    await waitFor(
      async () => (await getHash(base, code, hostToken)).phase !== "negotiation",
      deadline - Date.now() + 4_000,
      "the negotiation deadline after the restart",
    );
    // the room clock may fire a few ms early; the action itself is stamped at the deadline
    expect(Date.now()).toBeGreaterThanOrEqual(deadline - 250);
    // if T reached the scenario's crisis threshold, the crisis waits for the US: answer it
    if ((await getHash(base, code, hostToken)).phase === "crisis")
      expect(await ask(back, "crisisChoice", { choice: "deescalate" })).toEqual({ ok: true });
    await waitFor(
      async () => (await getHash(base, code, hostToken)).year === 2021,
      3_000,
      "the year after the negotiation",
    );
    const resolved = await getHash(base, code, hostToken);
    expect(resolved.phase).toBe("briefing");

    // export.json replays to the live state
    const res = await fetch(`${base}/api/games/${code}/export.json?token=${hostToken}`);
    expect(res.status).toBe(200);
    const exported = (await res.json()) as {
      format: string;
      gameId: string;
      scenario: Scenario;
      seed: string;
      seats: SeatSetup[];
      options: Record<string, unknown>;
      actions: Action[];
      years: { year: number; tension: number; scores: Record<string, number> }[];
    };
    expect(exported.format).toBe("orbital-ties-export/1");
    expect(exported.gameId).toBe(code);
    expect(exported.actions.length).toBe(resolved.actions);
    const { bots: _bots, ...options } = exported.options;
    const replayed = replay(
      exported.scenario,
      exported.seed,
      exported.seats,
      options,
      exported.actions,
    );
    expect(stateHash(replayed)).toBe(resolved.stateHash);
    expect(exported.years).toHaveLength(1);
    expect(exported.years[0]?.year).toBe(2020);
    expect(exported.years[0]?.tension).toBe(replayed.reports[0]?.tension);
    expect(exported.years[0]?.scores).toEqual(replayed.reports[0]?.scores);

    const csv = await fetch(`${base}/api/games/${code}/export.csv`, {
      headers: { authorization: `Bearer ${hostToken}` },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    const lines = (await csv.text()).trim().split("\n");
    expect(lines[0]).toBe("year,tension,cooperation,score_us,score_russia,score_spacex,score_uae");
    expect(lines).toHaveLength(2);
    expect(lines[1]?.startsWith("2020,")).toBe(true);
  });
});
