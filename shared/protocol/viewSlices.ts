/**
 * How a player view travels: the server cuts each viewer's `playerView` into
 * slices (one per top-level field, one per record entry, one per chat message
 * or yearly report), each a JSON string in the synced schema, and shows every
 * client only the slices of its viewer (Colyseus StateView). The client glues
 * the slices it sees back into exactly the `playerView` the engine computed.
 * Slices that every viewer sees alike are one shared slice.
 */
import type { PlayerView } from "../rules/view.ts";

/** Record fields: one slice per entry, keyed by id. */
const RECORDS = ["seats", "private", "proposals", "deals"] as const;
/**
 * Array fields: one slice per element, keyed by a number that orders them. Chat is keyed by
 * its place in the viewer's own list (a chat id counts within its channel only, and no key may
 * count messages the viewer does not see).
 */
const LISTS = {
  chat: (_m: unknown, place: number) => place,
  reports: (r: { year: number }) => r.year,
} as const;

type ListField = keyof typeof LISTS;
/** Slices keyed by a place in the viewer's own list (never shared between viewers). */
const OWN_PLACES = "chat/";
const isRecord = (f: string): f is (typeof RECORDS)[number] =>
  (RECORDS as readonly string[]).includes(f);
const isList = (f: string): f is ListField => f in LISTS;

/** How a slice's value becomes its JSON (the server memoises what never changes; see project.ts). */
export type SliceJson = (value: unknown, field: string) => string;
const plainJson: SliceJson = (value) => JSON.stringify(value);

/**
 * A view as slice path → JSON. Paths: `field`, `field/id` (records) or `field/#n` (lists).
 * `withChat: false` leaves the chat out, for a caller that appends it itself (`chatSlicePath`).
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
      if (field === "chat" && !withChat) continue;
      const key = LISTS[field] as (x: unknown, place: number) => number;
      (value as unknown[]).forEach((item, place) => {
        out.set(`${field}/#${key(item, place)}`, json(item, field));
      });
    } else {
      out.set(field, json(value, field));
    }
  }
  return out;
}

/** The path of the chat message at `place` in a viewer's own list (as sliceView makes it). */
export function chatSlicePath(place: number): string {
  return `chat/#${LISTS.chat(null, place)}`;
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
  const lists: Record<string, [number, unknown][]> = { chat: [], reports: [] };
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
    else if (isList(field)) lists[field]?.push([Number(id.slice(1)), JSON.parse(json)]);
  }
  for (const [field, items] of Object.entries(lists))
    view[field] = items.sort((a, b) => a[0] - b[0]).map((x) => x[1]);
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
  const everyone = perViewer.size;
  for (const [path, variants] of byPath) {
    if (path.startsWith(OWN_PLACES)) {
      // keyed by a place in one viewer's own list: whether two viewers' n-th messages agree
      // would tell each about the other's traffic, so every viewer gets its own slice
      for (const [json, viewers] of variants)
        for (const v of viewers) out.set(ownSliceKey(path, v), { json, viewers: [v] });
      continue;
    }
    for (const [json, viewers] of variants) {
      const key =
        variants.size === 1 && viewers.length === everyone
          ? path
          : `${path}|${[...viewers].sort().join(",")}`;
      out.set(key, { json, viewers });
    }
  }
  return out;
}
