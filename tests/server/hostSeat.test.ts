/**
 * A host who takes a seat keeps the host's rights when they come back with their seat token
 * alone (a reload, a restart): the staff flag lives with the member, not only with the host
 * token of the first join. And a data file from before the flag gets it without losing members.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_FILE, MIGRATIONS, openStore } from "../../server/store/db.ts";
import {
  type AnyRoom,
  ask,
  bootServer,
  createGame,
  join,
  LONG_TIMERS,
  leaveAll,
  type TestServer,
  tempDataDir,
  waitFor,
  whoami,
} from "./helpers.ts";

let srv: TestServer;
const rooms: AnyRoom[] = [];

beforeAll(async () => {
  srv = await bootServer("host-seat");
});

afterAll(async () => {
  await leaveAll(rooms);
  await srv?.stop();
});

describe("a seated host", () => {
  it("keeps host rights after rejoining with the seat token alone", async () => {
    const { code, hostToken } = await createGame(srv.base, {
      scenario: "crew-dragon-2020",
      seed: "host-seat",
      years: 2,
      timers: LONG_TIMERS,
    });
    const first = (await join(srv.base, code, { seat: "us", name: "Hosta", hostToken })).room;
    rooms.push(first);
    const me = await whoami(first);
    expect(me).toMatchObject({ seat: "us", staff: true });
    // whoami carries the server's clock, which the client's countdown corrects its own by
    expect(Math.abs(me.serverTime - Date.now())).toBeLessThan(1_000);
    // a second tab keeps the member seated while the first leaves (as a reload does)
    const again = (await join(srv.base, code, { token: me.token })).room;
    rooms.push(again);
    await first.leave(true);
    expect(await whoami(again)).toMatchObject({ memberId: me.memberId, seat: "us", staff: true });
    expect(await ask(again, "start")).toEqual({ ok: true });
    await waitFor(() => srv.room(code)?.engineState.phase === "briefing", 3_000, "briefing");
    expect(await ask(again, "pause")).toEqual({ ok: true });
    expect(srv.room(code)?.engineState.paused).toBe(true);
    // a seat token of an ordinary player still gives no host rights
    const other = (await join(srv.base, code, { seat: "russia", name: "Boris" })).room;
    rooms.push(other);
    const boris = await whoami(other);
    const borisAgain = (await join(srv.base, code, { token: boris.token })).room;
    rooms.push(borisAgain);
    expect(await whoami(borisAgain)).toMatchObject({ seat: "russia", staff: false });
    expect(await ask(borisAgain, "resume")).toMatchObject({ ok: false, code: "ERR_NOT_ALLOWED" });
  });
});

describe("the staff column's migration", () => {
  it("adds the flag to an existing data file: host and facilitator rows are staff, players not", () => {
    const dir = tempDataDir("staff-migration");
    try {
      const old = new Database(path.join(dir, DB_FILE));
      old.pragma("foreign_keys = ON");
      old.exec(MIGRATIONS[0] as string);
      old.exec(MIGRATIONS[1] as string);
      old.pragma("user_version = 2");
      old
        .prepare(
          `INSERT INTO games (id, scenario_id, scenario_json, seed, seats_json, options_json,
             status, owner, host_token_hash, created_at, updated_at)
           VALUES ('OLD234', 's', '{}', 'seed', '[]', '{}', 'running', 'p', 'hh', 1, 1)`,
        )
        .run();
      const add = old.prepare(
        `INSERT INTO members (game_id, member_id, seat, name, kind, token_hash, created_at)
         VALUES ('OLD234', ?, ?, ?, ?, ?, 1)`,
      );
      add.run("m1", "us", "Ann", "player", "t-player");
      add.run("h1", "", "Host", "host", "t-host");
      add.run("f1", "", "Fay", "facilitator", "t-fac");
      old.close();

      const store = openStore(dir);
      try {
        expect(store.memberByTokenHash("OLD234", "t-player")).toMatchObject({
          memberId: "m1",
          seat: "us",
          staff: false,
        });
        expect(store.memberByTokenHash("OLD234", "t-host")).toMatchObject({ staff: true });
        expect(store.memberByTokenHash("OLD234", "t-fac")).toMatchObject({ staff: true });
        store.addMember({
          gameId: "OLD234",
          memberId: "m2",
          seat: "russia",
          name: "Hosted",
          kind: "player",
          staff: true,
          tokenHash: "t-new",
          now: 2,
        });
        expect(store.memberByTokenHash("OLD234", "t-new")).toMatchObject({ staff: true });
      } finally {
        store.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
