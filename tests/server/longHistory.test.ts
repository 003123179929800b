/**
 * A long game over the real network path: hundreds of actions, most of them
 * chat (private and public) and orders, over four years. The projection works
 * by difference (server/rooms/project.ts), so this checks what a short game
 * cannot: after every year and at the end, each client's assembled view equals
 * the engine's playerView for its viewer, and the client holds exactly the
 * slices of that view — none left over, none that counts what it may not see.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GameRoom } from "../../server/rooms/GameRoom.ts";
import { slicePath, sliceView } from "../../shared/protocol/viewSlices.ts";
import { playerView, type Viewer } from "../../shared/rules/view.ts";
import {
  type AnyRoom,
  asJson,
  ask,
  bootServer,
  createGame,
  join,
  leaveAll,
  sleep,
  slicesOf,
  type TestServer,
  viewOf,
  waitFor,
} from "./helpers.ts";

let srv: TestServer;
let code = "";
const getRoom = () => srv.room(code) as GameRoom;
const rooms: Record<string, AnyRoom> = {};
const viewers: Record<string, Viewer> = {
  us: { kind: "seat", seat: "us" },
  russia: { kind: "seat", seat: "russia" },
  uae: { kind: "seat", seat: "uae" },
  host: { kind: "facilitator" },
  spectator: { kind: "spectator" },
};
const HUMANS = ["us", "russia", "uae"] as const;
const ROLES = ["us", "russia", "spacex", "uae"];

beforeAll(async () => {
  srv = await bootServer("long");
});

afterAll(async () => {
  await leaveAll(Object.values(rooms));
  await srv?.stop();
});

/** Every client holds exactly the slices of its viewer's view, and they assemble to it. */
async function expectAllViewsMatch(label: string) {
  for (const [name, room] of Object.entries(rooms)) {
    const viewer = viewers[name] as Viewer;
    await waitFor(
      () => {
        const expected = asJson(playerView(getRoom().engineState, viewer));
        expect(viewOf(room)).toStrictEqual(expected);
        const paths = slicesOf(room).map(([key]) => slicePath(key));
        expect(paths.sort()).toEqual([...sliceView(expected).keys()].sort());
        return true;
      },
      5_000,
      `${label}: view of ${name}`,
    );
  }
}

/** Ends the current phase early: every human seat is ready (or, in a crisis, the rivals choose). */
async function endPhase() {
  const s = getRoom().engineState;
  const { phase, year } = s;
  if (phase === "crisis") {
    for (const seat of ["us", "russia"])
      expect(await ask(rooms[seat] as AnyRoom, "crisisChoice", { choice: "firm" })).toEqual({
        ok: true,
      });
  } else {
    for (const seat of HUMANS)
      expect(await ask(rooms[seat] as AnyRoom, "ready", { ready: true })).toEqual({ ok: true });
  }
  await waitFor(
    () => getRoom().engineState.phase !== phase || getRoom().engineState.year !== year,
    3_000,
    `leaving ${phase} ${year}`,
  );
}

/** The humans' traffic of one phase: private chat to one or two seats, public statements, orders. */
async function talk(year: number, n: number) {
  for (let i = 0; i < n; i++) {
    // each client stays well under the flood limit (40 messages a second)
    await sleep(15);
    const seat = HUMANS[i % 3] as string;
    const room = rooms[seat] as AnyRoom;
    const others = ROLES.filter((r) => r !== seat);
    const k = (i * 7 + year) % 5;
    if (k === 0) {
      expect(await ask(room, "statement", { text: `${seat} ${year} statement ${i}` })).toEqual({
        ok: true,
      });
    } else if (k === 1 && getRoom().engineState.phase === "negotiation") {
      const orders =
        seat === "us"
          ? { subsidyPool: (i * 13) % 90 }
          : seat === "russia"
            ? { listPrice: 60 + (i % 50) }
            : { programmeInvestment: (i * 11) % 80 };
      expect(await ask(room, "orders", orders)).toEqual({ ok: true });
    } else {
      const to = [others[i % others.length] as string];
      if (k === 4) to.push(others[(i + 1) % others.length] as string);
      expect(await ask(room, "chat", { to, text: `${seat}→${to.join("+")} ${year}/${i}` })).toEqual(
        { ok: true },
      );
    }
  }
}

describe("a long game through the server", () => {
  it("keeps every client's view equal to playerView over hundreds of actions and four years", async () => {
    const created = await createGame(srv.base, {
      scenario: "crew-dragon-2020",
      seed: "long-history",
      years: 4,
      timers: {
        briefingSeconds: 600,
        negotiationSeconds: 600,
        firstNegotiationSeconds: 600,
        commitSeconds: 0,
        crisisSeconds: 600,
      },
    });
    code = created.code;
    rooms.us = (await join(srv.base, code, { seat: "us", name: "Ann" })).room;
    rooms.russia = (await join(srv.base, code, { seat: "russia", name: "Boris" })).room;
    rooms.uae = (await join(srv.base, code, { seat: "uae", name: "Hazza" })).room;
    rooms.host = (await join(srv.base, code, { hostToken: created.hostToken, name: "T" })).room;
    rooms.spectator = (await join(srv.base, code, { spectator: true, name: "Pat" })).room;
    expect(await ask(rooms.host, "start")).toEqual({ ok: true });

    for (let year = 2020; getRoom().engineState.phase !== "ended"; ) {
      const s = getRoom().engineState;
      await talk(year, s.phase === "negotiation" ? 70 : 6);
      // a check in the middle of a phase, with open proposals and fresh chat
      if (s.phase === "negotiation") await expectAllViewsMatch(`${year} negotiation`);
      await endPhase();
      if (getRoom().engineState.year !== year) {
        await expectAllViewsMatch(`after ${year}`);
        year = getRoom().engineState.year;
      }
    }
    await expectAllViewsMatch("ended");
    const end = getRoom().engineState;
    expect(end.reports.length).toBe(4);
    expect(getRoom().stateSummary().actions).toBeGreaterThan(300);
    expect(end.chat.length).toBeGreaterThan(150);
  }, 120_000);
});
