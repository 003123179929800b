/**
 * Over real sockets: every client hears the engine's events as its viewer may
 * know them, after the patch that shows their effect (docs/PROTOCOL.md §11).
 * Ann (US) offers Boris (Russia) a seat and writes to him privately; Hazza
 * (UAE) and a spectator must hear nothing of either; the host hears of the
 * proposal but not the private chat (the table's default facilitatorReadsChat).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GameEvent } from "../../shared/protocol/events.ts";
import type { PlayerView } from "../../shared/rules/view.ts";
import {
  type AnyRoom,
  ask,
  bootServer,
  join,
  leaveAll,
  seatedTable,
  type TestServer,
  viewOf,
  waitFor,
} from "./helpers.ts";

let srv: TestServer;
const rooms: Record<string, AnyRoom> = {};
/** Each client's events, with the view it had assembled when they arrived. */
const heard: Record<string, { event: GameEvent; view: PlayerView }[]> = {};

beforeAll(async () => {
  srv = await bootServer("events");
  const table = await seatedTable(srv.base, "events-seed");
  Object.assign(rooms, table.rooms);
  rooms.spectator = (await join(srv.base, table.code, { spectator: true, name: "Eve" })).room;
  for (const [name, room] of Object.entries(rooms)) {
    heard[name] = [];
    room.onMessage("events", (events: GameEvent[]) => {
      const view = viewOf(room);
      for (const event of events) heard[name]?.push({ event, view });
    });
  }
});

afterAll(async () => {
  await leaveAll(Object.values(rooms));
  await srv?.stop();
});

const typesHeard = (name: string) => (heard[name] ?? []).map((h) => h.event.type);
const mentions = (name: string, what: string) =>
  (heard[name] ?? []).some((h) => JSON.stringify(h.event).includes(what));

describe("events over sockets", () => {
  it("tell everyone the phase changed, after the patch that shows it", async () => {
    expect(await ask(rooms.host as AnyRoom, "start")).toEqual({ ok: true });
    for (const seat of ["us", "russia", "uae"])
      expect(await ask(rooms[seat] as AnyRoom, "ready", { ready: true })).toEqual({ ok: true });
    for (const name of Object.keys(rooms)) {
      const got = await waitFor(
        () =>
          heard[name]?.find(
            (h) => h.event.type === "phaseChanged" && h.event.phase === "negotiation",
          ),
        5_000,
        `${name} hears negotiation begin`,
      );
      expect(got.view.phase).toBe("negotiation");
    }
  });

  it("tell a proposal's parties and the host of it, and nobody else", async () => {
    expect(
      await ask(rooms.us as AnyRoom, "propose", {
        parties: ["us", "russia"],
        terms: [{ kind: "seatSale", provider: "russia", buyer: "us", seats: 1, price: 85 }],
        years: 1,
        note: "one seat",
      }),
    ).toEqual({ ok: true });
    for (const name of ["us", "russia", "host"]) {
      // (SpaceX's bot may offer the US seats too: find Ann's proposal among what was heard)
      const got = await waitFor(
        () =>
          heard[name]?.find(
            (h) =>
              h.event.type === "proposalReceived" &&
              h.event.from === "us" &&
              // the view already holds what the event names
              h.view.proposals[h.event.proposal]?.note === "one seat",
          ),
        3_000,
        `${name} hears the proposal, with the proposal in its view`,
      );
      expect(got.event).toMatchObject({ parties: ["us", "russia"], replaces: null });
    }
    expect(await ask(rooms.us as AnyRoom, "chat", { to: ["russia"], text: "call me" })).toEqual({
      ok: true,
    });
    await waitFor(() => typesHeard("russia").includes("chat"), 3_000, "Boris hears the chat");
    // a public statement reaches everyone: once the UAE and the spectator hear it, they have
    // heard everything sent before it, so what they did not hear, they never will
    expect(await ask(rooms.russia as AnyRoom, "statement", { text: "space is for all" })).toEqual({
      ok: true,
    });
    // the table does not let the facilitator read private chat (the default): the host hears
    // the statement only
    for (const name of ["uae", "spectator", "host"]) {
      await waitFor(() => typesHeard(name).includes("chat"), 3_000, `${name} hears the statement`);
      // (the bots' offers to the UAE are its own business: only proposals it is party to)
      if (name !== "host")
        for (const h of heard[name] ?? [])
          if (h.event.type.startsWith("proposal"))
            expect((h.event as { parties: string[] }).parties).toContain(name);
      const chats = (heard[name] ?? []).filter((h) => h.event.type === "chat");
      expect(chats.map((h) => (h.event as { channel: string[] }).channel)).toEqual([["*"]]);
    }
    expect(mentions("uae", '"us","russia"')).toBe(false);
  });

  it("tell only the seat (and the host) that its orders changed", async () => {
    expect(await ask(rooms.us as AnyRoom, "orders", { sanctions: 1 })).toEqual({ ok: true });
    await waitFor(() => typesHeard("us").includes("ordersChanged"), 3_000, "Ann hears");
    await waitFor(() => typesHeard("host").includes("ordersChanged"), 3_000, "the host hears");
    expect(await ask(rooms.uae as AnyRoom, "statement", { text: "noted" })).toEqual({ ok: true });
    for (const name of ["russia", "uae", "spectator"]) {
      await waitFor(
        () => (heard[name] ?? []).filter((h) => h.event.type === "chat").length >= 2,
        3_000,
        `${name} hears the second statement`,
      );
      expect(typesHeard(name)).not.toContain("ordersChanged");
    }
  });
});
