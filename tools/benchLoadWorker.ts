/**
 * A driver process of `npm run bench:load` (forked by tools/benchLoad.ts, talks over IPC):
 * holds real @colyseus/sdk clients for the tables it is given, makes each send one intent
 * every 0.8–1.2 / rate seconds (open loop: a slow server gets no breather), times each intent
 * from its send to the patch that shows its effect, and pings the echo server as the noise
 * control. Figures count only intents sent inside the measured window.
 */
import { performance } from "node:perf_hooks";
import { Client, type Room } from "@colyseus/sdk";
import WebSocket from "ws";
import { loadScenario } from "../server/scenarios.ts";
import type { RoleId } from "../shared/rules/types.ts";
import type { Scenario } from "../shared/scenario/schema.ts";
import { type Intent, type IntentKind, nextIntent } from "./benchLoadIntents.ts";
import { type Slices, slicesOf, startNegotiation } from "./benchTable.ts";

export interface TableTicket {
  code: string;
  hostToken: string;
  roles: RoleId[];
  /** host:port of the process that created (and hosts) the table. */
  owner: string;
  /** Per seat, the base URL of the process whose matchmaker the client asks (any of them). */
  via: string[];
}

export type ToWorker =
  | { type: "setup"; echoUrl: string; rate: number; scenario: string; id: number }
  | { type: "tables"; tables: TableTicket[] }
  | { type: "go" }
  | { type: "mark" }
  | { type: "halt" }
  | { type: "collect" }
  | { type: "stop" };

export interface WorkerStats {
  clients: number;
  /** Intents sent in the window, by kind. */
  sent: Partial<Record<IntentKind, number>>;
  accepted: number;
  rejections: Record<string, number>;
  /** Send → patch that shows it, ms, for accepted intents sent in the window. */
  latencies: number[];
  /** Accepted, but the reply came before any patch showed the effect. */
  unseen: number;
  /** Still unanswered at collect: their age is added to `latencies` as a lower bound. */
  unfinished: number;
  errors: Record<string, number>;
  echo: number[];
  /** CPU of this process over the window (mark to halt), ms (user + system). */
  cpuMs: number;
  windowMs: number;
  patches: number;
}

export type FromWorker =
  | {
      type: "joined";
      clients: number;
      failures: string[];
      /** Clients that asked another process than the table's own for their seat. */
      viaOther: number;
      /** Clients whose WebSocket went somewhere else than the table's process (should be 0). */
      offOwner: number;
    }
  | { type: "drained" }
  | { type: "stats"; stats: WorkerStats }
  | { type: "log"; text: string };

// biome-ignore lint/suspicious/noExplicitAny: the SDK decodes the state by reflection
type AnyRoom = Room<any, any>;

interface Pending {
  intent: Intent;
  sentAt: number;
  inWindow: boolean;
  seenAt: number | null;
}

const REQUEST_TIMEOUT_MS = 60_000;
const JOIN_CONCURRENCY = 8;
const ECHO_EVERY_MS = 100;
/** How long intents in flight when the window closes may still finish (later: "unfinished"). */
const DRAIN_MS = 10_000;

let setup: Extract<ToWorker, { type: "setup" }>;
let scenario: Scenario;
const clients: BenchClient[] = [];
let sending = false;
let windowStart = 0;
let windowOpen = false;
let cpuAtMark = process.cpuUsage();
/** This process's CPU ms and the wall ms of the window, taken when the window closes. */
let windowCpu = { cpuMs: 0, windowMs: 0 };
let stats = emptyStats();
let echoSocket: WebSocket | null = null;
let echoTimer: NodeJS.Timeout | null = null;
let nonceCount = 0;

function emptyStats(): WorkerStats {
  return {
    clients: 0,
    sent: {},
    accepted: 0,
    rejections: {},
    latencies: [],
    unseen: 0,
    unfinished: 0,
    errors: {},
    echo: [],
    cpuMs: 0,
    windowMs: 0,
    patches: 0,
  };
}

const bump = (rec: Record<string, number>, key: string) => {
  rec[key] = (rec[key] ?? 0) + 1;
};

function send(message: FromWorker) {
  process.send?.(message);
}

class BenchClient {
  readonly pending = new Set<Pending>();
  private timer: NodeJS.Timeout | null = null;

  readonly room: AnyRoom;
  readonly seat: RoleId;
  readonly order: RoleId[];

  constructor(room: AnyRoom, seat: RoleId, order: RoleId[]) {
    this.room = room;
    this.seat = seat;
    this.order = order;
    room.onMessage("events", () => {});
    room.onMessage("rejected", () => {});
    room.onStateChange(() => this.patched());
    room.onLeave((code) => {
      if (windowOpen && code !== 4000) bump(stats.errors, `left ${code}`);
      this.stop();
    });
  }

  private patched() {
    const now = performance.now();
    if (windowOpen) stats.patches++;
    let slices: Slices | null = null;
    for (const p of this.pending) {
      if (p.seenAt !== null) continue;
      slices ??= slicesOf(this.room);
      if (p.intent.shows(slices)) p.seenAt = now;
    }
  }

  start() {
    // a random first delay spreads the clients over one interval
    this.schedule(Math.random() / setup.rate);
  }

  private schedule(seconds: number) {
    this.timer = setTimeout(() => this.fire(), seconds * 1000);
  }

  stop() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private fire() {
    if (!sending) return;
    this.schedule((0.8 + 0.4 * Math.random()) / setup.rate);
    const nonce = `[${setup.id}.${nonceCount++}]`;
    const intent = nextIntent(
      Math.random,
      scenario,
      this.seat,
      this.order,
      slicesOf(this.room),
      nonce,
    );
    const p: Pending = { intent, sentAt: performance.now(), inWindow: windowOpen, seenAt: null };
    if (p.inWindow) bump(stats.sent as Record<string, number>, intent.kind);
    this.pending.add(p);
    this.room.request(intent.type, intent.payload, { timeout: REQUEST_TIMEOUT_MS }).then(
      (reply: { ok: boolean; code?: string }) => {
        this.pending.delete(p);
        if (!p.inWindow) return;
        if (!reply.ok) bump(stats.rejections, `${intent.kind}:${reply.code}`);
        else if (p.seenAt === null) stats.unseen++;
        else {
          stats.accepted++;
          stats.latencies.push(p.seenAt - p.sentAt);
        }
      },
      (err: Error) => {
        this.pending.delete(p);
        if (p.inWindow) bump(stats.errors, `request: ${err.message.slice(0, 60)}`);
      },
    );
  }
}

let viaOther = 0;
let offOwner = 0;

async function joinTable(t: TableTicket): Promise<BenchClient[]> {
  const out: BenchClient[] = [];
  for (const [i, seat] of t.roles.entries()) {
    const via = t.via[i % t.via.length] as string;
    // the seat reservation names the process that hosts the room: the socket must go there
    let socketHost: string | null = null;
    const client = new Client(via, {
      urlBuilder: (url) => {
        if (url.protocol === "ws:") socketHost = url.host;
        return url.href;
      },
    });
    // the first player is also the host (a seated player with staff rights): 5 clients a table
    const options =
      i === 0 ? { seat, name: `P${i}`, hostToken: t.hostToken } : { seat, name: `P${i}` };
    const room: AnyRoom = await client.joinById(t.code, options);
    room.reconnection.enabled = false;
    if (new URL(via).host !== t.owner) viaOther++;
    if (socketHost !== t.owner) offOwner++;
    out.push(new BenchClient(room, seat, t.roles));
  }
  const host = out[0] as BenchClient;
  await startNegotiation(host.room, t.code, REQUEST_TIMEOUT_MS);
  return out;
}

async function joinAll(tables: TableTicket[]) {
  const failures: string[] = [];
  const queue = [...tables];
  await Promise.all(
    Array.from({ length: Math.min(JOIN_CONCURRENCY, queue.length) }, async () => {
      for (let t = queue.shift(); t; t = queue.shift()) {
        try {
          clients.push(...(await joinTable(t)));
        } catch (err) {
          failures.push(`${t.code}: ${(err as Error).message}`);
        }
      }
    }),
  );
  send({ type: "joined", clients: clients.length, failures, viaOther, offOwner });
}

function startEcho() {
  echoSocket = new WebSocket(setup.echoUrl);
  echoSocket.on("message", (data) => {
    const sentAt = Number(data.toString());
    if (windowOpen) stats.echo.push(performance.now() - sentAt);
  });
  echoSocket.on("open", () => {
    echoTimer = setInterval(() => {
      if (echoSocket?.readyState === WebSocket.OPEN) echoSocket.send(String(performance.now()));
    }, ECHO_EVERY_MS);
  });
  echoSocket.on("error", (err) => bump(stats.errors, `echo: ${err.message}`));
}

/** Waits until the window's intents are all answered, or DRAIN_MS. */
async function drain() {
  const deadline = performance.now() + DRAIN_MS;
  const inFlight = () => clients.some((c) => [...c.pending].some((p) => p.inWindow));
  while (inFlight() && performance.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 50));
}

function collect(): WorkerStats {
  const now = performance.now();
  for (const c of clients)
    for (const p of c.pending)
      if (p.inWindow) {
        stats.unfinished++;
        stats.latencies.push(now - p.sentAt);
      }
  return { ...stats, clients: clients.length, ...windowCpu };
}

async function stopAll() {
  sending = false;
  windowOpen = false;
  if (echoTimer) clearInterval(echoTimer);
  echoSocket?.terminate();
  await Promise.all(
    clients.map(async (c) => {
      c.stop();
      await Promise.race([
        c.room.leave(true).catch(() => {}),
        new Promise((resolve) => setTimeout(resolve, 1_000)),
      ]);
    }),
  );
  process.exit(0);
}

process.on("message", (m: ToWorker) => {
  switch (m.type) {
    case "setup":
      setup = m;
      scenario = loadScenario(m.scenario);
      startEcho();
      break;
    case "tables":
      void joinAll(m.tables);
      break;
    case "go":
      sending = true;
      for (const c of clients) c.start();
      break;
    case "mark":
      stats = emptyStats();
      windowStart = performance.now();
      windowOpen = true;
      cpuAtMark = process.cpuUsage();
      break;
    case "halt":
      // the window is over: no new intents; the ones in flight may still finish before collect
      sending = false;
      for (const c of clients) c.stop();
      {
        const cpu = process.cpuUsage(cpuAtMark);
        windowCpu = {
          cpuMs: (cpu.user + cpu.system) / 1000,
          windowMs: performance.now() - windowStart,
        };
      }
      void drain().then(() => send({ type: "drained" }));
      break;
    case "collect":
      send({ type: "stats", stats: collect() });
      windowOpen = false;
      break;
    case "stop":
      void stopAll();
      break;
  }
});
// the bench went away (Ctrl-C, crash): go with it
process.on("disconnect", () => process.exit(0));
