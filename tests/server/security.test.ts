/**
 * What an outside client found, over real sockets: tables reachable without
 * their code, reservations that lock a table, and a flooder that slows
 * everyone down. Each test fails on the code before the fix.
 */
import { Client } from "@colyseus/sdk";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { GameRoom } from "../../server/rooms/GameRoom.ts";
import {
  type AnyRoom,
  ask,
  bootServer,
  createGame,
  join,
  LONG_TIMERS,
  leaveAll,
  sleep,
  type TestServer,
  viewOf,
  waitFor,
  whoami,
} from "./helpers.ts";

let srv: TestServer;
const open: AnyRoom[] = [];

beforeAll(async () => {
  vi.spyOn(console, "info").mockImplementation(() => {});
  vi.spyOn(console, "log").mockImplementation(() => {});
  vi.spyOn(console, "error").mockImplementation(() => {});
  srv = await bootServer("security");
});

afterAll(async () => {
  await leaveAll(open);
  await srv?.stop();
});

const newTable = (seed: string) =>
  createGame(srv.base, { scenario: "crew-dragon-2020", seed, years: 2, timers: LONG_TIMERS });

/** The error a matchmaking call fails with, or null when it succeeded (its room is kept to close later). */
async function failure(call: () => Promise<AnyRoom>): Promise<string | null> {
  try {
    open.push(await call());
    return null;
  } catch (err) {
    return String((err as Error).message ?? err);
  }
}

describe("tables are private", () => {
  it("join, joinOrCreate and create neither seat a stranger nor reveal a code nor open a room", async () => {
    const { code } = await newTable("private-seed");
    const stranger = new Client(srv.base);
    const errors = [
      await failure(() => stranger.join("game", { seat: "us", name: "Mallory" })),
      await failure(() => stranger.joinOrCreate("game", { seat: "us", name: "Mallory" })),
      await failure(() => stranger.create("game", { seat: "us", name: "Mallory" })),
      // not even with the code: a second room for a stored game would fight the first
      await failure(() => stranger.create("game", { gameId: code })),
    ];
    for (const e of errors) {
      expect(e).not.toBeNull();
      expect(e).not.toContain(code);
    }
    const room = srv.room(code) as GameRoom;
    expect(room.engineState.seats.us?.members).toEqual({});
    // the only room open is the table's own
    expect((await srv.matchMaker.query({})).map((r) => r.roomId)).toEqual([code]);
    // the code still works
    const byCode = await join(srv.base, code, { seat: "us", name: "Ann" });
    open.push(byCode.room);
    expect((await whoami(byCode.room)).seat).toBe("us");
  });
});

describe("seat reservations", () => {
  it("80 reservations nobody uses lock out neither token holders nor, for long, new people", async () => {
    const { code, hostToken } = await newTable("reservation-seed");
    const ann = await join(srv.base, code, { seat: "us", name: "Ann" });
    const { token } = await whoami(ann.room);
    ann.room.reconnection.enabled = false;
    await ann.room.leave(true);
    const hazza = await join(srv.base, code, { seat: "uae", name: "Hazza" });
    const { token: hazzaToken } = await whoami(hazza.room);
    open.push(hazza.room);
    const started = Date.now();
    const reserve = (body: object) =>
      fetch(`${srv.base}/matchmake/joinById/${code}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      }).then((r) => r.status);
    // 80 anonymous reservations with no WebSocket, as fast as they go, and 80 more with a
    // seated player's token (a player's own client gone wrong, or someone who holds a token)
    const answers = await Promise.all(Array.from({ length: 80 }, () => reserve({})));
    expect(answers).toContain(200); // some are served: the limit is not per address
    expect(answers).toContain(503); // the rest are turned away before they hold a place
    await Promise.all(Array.from({ length: 80 }, () => reserve({ token: hazzaToken })));
    // the host and Ann (by her seat token) get back in at once
    const host = await join(srv.base, code, { hostToken });
    open.push(host.room);
    expect((await whoami(host.room)).staff).toBe(true);
    const back = await join(srv.base, code, { token });
    open.push(back.room);
    expect((await whoami(back.room)).seat).toBe("us");
    // a new person gets in within seconds (the unused reservations expire), retrying as a client would
    const boris = await waitFor(
      async () => (await join(srv.base, code, { seat: "russia", name: "Boris" })).room,
      9_000,
      "a new person's join",
    );
    open.push(boris);
    expect((await whoami(boris)).seat).toBe("russia");
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 20_000);
});

describe("the flood limit", () => {
  it("closes a flooding client at once, with a close code, and keeps answering the others", async () => {
    const { code, hostToken } = await newTable("flood-seed");
    const host = (await join(srv.base, code, { hostToken })).room;
    open.push(host);
    const seat = async (role: string, name: string) => {
      const r = (await join(srv.base, code, { seat: role, name })).room;
      open.push(r);
      return r;
    };
    const flooder = await seat("us", "Flo");
    const others = [await seat("russia", "Boris"), await seat("uae", "Hazza")];
    expect(await ask(host, "start")).toEqual({ ok: true });
    await waitFor(() => viewOf(flooder).phase !== "lobby", 3_000, "started");
    const floodMember = (await whoami(flooder)).memberId;
    let closedWith: number | null = null;
    flooder.onLeave((c: number) => {
      closedWith = c;
    });
    flooder.reconnection.enabled = false;
    const sentAt = Date.now();
    for (let i = 0; i < 1000; i++) flooder.send("chat", { to: ["russia"], text: `flood ${i}` });
    // meanwhile the others keep asking
    const replies = await Promise.all(
      others.flatMap((r) => Array.from({ length: 5 }, () => whoami(r).then((w) => w.seat))),
    );
    expect(replies.sort()).toEqual([...Array(5).fill("russia"), ...Array(5).fill("uae")]);
    await waitFor(() => closedWith !== null, 3_000, "the flooder's close");
    expect(closedWith).toBe(4002);
    expect(Date.now() - sentAt).toBeLessThan(3_000);
    await sleep(200);
    const room = srv.room(code) as GameRoom;
    const handled = room.engineState.chat.filter((m) => m.text.startsWith("flood ")).length;
    expect(handled).toBeGreaterThan(0);
    expect(handled).toBeLessThanOrEqual(40);
    // the flooder's member is gone from the seat (its bot plays it), the others are served still
    expect(room.engineState.seats.us?.members[floodMember]).toBeUndefined();
    for (const r of others)
      expect(await ask(r, "chat", { to: ["spacex"], text: "still here" })).toEqual({ ok: true });
  }, 20_000);
});
