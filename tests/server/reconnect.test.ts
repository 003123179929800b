/**
 * Connections come and go; seats and private state stay. A dropped socket
 * reconnects to the same seat, a refreshed page rejoins with its seat token,
 * and a seat whose people all left is played by its bot until reclaimed.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { GameRoom } from "../../server/rooms/GameRoom.ts";
import { playerView } from "../../shared/rules/view.ts";
import {
  type AnyRoom,
  asJson,
  ask,
  bootServer,
  join,
  leaveAll,
  seatedTable,
  type TestServer,
  viewOf,
  waitFor,
  whoami,
} from "./helpers.ts";
import { onlyPrinting } from "./printed.ts";

let srv: TestServer;
let base = "";
const getRoom = () => srv.room(code) as GameRoom;
let code = "";
const rooms: Record<string, AnyRoom> = {};
const extra: AnyRoom[] = [];

async function expectSeatView(room: AnyRoom, seat: string, label: string) {
  await waitFor(
    () => {
      expect(viewOf(room)).toStrictEqual(
        asJson(playerView(getRoom().engineState, { kind: "seat", seat })),
      );
      return true;
    },
    5_000,
    label,
  );
}

beforeAll(async () => {
  // the SDK narrates every reconnection attempt on console.info
  vi.spyOn(console, "info").mockImplementation(() => {});
  srv = await bootServer("reconnect");
  base = srv.base;

  const table = await seatedTable(base, "reconnect-seed");
  code = table.code;
  Object.assign(rooms, table.rooms);
  rooms.spectator = (await join(base, code, { spectator: true })).room;
  expect(await ask(rooms.host, "start")).toEqual({ ok: true });
  for (const seat of ["us", "russia", "uae"])
    expect(await ask(rooms[seat] as AnyRoom, "ready", { ready: true })).toEqual({ ok: true });
  await waitFor(() => getRoom().engineState.phase === "negotiation", 3_000, "negotiation");
  expect(await ask(rooms.us, "orders", { sanctions: 2, subsidyPool: 40 })).toEqual({ ok: true });
  expect(await ask(rooms.russia, "orders", { listPrice: 110, diversion: 10 })).toEqual({
    ok: true,
  });
  expect(await ask(rooms.uae, "orders", { programmeInvestment: 70 })).toEqual({ ok: true });
});

afterAll(async () => {
  await leaveAll([...Object.values(rooms), ...extra]);
  await srv?.stop();
});

describe("reconnection", () => {
  it("a dropped socket (client side, code 4010) reconnects to the same seat", async () => {
    const us = rooms.us as AnyRoom;
    const before = await whoami(us);
    const sessionId = us.sessionId;
    let dropped = 0;
    let reconnected = 0;
    us.onDrop(() => dropped++);
    us.onReconnect(() => reconnected++);
    us.connection.close(4010); // MAY_TRY_RECONNECT: what the SDK does when the network goes offline
    await waitFor(() => reconnected === 1, 5_000, "reconnect");
    expect(dropped).toBe(1);
    expect(us.sessionId).toBe(sessionId);
    // the member never left the seat: no bot took over
    expect(getRoom().engineState.seats.us?.members[before.memberId]).toBeDefined();
    expect(getRoom().engineState.seats.us?.controller).toBe("human");
    expect(await whoami(us)).toMatchObject({ memberId: before.memberId, seat: "us" });
    await expectSeatView(us, "us", "us view after reconnect");
    expect(viewOf(us).private.us?.orders).toMatchObject({ sanctions: 2, subsidyPool: 40 });
    // it can act again
    expect(await ask(us, "orders", { sanctions: 1 })).toEqual({ ok: true });
    await expectSeatView(us, "us", "us view after new orders");
  });

  it("a socket that dies without a close frame (1006) reconnects too", async () => {
    const uae = rooms.uae as AnyRoom;
    const before = await whoami(uae);
    let reconnected = 0;
    uae.onReconnect(() => reconnected++);
    // kill the server end of the TCP connection: the client sees an abnormal closure
    const serverClient = getRoom().clients.find((c) => c.sessionId === uae.sessionId);
    expect(serverClient).toBeDefined();
    (serverClient as unknown as { ref: { terminate(): void } }).ref.terminate();
    await waitFor(() => reconnected === 1, 5_000, "reconnect after terminate");
    expect(await whoami(uae)).toMatchObject({ memberId: before.memberId, seat: "uae" });
    expect(getRoom().engineState.seats.uae?.controller).toBe("human");
    await expectSeatView(uae, "uae", "uae view after reconnect");
    expect(viewOf(uae).private.uae?.orders.programmeInvestment).toBe(70);
  });

  it("refresh: a new client with the seat token gets the same member, seat and private state", async () => {
    const host = rooms.host as AnyRoom;
    // paused: the bot that holds the empty seat meanwhile cannot touch its orders
    expect(await ask(host, "pause")).toEqual({ ok: true });
    const russia = rooms.russia as AnyRoom;
    const me = await whoami(russia);
    const privateBefore = viewOf(russia).private.russia;
    expect(privateBefore?.orders.listPrice).toBe(110);
    await russia.leave(true);
    delete rooms.russia;
    const again = (await join(base, code, { token: me.token })).room;
    rooms.russia = again;
    const me2 = await whoami(again);
    expect(me2).toMatchObject({ memberId: me.memberId, seat: "russia", name: "Boris" });
    expect(me2.token).toBe(me.token);
    await expectSeatView(again, "russia", "russia view after refresh");
    expect(viewOf(again).private.russia).toStrictEqual(privateBefore);
    expect(getRoom().engineState.seats.russia?.controller).toBe("human");
    expect(await ask(host, "resume")).toEqual({ ok: true });
    expect(await ask(again, "orders", { listPrice: 120 })).toEqual({ ok: true });
    await expectSeatView(again, "russia", "russia view after new orders");
  });

  it("an emptied seat goes to its bot and is reclaimed with the token", async () => {
    const spectator = rooms.spectator as AnyRoom;
    const uae = rooms.uae as AnyRoom;
    const me = await whoami(uae);
    // a second person at the seat: the seat stays human while one is left
    const teammate = (await join(base, code, { seat: "uae", name: "Sultan" })).room;
    extra.push(teammate);
    await waitFor(
      () => Object.keys(viewOf(spectator).seats.uae?.members ?? {}).length === 2,
      3_000,
      "two members at uae",
    );
    await uae.leave(true);
    delete rooms.uae;
    await waitFor(
      () => Object.keys(viewOf(spectator).seats.uae?.members ?? {}).length === 1,
      3_000,
      "one member left",
    );
    expect(viewOf(spectator).seats.uae?.controller).toBe("human");
    await teammate.leave(true);
    await waitFor(
      () => viewOf(spectator).seats.uae?.controller === "bot",
      3_000,
      "the bot takes the seat (spectator view)",
    );
    expect(viewOf(rooms.us as AnyRoom).seats.uae?.controller).toBe("bot");
    expect(getRoom().engineState.seats.uae?.members).toEqual({});

    const back = (await join(base, code, { token: me.token })).room;
    rooms.uae = back;
    expect(await whoami(back)).toMatchObject({ memberId: me.memberId, seat: "uae" });
    await waitFor(
      () => viewOf(spectator).seats.uae?.controller === "human",
      3_000,
      "human again (spectator view)",
    );
    expect(Object.keys(viewOf(spectator).seats.uae?.members ?? {})).toEqual([me.memberId]);
    await expectSeatView(back, "uae", "uae view after reclaim");
  });

  it("a wrong token is refused", async () => {
    // the server logs the refusal and the SDK warns of the closed connection: both expected
    await onlyPrinting(/that seat token is not valid|connection was closed unexpectedly/, () =>
      expect(join(base, code, { token: "not-a-token" })).rejects.toThrow(/token/),
    );
  });
});
