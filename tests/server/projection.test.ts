/**
 * The projection works by difference (server/rooms/project.ts): it keeps what
 * it sent and adds, changes or removes only what an action touched. Here a
 * chat-heavy table of seven seats plays three years through the table core,
 * and after every change the synced map must hold exactly the slices that
 * grouping every viewer's whole view gives (nothing stale, nothing missing),
 * and each client's StateView must show exactly its viewer's slices, which
 * assemble to its playerView.
 */
import fs from "node:fs";
import path from "node:path";
import type { Client } from "@colyseus/core";
import { Encoder, StateView } from "@colyseus/schema";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Projection, viewerOf } from "../../server/rooms/project.ts";
import { GameSchema } from "../../server/rooms/schema.ts";
import { openStore, type Store } from "../../server/store/db.ts";
import { Table } from "../../server/table.ts";
import {
  assembleView,
  groupSlices,
  sliceView,
  syncedSlices,
} from "../../shared/protocol/viewSlices.ts";
import { defaultSeats } from "../../shared/rules/setup.ts";
import type { ActionBody, GameState, RoleId } from "../../shared/rules/types.ts";
import { playerView } from "../../shared/rules/view.ts";
import { requireScenario } from "../../shared/scenario/load.ts";
import { asJson, tempDataDir } from "./helpers.ts";

const scenario = requireScenario(
  JSON.parse(fs.readFileSync("assets/scenarios/crew-dragon-2020.json", "utf8")),
  "crew-dragon-2020",
);
const ROLES = defaultSeats(scenario).map((s) => s.role);
const PEOPLE: RoleId[] = ["us", "russia", "uae"];

let dir = "";
let store: Store;
beforeEach(() => {
  dir = tempDataDir("projection");
  store = openStore(path.join(dir, "db"));
});
afterEach(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** What the projection must sync: every viewer's whole view, cut and grouped afresh. */
function expected(state: GameState, keys: string[]) {
  const perViewer = new Map(keys.map((k) => [k, sliceView(playerView(state, viewerOf(k)))]));
  return groupSlices(perViewer);
}

describe("the projection by difference", () => {
  it("syncs exactly the slices of every viewer's whole view after every change of a long game", () => {
    const root = new GameSchema();
    // as in a room: the state is attached to an encoder, which is what StateViews track against
    new Encoder(root);
    const projection = new Projection(root);
    const keys = [...ROLES.map((r) => `seat:${r}`), "spectator", "facilitator"];
    const clients = keys.map((k) => [{ view: new StateView() } as unknown as Client, k] as const);
    let now = 1_700_000_000_000;
    let timer: (() => void) | null = null;
    let checks = 0;
    const check = (state: GameState) => {
      const want = expected(state, keys);
      const have = new Map(syncedSlices(root));
      expect(new Map([...have].sort())).toEqual(
        new Map([...want].map(([k, v]) => [k, v.json] as const).sort()),
      );
      for (const [client, key] of clients) {
        const seen = syncedSlices(root, (slice) => client.view?.has(slice as never) === true);
        const mine = [...want].filter(([, v]) => v.viewers.includes(key)).map(([k]) => k);
        expect(seen.map(([k]) => k).sort(), `${key} is shown`).toEqual(mine.sort());
        expect(assembleView(seen)).toStrictEqual(asJson(playerView(state, viewerOf(key))));
      }
      checks++;
    };
    const seats = ROLES.map((role) =>
      PEOPLE.includes(role)
        ? { role, controller: "human" as const, members: [{ id: `m-${role}`, name: role }] }
        : { role, controller: "bot" as const },
    );
    store.createGame({
      id: "PROJ01",
      scenarioId: scenario.id,
      scenarioJson: scenario,
      seed: "projection",
      seats,
      options: { years: 3 },
      hostTokenHash: "x",
      owner: "test",
      now,
    });
    const table = new Table(
      { gameId: "PROJ01", scenario, seed: "projection", seats, options: { years: 3 } },
      {
        store,
        clock: {
          now: () => now,
          setTimeout(fn) {
            timer = fn;
            return { clear: () => {} };
          },
        },
        transport: {
          stateChanged: (s, version) => {
            projection.update(s, clients, version);
            check(s);
          },
          events() {},
        },
        view: (s, role, version) => projection.viewFor(s, `seat:${role}`, version),
      },
    );
    for (const [client, key] of clients) projection.syncClient(client, key);
    table.act({ kind: "host" }, { type: "startGame" });
    let i = 0;
    while (table.state.phase !== "ended") {
      now += 1_000;
      if (++i % 60 === 0) {
        (timer as (() => void) | null)?.();
        continue;
      }
      const seat = PEOPLE[i % 3] as RoleId;
      const others = ROLES.filter((r) => r !== seat);
      const body: ActionBody =
        i % 4 === 0
          ? { type: "statement", text: `${seat} says ${i}` }
          : { type: "chat", to: [others[i % others.length] as RoleId], text: `${seat} ${i}` };
      table.act({ kind: "seat", seat, member: `m-${seat}` }, body, now);
    }
    expect(table.state.reports.length).toBe(3);
    expect(table.actionCount).toBeGreaterThan(250);
    expect(checks).toBeGreaterThan(250);
  }, 120_000);
});
