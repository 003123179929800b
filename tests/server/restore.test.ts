/**
 * A room closed by a server shutdown comes back from the store identical, keeps
 * its people seated for the reconnection window, and then hands the seats of
 * those who did not return to their bots.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { GameRoom } from "../../server/rooms/GameRoom.ts";
import {
  type AnyRoom,
  ask,
  bootServer,
  createGame,
  join,
  leaveAll,
  type TestServer,
  waitFor,
  whoami,
} from "./helpers.ts";

let srv: TestServer;
let base = "";
let code = "";
const rooms: AnyRoom[] = [];
const room = () => srv.room(code) as GameRoom;

beforeAll(async () => {
  vi.spyOn(console, "info").mockImplementation(() => {});
  vi.spyOn(console, "log").mockImplementation(() => {});
  srv = await bootServer("restore", { RECONNECT_SECONDS: "1" });
  base = srv.base;
  const created = await createGame(base, {
    scenario: "crew-dragon-2020",
    seed: "restore-seed",
    timers: { briefingSeconds: 600, negotiationSeconds: 600, firstNegotiationSeconds: 600 },
  });
  code = created.code;
  rooms.push((await join(base, code, { seat: "us", name: "Ann" })).room);
  rooms.push((await join(base, code, { hostToken: created.hostToken })).room);
  expect(await ask(rooms[1] as AnyRoom, "start")).toEqual({ ok: true });
});

afterAll(async () => {
  await leaveAll(rooms);
  await srv?.stop();
});

describe("restore after a shutdown", () => {
  it("keeps absent people seated for the window, then gives their seat to the bot", async () => {
    const me = await whoami(rooms[0] as AnyRoom);
    const before = room().stateSummary();
    expect(room().engineState.seats.us?.controller).toBe("human");
    for (const r of rooms) r.reconnection.enabled = false;
    // what a server shutdown does: every client is closed with SERVER_SHUTDOWN (4001)
    await room().disconnect(4001);
    await waitFor(() => !srv.matchMaker.getLocalRoomById(code), 3_000, "the room to close");
    await srv.matchMaker.createRoom("game", { gameId: code });
    const restored = room().stateSummary();
    expect(restored.stateHash).toBe(before.stateHash);
    expect(restored.actions).toBe(before.actions);
    expect(room().engineState.seats.us?.members[me.memberId]).toBeDefined();
    // nobody came back within RECONNECT_SECONDS: the seat is released to its bot
    await waitFor(
      () => room().engineState.seats.us?.controller === "bot",
      5_000,
      "the bot to take over",
    );
    expect(room().engineState.seats.us?.members).toEqual({});
    // the player can still reclaim the seat with the token
    const back = (await join(base, code, { token: me.token })).room;
    rooms.push(back);
    expect((await whoami(back)).memberId).toBe(me.memberId);
    expect(room().engineState.seats.us?.controller).toBe("human");
  });
});
