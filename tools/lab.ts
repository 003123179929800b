/**
 * `npm run lab`: the policy lab. Plays many bot games per policy across
 * worker threads and prints, per policy, final T and C (mean with its 95 %
 * confidence interval and the 2.5–97.5 percentile range), the conflict rate
 * and each role's % of par; writes a per-game CSV and a self-contained HTML
 * report. Game i of policy p uses seed `${seed}:${p}:${i}` (a triangle-at-0
 * variant plays its policy's seeds) and results are read in index order, so
 * the output does not depend on --workers.
 */

import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import type { ParseArgsOptionsConfig } from "node:util";
import { Worker } from "node:worker_threads";
import cliProgress from "cli-progress";
import { ESSAY_NAMES } from "../shared/bots/essay.ts";
import { BOT_NAMES, defaultStrategy } from "../shared/bots/index.ts";
import { defaultSeats } from "../shared/rules/setup.ts";
import type { Scenario } from "../shared/scenario/schema.ts";
import { failure, readFlags, readScenarioArg, UsageError, wholeNumber } from "./cli.ts";
import { addKinds, evaluateBalance, formatBalance, planBalance } from "./labBalance.ts";
import { formatPaired, pairRows, planEssay } from "./labEssay.ts";
import { formatTable, type LabMeta, renderHtml, toCsv } from "./labReport.ts";
import { type GameResult, type KindCounts, summarisePolicy } from "./labStats.ts";
import type { ChunkReply, ChunkRequest, LabPolicy, WorkerSetup } from "./labWorker.ts";
import { isLabStrategy, MIXED } from "./labWorker.ts";

const STUDIES = ["essay", "balance", "none"] as const;
const MIXES = ["default", "mixed", "all-realist", "all-liberal", "random"] as const;
type Mix = (typeof MIXES)[number];

const USAGE = `Usage: npm run lab -- [options]

The policy lab: plays many bot games per policy and prints, per policy, final
tension T and cooperation C (mean with its 95 % confidence interval, and the
2.5–97.5 percentile range), the conflict rate and each role's mean % of par.
Writes <out>/lab-<study>-<seed>.csv (one row per game) and .html (charts).

Options:
  --study S             essay: the essay's four US policies (statusQuo, cutTies,
                        subsidise, swapsOnly) with one and with three emerging
                        nations, each also with the triangle term at 0, and
                        per row the share of paired games (same seeds) each
                        policy beats the status quo on T, C and the US score;
                        balance: the rows that measure GAME.md's balance
                        targets (essay rows, equal bots, events off, paired
                        decisions, aggression, the unlikely path) and one
                        PASS/FAIL block per target; none: one row with the mix
                        and --policy seats (default: essay)
  --scenario NAME|PATH  scenario name in assets/scenarios/ or a .json path
                        (default: crew-dragon-2020)
  --policy ROLE=NAME    seat ROLE plays strategy NAME (${BOT_NAMES.join(", ")},
                        ${ESSAY_NAMES.join(", ")}, mixed, a probe such as
                        profit+flights1, or a variant such as
                        realist+diversion=50+firm, mixed+extraCrew=2,
                        mixed+rideWith=spacex); repeatable. Seats an optional
                        role.
  --mix M               strategies of the other seats: default (companies
                        profit, rival pair Realist/Liberal, others Liberal),
                        mixed (each state draws Realist, Liberal or Opportunist
                        per game), all-realist, all-liberal or random
                        (default: mixed for the essay study, default for none;
                        the balance study plays its own tables)
  --games N             games per policy (default: 1000)
  --seed S              seed of the study (default: lab)
  --workers N           worker threads (default: available cores)
  --years N             years per game, 1-20 (default: the scenario's preset)
  --out DIR             where the CSV and HTML go (default: reports/)
  --help                show this help

Exit codes: 0 done, 1 a game failed, 2 bad arguments or scenario.
`;

interface Args {
  study: (typeof STUDIES)[number];
  scenario: string;
  policies: [string, string][];
  mix: Mix | undefined;
  games: number;
  seed: string;
  workers: number;
  years: number | undefined;
  out: string;
  help: boolean;
}

const OPTIONS = {
  study: { type: "string", default: "essay" },
  scenario: { type: "string", default: "crew-dragon-2020" },
  policy: { type: "string", multiple: true, default: [] as string[] },
  mix: { type: "string" },
  games: { type: "string", default: "1000" },
  seed: { type: "string", default: "lab" },
  workers: { type: "string" },
  years: { type: "string" },
  out: { type: "string", default: "reports" },
  help: { type: "boolean", short: "h", default: false },
} as const satisfies ParseArgsOptionsConfig;

function readArgs(argv: string[]): Args {
  const values = readFlags(argv, OPTIONS);
  const study = String(values.study);
  if (!(STUDIES as readonly string[]).includes(study))
    throw new UsageError(`unknown study "${study}" (known: ${STUDIES.join(", ")})`);
  const mix = values.mix === undefined ? undefined : String(values.mix);
  if (mix !== undefined && !(MIXES as readonly string[]).includes(mix))
    throw new UsageError(`unknown mix "${mix}" (known: ${MIXES.join(", ")})`);
  const policies = (values.policy as string[]).map((p): [string, string] => {
    const m = /^([^=]+)=(.+)$/.exec(p);
    if (!m) throw new UsageError(`--policy takes ROLE=STRATEGY, not "${p}"`);
    return [m[1] as string, m[2] as string];
  });
  const seed = String(values.seed);
  if (seed === "") throw new UsageError("--seed must not be empty");
  return {
    study: study as Args["study"],
    scenario: String(values.scenario),
    policies,
    mix: mix as Mix | undefined,
    games: wholeNumber("games", String(values.games), 1, 10_000_000),
    seed,
    workers:
      values.workers === undefined
        ? availableParallelism()
        : wholeNumber("workers", String(values.workers), 1, 256),
    years:
      values.years === undefined ? undefined : wholeNumber("years", String(values.years), 1, 20),
    out: String(values.out),
    help: values.help === true,
  };
}

function mixStrategy(mix: Mix, scenario: Scenario, role: string): string {
  // every state draws Realist, Liberal or Opportunist per game; companies play Profit
  if (mix === "mixed") return MIXED;
  if (mix === "all-realist") return "realist";
  if (mix === "all-liberal") return "liberal";
  if (mix === "random") return "random";
  return defaultStrategy(scenario, role);
}

/** The mix a study plays when --mix does not say: GAME.md's mixed bots for the essay. */
export function studyMix(args: Pick<Args, "study" | "mix">): Mix {
  return args.mix ?? (args.study === "essay" ? "mixed" : "default");
}

/** The policies (rows) of a study, each with a strategy for every seated role. */
export function planPolicies(args: Args, scenario: Scenario): LabPolicy[] {
  const overrides = new Map<string, string>();
  for (const [role, name] of args.policies) {
    if (!scenario.roles[role])
      throw new UsageError(
        `unknown role "${role}" in --policy (roles: ${Object.keys(scenario.roles).join(", ")})`,
      );
    if (!isLabStrategy(name))
      throw new UsageError(
        `unknown strategy "${name}" (known: ${[...BOT_NAMES, ...ESSAY_NAMES, MIXED].join(", ")}, probes and variants: see --help)`,
      );
    overrides.set(role, name);
  }
  const seated = [...defaultSeats(scenario).map((s) => s.role), ...overrides.keys()];
  /** The seated roles (and `extra`), each with its --policy strategy or `strategyFor`'s. */
  const table = (strategyFor: (role: string) => string, extra: readonly string[] = []) => {
    const roles = new Set([...seated, ...extra]);
    const out: Record<string, string> = {};
    for (const role of Object.keys(scenario.roles))
      if (roles.has(role)) out[role] = overrides.get(role) ?? strategyFor(role);
    return out;
  };
  const mix = studyMix(args);
  const strategyFor = (role: string) => mixStrategy(mix, scenario, role);
  const base = table(strategyFor);
  if (args.study === "none")
    return [
      {
        id: "baseline",
        label: "baseline",
        seedKey: "baseline",
        strategies: base,
        triangleZero: false,
      },
    ];
  if (args.study === "balance")
    return planBalance(scenario, {
      base: table((role) => defaultStrategy(scenario, role)),
      table,
    });
  const us = scenario.rivalPair[0] as string;
  if (overrides.has(us))
    throw new UsageError(
      `the essay study sets ${us}'s policy itself; --policy may set the other seats`,
    );
  return planEssay(scenario, base, (role) => overrides.get(role) ?? strategyFor(role));
}

/** Plays every game of every policy on `workers` threads; results in index order. */
async function runAll(
  setup: WorkerSetup,
  policies: LabPolicy[],
  games: number,
  seed: string,
  workers: number,
  progress: (done: number) => void,
): Promise<{ results: GameResult[][]; kinds: KindCounts[] }> {
  const chunk = Math.max(1, Math.min(50, Math.ceil(games / (workers * 4))));
  const tasks: ChunkRequest[] = [];
  for (const policy of policies)
    for (let start = 0; start < games; start += chunk)
      tasks.push({ task: tasks.length, policy, seed, start, end: Math.min(games, start + chunk) });
  const results: GameResult[][] = policies.map(() => new Array<GameResult>(games));
  const kinds: KindCounts[] = policies.map(() => ({ termKinds: {}, orderKinds: {} }));
  const pIndex = new Map(policies.map((p, i) => [p.id, i]));
  let next = 0;
  let done = 0;
  const pool = Array.from(
    { length: Math.min(workers, tasks.length) },
    () => new Worker(new URL("./labWorker.ts", import.meta.url), { workerData: setup }),
  );
  try {
    await Promise.all(
      pool.map(
        (w) =>
          new Promise<void>((resolveAll, reject) => {
            const feed = () => {
              const t = tasks[next++];
              if (t) w.postMessage(t);
              else resolveAll();
            };
            w.on("message", (reply: ChunkReply) => {
              if (!reply.ok) {
                reject(new Error(reply.error));
                return;
              }
              const req = tasks[reply.task] as ChunkRequest;
              const p = pIndex.get(req.policy.id) as number;
              const row = results[p] as GameResult[];
              for (const g of reply.results) row[g.index] = g;
              addKinds(kinds[p] as KindCounts, reply.kinds);
              done += reply.results.length;
              progress(done);
              feed();
            });
            w.on("error", reject);
            w.on("exit", (code) => {
              if (code !== 0) reject(new Error(`a lab worker stopped with code ${code}`));
            });
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return { results, kinds };
}

/** A file-name-safe form of a seed or study name. */
const safeName = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 80) || "_";

/** Runs the command; returns the exit code. */
export async function main(
  argv: string[],
  stdout: (s: string) => void,
  stderr: (s: string) => void,
): Promise<number> {
  try {
    const args = readArgs(argv);
    if (args.help) {
      stdout(USAGE);
      return 0;
    }
    const { scenario, path } = readScenarioArg(args.scenario);
    const policies = planPolicies(args, scenario);
    stdout(`seed: ${args.seed}\n`);
    const total = policies.length * args.games;
    const t0 = performance.now();
    const bar = process.stderr.isTTY
      ? new cliProgress.SingleBar(
          {
            stream: process.stderr,
            format:
              "lab [{bar}] {percentage}% | {value}/{total} games | {duration_formatted} elapsed, ETA {eta_formatted}",
            hideCursor: true,
            clearOnComplete: true,
          },
          cliProgress.Presets.shades_classic,
        )
      : null;
    bar?.start(total, 0);
    let results: GameResult[][];
    let kinds: KindCounts[];
    try {
      ({ results, kinds } = await runAll(
        { scenario: path, years: args.years },
        policies,
        args.games,
        args.seed,
        args.workers,
        (done) => bar?.update(done),
      ));
    } finally {
      bar?.stop();
    }
    const seconds = (performance.now() - t0) / 1000;
    // every role some row seats, in the scenario's order (rows seat different emerging nations)
    const roles = Object.keys(scenario.roles).filter((r) =>
      policies.some((p) => Object.hasOwn(p.strategies, r)),
    );
    // a loop, not Math.max(...): a spread of 200,000 games overflows the call stack
    let nYears = 1;
    for (const row of results) for (const g of row) nYears = Math.max(nYears, g.tByYear.length);
    const meta: LabMeta = {
      study: args.study,
      seed: args.seed,
      scenarioId: scenario.id,
      scenarioName: scenario.name,
      gamesPerPolicy: args.games,
      years: Array.from({ length: nYears }, (_, i) => scenario.startYear + i),
      mix: args.study === "balance" ? "balance" : studyMix(args),
      overrides: args.policies.map(([r, n]) => `${r}=${n}`),
      roles,
    };
    const rows = policies.map((p, i) =>
      summarisePolicy(p.id, p.label, results[i] as GameResult[], roles, nYears),
    );
    let table = formatTable(meta, rows);
    const study = policies.map((p, i) => ({
      policy: p,
      games: results[i] as GameResult[],
      kinds: kinds[i] as KindCounts,
    }));
    if (args.study === "essay")
      table += formatPaired(
        pairRows(scenario, study),
        scenario.roles[scenario.rivalPair[0] as string]?.short ?? "US",
      );
    if (args.study === "balance") table += formatBalance(evaluateBalance(scenario, study, roles));
    stdout(table);
    const outDir = resolve(args.out);
    mkdirSync(outDir, { recursive: true });
    const base = join(outDir, `lab-${safeName(args.study)}-${safeName(args.seed)}`);
    writeFileSync(
      `${base}.csv`,
      toCsv(
        meta,
        policies.map((p, i) => ({ id: p.id, label: p.label, games: results[i] as GameResult[] })),
        args.study === "balance",
      ),
    );
    writeFileSync(`${base}.html`, renderHtml(meta, rows, table));
    stderr(
      `lab: ${total} games (${policies.length} policies × ${args.games}) in ${seconds.toFixed(1)} s on ${Math.min(args.workers, total)} worker(s)\nlab: wrote ${base}.csv and ${base}.html\n`,
    );
    return 0;
  } catch (err) {
    return failure("lab", err, stderr);
  }
}

if (import.meta.main) {
  process.exitCode = await main(
    process.argv.slice(2),
    (s) => process.stdout.write(s),
    (s) => process.stderr.write(s),
  );
}
