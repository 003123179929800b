/**
 * The table core without Colyseus: the real engine and a real SQLite store, a
 * hand-driven clock, and a transport that records what it is told. Every
 * accepted action's engine events reach the transport, bots' and timers' too;
 * a restore replays the log without writing, telling, or letting bots replay.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openStore, type Store } from "../../server/store/db.ts";
import { stateHash } from "../../server/store/hash.ts";
import { Table, type TableDeps, type TableSetup } from "../../server/table.ts";
import { type Action, BOT_MEMBER, type GameEvent } from "../../shared/rules/types.ts";
import { requireScenario } from "../../shared/scenario/load.ts";
import { tempDataDir } from "./helpers.ts";

const scenario = requireScenario(
  JSON.parse(fs.readFileSync("assets/scenarios/crew-dragon-2020.json", "utf8")),
  "crew-dragon-2020",
);

let dir = "";
let store: Store;
let now = 1_700_000_000_000;
let timers: { at: number; fn: () => void; cleared: boolean }[] = [];
let told: { action: Action; events: readonly GameEvent[] }[] = [];
let changes = 0;

const deps = (): TableDeps => ({
  store,
  clock: {
    now: () => now,
    setTimeout(fn, ms) {
      const t = { at: now + ms, fn, cleared: false };
      timers.push(t);
      return {
        clear: () => {
          t.cleared = true;
        },
      };
    },
  },
  transport: {
    stateChanged: () => {
      changes++;
    },
    events: (events, action) => {
      told.push({ action, events });
    },
  },
});

/** Runs the armed timer: the clock jumps to its time. */
function fireTimer() {
  const t = timers.filter((x) => !x.cleared).at(-1);
  if (!t) throw new Error("no timer armed");
  t.cleared = true;
  now = Math.max(now, t.at);
  t.fn();
}

function setupFor(gameId: string, seed: string, bot?: string): TableSetup {
  const seats = Object.keys(scenario.roles)
    .filter((r) => r !== "boeing")
    .map((role) => ({ role, controller: "bot" as const }));
  store.createGame({
    id: gameId,
    scenarioId: scenario.id,
    scenarioJson: scenario,
    seed,
    seats,
    options: { years: 2 },
    hostTokenHash: "x",
    owner: "test",
    now,
  });
  const bots = bot ? Object.fromEntries(seats.map((s) => [s.role, bot])) : undefined;
  return { gameId, scenario, seed, seats, options: { years: 2 }, ...(bots ? { bots } : {}) };
}

beforeEach(() => {
  dir = tempDataDir("table");
  store = openStore(path.join(dir, "data"));
  timers = [];
  told = [];
  changes = 0;
});

afterEach(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const isBot = (a: Action) => a.actor.kind === "seat" && a.actor.member === BOT_MEMBER;

describe("the table core", () => {
  it("tells the transport the events of every accepted action, bots' and timers' included", () => {
    const setup = setupFor("EVTS01", "events-seed");
    const table = new Table(setup, deps());
    expect(table.act({ kind: "host" }, { type: "startGame" })).toEqual({ ok: true });
    for (let i = 0; i < 3; i++) fireTimer();
    const log = store.loadActions("EVTS01");
    expect(log.length).toBe(table.actionCount);
    // one report per accepted action that had events, in log order, each with its own events
    const withEvents = told.map((t) => t.action);
    expect(withEvents.every((a) => log.some((l) => JSON.stringify(l) === JSON.stringify(a)))).toBe(
      true,
    );
    const botTold = told.filter((t) => isBot(t.action));
    expect(botTold.length).toBeGreaterThan(0);
    expect(botTold.some((t) => t.events.some((e) => e.type === "ordersChanged"))).toBe(true);
    const timerTold = told.filter((t) => t.action.type === "phaseTimeout");
    expect(timerTold.length).toBe(3);
    for (const t of timerTold) expect(t.events.some((e) => e.type === "phaseChanged")).toBe(true);
    expect(changes).toBeGreaterThan(3);
  });

  it("an action the store cannot append changes nothing (the table applies actions in place)", () => {
    const setup = setupFor("FAIL01", "fail-seed");
    let failNext = false;
    const failing = {
      ...deps(),
      store: {
        appendAction: (id: string, seq: number, action: Action) => {
          if (failNext) {
            failNext = false;
            throw new Error("disk full");
          }
          store.appendAction(id, seq, action);
        },
        loadActions: (id: string) => store.loadActions(id),
        setStatus: store.setStatus,
        finishGame: store.finishGame,
      },
    };
    const table = new Table(setup, failing);
    table.act({ kind: "host" }, { type: "startGame" });
    fireTimer(); // into negotiation: the bots have set orders and proposed
    const before = { hash: stateHash(table.state), actions: table.actionCount };
    failNext = true;
    const error = console.error;
    console.error = () => {};
    try {
      expect(table.act({ kind: "host" }, { type: "extend", seconds: 30 })).toMatchObject({
        ok: false,
        code: "ERR_SERVER",
      });
    } finally {
      console.error = error;
    }
    expect({ hash: stateHash(table.state), actions: table.actionCount }).toEqual(before);
    // and it goes on as if the failed action had never come
    expect(table.act({ kind: "host" }, { type: "extend", seconds: 30 })).toEqual({ ok: true });
    expect(store.loadActions("FAIL01").length).toBe(table.actionCount);
  });

  it("restores from its log to the same state without writing, telling, or bots playing again", () => {
    // random bots act at every turn they get: one asked again after the restore would show
    const setup = setupFor("REST01", "restore-seed", "random");
    const table = new Table(setup, deps());
    table.act({ kind: "host" }, { type: "startGame" });
    fireTimer(); // briefing → negotiation: the bots propose and answer
    const log = store.loadActions("REST01");
    expect(log.some((a) => isBot(a) && a.type === "propose")).toBe(true);
    told = [];
    const restored = new Table(setup, deps(), store.loadActions("REST01"));
    expect(stateHash(restored.state)).toBe(stateHash(table.state));
    expect(restored.actionCount).toBe(log.length);
    expect(store.actionCount("REST01")).toBe(log.length);
    expect(told).toEqual([]);
    // both go on alike: the restored bots have the turns they had, no more and no fewer
    // (the restored table writes to a copy of the store, the game's log up to the restart)
    const copy = openStore(path.join(dir, "copy"));
    try {
      const row = store.getGame("REST01");
      if (!row) throw new Error("no game");
      copy.createGame({ ...row, scenarioJson: row.scenarioJson, now });
      copy.appendActions("REST01", 1, log);
      const twin = new Table(setup, { ...deps(), store: copy }, copy.loadActions("REST01"));
      for (const t of [table, twin])
        expect(t.act({ kind: "host" }, { type: "extend", seconds: 30 })).toEqual({ ok: true });
      expect(twin.actionCount).toBe(table.actionCount);
      expect(stateHash(twin.state)).toBe(stateHash(table.state));
    } finally {
      copy.close();
    }
  });

  it("a restored bot still leaves alone the proposals that waited for the people it replaced", () => {
    const setup = setupFor("TAKE01", "takeover-seed");
    const table = new Table(setup, deps());
    const ann = { kind: "seat", seat: "us", member: "mAnn" } as const;
    const boris = { kind: "seat", seat: "russia", member: "mBoris" } as const;
    table.act({ kind: "system" }, { type: "addMember", seat: "us", member: "mAnn", name: "Ann" });
    table.act(
      { kind: "system" },
      { type: "addMember", seat: "russia", member: "mBoris", name: "B" },
    );
    table.act({ kind: "host" }, { type: "startGame" });
    for (const actor of [ann, boris]) table.act(actor, { type: "ready", ready: true });
    expect(table.state.phase).toBe("negotiation");
    const offer = (seats: number, note: string) =>
      table.act(boris, {
        type: "propose",
        parties: ["russia", "us"],
        terms: [{ kind: "seatSale", provider: "russia", buyer: "us", seats, price: 90 }],
        years: 1,
        replaces: null,
        note,
      });
    const named = (t: Table, note: string) =>
      Object.values(t.state.proposals).find((p) => p.note === note);
    expect(offer(1, "before")).toEqual({ ok: true });
    table.act({ kind: "system" }, { type: "removeMember", seat: "us", member: "mAnn" });
    expect(table.state.seats.us?.controller).toBe("bot");
    expect(named(table, "before")?.status).toBe("open");

    // the process restarts here
    const restored = new Table(setup, deps(), store.loadActions("TAKE01"));
    expect(restored.actionCount).toBe(table.actionCount);
    expect(
      restored.act(boris, {
        type: "propose",
        parties: ["russia", "us"],
        terms: [{ kind: "seatSale", provider: "russia", buyer: "us", seats: 2, price: 90 }],
        years: 1,
        replaces: null,
        note: "after",
      }),
    ).toEqual({ ok: true });
    const after = named(restored, "after");
    expect(after?.status !== "open" || after.accepted.includes("us")).toBe(true);
    const before = named(restored, "before");
    expect(before?.status).toBe("open");
    expect(before?.accepted).not.toContain("us");
  });
});
