/**
 * The one writer of synced state: computes every viewer's player view, cuts
 * them into slices, updates the schema, and shows each client exactly the
 * slices of its viewer.
 *
 * It works by difference, so that an action costs what it changed and not what
 * the table's history holds (issue 9): views come from one view cache (unchanged
 * seats, deals, reports and proposals records keep their identity), each
 * viewer's view is compared with its last one in place (`diffView`: what kept
 * its identity and its JSON is skipped unread), the JSON of what never changes
 * is made once (`frozenJson`) and an open proposal's or active deal's while its
 * stamp holds (`liveJson`), chat is appended per viewer (a message pushed onto the open
 * chunk of its own list travels alone; closed chunks never change), only the
 * paths whose JSON changed for some viewer are grouped again, and a client is
 * shown only the slices added since its last update. The slices are the ones
 * `groupSlices` makes of every viewer's whole `sliceView` (tests/server/
 * projection.test.ts and longHistory.test.ts hold the two to that).
 */
import type { Client } from "@colyseus/core";
import {
  CHAT_CHUNK,
  chatChunkPath,
  groupPath,
  ownSliceKey,
  sliceView,
} from "../../shared/protocol/viewSlices.ts";
import { dealStamp, proposalStamp } from "../../shared/rules/records.ts";
import type { Deal, GameState, Proposal } from "../../shared/rules/types.ts";
import type { PlayerView, Viewer } from "../../shared/rules/view.ts";
import { cachedPlayerView, newViewCache, stateChanged } from "../../shared/rules/viewCache.ts";
import { ChatChunk, type GameSchema, Slice } from "./schema.ts";

type SliceInstance = InstanceType<typeof Slice>;
type ChunkInstance = InstanceType<typeof ChatChunk>;

/** "seat:us", "spectator" or "facilitator". */
export function viewerOf(key: string): Viewer {
  if (key.startsWith("seat:")) return { kind: "seat", seat: key.slice(5) };
  return key === "facilitator" ? { kind: "facilitator" } : { kind: "spectator" };
}

/**
 * Whether a view's value can never change once made, so its JSON may be kept by identity. A
 * view made with the cache shares with the state only open proposals and active deals, which
 * the rules change in place; everything else in it is made for it (seats, private seats,
 * reports) or never changes once made (closed proposals, finished deals). Chat messages never
 * change either, but their JSON is made once, when pushed onto a chunk (`appendChat`), so it
 * is not kept beside the chunk.
 */
function frozen(value: unknown, field: string): value is object {
  if (value === null || typeof value !== "object") return false;
  switch (field) {
    case "seats":
    case "private":
    case "reports":
      return true;
    case "proposals":
      return (value as { status: string }).status !== "open";
    case "deals":
      return (value as { status: string }).status !== "active";
    default:
      return false;
  }
}

const RECORD_FIELDS = new Set(["seats", "private", "proposals", "deals"]);

/** The stamp of a live record: an open proposal or an active deal (see `frozen`). */
function liveStamp(value: object, field: string): number {
  return field === "proposals" ? proposalStamp(value as Proposal) : dealStamp(value as Deal);
}

/**
 * Brings `last` (a viewer's slices but chat, path → JSON: what `sliceView` gives of `before`)
 * up to `view` in place, adding the paths whose JSON changed (or that came or went) to
 * `changed`. It allocates only for what changed: a record entry that is the very one `before`
 * had and whose JSON was made while it could no longer change, or a live record whose stamp has
 * not moved (`madeFrozen`: an open proposal or an active deal is the state's own object, which
 * the rules change in place) is skipped unread, and so is a
 * report that is the very one (the view cache keeps the identity of what did not change).
 * Rebuilding every viewer's whole `sliceView` at every action made most of the bytes an action
 * allocated (`npm run bench:alloc`).
 */
function diffView(
  view: PlayerView,
  before: PlayerView,
  last: Map<string, string>,
  json: (value: unknown, field: string) => string,
  madeFrozen: (value: unknown, field: string) => boolean,
  changed: Set<string>,
) {
  const put = (path: string, text: string) => {
    if (last.get(path) === text) return;
    last.set(path, text);
    changed.add(path);
  };
  const drop = (path: string) => {
    if (last.delete(path)) changed.add(path);
  };
  const now = view as unknown as Record<string, unknown>;
  const was = before as unknown as Record<string, unknown>;
  for (const field in now) {
    const value = now[field];
    const old = was[field];
    if (field === "chat") continue;
    if (RECORD_FIELDS.has(field)) {
      const entries = value as Record<string, unknown>;
      const oldEntries = old as Record<string, unknown>;
      // the view cache keeps a viewer's proposals record while no proposal changed (by stamp)
      if (field === "proposals" && entries === oldEntries) continue;
      for (const id in entries) {
        const entry = entries[id];
        if (entry === oldEntries[id] && madeFrozen(entry, field)) continue;
        put(`${field}/${id}`, json(entry, field));
      }
      if (entries !== oldEntries)
        for (const id in oldEntries) if (!Object.hasOwn(entries, id)) drop(`${field}/${id}`);
    } else if (field === "reports") {
      const reports = value as PlayerView["reports"];
      const oldReports = old as PlayerView["reports"];
      if (reports === oldReports) continue;
      for (const [i, r] of reports.entries())
        if (r !== oldReports[i]) put(`reports/#${r.year}`, json(r, field));
      const years = new Set(reports.map((r) => r.year));
      for (const r of oldReports) if (!years.has(r.year)) drop(`reports/#${r.year}`);
    } else if (value !== old || (value !== null && typeof value === "object")) {
      // a top-level value: primitives compared as they are, objects through their JSON
      // (some, like the market, hold the state's own objects, which the rules change in place)
      put(field, json(value, field));
    }
  }
}

export class Projection {
  private readonly root: InstanceType<typeof GameSchema>;
  private cache = newViewCache();
  /** The views of one version of the state (a table changes its state in place: see Table). */
  private views = {
    state: null as GameState | null,
    version: -1,
    byKey: new Map<string, PlayerView>(),
  };

  /** The viewers the slices were made for, in order. */
  private viewerKeys: string[] = [];
  /** The synced slices by key: chat chunks (`root.chat`) and the others (`root.slices`). */
  private slices = new Map<string, SliceInstance | ChunkInstance>();
  /** Which viewers see each slice (fixed by its key: see groupSlices). */
  private viewers = new Map<string, readonly string[]>();
  /** Each viewer's slices but chat, path → JSON, as of the last update. */
  private last = new Map<string, Map<string, string>>();
  /** Each viewer's view at the last update: what `diffView` compares the next one with. */
  private lastView = new Map<string, PlayerView>();
  /** The keys each path's slices have now. */
  private pathKeys = new Map<string, string[]>();
  /** How much of each viewer's chat is in its chunks, and its last message then. */
  private chatSent = new Map<string, { count: number; last: unknown }>();
  /** The JSON of view values that never change (see `frozen`). */
  private frozenJson = new WeakMap<object, string>();
  /** The values whose frozen JSON this update made (other viewers may still hold older JSON). */
  private frozenNow = new Set<object>();
  /**
   * The JSON of each open proposal and active deal (the state's own objects, which the rules
   * change in place) with its stamp then (`proposalStamp`, `dealStamp`) and the update that
   * made it: while the stamp holds, the JSON does (tests/rules/recordStamps.test.ts), so a live
   * record nobody touched costs nothing.
   */
  private liveJson = new WeakMap<object, { stamp: number; text: string; update: number }>();
  /** Updates so far (which one made a live record's JSON). */
  private updates = 0;
  /**
   * Whether a value's JSON is the one it had at the last update, made then or earlier: a value
   * whose JSON was made (and kept) while it could no longer change, or a live record whose
   * stamp has not moved. Every viewer that saw it then holds that JSON.
   */
  private readonly madeFrozen = (value: unknown, field: string): boolean => {
    if (value === null || typeof value !== "object") return false;
    if (this.frozenJson.has(value)) return !this.frozenNow.has(value);
    const live = this.liveJson.get(value);
    return (
      live !== undefined && live.update < this.updates && live.stamp === liveStamp(value, field)
    );
  };
  /** The JSON of the other values, within one update (viewers share them). */
  private onceJson = new Map<object, string>();
  private readonly json = (value: unknown, field: string): string => {
    if (value === null || typeof value !== "object") return JSON.stringify(value);
    const keep = frozen(value, field);
    if (field === "proposals" || field === "deals") {
      if (keep) this.liveJson.delete(value);
      else return this.liveRecordJson(value, field);
    }
    const memo = keep ? this.frozenJson : this.onceJson;
    let text = memo.get(value);
    if (text === undefined) {
      text = JSON.stringify(value);
      memo.set(value, text);
      if (keep) this.frozenNow.add(value);
    }
    return text;
  };
  private liveRecordJson(value: object, field: string): string {
    const stamp = liveStamp(value, field);
    const had = this.liveJson.get(value);
    if (had && had.stamp === stamp) return had.text;
    const text = JSON.stringify(value);
    this.liveJson.set(value, { stamp, text, update: this.updates });
    return text;
  }

  /** Keys added in this update, for the clients' StateViews (Colyseus takes removed ones off them). */
  private added: string[] = [];

  /** One list per viewer for the slices only it sees (chat): one array per viewer, not per message. */
  private only = new Map<string, readonly string[]>();
  /** The viewer each client's StateView was last brought up to date for. */
  private synced = new WeakMap<Client, string>();

  constructor(root: InstanceType<typeof GameSchema>) {
    this.root = root;
  }

  /**
   * A viewer's player view of the state as it is at `version` (computed once per version).
   * A view is good until the state changes (it is made with a view cache).
   */
  viewFor(state: GameState, key: string, version: number): PlayerView {
    const views = this.views;
    if (views.state !== state || views.version !== version) {
      this.views = { state, version, byKey: new Map() };
      stateChanged(this.cache);
    }
    let v = this.views.byKey.get(key);
    if (!v) {
      v = cachedPlayerView(state, viewerOf(key), this.cache);
      this.views.byKey.set(key, v);
    }
    return v;
  }

  /** Brings every viewer's slices and each client's visible set up to the state at `version`. */
  update(state: GameState, clients: readonly (readonly [Client, string])[], version: number) {
    const keys = [...state.order.map((r) => `seat:${r}`), "spectator", "facilitator"];
    if (!sameList(keys, this.viewerKeys)) this.reset(keys);
    this.added = [];
    this.frozenNow.clear();
    this.updates++;
    this.onceJson = new Map();
    const changed = new Set<string>();
    for (const key of keys) {
      const view = this.viewFor(state, key, version);
      const before = this.lastView.get(key);
      const last = this.last.get(key);
      if (before && last) diffView(view, before, last, this.json, this.madeFrozen, changed);
      else {
        const next = sliceView(view, this.json, false);
        for (const path of next.keys()) changed.add(path);
        this.last.set(key, next);
      }
      this.lastView.set(key, view);
      this.appendChat(key, view.chat);
    }
    for (const path of changed) this.regroup(path);
    this.onceJson = new Map();
    for (const [client, viewer] of clients) {
      if (this.synced.get(client) === viewer) this.showChanges(client, viewer);
      else this.syncClient(client, viewer);
    }
  }

  /**
   * Adds the viewer's slices to the client's StateView and removes the ones it may no longer see.
   * What a client was shown is the StateView's own visibility (`has`), not a set kept beside it:
   * that would hold every visible key once more per client. `fresh` (a reconnection) shows
   * every visible slice again, as a new StateView needs.
   */
  syncClient(client: Client, viewer: string, fresh = false) {
    const view = client.view;
    if (!view) return;
    for (const [key, viewers] of this.viewers) {
      const slice = this.slices.get(key);
      if (!slice) continue;
      const visible = viewers.includes(viewer);
      if (visible && (fresh || !view.has(slice))) view.add(slice);
      else if (!visible && view.has(slice)) view.remove(slice);
    }
    this.synced.set(client, viewer);
  }

  /** A client already up to date for its viewer: only this update's new slices are shown to it. */
  private showChanges(client: Client, viewer: string) {
    const view = client.view;
    if (!view) return;
    for (const key of this.added) {
      const slice = this.slices.get(key);
      if (!slice || view.has(slice) || !this.viewers.get(key)?.includes(viewer)) continue;
      view.add(slice);
    }
  }

  /** Groups one path's slices again, from every viewer's current JSON for it. */
  private regroup(path: string) {
    const variants = new Map<string, string[]>();
    for (const v of this.viewerKeys) {
      const json = this.last.get(v)?.get(path);
      if (json === undefined) continue;
      const seeing = variants.get(json);
      if (seeing) seeing.push(v);
      else variants.set(json, [v]);
    }
    const grouped = new Map<string, { json: string; viewers: string[] }>();
    groupPath(path, variants, this.viewerKeys.length, grouped);
    for (const key of this.pathKeys.get(path) ?? []) if (!grouped.has(key)) this.drop(key);
    for (const [key, { json, viewers }] of grouped) this.put(key, json, viewers);
    if (grouped.size > 0) this.pathKeys.set(path, [...grouped.keys()]);
    else this.pathKeys.delete(path);
  }

  /**
   * Pushes a viewer's new chat messages onto its open chunk (chat is only added to), opening
   * the next at CHAT_CHUNK messages: an action sends each viewer its new messages only,
   * whatever the history.
   */
  private appendChat(viewer: string, chat: PlayerView["chat"]) {
    let sent = this.chatSent.get(viewer);
    if (
      sent &&
      (sent.count > chat.length || (sent.count > 0 && chat[sent.count - 1] !== sent.last))
    ) {
      // not the list it was: made again (no rule removes a message, so this should not happen)
      for (let k = 0; k * CHAT_CHUNK < sent.count; k++)
        this.drop(ownSliceKey(chatChunkPath(k), viewer));
      sent = undefined;
    }
    if (!sent) {
      sent = { count: 0, last: undefined };
      this.chatSent.set(viewer, sent);
    }
    if (sent.count === chat.length) return;
    let chunk: ChunkInstance | undefined;
    for (let i = sent.count; i < chat.length; i++) {
      if (!chunk || i % CHAT_CHUNK === 0) chunk = this.chunk(viewer, Math.floor(i / CHAT_CHUNK));
      chunk.messages.push(this.json(chat[i], "chat"));
    }
    sent.count = chat.length;
    sent.last = chat[chat.length - 1];
  }

  private onlyFor(viewer: string): readonly string[] {
    let list = this.only.get(viewer);
    if (!list) {
      list = Object.freeze([viewer]);
      this.only.set(viewer, list);
    }
    return list;
  }

  private put(key: string, json: string, viewers: readonly string[]) {
    const slice = this.slices.get(key) as SliceInstance | undefined;
    if (slice) {
      if (slice.json !== json) slice.json = json;
      return;
    }
    const made = new Slice();
    made.json = json;
    this.slices.set(key, made);
    this.root.slices.set(key, made);
    this.viewers.set(key, viewers);
    this.added.push(key);
  }

  /** Chat chunk `k` of a viewer's own list, made (empty) if it is not yet. */
  private chunk(viewer: string, k: number): ChunkInstance {
    const key = ownSliceKey(chatChunkPath(k), viewer);
    const had = this.slices.get(key) as ChunkInstance | undefined;
    if (had) return had;
    const made = new ChatChunk();
    this.slices.set(key, made);
    this.root.chat.set(key, made);
    this.viewers.set(key, this.onlyFor(viewer));
    this.added.push(key);
    return made;
  }

  private drop(key: string) {
    const slice = this.slices.get(key);
    if (!slice) return;
    this.slices.delete(key);
    if (slice instanceof ChatChunk) this.root.chat.delete(key);
    else this.root.slices.delete(key);
    this.viewers.delete(key);
  }

  /** The viewers changed (a seat came or went): every slice is made again and every client synced afresh. */
  private reset(keys: string[]) {
    for (const key of [...this.slices.keys()]) this.drop(key);
    this.viewerKeys = keys;
    this.last.clear();
    this.lastView.clear();
    this.pathKeys.clear();
    this.chatSent.clear();
    this.synced = new WeakMap();
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
