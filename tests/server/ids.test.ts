/**
 * Over real sockets: ids reveal nothing. Two tables differ only in private chat
 * between Ann (US) and Boris (Russia); Hazza (UAE) and a spectator receive the
 * same chat, with the same ids and the same slice keys, at both.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatMessage } from "../../shared/rules/types.ts";
import {
  type AnyRoom,
  ask,
  bootServer,
  join,
  leaveAll,
  seatedTable,
  slicesOf,
  type TestServer,
  viewOf,
  waitFor,
} from "./helpers.ts";

let srv: TestServer;
const tables: Record<string, AnyRoom>[] = [];

beforeAll(async () => {
  srv = await bootServer("ids");
  for (const seed of ["ids-seed", "ids-seed"]) {
    const t = await seatedTable(srv.base, seed);
    t.rooms.spectator = (await join(srv.base, t.code, { spectator: true })).room;
    tables.push(t.rooms);
  }
}, 30_000);

afterAll(async () => {
  await leaveAll(tables.flatMap((t) => Object.values(t)));
  await srv?.stop();
});

/** A chat list without its times and member ids (two tables share neither). */
const untimed = (chat: ChatMessage[]) => chat.map(({ at: _at, member: _m, ...m }) => m);
const chatKeys = (room: AnyRoom) =>
  slicesOf(room)
    .map(([k]) => k)
    .filter((k) => k.startsWith("chat/"))
    .sort();

describe("ids over sockets", () => {
  it("private chat between others changes nothing a third seat or a spectator receives", async () => {
    const [busy, quiet] = tables as [Record<string, AnyRoom>, Record<string, AnyRoom>];
    for (let i = 0; i < 3; i++) {
      expect(await ask(busy.us as AnyRoom, "chat", { to: ["russia"], text: `s${i}` })).toEqual({
        ok: true,
      });
      expect(await ask(busy.russia as AnyRoom, "chat", { to: ["us"], text: `r${i}` })).toEqual({
        ok: true,
      });
    }
    for (const t of [busy, quiet]) {
      expect(await ask(t.uae as AnyRoom, "chat", { to: ["us"], text: "hi US" })).toEqual({
        ok: true,
      });
      expect(await ask(t.uae as AnyRoom, "statement", { text: "hi all" })).toEqual({ ok: true });
    }
    for (const t of [busy, quiet])
      await waitFor(() => viewOf(t.spectator as AnyRoom).chat.length === 1, 3_000, "statement");
    await waitFor(() => viewOf(busy.us as AnyRoom).chat.length === 8, 3_000, "Ann's chat");
    for (const who of ["uae", "spectator"]) {
      const a = busy[who] as AnyRoom;
      const b = quiet[who] as AnyRoom;
      expect(untimed(viewOf(a).chat), who).toEqual(untimed(viewOf(b).chat));
      expect(chatKeys(a), who).toEqual(chatKeys(b));
    }
    // Hazza's own messages: the first of their channel, in both tables
    expect(viewOf(busy.uae as AnyRoom).chat.map((m) => m.id)).toEqual([1, 1]);
  });
});
