import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DB_FILE, MIGRATIONS, type NewGame, openStore, type Store } from "../../server/store/db.ts";
import { canonicalJson, stateHash } from "../../server/store/hash.ts";
import {
  hashToken,
  JOIN_CODE_ALPHABET,
  newJoinCode,
  newToken,
  normaliseCode,
} from "../../server/store/tokens.ts";
import type { Action } from "../../shared/rules/types.ts";

let dir = "";
let store: Store | undefined;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "orbital-store-"));
});

afterEach(() => {
  store?.close();
  store = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

function open(): Store {
  store = openStore(path.join(dir, "data"));
  return store;
}

function game(id: string, extra: Partial<NewGame> = {}): NewGame {
  return {
    id,
    scenarioId: "orbital-2020",
    scenarioJson: '{"id":"orbital-2020","roles":{"nasa":{"name":"NASA"}}}',
    seed: `seed-${id}`,
    seats: [
      { role: "nasa", controller: "human" },
      { role: "roscosmos", controller: "bot" },
    ],
    options: { preset: "short", years: 3, facilitatorReadsChat: false },
    hostTokenHash: hashToken(`host-${id}`),
    owner: "proc-a",
    now: 1_000,
    ...extra,
  };
}

const actions: Action[] = [
  { type: "startGame", actor: { kind: "host" }, at: 10 },
  {
    type: "setOrders",
    orders: { sanctions: 2, crewFunding: "", covertSale: false, listPrice: 55.5 },
    actor: { kind: "seat", seat: "nasa", member: "m1" },
    at: 11,
  },
  {
    type: "propose",
    parties: ["nasa", "roscosmos"],
    terms: [
      { kind: "seatSale", provider: "roscosmos", buyer: "nasa", seats: 2, price: -0.25 },
      { kind: "pledge", by: "nasa", text: 'Ünïcode "quotes" \n ✓', check: null },
    ],
    years: 2,
    replaces: null,
    note: "",
    actor: { kind: "seat", seat: "nasa", member: "m1" },
    at: 12,
  },
  { type: "phaseTimeout", phase: "negotiation", year: 2021, actor: { kind: "system" }, at: 13 },
];

describe("store: games", () => {
  it("creates the database file in WAL mode with foreign keys", () => {
    const s = open();
    expect(fs.existsSync(path.join(dir, "data", DB_FILE))).toBe(true);
    expect(s.db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(s.db.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(s.db.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
  });

  it("creates and gets a game with parsed JSON", () => {
    const s = open();
    s.createGame(game("ABC234"));
    const g = s.getGame("ABC234");
    expect(g).toMatchObject({
      id: "ABC234",
      scenarioId: "orbital-2020",
      seed: "seed-ABC234",
      status: "lobby",
      owner: "proc-a",
      hostTokenHash: hashToken("host-ABC234"),
      createdAt: 1_000,
      updatedAt: 1_000,
      finishedAt: null,
      result: null,
    });
    expect(g?.scenarioJson).toBe(game("ABC234").scenarioJson);
    expect(g?.scenario).toEqual({ id: "orbital-2020", roles: { nasa: { name: "NASA" } } });
    expect(g?.seats).toEqual(game("ABC234").seats);
    expect(g?.options).toEqual(game("ABC234").options);
    expect(s.getGame("NOPE22")).toBeNull();
    expect(() => s.createGame(game("ABC234"))).toThrow(/UNIQUE|PRIMARY/);
  });

  it("accepts a scenario value and stringifies it", () => {
    const s = open();
    s.createGame(game("ABC234", { scenarioJson: { id: "x", n: [1, 2] } }));
    expect(s.getGame("ABC234")?.scenario).toEqual({ id: "x", n: [1, 2] });
  });

  it("sets status and finishes with a result", () => {
    const s = open();
    s.createGame(game("ABC234"));
    s.setStatus("ABC234", "running", 2_000);
    expect(s.getGame("ABC234")).toMatchObject({ status: "running", updatedAt: 2_000 });
    s.finishGame("ABC234", { winner: "nasa", scores: { nasa: 10 } }, 3_000);
    expect(s.getGame("ABC234")).toMatchObject({
      status: "finished",
      updatedAt: 3_000,
      finishedAt: 3_000,
      result: { winner: "nasa", scores: { nasa: 10 } },
    });
    expect(() => s.setStatus("NOPE22", "running", 1)).toThrow(/no game/);
    expect(() => s.finishGame("NOPE22", {}, 1)).toThrow(/no game/);
  });

  it("lists unfinished games, optionally by owner", () => {
    const s = open();
    s.createGame(game("AAAAAA", { owner: "proc-a", now: 1 }));
    s.createGame(game("BBBBBB", { owner: "proc-b", now: 2 }));
    s.createGame(game("CCCCCC", { owner: "proc-a", now: 3 }));
    s.createGame(game("DDDDDD", { owner: "proc-a", now: 4 }));
    s.setStatus("CCCCCC", "running", 5);
    s.finishGame("DDDDDD", {}, 6);
    expect(s.listUnfinished()).toEqual(["AAAAAA", "BBBBBB", "CCCCCC"]);
    expect(s.listUnfinished("proc-a")).toEqual(["AAAAAA", "CCCCCC"]);
    expect(s.listUnfinished("proc-b")).toEqual(["BBBBBB"]);
    expect(s.listUnfinished("proc-z")).toEqual([]);
    s.setOwner("BBBBBB", "proc-a", 7);
    expect(s.listUnfinished("proc-a")).toEqual(["AAAAAA", "BBBBBB", "CCCCCC"]);
  });
});

describe("store: action log", () => {
  it("appends in order and rejects out-of-order or duplicate seq", () => {
    const s = open();
    s.createGame(game("ABC234"));
    expect(s.actionCount("ABC234")).toBe(0);
    expect(() => s.appendAction("ABC234", 0, actions[0] as Action)).toThrow(/not the next/);
    expect(() => s.appendAction("ABC234", 2, actions[0] as Action)).toThrow(/not the next/);
    s.appendAction("ABC234", 1, actions[0] as Action, 5_000);
    expect(() => s.appendAction("ABC234", 1, actions[1] as Action)).toThrow(/not the next/);
    expect(() => s.appendAction("ABC234", 3, actions[1] as Action)).toThrow(/not the next/);
    s.appendAction("ABC234", 2, actions[1] as Action);
    expect(s.actionCount("ABC234")).toBe(2);
    expect(s.loadActions("ABC234")).toEqual(actions.slice(0, 2));
  });

  it("keeps a game's last activity to the minute, without rewriting its row at every action", () => {
    const s = open();
    s.createGame(game("ABC234")); // at 1,000
    s.appendAction("ABC234", 1, actions[0] as Action, 60_999);
    expect(s.getGame("ABC234")?.updatedAt).toBe(1_000);
    s.appendAction("ABC234", 2, actions[1] as Action, 61_000);
    expect(s.getGame("ABC234")?.updatedAt).toBe(61_000);
    s.appendActions("ABC234", 3, actions.slice(2), 90_000);
    expect(s.getGame("ABC234")?.updatedAt).toBe(61_000);
    // a status change is dated exactly, as before
    s.setStatus("ABC234", "running", 90_500);
    expect(s.getGame("ABC234")?.updatedAt).toBe(90_500);
  });

  it("appends a batch atomically", () => {
    const s = open();
    s.createGame(game("ABC234"));
    s.appendActions("ABC234", 1, actions.slice(0, 2), 7_000);
    expect(() => s.appendActions("ABC234", 2, actions.slice(2))).toThrow(/not the next/);
    expect(s.actionCount("ABC234")).toBe(2);
    s.appendActions("ABC234", 3, actions.slice(2));
    expect(s.loadActions("ABC234")).toEqual(actions);
    expect(s.loadActions("ABC234", 2)).toEqual(actions.slice(2));
  });

  it("refuses actions for an unknown game", () => {
    const s = open();
    expect(() => s.appendAction("NOPE22", 1, actions[0] as Action)).toThrow();
    expect(s.loadActions("NOPE22")).toEqual([]);
  });

  it("round-trips action JSON exactly", () => {
    const s = open();
    s.createGame(game("ABC234"));
    s.appendActions("ABC234", 1, actions);
    const loaded = s.loadActions("ABC234");
    expect(loaded).toEqual(actions);
    expect(loaded.map((a) => JSON.stringify(a))).toEqual(actions.map((a) => JSON.stringify(a)));
    expect(loaded.map(stateHash)).toEqual(actions.map(stateHash));
  });

  it("keeps logs of different games apart", () => {
    const s = open();
    s.createGame(game("AAAAAA"));
    s.createGame(game("BBBBBB"));
    s.appendAction("AAAAAA", 1, actions[0] as Action);
    s.appendAction("BBBBBB", 1, actions[1] as Action);
    expect(s.loadActions("AAAAAA")).toEqual([actions[0]]);
    expect(s.loadActions("BBBBBB")).toEqual([actions[1]]);
  });
});

describe("store: members", () => {
  it("finds members by token hash, keeps hashes unique, removes", () => {
    const s = open();
    s.createGame(game("ABC234"));
    s.createGame(game("XYZ789"));
    const t1 = newToken();
    const t2 = newToken();
    s.addMember({
      gameId: "ABC234",
      memberId: "m1",
      seat: "nasa",
      name: "Ada",
      kind: "player",
      tokenHash: hashToken(t1),
      now: 10,
    });
    s.addMember({
      gameId: "ABC234",
      memberId: "m2",
      name: "Bo",
      kind: "spectator",
      tokenHash: hashToken(t2),
      now: 11,
    });
    expect(s.memberByTokenHash("ABC234", hashToken(t1))).toEqual({
      gameId: "ABC234",
      memberId: "m1",
      seat: "nasa",
      name: "Ada",
      kind: "player",
      staff: false,
      job: "",
      tokenHash: hashToken(t1),
      createdAt: 10,
    });
    expect(s.memberByTokenHash("ABC234", hashToken(t2))).toMatchObject({
      memberId: "m2",
      seat: "",
    });
    expect(s.memberByTokenHash("XYZ789", hashToken(t1))).toBeNull();
    expect(s.memberByTokenHash("ABC234", hashToken(newToken()))).toBeNull();
    // Unique token hash, even across games; unique member id within a game.
    expect(() =>
      s.addMember({
        gameId: "XYZ789",
        memberId: "m9",
        name: "Eve",
        kind: "player",
        tokenHash: hashToken(t1),
        now: 12,
      }),
    ).toThrow(/UNIQUE/);
    expect(() =>
      s.addMember({
        gameId: "ABC234",
        memberId: "m1",
        name: "Dup",
        kind: "player",
        tokenHash: hashToken(newToken()),
        now: 12,
      }),
    ).toThrow(/UNIQUE|PRIMARY/);
    expect(() =>
      s.addMember({
        gameId: "NOPE22",
        memberId: "m1",
        name: "X",
        kind: "player",
        tokenHash: "h",
        now: 12,
      }),
    ).toThrow(/FOREIGN KEY/);
    expect(s.members("ABC234").map((m) => m.memberId)).toEqual(["m1", "m2"]);
    expect(s.removeMember("ABC234", "m1")).toBe(true);
    expect(s.removeMember("ABC234", "m1")).toBe(false);
    expect(s.memberByTokenHash("ABC234", hashToken(t1))).toBeNull();
    expect(s.members("ABC234").map((m) => m.memberId)).toEqual(["m2"]);
  });
});

describe("store: durability", () => {
  it("survives close and reopen; migrations run once", () => {
    let s = open();
    s.createGame(game("ABC234"));
    s.setStatus("ABC234", "running", 2_000);
    s.appendActions("ABC234", 1, actions);
    s.addMember({
      gameId: "ABC234",
      memberId: "m1",
      seat: "nasa",
      name: "Ada",
      kind: "player",
      tokenHash: "h1",
      now: 10,
    });
    s.close();
    s.close(); // idempotent

    s = open();
    expect(s.db.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    expect(s.getGame("ABC234")).toMatchObject({ status: "running", seed: "seed-ABC234" });
    expect(s.loadActions("ABC234")).toEqual(actions);
    expect(s.memberByTokenHash("ABC234", "h1")).toMatchObject({ memberId: "m1" });
    // migration 2 dropped the snapshots nobody read
    expect(s.db.prepare("SELECT name FROM sqlite_master WHERE name = 'snapshots'").all()).toEqual(
      [],
    );
    expect(s.listUnfinished("proc-a")).toEqual(["ABC234"]);
    s.appendAction("ABC234", actions.length + 1, actions[0] as Action);
    s.close();

    s = open();
    expect(s.actionCount("ABC234")).toBe(actions.length + 1);
  });

  it("refuses a database from a newer schema", () => {
    const s = open();
    s.db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    s.close();
    expect(() => openStore(path.join(dir, "data"))).toThrow(/newer/);
  });
});

describe("tokens", () => {
  it("makes 1000 valid join codes without look-alikes", () => {
    const taken = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const code = newJoinCode((c) => taken.has(c));
      expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTVWXYZ23456789]{6}$/);
      expect(code).not.toMatch(/[0O1ILU]/);
      expect(normaliseCode(code)).toBe(code);
      expect(taken.has(code)).toBe(false);
      taken.add(code);
    }
    expect(JOIN_CODE_ALPHABET).not.toMatch(/[0O1ILU]/);
  });

  it("retries on collision and gives up eventually", () => {
    let calls = 0;
    const code = newJoinCode(() => ++calls < 5);
    expect(calls).toBe(5);
    expect(normaliseCode(code)).toBe(code);
    expect(() => newJoinCode(() => true)).toThrow(/free join code/);
  });

  it("normalises what users type", () => {
    expect(normaliseCode(" ab-c2 3d ")).toBe("ABC23D");
    expect(normaliseCode("xyz789")).toBe("XYZ789");
    expect(normaliseCode("ABC-234")).toBe("ABC234");
    expect(normaliseCode("ABC23")).toBeNull();
    expect(normaliseCode("ABC2345")).toBeNull();
    expect(normaliseCode("ABC230")).toBeNull(); // 0
    expect(normaliseCode("abcdeo")).toBeNull(); // O
    expect(normaliseCode("ABC1DE")).toBeNull(); // 1
    expect(normaliseCode("ABCLDE")).toBeNull(); // L
    expect(normaliseCode("ABCUDE")).toBeNull(); // U
    expect(normaliseCode("ABC_DE")).toBeNull();
    expect(normaliseCode("")).toBeNull();
  });

  it("hashes tokens deterministically", () => {
    const t = newToken();
    expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newToken()).not.toBe(t);
    expect(hashToken(t)).toBe(hashToken(t));
    expect(hashToken(t)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(t)).not.toBe(t);
    expect(hashToken(newToken())).not.toBe(hashToken(t));
  });
});

describe("stateHash", () => {
  it("ignores key order and sees every value", () => {
    const a = {
      year: 2021,
      seats: { nasa: { cash: 5, tags: ["a", "b"] }, esa: { cash: 1 } },
      x: null,
    };
    const b = {
      x: null,
      seats: { esa: { cash: 1 }, nasa: { tags: ["a", "b"], cash: 5 } },
      year: 2021,
    };
    expect(stateHash(a)).toBe(stateHash(b));
    expect(canonicalJson(b)).toBe(
      '{"seats":{"esa":{"cash":1},"nasa":{"cash":5,"tags":["a","b"]}},"x":null,"year":2021}',
    );
    expect(stateHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(stateHash({ ...a, year: 2022 })).not.toBe(stateHash(a));
    expect(stateHash({ ...a, seats: { ...a.seats, esa: { cash: 2 } } })).not.toBe(stateHash(a));
    expect(
      stateHash({ ...a, seats: { ...a.seats, nasa: { cash: 5, tags: ["b", "a"] } } }),
    ).not.toBe(stateHash(a));
    expect(stateHash("1")).not.toBe(stateHash(1));
  });

  it("agrees with JSON round-trips", () => {
    const v = { b: [1, undefined, { d: undefined, c: "é" }], a: 1.5 };
    expect(stateHash(v)).toBe(stateHash(JSON.parse(JSON.stringify(v))));
  });
});
