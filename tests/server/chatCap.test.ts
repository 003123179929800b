/**
 * Over real sockets: the chat cap is per seat. Boris sends his seat's whole share
 * (through several connections of his own, each under the rate limit); then his
 * next message gets ERR_CHAT_LIMIT and changes nothing, while Ann still chats.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIMITS } from "../../shared/rules/limits.ts";
import {
  type AnyRoom,
  ask,
  bootServer,
  getHash,
  join,
  leaveAll,
  seatedTable,
  sleep,
  type TestServer,
  viewOf,
  waitFor,
  whoami,
} from "./helpers.ts";

let srv: TestServer;
let code = "";
let hostToken = "";
const rooms: Record<string, AnyRoom> = {};
const tabs: AnyRoom[] = [];

beforeAll(async () => {
  srv = await bootServer("chat-cap");
  const table = await seatedTable(srv.base, "chat-cap-seed");
  code = table.code;
  hostToken = table.hostToken;
  Object.assign(rooms, table.rooms);
});

afterAll(async () => {
  await leaveAll([...Object.values(rooms), ...tabs]);
  await srv?.stop();
});

describe("chat cap per seat, over sockets", () => {
  it("a seat that sent its share is refused with ERR_CHAT_LIMIT; others still chat", async () => {
    const { token } = await whoami(rooms.russia as AnyRoom);
    // more tabs of the same member: each connection has its own rate allowance
    const TABS = 20;
    for (let i = 0; i < TABS; i++) tabs.push((await join(srv.base, code, { token })).room);
    const per = LIMITS.chatPerSeat / TABS;
    await Promise.all(
      tabs.map(async (tab, t) => {
        for (let i = 0; i < per; i++) {
          const reply = await ask(tab, "chat", { to: ["us"], text: `flood ${t}.${i}` });
          if (!reply.ok) throw new Error(`message ${t}.${i} refused: ${JSON.stringify(reply)}`);
          await sleep(50); // 20 a second: under the room's rate limit
        }
      }),
    );
    const before = await getHash(srv.base, code, hostToken);
    expect(await ask(rooms.russia as AnyRoom, "chat", { to: ["us"], text: "more" })).toMatchObject({
      ok: false,
      code: "ERR_CHAT_LIMIT",
    });
    expect(await ask(rooms.russia as AnyRoom, "statement", { text: "more" })).toMatchObject({
      ok: false,
      code: "ERR_CHAT_LIMIT",
    });
    const after = await getHash(srv.base, code, hostToken);
    expect(after.stateHash).toBe(before.stateHash);
    expect(after.actions).toBe(before.actions);
    // everyone else still talks
    expect(await ask(rooms.us as AnyRoom, "chat", { to: ["russia"], text: "we hear you" })).toEqual(
      { ok: true },
    );
    expect(await ask(rooms.uae as AnyRoom, "statement", { text: "hello all" })).toEqual({
      ok: true,
    });
    await waitFor(
      () => viewOf(rooms.russia as AnyRoom).chat.some((m) => m.text === "we hear you"),
      5_000,
      "Ann's message to reach Boris",
    );
  }, 60_000);
});
