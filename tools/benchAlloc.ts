/**
 * `npm run bench:alloc`: how many bytes the server allocates for one action, and where (issue
 * 9). The young generation fills with them, so they set how often the server pauses for a
 * scavenge, and what survives a scavenge fills the old generation and its slower collections:
 * at 400 tables (≈ 400 actions a second) those pauses are most of intent→patch p99. Bytes are
 * counted, not timed, so the figure holds on a noisy machine.
 *
 *   npm run bench:alloc -- [--tables 10] [--actions 2000] [--warmup 500]
 *
 * The server boots in this process on a free loopback port with a temp DATA_DIR (as the server
 * tests do); tables of 5 real SDK clients play bench:load's mix of intents (benchLoadIntents.ts)
 * one at a time, each awaited together with the patch that shows it. V8's sampling heap
 * profiler, told to keep the objects that minor and major GCs collected, samples every
 * allocation of the measured actions; they are summed by the code that allocated them (the
 * clients' share — the SDK and its decoding — is printed apart: it is not the server's).
 */
import { Session } from "node:inspector/promises";
import { cpus } from "node:os";
import { Client } from "@colyseus/sdk";
import { loadScenario } from "../server/scenarios.ts";
import type { RoleId } from "../shared/rules/types.ts";
import { bootServer, createGame } from "../tests/server/helpers.ts";
import { nextIntent } from "./benchLoadIntents.ts";
import { SCENARIO } from "./benchLoadRun.ts";
import { BENCH_TIMERS, slicesOf, startNegotiation } from "./benchTable.ts";
import { failure, readFlags, wholeNumber } from "./cli.ts";

const USAGE = `Usage: npm run bench:alloc -- [options]

Counts the bytes the server allocates an action (V8's sampling heap profiler, collected
objects included), by where they were allocated.

  --tables N     tables of 5 SDK clients (default: 10)
  --actions N    measured actions (default: 2000)
  --warmup N     actions before the measurement (default: 500)
  --help         show this help
`;

const ROLES: RoleId[] = ["us", "russia", "spacex", "uae", "turkey"];
const TIMEOUT_MS = 10_000;

interface ProfileNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: ProfileNode[];
}

/** Where an allocation's code lives: our folders, a package, or node itself. */
function placeOf(url: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1] as string;
  const ours = /\/(server|shared|tools|tests)\/([^/]+)/.exec(url);
  if (ours) return `${ours[1]}/${ours[2]}`;
  if (url.startsWith("node:")) return "node";
  return url === "" ? "(V8 / native)" : url;
}

/** The packages and folders that are the clients', not the server's. */
const CLIENT_SIDE = new Set([
  "@colyseus/sdk",
  "tools/benchAlloc.ts",
  "tools/benchLoadIntents.ts",
  "tools/benchTable.ts",
]);

async function main(argv: string[]): Promise<number> {
  const flags = readFlags(argv, {
    tables: { type: "string", default: "10" },
    actions: { type: "string", default: "2000" },
    warmup: { type: "string", default: "500" },
    help: { type: "boolean", short: "h", default: false },
  });
  if (flags.help === true) {
    process.stdout.write(USAGE);
    return 0;
  }
  await run({
    tables: wholeNumber("tables", flags.tables as string, 1, 200),
    actions: wholeNumber("actions", flags.actions as string, 100, 100_000),
    warmup: wholeNumber("warmup", flags.warmup as string, 0, 100_000),
  });
  return 0;
}

interface Seat {
  room: Awaited<ReturnType<Client["joinById"]>>;
  seat: RoleId;
  /** Called at each patch while an intent of this seat waits to be shown. */
  patched: (() => void) | null;
}

async function run(o: { tables: number; actions: number; warmup: number }) {
  const server = await bootServer("bench-alloc");
  const scenario = loadScenario(SCENARIO);
  const seats: Seat[] = [];
  try {
    for (let t = 0; t < o.tables; t++) {
      const g = await createGame(server.base, {
        scenario: SCENARIO,
        roles: ROLES,
        years: 1,
        timers: BENCH_TIMERS,
      });
      const table: Seat[] = [];
      for (const [i, seat] of ROLES.entries()) {
        const options =
          i === 0 ? { seat, name: `P${i}`, hostToken: g.hostToken } : { seat, name: `P${i}` };
        const room = await new Client(server.base).joinById(g.code, options);
        room.onMessage("events", () => {});
        room.onMessage("rejected", () => {});
        room.onMessage("jobs", () => {});
        const s: Seat = { room, seat, patched: null };
        room.onStateChange(() => s.patched?.());
        table.push(s);
      }
      await startNegotiation((table[0] as Seat).room, g.code, TIMEOUT_MS);
      seats.push(...table);
    }
    let nonce = 0;
    let rejected = 0;
    let x = 12345;
    const rand = () => {
      x = (x * 1103515245 + 12345) % 2147483648;
      return x / 2147483648;
    };
    /** One intent from a seat in turn, awaited with the patch that shows it. */
    const act = async (i: number) => {
      const s = seats[i % seats.length] as Seat;
      const { room, seat } = s;
      const intent = nextIntent(rand, scenario, seat, ROLES, slicesOf(room), `[${nonce++}]`);
      const shown = new Promise<void>((resolve) => {
        s.patched = () => {
          if (!intent.shows(slicesOf(room))) return;
          s.patched = null;
          resolve();
        };
      });
      const reply = (await room.request(intent.type, intent.payload, {
        timeout: TIMEOUT_MS,
      })) as { ok: boolean };
      if (reply.ok) await shown;
      else rejected++;
    };
    for (let i = 0; i < o.warmup; i++) await act(i);

    const session = new Session();
    session.connect();
    await session.post("HeapProfiler.startSampling", {
      samplingInterval: 512,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    });
    for (let i = 0; i < o.actions; i++) await act(o.warmup + i);
    const { profile } = (await session.post("HeapProfiler.stopSampling")) as {
      profile: { head: ProfileNode };
    };
    session.disconnect();

    // an allocation is the clients' when any frame above it is (the SDK decoding a patch
    // allocates in @colyseus/schema, which the server shares)
    const byPlace = new Map<string, number>();
    const byFunction = new Map<string, number>();
    let server_ = 0;
    let client = 0;
    const walk = (n: ProfileNode, clientSide: boolean) => {
      const place = placeOf(n.callFrame.url);
      const mine = clientSide || CLIENT_SIDE.has(place);
      if (mine) client += n.selfSize;
      else {
        server_ += n.selfSize;
        byPlace.set(place, (byPlace.get(place) ?? 0) + n.selfSize);
        const fn = `${n.callFrame.functionName || "(anonymous)"} ${place}:${n.callFrame.lineNumber + 1}`;
        byFunction.set(fn, (byFunction.get(fn) ?? 0) + n.selfSize);
      }
      for (const c of n.children) walk(c, mine);
    };
    walk(profile.head, false);
    const measured = o.actions - rejected;
    const kb = (b: number) => `${(b / 1024 / measured).toFixed(1)} KB`;
    const out = (s: string) => process.stdout.write(`${s}\n`);
    out(
      `bench:alloc  ${o.tables} tables of 5 SDK clients, ${measured} actions measured (${rejected} rejected), ${cpus().length} × ${cpus()[0]?.model ?? "?"}`,
    );
    out(`allocated an action: ${kb(server_)} by the server and node, ${kb(client)} by the clients`);
    out("the server's, by place (KB an action):");
    for (const [place, bytes] of [...byPlace].sort((a, b) => b[1] - a[1]).slice(0, 20))
      out(`  ${kb(bytes).padStart(10)}  ${place}`);
    out("the server's, by function (KB an action):");
    for (const [fn, bytes] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 25))
      out(`  ${kb(bytes).padStart(10)}  ${fn}`);
  } finally {
    await Promise.all(seats.map((s) => s.room.leave(true).catch(() => {})));
    await server.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => process.exit(failure("bench:alloc", err, (x) => process.stderr.write(x))),
);
