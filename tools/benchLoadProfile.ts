/**
 * What dominates a V8 CPU profile (`.cpuprofile`, as `node --cpu-prof` writes it): the share of
 * samples by where the code lives (our directories, each package, V8/GC), the functions with
 * the most self time, and the functions with the most inclusive time (a recursive function
 * counted once per stack). Shares are of all samples, idle included, and of the busy ones.
 */
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  /** µs between samples (the first from `startTime`). */
  timeDeltas?: number[];
}

/** Where a frame's code lives: a package, one of our directories, or V8 itself. */
function place(url: string, fn: string): string {
  if (fn === "(idle)" || fn === "(program)" || fn === "(garbage collector)") return fn;
  if (!url) return "(native)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1] as string;
  if (url.startsWith("node:")) return "node core";
  const ours = /\/(shared\/[^/]+|server(?:\/[^/]+)?|tools)\/[^/]+$/.exec(url);
  return ours ? (ours[1] as string) : url;
}

/** Our code (shared/, server/), as the inclusive list and the stretches show it. */
const isOurs = (n: ProfileNode) =>
  /^(shared|server)/.test(place(n.callFrame.url, n.callFrame.functionName));

const label = (n: ProfileNode) => {
  const f = n.callFrame;
  const file = f.url.split("/").slice(-2).join("/");
  return `${f.functionName || "(anonymous)"} ${file ? `${file}:${f.lineNumber + 1}` : ""}`.trim();
};

/** `window`: µs on the profile's clock; the longest stretches are looked for inside it only. */
export function summariseProfile(
  file: string,
  top = 15,
  window?: { start: number; end: number },
): string {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  for (const s of profile.samples) self.set(s, (self.get(s) ?? 0) + 1);
  const total = profile.samples.length || 1;
  let idle = 0;
  for (const n of profile.nodes)
    if (n.callFrame.functionName === "(idle)") idle += self.get(n.id) ?? 0;
  const busy = Math.max(1, total - idle);

  const places = new Map<string, number>();
  const selfBy = new Map<string, number>();
  for (const [id, hits] of self) {
    const n = byId.get(id) as ProfileNode;
    const where = place(n.callFrame.url, n.callFrame.functionName);
    places.set(where, (places.get(where) ?? 0) + hits);
    selfBy.set(label(n), (selfBy.get(label(n)) ?? 0) + hits);
  }

  // inclusive: each node's subtree, a label counted once per stack (recursion)
  const inclusive = new Map<string, number>();
  // our functions only: the stream and socket frames above them would fill the list
  const walk = (id: number, open: Set<string>): number => {
    const n = byId.get(id) as ProfileNode;
    let sum = self.get(id) ?? 0;
    const key = label(n);
    const fresh = !open.has(key);
    if (fresh) open.add(key);
    for (const c of n.children ?? []) sum += walk(c, open);
    if (fresh) {
      open.delete(key);
      if (isOurs(n)) inclusive.set(key, (inclusive.get(key) ?? 0) + sum);
    }
    return sum;
  };
  const root = profile.nodes[0];
  if (root) walk(root.id, new Set());

  const share = (hits: number) =>
    `${((hits / busy) * 100).toFixed(1).padStart(5)} % busy ${((hits / total) * 100).toFixed(1).padStart(5)} % all`;
  const list = (m: Map<string, number>, skip: (k: string) => boolean) =>
    [...m]
      .filter(([k]) => !skip(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => `  ${share(v)}  ${k}`)
      .join("\n");
  const rootish = (k: string) => /^\((root|idle|program)\)/.test(k);
  return [
    `${total} samples, ${((idle / total) * 100).toFixed(1)} % idle`,
    "by place (self time):",
    list(places, (k) => k === "(idle)"),
    "functions by self time:",
    list(selfBy, rootish),
    "our functions (shared/, server/) by inclusive time:",
    list(inclusive, rootish),
    ...longestStretches(profile, byId, window),
    "",
  ].join("\n");
}

/**
 * The longest runs of busy samples (no idle between them): a latency tail is made of these,
 * since every table waits while the one thread works. For each, when it started, how long it
 * lasted and the frames found most often in its stacks (the GC and our functions).
 */
function longestStretches(
  profile: Profile,
  byId: Map<number, ProfileNode>,
  window = { start: -Infinity, end: Infinity },
  count = 6,
): string[] {
  const deltas = profile.timeDeltas;
  if (!deltas || deltas.length !== profile.samples.length) return [];
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const isIdle = (id: number) => byId.get(id)?.callFrame.functionName === "(idle)";
  const stretches: { from: number; to: number; startUs: number; us: number }[] = [];
  let at = profile.startTime;
  let open: { from: number; startUs: number } | null = null;
  for (const [i, id] of profile.samples.entries()) {
    at += deltas[i] as number;
    if (!isIdle(id)) open ??= { from: i, startUs: at };
    else if (open) {
      stretches.push({ ...open, to: i, us: at - open.startUs });
      open = null;
    }
  }
  const longest = stretches
    .filter((s) => s.startUs >= window.start && s.startUs <= window.end)
    .sort((a, b) => b.us - a.us)
    .slice(0, count);
  if (!longest.length) return [];
  const t0 = Number.isFinite(window.start) ? window.start : profile.startTime;
  const from = Number.isFinite(window.start) ? "the window's start" : "the profile's start";
  const lines = [`longest busy stretches (ms from ${from}: duration, frames seen most):`];
  for (const s of longest) {
    const seen = new Map<string, number>();
    for (let i = s.from; i < s.to; i++) {
      const frames = new Set<string>();
      for (let id: number | undefined = profile.samples[i]; id !== undefined; id = parent.get(id)) {
        const n = byId.get(id) as ProfileNode;
        if (isOurs(n) || n.callFrame.functionName === "(garbage collector)") frames.add(label(n));
      }
      for (const f of frames) seen.set(f, (seen.get(f) ?? 0) + 1);
    }
    const n = s.to - s.from;
    const top = [...seen]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([k, v]) => `${k} ${Math.round((v / n) * 100)} %`)
      .join("; ");
    lines.push(
      `  at ${((s.startUs - t0) / 1000).toFixed(0).padStart(7)} ms: ${(s.us / 1000).toFixed(1).padStart(6)} ms  ${top || "(no frame of ours)"}`,
    );
  }
  return lines;
}

if (import.meta.main) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write("usage: node tools/benchLoadProfile.ts FILE.cpuprofile\n");
    process.exitCode = 2;
  } else process.stdout.write(summariseProfile(file));
}
