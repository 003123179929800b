/**
 * How a player view travels: the server cuts each viewer's `playerView` into
 * slices (one per top-level field, one per record entry or yearly report, one
 * per chunk of `CHAT_CHUNK` chat messages), each a JSON string in the synced
 * schema (a chat chunk: its messages' JSON strings, an array that only grows), and shows every client only the slices of its viewer (Colyseus
 * StateView). The client glues the slices it sees back into exactly the
 * `playerView` the engine computed. Slices that every viewer sees alike are one
 * shared slice.
 */
import type { PlayerView } from "../rules/view.ts";

/** Record fields: one slice per entry, keyed by id. */
const RECORDS = ["seats", "private", "proposals", "deals"] as const;
/** Array fields: reports are one slice per element, keyed by year. */
const LISTS = ["chat", "reports"] as const;
type ListField = (typeof LISTS)[number];

/**
 * Chat messages a slice holds. A viewer's chat is cut by place in its own list into chunks of
 * this many, the slice `chat/#k` holding messages k·CHAT_CHUNK … (k+1)·CHAT_CHUNK − 1 as a JSON
 * array: a full chunk never changes again, and only the last one grows. Why chunks: each synced
 * slice costs the server ≈ 870 B of heap beside its JSON (docs/PERFORMANCE.md, Memory), and a
 * slice per message made chat most of a long game's memory. Why places in the viewer's own
 * list: a chat id counts within its channel only, and no key, and no chunk's fill, may count
 * messages the viewer does not see.
 */
export const CHAT_CHUNK = 16;
/** Slices keyed by a place in the viewer's own list (never shared between viewers). */
const OWN_PLACES = "chat/";
const isRecord = (f: string): f is (typeof RECORDS)[number] =>
  (RECORDS as readonly string[]).includes(f);
const isList = (f: string): f is ListField => (LISTS as readonly string[]).includes(f);

/** How a slice's value becomes its JSON (the server memoises what never changes; see project.ts). */
export type SliceJson = (value: unknown, field: string) => string;
const plainJson: SliceJson = (value) => JSON.stringify(value);

/**
 * A view as slice path → JSON. Paths: `field`, `field/id` (records), `reports/#year` or
 * `chat/#chunk` (a JSON array of up to CHAT_CHUNK messages: `chatChunkJson`).
 * `withChat: false` leaves the chat out, for a caller that appends it itself (`chatChunkPath`).
 */
export function sliceView(
  view: PlayerView,
  json: SliceJson = plainJson,
  withChat = true,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const [field, value] of Object.entries(view)) {
    if (isRecord(field)) {
      for (const [id, entry] of Object.entries(value as Record<string, unknown>))
        out.set(`${field}/${id}`, json(entry, field));
    } else if (isList(field)) {
      const items = value as unknown[];
      if (field === "reports") {
        for (const r of items) out.set(`reports/#${(r as { year: number }).year}`, json(r, field));
        continue;
      }
      if (!withChat) continue;
      for (let k = 0; k * CHAT_CHUNK < items.length; k++) {
        const chunk = items.slice(k * CHAT_CHUNK, (k + 1) * CHAT_CHUNK);
        out.set(chatChunkPath(k), chatChunkJson(chunk.map((m) => json(m, field))));
      }
    } else {
      out.set(field, json(value, field));
    }
  }
  return out;
}

/** The path of chat chunk `k` of a viewer's own list (as sliceView makes it). */
export function chatChunkPath(k: number): string {
  return `chat/#${k}`;
}

/**
 * A chunk's JSON from its messages' JSON: what JSON.stringify gives the array of them, so a
 * server that keeps each message's JSON can append without stringifying the chunk again.
 */
export function chatChunkJson(messages: readonly string[]): string {
  return `[${messages.join(",")}]`;
}

/** The part of a synced state (the schema's maps, decoded or not) that holds a view's slices. */
export interface SyncedSlices {
  slices?: { forEach(each: (slice: { json: string }, key: string) => void): void };
  /** Chat chunks (`chat/#k|viewer`): each message's JSON, in order (an array grows by one). */
  chat?: {
    forEach(each: (chunk: { messages: { toArray(): string[] } }, key: string) => void): void;
  };
}

/**
 * A synced state's slices as [key, JSON] pairs, what `assembleView` takes: a chat chunk's JSON
 * is its messages' `chatChunkJson`. `shown` keeps only the slices it answers true for (a
 * server-side StateView's `has`).
 */
export function syncedSlices(
  state: SyncedSlices | undefined,
  shown: (slice: object) => boolean = () => true,
): [string, string][] {
  const out: [string, string][] = [];
  state?.slices?.forEach((slice, key) => {
    if (shown(slice)) out.push([key, slice.json]);
  });
  state?.chat?.forEach((chunk, key) => {
    if (shown(chunk)) out.push([key, chatChunkJson(chunk.messages.toArray())]);
  });
  return out;
}

/** The key of a slice that only `viewer` sees, keyed by a place in its own list (see groupSlices). */
export function ownSliceKey(path: string, viewer: string): string {
  return `${path}|${viewer}`;
}

/** The path of a slice key (a key may carry a `|variant` suffix when viewers see different content). */
export function slicePath(key: string): string {
  const bar = key.indexOf("|");
  return bar < 0 ? key : key.slice(0, bar);
}

/** Rebuilds a player view from the slices a client sees (key → JSON). */
export function assembleView(slices: Iterable<[string, string]>): PlayerView {
  const view: Record<string, unknown> = {};
  for (const f of RECORDS) view[f] = {};
  const lists: Record<ListField, [number, unknown][]> = { chat: [], reports: [] };
  for (const [key, json] of slices) {
    const path = slicePath(key);
    const slash = path.indexOf("/");
    if (slash < 0) {
      view[path] = JSON.parse(json);
      continue;
    }
    const field = path.slice(0, slash);
    const id = path.slice(slash + 1);
    if (isRecord(field)) (view[field] as Record<string, unknown>)[id] = JSON.parse(json);
    else if (isList(field)) lists[field].push([Number(id.slice(1)), JSON.parse(json)]);
  }
  view.reports = lists.reports.sort((a, b) => a[0] - b[0]).map((x) => x[1]);
  // each chat slice is a chunk of messages, in order
  view.chat = lists.chat.sort((a, b) => a[0] - b[0]).flatMap((x) => x[1] as unknown[]);
  return view as unknown as PlayerView;
}

/**
 * Groups every viewer's slices into shared slices: key → JSON and the viewers
 * that see it. Chat slices are never shared: each viewer's are keyed by place in
 * its own list. A path whose content differs between viewers gets one keyed
 * variant per group of viewers (`path|viewerA,viewerB`), stable while the
 * grouping holds, so an update changes a JSON string rather than the key set.
 */
export function groupSlices(
  perViewer: Map<string, Map<string, string>>,
): Map<string, { json: string; viewers: string[] }> {
  const byPath = new Map<string, Map<string, string[]>>();
  for (const [viewer, slices] of perViewer) {
    for (const [path, json] of slices) {
      let variants = byPath.get(path);
      if (!variants) {
        variants = new Map();
        byPath.set(path, variants);
      }
      const list = variants.get(json);
      if (list) list.push(viewer);
      else variants.set(json, [viewer]);
    }
  }
  const out = new Map<string, { json: string; viewers: string[] }>();
  for (const [path, variants] of byPath) groupPath(path, variants, perViewer.size, out);
  return out;
}

/**
 * One path's slices from its variants (JSON → the viewers that see it, in viewer order) among
 * `everyone` viewers, added to `out` keyed as `groupSlices` keys them.
 */
export function groupPath(
  path: string,
  variants: Map<string, string[]>,
  everyone: number,
  out: Map<string, { json: string; viewers: string[] }>,
): void {
  if (path.startsWith(OWN_PLACES)) {
    // keyed by a place in one viewer's own list: whether two viewers' n-th messages agree
    // would tell each about the other's traffic, so every viewer gets its own slice
    for (const [json, viewers] of variants)
      for (const v of viewers) out.set(ownSliceKey(path, v), { json, viewers: [v] });
    return;
  }
  for (const [json, viewers] of variants) {
    const key =
      variants.size === 1 && viewers.length === everyone
        ? path
        : `${path}|${[...viewers].sort().join(",")}`;
    out.set(key, { json, viewers });
  }
}
