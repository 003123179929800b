/**
 * Typed rejections reach the sender and change nothing; hostile input
 * (oversized frames, unknown types) costs only the sender, never the room.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AnyRoom,
  ask,
  bootServer,
  getHash,
  join,
  leaveAll,
  seatedTable,
  type TestServer,
  viewOf,
  waitFor,
} from "./helpers.ts";
import { onlyPrinting } from "./printed.ts";

let srv: TestServer;
let base = "";
const getRoom = () => srv.room(code);
let code = "";
let hostToken = "";
const rooms: Record<string, AnyRoom> = {};

beforeAll(async () => {
  srv = await bootServer("rejections");
  base = srv.base;

  // long timers: no phase ends by itself during these tests
  const table = await seatedTable(base, "rejections-seed");
  code = table.code;
  hostToken = table.hostToken;
  Object.assign(rooms, table.rooms);
  rooms.spectator = (await join(base, code, { spectator: true, name: "Pat" })).room;
});

afterAll(async () => {
  await leaveAll(Object.values(rooms));
  await srv?.stop();
});

/** Sends a request that must be refused with `code`, and checks the game did not change. */
async function expectRejected(
  room: AnyRoom,
  type: string,
  payload: unknown,
  errorCode: string,
): Promise<string> {
  const before = await getHash(base, code, hostToken);
  const reply = await ask(room, type, payload);
  expect(reply).toMatchObject({ ok: false, code: errorCode });
  const detail = (reply as { detail: string }).detail;
  expect(typeof detail).toBe("string");
  const after = await getHash(base, code, hostToken);
  expect(after.stateHash).toBe(before.stateHash);
  expect(after.actions).toBe(before.actions);
  return detail;
}

async function toNegotiation() {
  for (const seat of ["us", "russia", "uae"])
    expect(await ask(rooms[seat] as AnyRoom, "ready", { ready: true })).toEqual({ ok: true });
  await waitFor(() => getRoom()?.engineState.phase === "negotiation", 3_000, "negotiation");
}

describe("typed rejections", () => {
  it("orders in the lobby: ERR_WRONG_PHASE", async () => {
    expect(getRoom()?.engineState.phase).toBe("lobby");
    await expectRejected(rooms.us as AnyRoom, "orders", { sanctions: 1 }, "ERR_WRONG_PHASE");
  });

  it("a player sending `start` or `pause`: ERR_NOT_ALLOWED", async () => {
    await expectRejected(rooms.us as AnyRoom, "start", {}, "ERR_NOT_ALLOWED");
    expect(await ask(rooms.host as AnyRoom, "start")).toEqual({ ok: true });
    await waitFor(() => getRoom()?.engineState.phase === "briefing", 3_000, "briefing");
    await expectRejected(rooms.russia as AnyRoom, "pause", {}, "ERR_NOT_ALLOWED");
    await expectRejected(rooms.spectator as AnyRoom, "pause", {}, "ERR_NOT_ALLOWED");
    expect(getRoom()?.engineState.paused).toBe(false);
    await toNegotiation();
  });

  it("overspending: ERR_INSUFFICIENT_FUNDS", async () => {
    // uae has 200; 250 is within the order's range but beyond its cash
    await expectRejected(
      rooms.uae as AnyRoom,
      "orders",
      { programmeInvestment: 250 },
      "ERR_INSUFFICIENT_FUNDS",
    );
    expect(viewOf(rooms.uae as AnyRoom).private.uae?.orders.programmeInvestment).toBe(0);
  });

  it("a malformed payload: ERR_MALFORMED naming the field", async () => {
    const detail = await expectRejected(
      rooms.us as AnyRoom,
      "orders",
      { sanctions: "lots" },
      "ERR_MALFORMED",
    );
    expect(detail).toContain("sanctions");
    const extra = await expectRejected(
      rooms.us as AnyRoom,
      "chat",
      { to: ["uae"], text: "hi", seat: "russia" },
      "ERR_MALFORMED",
    );
    expect(extra).toContain("seat");
  });

  it("a spectator (or the host without a seat) sending orders: ERR_NOT_ALLOWED", async () => {
    await expectRejected(rooms.spectator as AnyRoom, "orders", { sanctions: 1 }, "ERR_NOT_ALLOWED");
    await expectRejected(rooms.host as AnyRoom, "orders", { sanctions: 1 }, "ERR_NOT_ALLOWED");
  });

  it("accepting a withdrawn proposal: ERR_PROPOSAL_CLOSED", async () => {
    expect(
      await ask(rooms.russia as AnyRoom, "propose", {
        parties: ["russia", "us"],
        terms: [{ kind: "seatSale", provider: "russia", buyer: "us", seats: 1, price: 90 }],
        years: 1,
      }),
    ).toEqual({ ok: true });
    const id = Object.values(getRoom()?.engineState.proposals ?? {}).find(
      (p) => p.status === "open" && p.from === "russia",
    )?.id as string;
    expect(id).toMatch(/^p[0-9a-z]+\.\d+$/);
    expect(await ask(rooms.russia as AnyRoom, "withdraw", { proposal: id })).toEqual({ ok: true });
    await expectRejected(rooms.us as AnyRoom, "accept", { proposal: id }, "ERR_PROPOSAL_CLOSED");
    await expectRejected(
      rooms.us as AnyRoom,
      "accept",
      { proposal: "nope" },
      "ERR_UNKNOWN_PROPOSAL",
    );
  });

  it("an unknown message type: ERR_MALFORMED, and the sender stays connected", async () => {
    const us = rooms.us as AnyRoom;
    const before = await getHash(base, code, hostToken);
    // a fire-and-forget message of an unknown type is answered with a typed rejection
    const rejected = new Promise<unknown>((resolve) => {
      const off = us.onMessage("rejected", (payload: unknown) => {
        off();
        resolve(payload);
      });
    });
    us.send("teleport", { to: "moon" });
    expect(await rejected).toMatchObject({ ok: false, code: "ERR_MALFORMED" });
    // a request of an unknown type is refused by Colyseus itself (no handler to answer it)
    await expect(us.request("teleport", {}, { timeout: 3_000 })).rejects.toThrow(/teleport/);
    expect(us.connection.isOpen).toBe(true);
    expect(await ask(us, "statement", { text: "still here" })).toEqual({ ok: true });
    const after = await getHash(base, code, hostToken);
    expect(after.actions).toBe(before.actions + 1);
  });

  it("a message larger than 64 KB disconnects its sender; the room and the others go on", async () => {
    const hostile = (await join(base, code, { spectator: true, name: "Mallory" })).room;
    hostile.reconnection.enabled = false;
    const before = await getHash(base, code, hostToken);
    const left = new Promise<number>((resolve) => hostile.onLeave((c: number) => resolve(c)));
    // the server's transport logs the oversized frame with a stack: expected, so asserted here
    const closeCode = await onlyPrinting(/Max payload size exceeded/, async () => {
      hostile.send("statement", { text: "x".repeat(70 * 1024) });
      return await left;
    });
    expect(closeCode).toBe(1009); // "message too big"
    expect(hostile.connection.isOpen).toBe(false);
    expect((await getHash(base, code, hostToken)).stateHash).toBe(before.stateHash);
    // the others keep playing
    expect(await ask(rooms.us as AnyRoom, "orders", { sanctions: 2 })).toEqual({ ok: true });
    await waitFor(
      () => viewOf(rooms.us as AnyRoom).private.us?.orders.sanctions === 2,
      3_000,
      "orders reach the us",
    );
    expect(await ask(rooms.russia as AnyRoom, "statement", { text: "after the storm" })).toEqual({
      ok: true,
    });
    await waitFor(
      () => viewOf(rooms.spectator as AnyRoom).chat.some((m) => m.text === "after the storm"),
      3_000,
      "the statement reaches the spectator",
    );
  });

  it("the room still runs after all of that", async () => {
    const room = getRoom();
    expect(room).toBeDefined();
    expect(room?.engineState.phase).toBe("negotiation");
    const res = await fetch(`${base}/api/games/${code}`);
    expect(res.status).toBe(200);
    // the phase still ends when everyone is ready
    for (const seat of ["us", "russia", "uae"])
      expect(await ask(rooms[seat] as AnyRoom, "ready", { ready: true })).toEqual({ ok: true });
    await waitFor(
      () =>
        (getRoom()?.engineState.reports.length ?? 0) >= 1 ||
        getRoom()?.engineState.phase === "crisis",
      3_000,
      "year 1 resolved",
    );
  });
});
