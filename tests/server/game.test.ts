/**
 * A whole game over the real network path, in process: REST creates the
 * table, SDK clients join and play, and at every checkpoint each client's
 * assembled view must equal the engine's playerView for its viewer.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GameRoom } from "../../server/rooms/GameRoom.ts";
import { playerView, type Viewer } from "../../shared/rules/view.ts";
import {
  type AnyRoom,
  asJson,
  ask,
  bootServer,
  createGame,
  join,
  leaveAll,
  SEED,
  slicesOf,
  type TestServer,
  viewOf,
  waitFor,
  whoami,
} from "./helpers.ts";

const SECRET_CHAT = "between us and the Emirates only";

let srv: TestServer;
let base = "";
const getRoom = () => srv.room(code) as GameRoom;
let code = "";
let hostToken = "";
const rooms: Record<string, AnyRoom> = {};
const viewers: Record<string, Viewer> = {
  us: { kind: "seat", seat: "us" },
  russia: { kind: "seat", seat: "russia" },
  uae: { kind: "seat", seat: "uae" },
  host: { kind: "facilitator" },
  spectator: { kind: "spectator" },
};

beforeAll(async () => {
  srv = await bootServer("game");
  base = srv.base;
});

afterAll(async () => {
  await leaveAll(Object.values(rooms));
  await srv?.stop();
});

/** Every client's assembled view equals the engine's view for its viewer (polls: patches are async). */
async function expectAllViewsMatch(label: string) {
  for (const [name, room] of Object.entries(rooms)) {
    const viewer = viewers[name] as Viewer;
    await waitFor(
      () => {
        // compared through JSON: slices travel as JSON, and the engine can produce -0 (see report)
        expect(viewOf(room)).toStrictEqual(asJson(playerView(getRoom().engineState, viewer)));
        return true;
      },
      5_000,
      `${label}: view of ${name}`,
    );
  }
  expectNoSecrets(label);
}

/** No client holds the seed, the random state, or (russia/spectator) the us–uae chat. */
function expectNoSecrets(label: string) {
  for (const [name, room] of Object.entries(rooms)) {
    for (const [key, json] of slicesOf(room)) {
      expect(json, `${label}: ${name} slice ${key}`).not.toContain(SEED);
      expect(json, `${label}: ${name} slice ${key}`).not.toMatch(/"rng"\s*:/);
    }
    if (name === "russia" || name === "spectator" || name === "host") {
      const chat = viewOf(room).chat ?? [];
      expect(
        chat.some((m) => m.text === SECRET_CHAT),
        `${label}: ${name} sees us–uae chat`,
      ).toBe(false);
    }
  }
}

const HUMANS = ["us", "russia", "uae"] as const;

/** Ends the current phase early: every human seat is ready (or, in a crisis, the rivals choose). */
async function endPhase() {
  const s = getRoom().engineState;
  const { phase, year } = s;
  if (phase === "crisis") {
    for (const seat of ["us", "russia"])
      expect(await ask(rooms[seat] as AnyRoom, "crisisChoice", { choice: "deescalate" })).toEqual({
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

/** Ends phases until the year's report exists (a crisis, when it comes, is answered). */
async function finishYear(year: number) {
  while (
    getRoom().engineState.reports.length < year - 2019 &&
    getRoom().engineState.phase !== "ended"
  )
    await endPhase();
}

describe("a whole game through the server", () => {
  it("plays two years with three humans, a host, a spectator and a bot", async () => {
    const created = await createGame(base, {
      scenario: "crew-dragon-2020",
      seed: SEED,
      years: 2,
      timers: {
        briefingSeconds: 1,
        negotiationSeconds: 20,
        firstNegotiationSeconds: 20,
        commitSeconds: 0,
        crisisSeconds: 20,
      },
    });
    code = created.code;
    hostToken = created.hostToken;
    expect(created.roles).toEqual(["us", "russia", "spacex", "uae"]);
    expect(JSON.stringify(created)).not.toContain(SEED);

    rooms.us = (await join(base, code, { seat: "us", name: "Ann" })).room;
    rooms.russia = (await join(base, code, { seat: "russia", name: "Boris" })).room;
    rooms.uae = (await join(base, code, { seat: "uae", name: "Hazza" })).room;
    rooms.host = (await join(base, code, { hostToken, name: "Teacher" })).room;
    rooms.spectator = (await join(base, code, { spectator: true, name: "Pat" })).room;

    const hostId = await whoami(rooms.host);
    expect(hostId).toMatchObject({ kind: "host", staff: true, seat: "" });
    expect(await whoami(rooms.us)).toMatchObject({ kind: "player", seat: "us", name: "Ann" });

    // lobby: humans at their seats, spacex played by its bot
    await expectAllViewsMatch("lobby");
    const lobby = getRoom().engineState;
    expect(lobby.phase).toBe("lobby");
    expect(lobby.seats.us?.controller).toBe("human");
    expect(lobby.seats.spacex?.controller).toBe("bot");

    // only the host may start
    expect(await ask(rooms.us, "start")).toMatchObject({ ok: false, code: "ERR_NOT_ALLOWED" });
    expect(await ask(rooms.host, "start")).toEqual({ ok: true });
    await expectAllViewsMatch("briefing");
    expect(["briefing", "negotiation"]).toContain(getRoom().engineState.phase);

    // the 1-second briefing timer moves the game on by itself
    await waitFor(() => getRoom().engineState.phase === "negotiation", 4_000, "negotiation");
    await expectAllViewsMatch("negotiation");

    // orders
    expect(await ask(rooms.us, "orders", { sanctions: 1, subsidyPool: 50 })).toEqual({ ok: true });
    expect(await ask(rooms.russia, "orders", { listPrice: 95, diversion: 10 })).toEqual({
      ok: true,
    });
    expect(await ask(rooms.uae, "orders", { programmeInvestment: 60 })).toEqual({ ok: true });

    // russia sells one seat to the us at 90; the us accepts
    expect(
      await ask(rooms.russia, "propose", {
        parties: ["russia", "us"],
        terms: [{ kind: "seatSale", provider: "russia", buyer: "us", seats: 1, price: 90 }],
        years: 1,
        note: "one seat",
      }),
    ).toEqual({ ok: true });
    const proposal = await waitFor(
      () => Object.values(viewOf(rooms.us).proposals).find((p) => p.status === "open"),
      3_000,
      "the proposal reaches the us",
    );
    // uae is not a party: it never sees the proposal
    expect(viewOf(rooms.uae).proposals[proposal.id]).toBeUndefined();
    expect(await ask(rooms.us, "accept", { proposal: proposal.id })).toEqual({ ok: true });
    await waitFor(
      () => Object.values(getRoom().engineState.deals).some((d) => d.parties.includes("russia")),
      3_000,
      "the deal",
    );

    // private chat us–uae, and a public statement
    expect(await ask(rooms.us, "chat", { to: ["uae"], text: SECRET_CHAT })).toEqual({ ok: true });
    expect(await ask(rooms.russia, "statement", { text: "Soyuz is open for business" })).toEqual({
      ok: true,
    });
    await expectAllViewsMatch("negotiation after the deal");
    expect(viewOf(rooms.uae).chat.some((m) => m.text === SECRET_CHAT)).toBe(true);
    expect(viewOf(rooms.russia).chat.some((m) => m.text === "Soyuz is open for business")).toBe(
      true,
    );
    // each seat sees only its own private seat; the host sees all; a spectator none
    expect(Object.keys(viewOf(rooms.us).private)).toEqual(["us"]);
    expect(Object.keys(viewOf(rooms.host).private).sort()).toEqual(
      ["russia", "spacex", "uae", "us"].sort(),
    );
    expect(Object.keys(viewOf(rooms.spectator).private)).toEqual([]);

    // year 1 ends when every human is ready
    await finishYear(2020);
    expect(getRoom().engineState.reports.length).toBe(1);
    await expectAllViewsMatch("after year 1");

    // year 2: the briefing timer again, then ready
    await finishYear(2021);
    await waitFor(() => getRoom().engineState.phase === "ended", 3_000, "ended");
    expect(getRoom().engineState.reports.length).toBe(2);
    await expectAllViewsMatch("ended");
    expect(viewOf(rooms.spectator).outcome).not.toBeNull();
    expect(getRoom().engineState.outcome?.reason).toBe("completed");
  });
});
