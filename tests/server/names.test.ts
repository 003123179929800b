/**
 * Over real sockets: a name the join options accept is a name the engine seats
 * (40 emoji used to pass the edge and be refused by the engine), and a name
 * over the limit is refused at the join.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  type AnyRoom,
  bootServer,
  createGame,
  join,
  LONG_TIMERS,
  leaveAll,
  type TestServer,
  whoami,
} from "./helpers.ts";

let srv: TestServer;
let code = "";
const rooms: AnyRoom[] = [];

beforeAll(async () => {
  srv = await bootServer("names");
  ({ code } = await createGame(srv.base, { seed: "names-seed", timers: LONG_TIMERS }));
});

afterAll(async () => {
  await leaveAll(rooms);
  await srv?.stop();
});

describe("names over sockets", () => {
  it("40 emoji take a seat; 41 are refused at the join", async () => {
    const forty = "🚀".repeat(40);
    const { room } = await join(srv.base, code, { seat: "us", name: forty });
    rooms.push(room);
    expect((await whoami(room)).name).toBe(forty);
    expect(srv.room(code)?.engineState.seats.us?.controller).toBe("human");
    // Colyseus logs the refused join with its stack: expected here
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await expect(join(srv.base, code, { seat: "russia", name: "🚀".repeat(41) })).rejects.toThrow(
        /name/,
      );
    } finally {
      quiet.mockRestore();
    }
    expect(srv.room(code)?.engineState.seats.russia?.controller).toBe("bot");
  });
});
