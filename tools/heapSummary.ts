/**
 * A V8 heap snapshot summarised for bench:memory: bytes by owner, where an object's owner is its
 * constructor and a hidden part (a Map's table, an array's elements, a string) belongs to the
 * nearest object that holds it (first strong retainer, a few steps up); with a second snapshot
 * as the baseline, the difference. Also the bytes of strings whose content appears more than
 * once (copies that could be one). And bytes by holder: the nearest of our or Colyseus' objects
 * (HOLDERS) up the first-strong-retainer chain, with the field it holds them in, e.g.
 * `Projection.last` (a cheap stand-in for a dominator tree: a node reached first through another
 * path is counted there). `node tools/heapSummary.ts loaded.heapsnapshot [idle.heapsnapshot] [--per N]`
 */
import { readFileSync } from "node:fs";

interface Snapshot {
  snapshot: {
    meta: {
      node_fields: string[];
      node_types: [string[], ...unknown[]];
      edge_fields: string[];
      edge_types: [string[], ...unknown[]];
    };
  };
  nodes: number[];
  edges: number[];
  strings: string[];
}

/** Objects whose fields say where memory goes (ours, Colyseus', ws/net). */
const HOLDERS = new Set([
  "GameRoom",
  "Projection",
  "Table",
  "Seating",
  "FloodGate",
  "EventRelay",
  "ReservationBook",
  "Encoder",
  "SchemaSerializer",
  "Root",
  "StateView",
  "WebSocketClient",
  "WebSocket",
  "Socket",
]);

export interface Summary {
  byOwner: Map<string, { bytes: number; count: number }>;
  /** Bytes by holder and field (see HOLDERS); "(code)" apart. */
  byHolder: Map<string, { bytes: number; count: number }>;
  duplicateStringBytes: number;
  total: number;
}

const OBJECT_TYPES = new Set(["object", "closure", "regexp"]);

export function summarise(file: string): Summary {
  const s = JSON.parse(readFileSync(file, "utf8")) as Snapshot;
  const nf = s.snapshot.meta.node_fields;
  const ef = s.snapshot.meta.edge_fields;
  const N = nf.length;
  const E = ef.length;
  const types = s.snapshot.meta.node_types[0];
  const edgeTypes = s.snapshot.meta.edge_types[0];
  const [iType, iName, iSize, iEdges] = ["type", "name", "self_size", "edge_count"].map((f) =>
    nf.indexOf(f),
  ) as [number, number, number, number];
  const [eType, eTo] = ["type", "to_node"].map((f) => ef.indexOf(f)) as [number, number];
  const count = s.nodes.length / N;
  const eName = ef.indexOf("name_or_index");
  const typeOf = (n: number) => types[s.nodes[n * N + iType] as number] as string;
  const nameOf = (n: number) => s.strings[s.nodes[n * N + iName] as number] as string;
  const owner = new Int32Array(count).fill(-1);
  /** The first strong retainer of each node and the edge's name, not through code or V8's internals. */
  const holder = new Int32Array(count).fill(-1);
  const field: string[] = new Array(count);
  let e = 0;
  for (let n = 0; n < count; n++) {
    const edges = s.nodes[n * N + iEdges] as number;
    const from = nameOf(n);
    const internal =
      typeOf(n) === "code" ||
      from.startsWith("WebAssembly") ||
      from.startsWith("(") ||
      from.startsWith("system /");
    for (let k = 0; k < edges; k++, e += E) {
      const t = edgeTypes[s.edges[e + eType] as number];
      if (t === "weak" || t === "shortcut") continue;
      const to = (s.edges[e + eTo] as number) / N;
      if (owner[to] === -1) owner[to] = n;
      if (!internal && holder[to] === -1) {
        holder[to] = n;
        const named = t === "property" || t === "internal" || t === "context";
        field[to] = named ? String(s.strings[s.edges[e + eName] as number]) : "[]";
      }
    }
  }
  const label = (n: number) => {
    const t = typeOf(n);
    return t === "closure" ? `closure ${nameOf(n)}` : nameOf(n);
  };
  const byOwner = new Map<string, { bytes: number; count: number }>();
  const byHolder = new Map<string, { bytes: number; count: number }>();
  const heldBy = (n: number): string => {
    if (typeOf(n) === "code") return "(code)";
    if (HOLDERS.has(nameOf(n)) && typeOf(n) === "object") return `${nameOf(n)} (itself)`;
    for (let cur = n, step = 0; step < 30; step++) {
      const up = holder[cur] as number;
      if (up < 0) break;
      if (typeOf(up) === "object" && HOLDERS.has(nameOf(up))) return `${nameOf(up)}.${field[cur]}`;
      cur = up;
    }
    return "(elsewhere)";
  };
  const strings = new Map<string, number>();
  let duplicateStringBytes = 0;
  let total = 0;
  for (let n = 0; n < count; n++) {
    const size = s.nodes[n * N + iSize] as number;
    total += size;
    const t = typeOf(n);
    let key: string;
    if (OBJECT_TYPES.has(t)) key = label(n);
    else {
      let up = owner[n] as number;
      for (let step = 0; step < 4 && up >= 0 && !OBJECT_TYPES.has(typeOf(up)); step++)
        up = owner[up] as number;
      key = `${t} in ${up >= 0 && OBJECT_TYPES.has(typeOf(up)) ? label(up) : "?"}`;
      if (t === "string") {
        const text = nameOf(n);
        if (strings.has(text)) duplicateStringBytes += size;
        strings.set(text, (strings.get(text) ?? 0) + 1);
      }
    }
    bump(byOwner, key, size);
    const held = heldBy(n);
    // what no holder reaches is told apart by constructor
    bump(byHolder, held === "(elsewhere)" ? `(elsewhere) ${key}` : held, size);
  }
  return { byOwner, byHolder, duplicateStringBytes, total };
}

function bump(rows: Map<string, { bytes: number; count: number }>, key: string, size: number) {
  const row = rows.get(key) ?? { bytes: 0, count: 0 };
  row.bytes += size;
  row.count++;
  rows.set(key, row);
}

/** The owners and holders that grew most from `base` to `top`, per `per` (e.g. per table). */
export function report(top: Summary, base: Summary | null, per: number, rows = 20): string[] {
  const total = top.total - (base?.total ?? 0);
  const dup = top.duplicateStringBytes - (base?.duplicateStringBytes ?? 0);
  const kb = (bytes: number) => (bytes / 1024 / per).toFixed(1).padStart(8);
  const out = [
    `snapshot: ${kb(total).trim()} KB per unit (${per} units), duplicated string content ${kb(dup).trim()} KB per unit`,
  ];
  const grown = (field: "byOwner" | "byHolder") =>
    [...top[field]]
      .map(([k, v]) => {
        const b = base?.[field].get(k);
        return [k, v.bytes - (b?.bytes ?? 0), v.count - (b?.count ?? 0)] as const;
      })
      .sort((a, b) => b[1] - a[1])
      .slice(0, rows);
  out.push("by constructor (hidden parts with the object that holds them):");
  for (const [k, bytes, count] of grown("byOwner"))
    out.push(`  ${kb(bytes)} KB ${(count / per).toFixed(0).padStart(6)}×  ${k.slice(0, 80)}`);
  out.push("by holder and field:");
  for (const [k, bytes] of grown("byHolder")) out.push(`  ${kb(bytes)} KB  ${k.slice(0, 80)}`);
  return out;
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const perAt = args.indexOf("--per");
  const per = perAt >= 0 ? Number(args[perAt + 1]) : 1;
  const files = args.filter((_, i) => perAt < 0 || (i !== perAt && i !== perAt + 1));
  const [top, base] = files;
  if (!top) {
    process.stderr.write(
      "usage: node tools/heapSummary.ts loaded.heapsnapshot [idle.heapsnapshot] [--per N]\n",
    );
    process.exit(2);
  }
  for (const line of report(summarise(top), base ? summarise(base) : null, per)) console.log(line);
}
