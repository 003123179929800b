/**
 * `npm run bench:projection`: what one action costs the server's event-loop thread as a table's
 * history grows (issue 9): the table core (server/table.ts) applies it, the bots answer, and the
 * projection (server/rooms/project.ts) brings every viewer's slices and every client's StateView
 * up to date — all of it, less the store (a store that keeps nothing) and the network.
 *
 *   npm run bench:projection -- [--at 100,1000,2000] [--window 200] [--seed S]
 *
 * A chat-heavy table of 7 seats (3 people, 4 bots) and one client per viewer (7 seats, a
 * spectator, the facilitator) plays on a hand-driven clock: the people chat (private and
 * public) and set orders, the bots play, and each phase ends by its timer after 80 of the
 * people's actions. When the history reaches each size, the next `window` actions of the
 * people are timed one by one; the medians are printed. A first table plays to the largest
 * size untimed, so that every size is measured with the code compiled alike.
 */
import { parseArgs } from "node:util";
import type { Client } from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import { Projection } from "../server/rooms/project.ts";
import { GameSchema } from "../server/rooms/schema.ts";
import { loadScenario } from "../server/scenarios.ts";
import { Table, type TableStore } from "../server/table.ts";
import { defaultSeats } from "../shared/rules/setup.ts";
import type { ActionBody, Actor, GameState, RoleId } from "../shared/rules/types.ts";

const { values } = parseArgs({
  options: {
    at: { type: "string", default: "100,1000,2000" },
    window: { type: "string", default: "200" },
    seed: { type: "string", default: "bench-projection" },
  },
});
const sizes = (values.at as string).split(",").map(Number);
const windowSize = Number(values.window);

const scenario = loadScenario("crew-dragon-2020");
const PEOPLE: RoleId[] = ["us", "russia", "uae"];
const ROLES = defaultSeats(scenario).map((x) => x.role);
const WORDS =
  "seat launch price orbit crew sanctions deal station dock capsule year budget trust partner".split(
    " ",
  );

/** A small deterministic generator (the bench must give the same history each run). */
function rng(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

const nullStore: TableStore = {
  appendAction() {},
  loadActions: () => [],
  setStatus() {},
  finishGame() {},
};

interface Run {
  /** per size: ms of each timed action (table.act) and of its projection updates */
  act: Map<number, number[]>;
  project: Map<number, number[]>;
  actions: number;
  chat: number;
  years: number;
}

function play(gameId: string, timed: boolean): Run {
  let now = 1_700_000_000_000;
  let timer: { fn: () => void } | null = null;
  const root = new GameSchema();
  const projection = new Projection(root);
  const viewerKeys = [...ROLES.map((r) => `seat:${r}`), "spectator", "facilitator"];
  const clients = viewerKeys.map(
    (key) => [{ view: new StateView() } as unknown as Client, key] as const,
  );
  let projectMs = 0;
  const table = new Table(
    {
      gameId,
      scenario,
      seed: values.seed as string,
      seats: ROLES.map((role) =>
        PEOPLE.includes(role)
          ? { role, controller: "human" as const, members: [{ id: `m-${role}`, name: role }] }
          : { role, controller: "bot" as const },
      ),
      options: { years: 20 },
    },
    {
      store: nullStore,
      clock: {
        now: () => now,
        setTimeout(fn) {
          const t = { fn };
          timer = t;
          return {
            clear: () => {
              if (timer === t) timer = null;
            },
          };
        },
      },
      transport: {
        stateChanged: (s: GameState, ...rest: unknown[]) => {
          const t0 = performance.now();
          (projection.update as (...a: unknown[]) => void)(s, clients, ...rest);
          projectMs += performance.now() - t0;
        },
        events() {},
      },
      view: (s: GameState, role: RoleId, ...rest: unknown[]) =>
        (projection.viewFor as (...a: unknown[]) => ReturnType<Projection["viewFor"]>)(
          s,
          `seat:${role}`,
          ...rest,
        ),
    },
  );
  const run: Run = { act: new Map(), project: new Map(), actions: 0, chat: 0, years: 0 };
  const rand = rng(12345);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
  table.act({ kind: "host" }, { type: "startGame" });
  let inPhase = 0;
  let measuring: number | null = null;
  let left = 0;
  const pending = [...sizes].sort((a, b) => a - b);
  const last = pending.at(-1) as number;
  while (table.state.phase !== "ended") {
    const s = table.state;
    if (measuring === null && pending.length > 0 && table.actionCount >= (pending[0] as number)) {
      measuring = pending.shift() as number;
      left = windowSize;
      run.act.set(measuring, []);
      run.project.set(measuring, []);
    }
    if (!timed && table.actionCount >= last) break;
    if (measuring === null && pending.length === 0) break;
    now += 1_000;
    if (inPhase >= 80 || s.phase === "lobby") {
      inPhase = 0;
      const t = timer as { fn: () => void } | null;
      if (!t) throw new Error(`no timer in ${s.phase}`);
      t.fn();
      continue;
    }
    inPhase++;
    const role = pick(PEOPLE);
    const actor: Actor = { kind: "seat", seat: role, member: `m-${role}` };
    let body: ActionBody;
    const r = rand();
    const text = Array.from({ length: 8 + Math.floor(rand() * 12) }, () => pick(WORDS)).join(" ");
    if ((s.phase === "negotiation" || s.phase === "commit") && r < 0.25) {
      body = { type: "setOrders", orders: ordersFor(role, rand) } as ActionBody;
    } else if (r < 0.4) {
      body = { type: "statement", text };
    } else {
      const others = ROLES.filter((x) => x !== role);
      const to = [pick(others)];
      if (rand() < 0.3) to.push(pick(others.filter((x) => x !== to[0])));
      body = { type: "chat", to, text };
    }
    projectMs = 0;
    const t0 = performance.now();
    const reply = table.act(actor, body, now);
    const ms = performance.now() - t0;
    if (!reply.ok) continue;
    if (body.type !== "setOrders") run.chat++;
    if (measuring !== null) {
      run.act.get(measuring)?.push(ms);
      run.project.get(measuring)?.push(projectMs);
      if (--left === 0) measuring = null;
    }
  }
  run.actions = table.actionCount;
  run.years = table.state.reports.length;
  return run;
}

function ordersFor(role: RoleId, rand: () => number): Record<string, number> {
  if (role === "us")
    return { sanctions: Math.floor(rand() * 3), subsidyPool: Math.floor(rand() * 100) };
  if (role === "russia") return { listPrice: 60 + Math.floor(rand() * 60) };
  return { programmeInvestment: Math.floor(rand() * 100) };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor((s.length - 1) / 2)] as number) : Number.NaN;
};

play("warmup", false);
const run = play("timed", true);
console.log(
  `table: ${run.actions} actions (${run.chat} chat messages and statements by people), ${run.years} years; ` +
    `${windowSize} timed actions per size; ms per action (median)`,
);
console.log("history  act (apply+bots+projection)  projection.update");
const base = median(run.act.get(sizes[0] as number) ?? []);
for (const n of sizes) {
  const a = median(run.act.get(n) ?? []);
  const p = median(run.project.get(n) ?? []);
  console.log(
    `${String(n).padStart(7)}  ${a.toFixed(3).padStart(8)} ms (${(a / base).toFixed(2)}×)            ${p.toFixed(3).padStart(8)} ms`,
  );
}
