/**
 * export.json against its schema (shared/protocol/export.ts): the real export of a game played
 * to its end by bots passes it, and keeps what a replay needs (every action, a year per report,
 * each deal result's kind); the same file with a field broken does not.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { GameRoom } from "../../server/rooms/GameRoom.ts";
import { gameExportSchema, MalformedExport, parseExport } from "../../shared/protocol/export.ts";
import {
  type AnyRoom,
  ask,
  bootServer,
  createGame,
  join,
  leaveAll,
  type TestServer,
  waitFor,
} from "./helpers.ts";

let srv: TestServer;
const open: AnyRoom[] = [];

beforeAll(async () => {
  vi.spyOn(console, "info").mockImplementation(() => {});
  vi.spyOn(console, "log").mockImplementation(() => {});
  srv = await bootServer("export");
});

afterAll(async () => {
  await leaveAll(open);
  await srv?.stop();
});

describe("export.json", () => {
  it("of a finished game passes the export schema", async () => {
    const { code, hostToken } = await createGame(srv.base, {
      seed: "export-schema",
      years: 2,
      timers: { briefingSeconds: 600, negotiationSeconds: 600, commitSeconds: 0 },
    });
    const host = (await join(srv.base, code, { hostToken })).room;
    open.push(host);
    expect(await ask(host, "start")).toEqual({ ok: true });
    const room = () => srv.room(code) as GameRoom | undefined;
    // the host skips each phase; the bots play their seats in between
    for (let i = 0; i < 40 && room()?.engineState.phase !== "ended"; i++) {
      const phase = room()?.engineState.phase;
      const year = room()?.engineState.year;
      await new Promise((r) => setTimeout(r, 150));
      await ask(host, "skip");
      await waitFor(
        () =>
          room()?.engineState.phase !== phase ||
          room()?.engineState.year !== year ||
          room()?.engineState.phase === "ended",
        10_000,
        "the next phase",
      ).catch(() => {});
    }
    await waitFor(() => room()?.engineState.phase === "ended", 10_000, "the game's end");

    const res = await fetch(`${srv.base}/api/games/${code}/export.json`);
    expect(res.status).toBe(200);
    const file = (await res.json()) as Record<string, unknown>;
    const parsed = gameExportSchema.safeParse(file);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    const exp = parseExport(file);
    expect(exp.gameId).toBe(code);
    expect(exp.years).toHaveLength(2);
    expect(exp.outcome?.ranking.length).toBe(exp.seats.length);
    // the schema keeps each action whole (the engine replays them), not only its kind
    expect(exp.actions).toEqual(file.actions);
    const results = exp.years.flatMap((y) => y.dealResults);
    // the bots concluded deals that ran: the kinds below are checked on real results
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(r.kind === "executed").toBe(r.result === "executed");
    // each term keeps its data and says it in a sentence; the verdicts are said too
    const terms = exp.years.flatMap((y) => [...y.tensionTerms, ...y.cooperationTerms]);
    expect(terms.length).toBeGreaterThan(0);
    for (const t of terms) {
      expect(t.detail?.cause).toBe(t.cause);
      expect(t.text).toMatch(/^\S/);
      expect(t.text).not.toMatch(/\(s\)|undefined/);
      expect(t.label).toBeUndefined();
    }
    expect(exp.outcome?.verdictText?.liberal).toMatch(/^Cooperation ended at \d+\/100/);

    // one broken field and the file is not an export
    const broken = { ...file, years: [{ year: "2020" }] };
    expect(() => parseExport(broken)).toThrow(MalformedExport);
    expect(() => parseExport({ ...file, format: "orbital-ties-export/0" })).toThrow(
      MalformedExport,
    );
    expect(() => parseExport({ ...file, actions: [{ actor: {} }] })).toThrow(/actions\.0\.type/);
  }, 60_000);
});
