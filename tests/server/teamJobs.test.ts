/**
 * Team jobs through real sockets: a seated member picks one, every connection hears the new
 * list, it survives a rejoin by token; an unknown job (`__proto__` too) or a member without a
 * seat gets a typed rejection and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobsByMember } from "../../shared/protocol/jobs.ts";
import {
  type AnyRoom,
  ask,
  bootServer,
  join,
  leaveAll,
  seatedTable,
  type TestServer,
  waitFor,
  whoami,
} from "./helpers.ts";

let srv: TestServer;
const rooms: AnyRoom[] = [];

beforeAll(async () => {
  srv = await bootServer("team-jobs");
});

afterAll(async () => {
  await leaveAll(rooms);
  await srv?.stop();
});

const jobsOf = (room: AnyRoom) =>
  room.request("jobs", {}, { timeout: 5_000 }) as Promise<JobsByMember>;

describe("team jobs", () => {
  it("are picked, broadcast, kept across a rejoin, and refused when unknown", async () => {
    const table = await seatedTable(srv.base, "team-jobs");
    rooms.push(...Object.values(table.rooms));
    const { us, russia, host } = table.rooms as Record<string, AnyRoom>;
    const ann = await whoami(us as AnyRoom);
    let heard: JobsByMember | null = null;
    (russia as AnyRoom).onMessage("jobs", (j: JobsByMember) => {
      heard = j;
    });
    expect(await jobsOf(us as AnyRoom)).toEqual({});
    expect(await ask(us as AnyRoom, "job", { job: "treasurer" })).toEqual({ ok: true });
    await waitFor(() => heard, 3_000, "the jobs broadcast");
    expect(heard).toEqual({ [ann.memberId]: "treasurer" });

    for (const bad of [
      { job: "__proto__" },
      { job: "spy" },
      { job: "negotiator", extra: 1 },
      JSON.parse('{"__proto__": {"job": "press"}}'),
      {},
    ])
      expect(await ask(us as AnyRoom, "job", bad)).toMatchObject({
        ok: false,
        code: "ERR_MALFORMED",
      });
    expect(await ask(host as AnyRoom, "job", { job: "press" })).toMatchObject({
      ok: false,
      code: "ERR_NOT_ALLOWED",
    });
    expect(await jobsOf(russia as AnyRoom)).toEqual({ [ann.memberId]: "treasurer" });
    expect(Object.getPrototypeOf(await jobsOf(russia as AnyRoom))).toBe(Object.prototype);

    // a reload: the same member by token still has the job, and may change it
    const again = (await join(srv.base, table.code, { token: ann.token })).room;
    rooms.push(again);
    expect(await jobsOf(again)).toEqual({ [ann.memberId]: "treasurer" });
    expect(await ask(again, "job", { job: "press" })).toEqual({ ok: true });
    expect(await jobsOf(russia as AnyRoom)).toEqual({ [ann.memberId]: "press" });
  });
});
