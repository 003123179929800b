/**
 * `npm run bench:memory`: the server's memory split into what a connected client costs and what
 * a table costs (issue 9: under 10 KB a client plus under 200 KB a table), measured from outside.
 * For each table count, a fresh `node server/index.ts` (tools/benchLoadProcs.ts, with the
 * BENCH_METRICS route and its full GC) gets that many started tables of 5 seats with one real
 * SDK client each over loopback, then four more clients each; the live heap above idle at every
 * (tables, clients) point is fitted to heap = a·clients + b·tables. A last server holds a few
 * tables played for a long history (orders, chat, proposals, answers) to show what history
 * costs. `--snapshot DIR` writes a V8 heap snapshot of the server at the largest size.
 * Every process started is stopped by PID on every way out.
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import type { ParseArgsOptionsConfig } from "node:util";
import { Client } from "@colyseus/sdk";
import type { Metrics } from "../server/http/metrics.ts";
import { loadScenario } from "../server/scenarios.ts";
import type { RoleId } from "../shared/rules/types.ts";
import { type AnyRoom, createGame } from "../tests/server/helpers.ts";
import { nextIntent } from "./benchLoadIntents.ts";
import {
  type GameServer,
  killEverythingNow,
  metrics,
  startGameServer,
  stopEverything,
  stopGameServer,
} from "./benchLoadProcs.ts";
import { BENCH_TIMERS, slicesOf, startNegotiation } from "./benchTable.ts";
import { failure, readFlags, UsageError, wholeNumber } from "./cli.ts";
import { report, summarise } from "./heapSummary.ts";

const USAGE = `Usage: npm run bench:memory -- [options]

Measures the server's live heap (and RSS) above idle with tables of 1 and of 5
connected SDK clients at several table counts, fits heap = a·clients + b·tables,
and measures tables played for a long history.

Options:
  --tables LIST   table counts, comma-separated (default: 20,60,120)
  --history N     tables played for the long history (default: 5; 0: none)
  --actions N     accepted actions each of those tables plays (default: 300)
  --snapshot DIR  write a heap snapshot of the server at the largest count to DIR
  --help          show this help
`;

const OPTIONS = {
  tables: { type: "string", default: "20,60,120" },
  history: { type: "string", default: "5" },
  actions: { type: "string", default: "300" },
  snapshot: { type: "string" },
  help: { type: "boolean", short: "h", default: false },
} as const satisfies ParseArgsOptionsConfig;

const SCENARIO = "crew-dragon-2020";
const ROLES: RoleId[] = ["us", "russia", "spacex", "uae", "turkey"];
const TIMEOUT_MS = 60_000;
const CONCURRENCY = 8;
/** Actions the warm-up table plays before the idle figure. */
const WARM_ACTIONS = 60;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

/** The live heap: the lowest of three collections a moment apart (weak entries go in the later ones). */
async function settled(base: string): Promise<Metrics> {
  let best: Metrics | null = null;
  for (let i = 0; i < 3; i++) {
    const m = await metrics(base, true);
    if (!m.collected) throw new Error("the server ran no GC (no --expose-gc?)");
    if (!best || m.heapUsed < best.heapUsed) best = m;
    await sleep(300);
  }
  return best as Metrics;
}

interface Seat {
  room: AnyRoom;
  seat: RoleId;
}

interface Table {
  code: string;
  hostToken: string;
  seats: Seat[];
}

const rooms: AnyRoom[] = [];

async function joinSeat(base: string, t: Table, i: number): Promise<void> {
  const seat = ROLES[i] as RoleId;
  const options =
    i === 0 ? { seat, name: `P${i}`, hostToken: t.hostToken } : { seat, name: `P${i}` };
  const room: AnyRoom = await new Client(base).joinById(t.code, options);
  room.reconnection.enabled = false;
  room.onMessage("events", () => {});
  room.onMessage("rejected", () => {});
  rooms.push(room);
  t.seats.push({ room, seat });
}

/** The host (seat 0) starts the game and waits until its view shows the negotiation. */
async function start(t: Table): Promise<void> {
  const host = (t.seats[0] as Seat).room;
  await startNegotiation(host, t.code, TIMEOUT_MS);
}

/** Runs `fn` over `items`, CONCURRENCY at a time. */
async function each<T>(items: T[], fn: (x: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, queue.length) }, async () => {
      for (let x = queue.shift(); x !== undefined; x = queue.shift()) await fn(x);
    }),
  );
}

async function leaveAll(): Promise<void> {
  await Promise.all(
    rooms.splice(0).map((r) => Promise.race([r.leave(true).catch(() => {}), sleep(1_000)])),
  );
}

async function tablesWithHost(base: string, n: number): Promise<Table[]> {
  const tables: Table[] = [];
  for (let i = 0; i < n; i++) {
    const g = await createGame(base, {
      scenario: SCENARIO,
      roles: ROLES,
      years: 2,
      timers: BENCH_TIMERS,
    });
    tables.push({ code: g.code, hostToken: g.hostToken, seats: [] });
  }
  await each(tables, async (t) => {
    await joinSeat(base, t, 0);
    await start(t);
  });
  return tables;
}

async function joinTheRest(base: string, tables: Table[]): Promise<void> {
  await each(tables, async (t) => {
    for (let i = 1; i < ROLES.length; i++) await joinSeat(base, t, i);
  });
  // the last joins' patches have gone out
  await sleep(500);
}

interface Point {
  tables: number;
  clients: number;
  heap: number;
  /** Memory outside the heap the process's objects own: ArrayBuffers (e.g. Colyseus encode buffers). */
  external: number;
  rss: number;
}

/**
 * Least squares for y = c + a·clients + b·tables. The constant is what the first tables cost
 * once for the whole process (code compiled, modules loaded), beyond the warm-up table.
 */
function leastSquares(
  points: Point[],
  y: (p: Point) => number,
): { a: number; b: number; c: number } {
  const rows = points.map((p) => [1, p.clients, p.tables]);
  // normal equations, 3×3, solved by Cramer's rule
  const m = [0, 1, 2].map((i) =>
    [0, 1, 2].map((j) => rows.reduce((s, r) => s + (r[i] as number) * (r[j] as number), 0)),
  );
  const v = [0, 1, 2].map((i) =>
    rows.reduce((s, r, k) => s + (r[i] as number) * y(points[k] as Point), 0),
  );
  const det3 = (a: number[][]) =>
    a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) -
    a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0]) +
    a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
  const d = det3(m);
  const solve = (col: number) =>
    det3(m.map((row, i) => row.map((x, j) => (j === col ? (v[i] as number) : x)))) / d;
  return { c: solve(0), a: solve(1), b: solve(2) };
}

/** A heap snapshot of the server (written in the OS temp dir by the metrics route), moved into `dir`. */
async function snapshot(server: GameServer, dir: string): Promise<string> {
  const res = await fetch(`${server.base}/api/metrics?snapshot=1`, {
    signal: AbortSignal.timeout(300_000),
  });
  const written = ((await res.json()) as Metrics).snapshot;
  if (!written) throw new Error("the server wrote no heap snapshot");
  const file = path.join(dir, path.basename(written));
  renameOrCopy(written, file);
  return file;
}

function renameOrCopy(from: string, to: string) {
  try {
    renameSync(from, to);
  } catch {
    copyFileSync(from, to);
    rmSync(from, { force: true });
  }
}

/** A fresh server already past its first table (what that costs once, code compiled and modules loaded, is no table's). */
async function warmServer(): Promise<{ server: GameServer; idle: Metrics }> {
  // bytecode of functions not run lately is flushed by a later GC: a drift that is no table's
  const server = await startGameServer(["--no-flush-bytecode"], null);
  const warm = await tablesWithHost(server.base, 1);
  await joinTheRest(server.base, warm);
  // every kind of intent once at least, so that its code (and what it loads) is no table's
  await play(warm[0] as Table, WARM_ACTIONS, 0);
  return { server, idle: await settled(server.base) };
}

/** mulberry32: the same intents for the same seed, so that runs before and after compare. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let nonce = 0;

/** Plays `actions` accepted actions at a table, its seats in turn; returns how many were refused. */
async function play(t: Table, actions: number, seed: number): Promise<number> {
  const scenario = loadScenario(SCENARIO);
  const r = seeded(seed);
  let accepted = 0;
  let rejected = 0;
  for (let turn = 0; accepted < actions; turn++) {
    if (turn > actions * 4) throw new Error(`table ${t.code}: too many rejections`);
    const { room, seat } = t.seats[turn % t.seats.length] as Seat;
    const intent = nextIntent(r, scenario, seat, ROLES, slicesOf(room), `[${nonce++}]`);
    const reply = (await room.request(intent.type, intent.payload, {
      timeout: TIMEOUT_MS,
    })) as { ok: boolean };
    if (reply.ok) accepted++;
    else rejected++;
    // the patch of this action has reached every seat before the next seat chooses
    await sleep(5);
  }
  return rejected;
}

async function measureSize(n: number, snapshotDir: string | null): Promise<Point[]> {
  const { server, idle } = await warmServer();
  try {
    const idleSnapshot = snapshotDir ? await snapshot(server, snapshotDir) : null;
    const tables = await tablesWithHost(server.base, n);
    const one = await settled(server.base);
    await joinTheRest(server.base, tables);
    const five = await settled(server.base);
    const expected = (n + 1) * ROLES.length;
    if (five.clients !== expected)
      throw new Error(`expected ${expected} clients, the server counts ${five.clients}`);
    const point = (m: Metrics, clients: number): Point => ({
      tables: n,
      clients,
      heap: m.heapUsed - idle.heapUsed,
      external: m.external - idle.external,
      rss: m.rss - idle.rss,
    });
    const points = [point(one, n), point(five, n * ROLES.length)];
    for (const p of points)
      console.log(
        `${String(p.tables).padStart(4)} tables ${String(p.clients).padStart(4)} clients: heap +${mb(p.heap)} (${kb(p.heap / p.tables)}/table), external +${mb(p.external)}, RSS +${mb(p.rss)}`,
      );
    if (snapshotDir && idleSnapshot) {
      const loaded = await snapshot(server, snapshotDir);
      console.log(`  heap snapshots ${idleSnapshot} → ${loaded}, per table of 5 clients:`);
      for (const line of report(summarise(loaded), summarise(idleSnapshot), n))
        console.log(`  ${line}`);
    }
    return points;
  } finally {
    await leaveAll();
    await stopGameServer(server);
  }
}

/** Plays `actions` accepted actions at every table, its seats in turn, then measures again. */
async function measureHistory(
  n: number,
  actions: number,
  snapshotDir: string | null,
): Promise<void> {
  const { server, idle } = await warmServer();
  try {
    const tables = await tablesWithHost(server.base, n);
    await joinTheRest(server.base, tables);
    const fresh = await settled(server.base);
    const freshSnapshot = snapshotDir ? await snapshot(server, snapshotDir) : null;
    let rejected = 0;
    await each(tables, async (t) => {
      rejected += await play(t, actions, tables.indexOf(t) + 1);
    });
    await sleep(500);
    const played = await settled(server.base);
    const grown = played.heapUsed - fresh.heapUsed;
    console.log(
      `${n} tables of 5 clients, fresh: heap +${mb(fresh.heapUsed - idle.heapUsed)} (${kb((fresh.heapUsed - idle.heapUsed) / n)}/table)`,
    );
    console.log(
      `  after ${actions} accepted actions each (${rejected} rejected): heap +${mb(played.heapUsed - idle.heapUsed)} (${kb((played.heapUsed - idle.heapUsed) / n)}/table), external +${kb((played.external - fresh.external) / n)}/table since fresh, RSS +${mb(played.rss - idle.rss)}`,
    );
    console.log(
      `  history: ${kb(grown / n)}/table = ${kb((grown / n / actions) * 100)} per 100 actions`,
    );
    if (snapshotDir && freshSnapshot) {
      const after = await snapshot(server, snapshotDir);
      console.log(`  heap snapshots ${freshSnapshot} → ${after}, per table:`);
      for (const line of report(summarise(after), summarise(freshSnapshot), n))
        console.log(`  ${line}`);
    }
  } finally {
    await leaveAll();
    await stopGameServer(server);
  }
}

function readArgs(argv: string[]) {
  const values = readFlags(argv, OPTIONS);
  const tables = String(values.tables)
    .split(",")
    .map((s) => wholeNumber("tables", s.trim(), 1, 2000));
  if (new Set(tables).size < 2)
    throw new UsageError("--tables needs two counts or more (for the fit)");
  const snapshotDir = values.snapshot === undefined ? null : path.resolve(String(values.snapshot));
  return {
    help: values.help === true,
    tables,
    history: wholeNumber("history", String(values.history), 0, 200),
    actions: wholeNumber("actions", String(values.actions), 1, 5000),
    snapshotDir,
  };
}

async function main(): Promise<number> {
  const o = readArgs(process.argv.slice(2));
  if (o.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (o.snapshotDir && !existsSync(o.snapshotDir)) mkdirSync(o.snapshotDir, { recursive: true });
  console.log(
    `bench:memory on ${cpus().length} cores (${cpus()[0]?.model}), load ${loadavg()
      .map((x) => x.toFixed(2))
      .join(" ")}; tables of ${ROLES.length} seats, ${SCENARIO}, negotiation phase`,
  );
  const points: Point[] = [];
  const largest = Math.max(...o.tables);
  for (const n of o.tables)
    points.push(...(await measureSize(n, n === largest ? o.snapshotDir : null)));
  if (o.tables.length > 1) {
    const heap = leastSquares(points, (p) => p.heap);
    const rss = leastSquares(points, (p) => p.rss);
    const external = leastSquares(points, (p) => p.external);
    console.log(
      `fit heap = c + a·clients + b·tables: a = ${kb(heap.a)}/client, b = ${kb(heap.b)}/table, c = ${kb(heap.c)} (goal: a < 10 KB, b < 200 KB)`,
    );
    console.log(
      `    external (buffers):               a = ${kb(external.a)}/client, b = ${kb(external.b)}/table, c = ${kb(external.c)}`,
    );
    console.log(
      `    RSS (noisier):                    a = ${kb(rss.a)}/client, b = ${kb(rss.b)}/table, c = ${kb(rss.c)}`,
    );
  }
  if (o.history > 0) await measureHistory(o.history, o.actions, o.snapshotDir);
  return 0;
}

process.on("exit", killEverythingNow);
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => {
    void stopEverything().finally(() => process.exit(130));
  });

main().then(
  async (code) => {
    await stopEverything();
    process.exit(code);
  },
  async (err) => {
    await stopEverything();
    process.exit(failure("bench:memory", err, (s) => process.stderr.write(s)));
  },
);
