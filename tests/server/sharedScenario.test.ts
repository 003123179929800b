/**
 * Tables of one scenario share one parsed, frozen scenario object (memory per table, issue 9),
 * and a game whose stored scenario text differs gets its own.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AnyRoom,
  bootServer,
  createGame,
  join,
  LONG_TIMERS,
  leaveAll,
  type TestServer,
} from "./helpers.ts";

let srv: TestServer;
const rooms: AnyRoom[] = [];

beforeAll(async () => {
  srv = await bootServer("shared-scenario");
});

afterAll(async () => {
  await leaveAll(rooms);
  await srv?.stop();
});

describe("a scenario shared by its tables", () => {
  it("two tables of crew-dragon-2020 hold the same frozen scenario; another scenario its own", async () => {
    const codes: string[] = [];
    for (const [seed, scenario] of [
      ["share-a", "crew-dragon-2020"],
      ["share-b", "crew-dragon-2020"],
      ["share-c", "lunar-gateway-2033"],
    ] as const) {
      const { code } = await createGame(srv.base, { seed, scenario, timers: LONG_TIMERS });
      // a room opens when someone joins
      rooms.push((await join(srv.base, code, { spectator: true })).room);
      codes.push(code);
    }
    const [a, b, c] = codes.map((code) => srv.room(code)?.engineState.scenario);
    expect(a).toBeDefined();
    expect(b).toBe(a);
    expect(c).not.toBe(a);
    expect(c?.id).toBe("lunar-gateway-2033");
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(a?.roles.us)).toBe(true);
  });
});
