/**
 * Over real sockets: ids and roles named like Object.prototype's members
 * (`__proto__`, `constructor`, …) are ordinary unknown ids. Each request gets
 * its typed code, the game's state hash does not move, the room keeps serving,
 * and a chat addressed to "constructor" is refused (never stored or exported).
 */
import { Client } from "@colyseus/sdk";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  type AnyRoom,
  ask,
  bootServer,
  getHash,
  join,
  leaveAll,
  seatedTable,
  type TestServer,
  toNegotiation,
  viewOf,
  waitFor,
} from "./helpers.ts";

const HOSTILE = ["__proto__", "constructor", "toString", "valueOf", "hasOwnProperty"] as const;

let srv: TestServer;
let code = "";
let hostToken = "";
const rooms: Record<string, AnyRoom> = {};

beforeAll(async () => {
  srv = await bootServer("hostile-keys");
  const table = await seatedTable(srv.base, "hostile-keys-seed");
  code = table.code;
  hostToken = table.hostToken;
  Object.assign(rooms, table.rooms);
  await toNegotiation(srv, code, rooms);
}, 30_000);

afterAll(async () => {
  await leaveAll(Object.values(rooms));
  await srv?.stop();
});

/** A computed key makes `key` an own property, as a hostile client sends it. */
const ownKey = (key: string, value: unknown) => ({ [key]: value });

type Case = {
  name: string;
  seat: string;
  type: string;
  payload: (k: string) => unknown;
  code: string;
};
const CASES: Case[] = [
  {
    name: "accept",
    seat: "us",
    type: "accept",
    payload: (k) => ({ proposal: k }),
    code: "ERR_UNKNOWN_PROPOSAL",
  },
  {
    name: "reject",
    seat: "us",
    type: "reject",
    payload: (k) => ({ proposal: k }),
    code: "ERR_UNKNOWN_PROPOSAL",
  },
  {
    name: "withdraw",
    seat: "us",
    type: "withdraw",
    payload: (k) => ({ proposal: k }),
    code: "ERR_UNKNOWN_PROPOSAL",
  },
  {
    name: "cancelDeal",
    seat: "us",
    type: "cancelDeal",
    payload: (k) => ({ deal: k }),
    code: "ERR_UNKNOWN_DEAL",
  },
  {
    name: "propose replaces",
    seat: "uae",
    type: "propose",
    payload: (k) => ({
      parties: ["uae", "russia"],
      terms: [{ kind: "seatSale", provider: "russia", buyer: "uae", seats: 1, price: 60 }],
      years: 1,
      replaces: k,
    }),
    code: "ERR_UNKNOWN_PROPOSAL",
  },
  {
    name: "propose parties",
    seat: "uae",
    type: "propose",
    payload: (k) => ({
      parties: ["uae", k],
      terms: [{ kind: "pledge", by: "uae", text: "we will", check: null }],
      years: 1,
    }),
    code: "ERR_UNKNOWN_SEAT",
  },
  {
    name: "chat to",
    seat: "russia",
    type: "chat",
    payload: (k) => ({ to: [k], text: "psst" }),
    code: "ERR_UNKNOWN_SEAT",
  },
  {
    name: "inject card",
    seat: "host",
    type: "inject",
    payload: (k) => ({ card: k }),
    code: "ERR_UNKNOWN_EVENT",
  },
  {
    name: "orders kind",
    seat: "russia",
    type: "orders",
    payload: (k) => ownKey(k, 1),
    code: "ERR_MALFORMED",
  },
];

describe("hostile keys over real sockets", () => {
  for (const c of CASES) {
    it(`${c.name}: every hostile key gets ${c.code} and changes nothing`, async () => {
      for (const key of HOSTILE) {
        const before = await getHash(srv.base, code, hostToken);
        const reply = await ask(rooms[c.seat] as AnyRoom, c.type, c.payload(key));
        expect(reply, `${c.name} "${key}"`).toMatchObject({ ok: false, code: c.code });
        const after = await getHash(srv.base, code, hostToken);
        expect(after.stateHash).toBe(before.stateHash);
        expect(after.actions).toBe(before.actions);
      }
    });
  }

  it("joining at a seat named like them is refused, and the table still seats people", async () => {
    // Colyseus logs every refused join with its stack: expected here, so kept off the output
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      for (const key of HOSTILE) {
        const before = await getHash(srv.base, code, hostToken);
        await expect(join(srv.base, code, { seat: key, name: "Mallory" })).rejects.toThrow(
          /no seat/,
        );
        expect((await getHash(srv.base, code, hostToken)).stateHash).toBe(before.stateHash);
      }
    } finally {
      quiet.mockRestore();
    }
    const spacex = (await join(srv.base, code, { seat: "spacex", name: "Elon" })).room;
    rooms.spacex = spacex;
    await waitFor(() => viewOf(spacex).viewer?.seat === "spacex", 3_000, "spacex view");
  });

  it("the room keeps serving, and no chat to a hostile key was stored or exported", async () => {
    expect(await ask(rooms.russia as AnyRoom, "chat", { to: ["us"], text: "still here" })).toEqual({
      ok: true,
    });
    await waitFor(
      () => viewOf(rooms.us as AnyRoom).chat.some((m) => m.text === "still here"),
      3_000,
      "the chat",
    );
    const chat = srv.room(code)?.engineState.chat ?? [];
    expect(chat.map((m) => m.text)).toEqual(["still here"]);
    const res = await fetch(`${srv.base}/api/games/${code}/export.json?token=${hostToken}`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain("psst");
    for (const key of HOSTILE) expect(text).not.toContain(`"${key}"`);
  });
});

describe("facts PROTOCOL.md states, over the same sockets", () => {
  it("`orders {}` passes the shape check and the engine answers ERR_BAD_ACTION", async () => {
    const before = await getHash(srv.base, code, hostToken);
    expect(await ask(rooms.russia as AnyRoom, "orders", {})).toMatchObject({
      ok: false,
      code: "ERR_BAD_ACTION",
    });
    expect((await getHash(srv.base, code, hostToken)).stateHash).toBe(before.stateHash);
  });

  it("the SDK retries a drop only after reconnection.minUptime, 5000 ms unless set to 0", async () => {
    const client = new Client(srv.base);
    const room = await client.joinById(code, { spectator: true });
    room.onMessage("events", () => {});
    rooms.sdkDefault = room;
    expect(room.reconnection.minUptime).toBe(5000);
  });
});
