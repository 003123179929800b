/**
 * The one writer of synced state: computes every viewer's player view, cuts
 * them into slices, updates the schema, and shows each client exactly the
 * slices of its viewer.
 */
import type { Client } from "@colyseus/core";
import { groupSlices, sliceView } from "../../shared/protocol/viewSlices.ts";
import type { GameState } from "../../shared/rules/types.ts";
import { type PlayerView, playerView, type Viewer } from "../../shared/rules/view.ts";
import { type GameSchema, Slice } from "./schema.ts";

type SliceInstance = InstanceType<typeof Slice>;

/** "seat:us", "spectator" or "facilitator". */
export function viewerOf(key: string): Viewer {
  if (key.startsWith("seat:")) return { kind: "seat", seat: key.slice(5) };
  return key === "facilitator" ? { kind: "facilitator" } : { kind: "spectator" };
}

export class Projection {
  private slices = new Map<string, SliceInstance>();
  private viewers = new Map<string, string[]>();
  private shown = new WeakMap<Client, Set<string>>();
  private cache: { state: GameState | null; views: Map<string, PlayerView> } = {
    state: null,
    views: new Map(),
  };

  private readonly root: InstanceType<typeof GameSchema>;

  constructor(root: InstanceType<typeof GameSchema>) {
    this.root = root;
  }

  /** A viewer's player view of this state (computed once per state). */
  viewFor(state: GameState, key: string): PlayerView {
    if (this.cache.state !== state) this.cache = { state, views: new Map() };
    let v = this.cache.views.get(key);
    if (!v) {
      v = playerView(state, viewerOf(key));
      this.cache.views.set(key, v);
    }
    return v;
  }

  /** Recomputes every viewer's slices and each client's visible set. */
  update(state: GameState, clients: readonly (readonly [Client, string])[]) {
    const keys = [...state.order.map((r) => `seat:${r}`), "spectator", "facilitator"];
    const perViewer = new Map<string, Map<string, string>>();
    for (const key of keys) perViewer.set(key, sliceView(this.viewFor(state, key)));
    const grouped = groupSlices(perViewer);
    for (const [key, { json, viewers }] of grouped) {
      let slice = this.slices.get(key);
      if (!slice) {
        slice = new Slice();
        slice.json = json;
        this.slices.set(key, slice);
        this.root.slices.set(key, slice);
      } else if (slice.json !== json) {
        slice.json = json;
      }
      this.viewers.set(key, viewers);
    }
    for (const key of [...this.slices.keys()]) {
      if (grouped.has(key)) continue;
      this.root.slices.delete(key);
      this.slices.delete(key);
      this.viewers.delete(key);
    }
    for (const [client, viewer] of clients) this.syncClient(client, viewer);
  }

  /** Adds the viewer's slices to the client's StateView and removes the ones it may no longer see. */
  syncClient(client: Client, viewer: string, fresh = false) {
    const view = client.view;
    if (!view) return;
    let shown = this.shown.get(client);
    if (!shown || fresh) {
      shown = new Set();
      this.shown.set(client, shown);
    }
    for (const [key, viewers] of this.viewers) {
      const slice = this.slices.get(key);
      if (!slice) continue;
      const visible = viewers.includes(viewer);
      if (visible && (!shown.has(key) || fresh)) {
        view.add(slice);
        shown.add(key);
      } else if (!visible && shown.has(key)) {
        view.remove(slice);
        shown.delete(key);
      }
    }
    for (const key of [...shown]) if (!this.slices.has(key)) shown.delete(key);
  }
}
