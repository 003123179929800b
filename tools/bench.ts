/**
 * `npm run bench`: how many whole bot games per second the rules engine plays,
 * on one thread and with worker threads, for the policy lab's budget.
 *
 *   npm run bench -- [--games N] [--workers N] [--bot mix|random] [--scenario NAME] [--warmup N]
 *
 * Each thread first plays a warm-up, then plays seeds bench0, bench1, … with bots in
 * every seat and times them: the steady figure. The warm-up is long (2,000 games by
 * default) because V8 keeps compiling the engine's hot functions for about that many
 * games, each Turbofan job taking 30–100 ms on a background thread; with a worker on
 * every core those jobs take CPU from the other workers, so a short warm-up measures the
 * compiler as much as the engine (docs/PERFORMANCE.md). Workers start their clocks
 * together, once all are warm. The cold figure counts every game from a fresh thread,
 * warm-up included: what a short lab run gets.
 */
import { availableParallelism, cpus } from "node:os";
import { parseArgs } from "node:util";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { loadScenario } from "../server/scenarios.ts";
import { BOTS, defaultStrategy } from "../shared/bots/index.ts";
import { type PlayOptions, playGame } from "../shared/bots/play.ts";
import type { Bot } from "../shared/bots/types.ts";
import { defaultSeats } from "../shared/rules/setup.ts";
import type { Scenario } from "../shared/scenario/schema.ts";

const USAGE = `Usage: npm run bench -- [options]

Options:
  --games N       games per measurement (default: 2000)
  --workers N     worker threads for the parallel run (default: available cores)
  --bot NAME      mix (the default strategy mix) or random (default: mix)
  --scenario S    scenario name or path (default: crew-dragon-2020)
  --warmup N      warm-up games per thread before the timed games (default: 2000)
  --help          show this help
`;

interface Job {
  scenario: string;
  bot: string;
  warmup: number;
  from: number;
  to: number;
}

interface Tally {
  games: number;
  actions: number;
  ms: number;
  /** Wall-clock ms (performance.timeOrigin-based) when the thread began its warm-up, and when it ended. */
  coldFrom: number;
  to: number;
}

const clock = () => performance.timeOrigin + performance.now();

function optionsFor(scenario: Scenario, bot: string): PlayOptions {
  const seats = defaultSeats(scenario);
  if (bot === "mix") {
    const bots: Record<string, Bot> = {};
    for (const r of Object.keys(scenario.roles))
      bots[r] = BOTS[defaultStrategy(scenario, r)] as Bot;
    return { seats, bots };
  }
  const one = BOTS[bot];
  if (!one) throw new Error(`unknown bot "${bot}" (known: mix, ${Object.keys(BOTS).join(", ")})`);
  return { seats, defaultBot: one };
}

/** Plays the warm-up, waits for `ready` (the other workers' warm-ups), then plays games [from, to) and times them. */
async function run(job: Job, ready: () => Promise<void> = async () => {}): Promise<Tally> {
  const coldFrom = clock();
  const scenario = loadScenario(job.scenario);
  const opts = optionsFor(scenario, job.bot);
  for (let i = 0; i < job.warmup; i++) playGame(scenario, `warm${i}`, opts);
  await ready();
  let actions = 0;
  const t0 = performance.now();
  for (let i = job.from; i < job.to; i++)
    actions += playGame(scenario, `bench${i}`, opts).log.length;
  const ms = performance.now() - t0;
  return { games: job.to - job.from, actions, ms, coldFrom, to: clock() };
}

/** Runs a job in a worker; it posts "warm" after its warm-up and waits for `go`. */
function inWorker(job: Job, warm: () => void, go: Promise<void>): Promise<Tally> {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL(import.meta.url), { workerData: job });
    w.on("message", (m: "warm" | Tally) => {
      if (m === "warm") {
        warm();
        void go.then(() => w.postMessage("go"));
      } else resolve(m);
    });
    w.once("error", reject);
    w.once("exit", (code) => {
      if (code !== 0) reject(new Error(`worker exited with ${code}`));
    });
  });
}

function line(
  label: string,
  t: Tally,
  wallMs: number,
  cold: { games: number; ms: number },
): string {
  const perSec = (t.games / wallMs) * 1000;
  const coldPerSec = (cold.games / cold.ms) * 1000;
  return `${label.padEnd(18)} ${perSec.toFixed(0).padStart(6)} games/s  ${(t.ms / t.games).toFixed(3)} ms/game per thread  ${(t.actions / t.games).toFixed(1)} actions/game  (${t.games} games in ${(wallMs / 1000).toFixed(2)} s; cold: ${coldPerSec.toFixed(0)} games/s)`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      games: { type: "string", default: "2000" },
      workers: { type: "string" },
      bot: { type: "string", default: "mix" },
      scenario: { type: "string", default: "crew-dragon-2020" },
      warmup: { type: "string", default: "2000" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const games = Number(values.games);
  const workers = Number(values.workers ?? availableParallelism());
  const warmup = Number(values.warmup);
  if (!Number.isInteger(games) || games < 1) throw new Error("--games must be a positive integer");
  if (!Number.isInteger(workers) || workers < 1)
    throw new Error("--workers must be a positive integer");
  if (!Number.isInteger(warmup) || warmup < 0) throw new Error("--warmup must be 0 or more");
  const bot = String(values.bot);
  const scenario = String(values.scenario);
  optionsFor(loadScenario(scenario), bot); // fail early on a bad bot or scenario

  const cpu = cpus()[0]?.model ?? "unknown CPU";
  console.log(`machine: ${cpu}, ${availableParallelism()} cores, Node ${process.version}`);
  console.log(`scenario ${scenario}, bot ${bot}, ${games} games, warm-up ${warmup}\n`);

  const single = await run({ scenario, bot, warmup, from: 0, to: games });
  console.log(
    line("1 thread", single, single.ms, {
      games: warmup + single.games,
      ms: single.to - single.coldFrom,
    }),
  );

  const per = Math.ceil(games / workers);
  const jobs: Job[] = [];
  for (let w = 0; w < workers; w++) {
    const from = w * per;
    const to = Math.min(games, from + per);
    if (from < to) jobs.push({ scenario, bot, warmup, from, to });
  }
  // every worker warms up, then all start their clocks together: the timed sections overlap
  // wholly, and none is slowed by another's compilations; wall time is the slowest worker's
  let warm = 0;
  let start = () => {};
  const go = new Promise<void>((resolve) => {
    start = resolve;
  });
  const tallies = await Promise.all(
    jobs.map((job) =>
      inWorker(
        job,
        () => {
          if (++warm === jobs.length) start();
        },
        go,
      ),
    ),
  );
  const total: Tally = { games: 0, actions: 0, ms: 0, coldFrom: Infinity, to: 0 };
  let wall = 0;
  for (const t of tallies) {
    total.games += t.games;
    total.actions += t.actions;
    total.ms += t.ms;
    total.coldFrom = Math.min(total.coldFrom, t.coldFrom);
    total.to = Math.max(total.to, t.to);
    wall = Math.max(wall, t.ms);
  }
  console.log(
    line(`${jobs.length} worker threads`, total, wall, {
      games: total.games + warmup * jobs.length,
      ms: total.to - total.coldFrom,
    }),
  );
}

if (isMainThread) {
  main().catch((err: unknown) => {
    console.error(`bench: ${(err as Error).message}`);
    process.exitCode = 1;
  });
} else {
  const ready = () =>
    new Promise<void>((resolve) => {
      parentPort?.once("message", () => resolve());
      parentPort?.postMessage("warm");
    });
  void run(workerData as Job, ready).then((t) => {
    parentPort?.postMessage(t);
    parentPort?.close();
  });
}
