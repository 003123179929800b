/**
 * The one bot loop, over real sockets: a table with no people plays exactly the
 * game the lab's runner plays for the same scenario, seed and seats, and a bot
 * that takes over a seat leaves alone the proposals that were waiting for its
 * people.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { GameRoom } from "../../server/rooms/GameRoom.ts";
import { playGame } from "../../shared/bots/play.ts";
import { randomLegalBot } from "../../shared/bots/randomLegal.ts";
import type { Action } from "../../shared/rules/types.ts";
import { requireScenario } from "../../shared/scenario/load.ts";
import {
  type AnyRoom,
  ask,
  bootServer,
  createGame,
  join,
  leaveAll,
  seatedTable,
  type TestServer,
  viewOf,
  waitFor,
} from "./helpers.ts";

let srv: TestServer;
const open: AnyRoom[] = [];

beforeAll(async () => {
  vi.spyOn(console, "info").mockImplementation(() => {});
  vi.spyOn(console, "log").mockImplementation(() => {});
  srv = await bootServer("bots");
});

afterAll(async () => {
  await leaveAll(open);
  await srv?.stop();
});

/**
 * An action as both runners log it, without its time: the server stamps its bots'
 * actions with the wall clock and the lab with a synthetic clock (one second per
 * action), so times differ while the game does not.
 */
const untimed = (a: Action) => {
  const { at: _at, ...rest } = a;
  return JSON.parse(JSON.stringify(rest)) as unknown;
};

describe("a table with no people", () => {
  it("logs the same actions as playGame for the same scenario, seed and seats", async () => {
    const seed = "all-bots-7";
    // the shortest timers the lobby allows: the game runs on its own timers in about 10 s a year
    const timers = {
      briefingSeconds: 0,
      negotiationSeconds: 10,
      firstNegotiationSeconds: 10,
      commitSeconds: 0,
      crisisSeconds: 10,
    };
    const { code, hostToken } = await createGame(srv.base, {
      scenario: "crew-dragon-2020",
      seed,
      years: 1,
      timers,
      // two seats play the random bot, so seeding matters; the others play the default mix
      bots: { spacex: "random", uae: "random" },
    });
    const host = (await join(srv.base, code, { hostToken })).room;
    open.push(host);
    expect(await ask(host, "start")).toEqual({ ok: true });
    const room = () => srv.room(code) as GameRoom | undefined;
    await waitFor(() => room()?.engineState.phase === "ended", 40_000, "the bots' game to end");

    const { getStore } = await import("../../server/store/instance.ts");
    const { engineOptions } = await import("../../server/store/db.ts");
    const row = getStore().getGame(code);
    if (!row) throw new Error("no stored game");
    const served = getStore().loadActions(code);
    const scenario = requireScenario(row.scenario, "stored");
    const { bots: names, ...options } = row.options;
    const lab = playGame(scenario, row.seed, {
      seats: row.seats,
      bots: { spacex: randomLegalBot, uae: randomLegalBot },
      ...engineOptions(options),
    });
    expect(names).toEqual({ spacex: "random", uae: "random" });
    // the bots did play (orders, proposals, answers): the comparison is not of two empty games
    expect(served.filter((a) => a.actor.kind === "seat").length).toBeGreaterThan(5);
    expect(served.map(untimed)).toEqual(lab.log.map(untimed));
  }, 60_000);
});

describe("a bot that takes over a seat", () => {
  it("leaves alone the proposals that waited for its people and answers those that arrive after", async () => {
    const { rooms } = await seatedTable(srv.base, "takeover-seed");
    open.push(...Object.values(rooms));
    expect(await ask(rooms.host as AnyRoom, "start")).toEqual({ ok: true });
    for (const seat of ["us", "russia", "uae"])
      expect(await ask(rooms[seat] as AnyRoom, "ready", { ready: true })).toEqual({ ok: true });
    await waitFor(
      () => viewOf(rooms.russia as AnyRoom).phase === "negotiation",
      5_000,
      "negotiation",
    );
    const offer = (seats: number, note: string) =>
      ask(rooms.russia as AnyRoom, "propose", {
        parties: ["russia", "us"],
        terms: [{ kind: "seatSale", provider: "russia", buyer: "us", seats, price: 90 }],
        years: 1,
        note,
      });
    const proposalNamed = (note: string) =>
      Object.values(viewOf(rooms.russia as AnyRoom).proposals).find((p) => p.note === note);
    expect(await offer(1, "before")).toEqual({ ok: true });
    const before = await waitFor(() => proposalNamed("before"), 3_000, "the first proposal");

    // Ann, the US's only member, leaves for good: the US goes to its bot
    const us = rooms.us as AnyRoom;
    us.reconnection.enabled = false;
    await us.leave(true);
    const table = () => srv.room(rooms.host?.roomId ?? "") as GameRoom;
    await waitFor(() => table().engineState.seats.us?.controller === "bot", 3_000, "takeover");

    expect(await offer(2, "after")).toEqual({ ok: true });
    // the bot answers the new proposal: accepted (a deal) or rejected, either way not open
    const after = await waitFor(
      () => {
        const p = proposalNamed("after");
        return p && (p.status !== "open" || p.accepted.includes("us")) ? p : null;
      },
      3_000,
      "the bot's answer to the new proposal",
    );
    // …and the proposal that waited for Ann still waits, unanswered by the bot
    const waiting = table().engineState.proposals[before.id];
    expect(waiting?.status).toBe("open");
    expect(waiting?.accepted).not.toContain("us");
    const botAnswers = (await import("../../server/store/instance.ts"))
      .getStore()
      .loadActions(table().roomId)
      .filter((a) => a.actor.kind === "seat" && a.actor.seat === "us" && "proposal" in a)
      .map((a) => (a as { proposal: string }).proposal);
    expect(botAnswers).not.toContain(before.id);
    expect(botAnswers).toContain(after.id);
  }, 20_000);
});
