/**
 * A viewer's chat travels in chunks of CHAT_CHUNK messages (shared/protocol/viewSlices.ts):
 * here the projection appends across chunk boundaries, one message at a time and several in
 * one update, and after each update the synced map is what grouping every viewer's whole view
 * gives, each client assembles its playerView, a closed chunk is never touched again, and a
 * seat's chat slices are the same whether or not other seats talked in private.
 */
import type { Client } from "@colyseus/core";
import { Encoder, StateView } from "@colyseus/schema";
import { describe, expect, it } from "vitest";
import { Projection, viewerOf } from "../../server/rooms/project.ts";
import { GameSchema } from "../../server/rooms/schema.ts";
import {
  assembleView,
  CHAT_CHUNK,
  chatChunkJson,
  groupSlices,
  sliceView,
  syncedSlices,
} from "../../shared/protocol/viewSlices.ts";
import type { GameState } from "../../shared/rules/types.ts";
import { playerView } from "../../shared/rules/view.ts";
import { negotiating, seatMust } from "../fixtures/build.ts";
import { asJson } from "./helpers.ts";

function projected(state: GameState) {
  const root = new GameSchema();
  new Encoder(root);
  const projection = new Projection(root);
  const keys = [...state.order.map((r) => `seat:${r}`), "spectator", "facilitator"];
  const clients = keys.map((k) => [{ view: new StateView() } as unknown as Client, k] as const);
  for (const [client, key] of clients) projection.syncClient(client, key);
  let version = 0;
  const update = (s: GameState) => projection.update(s, clients, ++version);
  const synced = () => {
    const out = new Map<string, { json: string; slice: object }>();
    root.slices.forEach((slice, key) => {
      out.set(key, { json: slice.json, slice });
    });
    root.chat.forEach((chunk, key) => {
      out.set(key, { json: chatChunkJson(chunk.messages.toArray()), slice: chunk });
    });
    return out;
  };
  const check = (s: GameState) => {
    const want = groupSlices(new Map(keys.map((k) => [k, sliceView(playerView(s, viewerOf(k)))])));
    const have = synced();
    expect([...have].map(([k, v]) => [k, v.json]).sort()).toEqual(
      [...want].map(([k, v]) => [k, v.json]).sort(),
    );
    for (const [client, key] of clients) {
      const seen = syncedSlices(root, (slice) => client.view?.has(slice as never) === true);
      expect(assembleView(seen)).toStrictEqual(asJson(playerView(s, viewerOf(key))));
    }
  };
  return { update, synced, check };
}

/** uae's own chat slices (key → JSON) as synced. */
const uaeChat = (synced: Map<string, { json: string }>) =>
  [...synced]
    .filter(([k]) => k.startsWith("chat/") && k.endsWith("|seat:uae"))
    .map(([k, v]) => [k, v.json]);

describe("chat in chunks", () => {
  it("appends across chunk boundaries, one message or several at a time, and leaves closed chunks alone", () => {
    let s = negotiating();
    const p = projected(s);
    p.update(s);
    p.check(s);
    // 1, 1, …: up to one past the first boundary; then bursts that close two chunks in one update
    const steps = [...Array(CHAT_CHUNK + 1).fill(1), CHAT_CHUNK * 2 + 3, 1, CHAT_CHUNK - 2];
    let sent = 0;
    const closed = new Map<string, { json: string; slice: object }>();
    for (const n of steps) {
      for (let i = 0; i < n; i++, sent++) {
        s =
          sent % 3 === 0
            ? seatMust(s, "uae", { type: "statement", text: `all ${sent}` })
            : seatMust(s, "uae", { type: "chat", to: ["spacex"], text: `to spacex ${sent}` });
      }
      p.update(s);
      p.check(s);
      const mine = uaeChat(p.synced());
      expect(mine.length).toBe(Math.ceil(sent / CHAT_CHUNK));
      // every chunk closed earlier is the same slice with the same JSON
      for (const [key, before] of closed) expect(p.synced().get(key)).toEqual(before);
      for (const [key] of mine) {
        const k = Number(key.slice("chat/#".length, key.indexOf("|")));
        if ((k + 1) * CHAT_CHUNK <= sent && !closed.has(key))
          closed.set(key, p.synced().get(key) as { json: string; slice: object });
      }
    }
    expect(sent).toBeGreaterThan(CHAT_CHUNK * 4);
    expect(closed.size).toBe(Math.floor(sent / CHAT_CHUNK));
    const last = uaeChat(p.synced()).at(-1) as [string, string];
    expect((JSON.parse(last[1]) as unknown[]).length).toBe(sent % CHAT_CHUNK || CHAT_CHUNK);
  });

  it("a seat's chunks are the same whether or not two other seats talked in private", () => {
    const play = (privateTalk: boolean) => {
      let s = negotiating();
      const p = projected(s);
      p.update(s);
      for (let i = 0; i < CHAT_CHUNK * 2 + 5; i++) {
        if (privateTalk) {
          s = seatMust(s, "us", { type: "chat", to: ["russia"], text: `secret ${i}` });
          s = seatMust(s, "russia", { type: "chat", to: ["us"], text: `reply ${i}` });
          p.update(s);
        }
        s = seatMust(s, "uae", { type: "chat", to: ["spacex"], text: `hello ${i}` });
        p.update(s);
      }
      p.check(s);
      return uaeChat(p.synced());
    };
    const quiet = play(false);
    expect(quiet.length).toBe(3);
    expect(play(true)).toEqual(quiet);
  });
});
