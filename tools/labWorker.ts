/**
 * A policy-lab worker thread: plays the games of the chunks it is sent and
 * returns one small result per game. A game depends only on the scenario,
 * its policy and its seed, so how chunks are spread over workers never
 * changes a number.
 */
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { loadScenario } from "../server/scenarios.ts";
import { ESSAY_BOTS } from "../shared/bots/essay.ts";
import { BOTS } from "../shared/bots/index.ts";
import { playGame } from "../shared/bots/play.ts";
import { PROBE_BOTS } from "../shared/bots/probes.ts";
import type { Bot } from "../shared/bots/types.ts";
import { makeRng } from "../shared/rules/random.ts";
import type { Scenario } from "../shared/scenario/schema.ts";
import { eventsOff, leaderAfter } from "./labBalance.ts";
import type { GameResult, KindCounts } from "./labStats.ts";
import { MIXED_BASE, parseVariant, variantBot } from "./labVariants.ts";

/** One row of the lab: a strategy per seated role, and whether the triangle term is off. */
export interface LabPolicy {
  id: string;
  label: string;
  /**
   * The p of the seeds `${seed}:${p}:${i}`. A triangle-at-0 variant shares its
   * policy's seeds, so the pair differs only by the triangle term.
   */
  seedKey: string;
  /** Role → strategy name (BOTS or essay policy), for every seated role. */
  strategies: Record<string, string>;
  triangleZero: boolean;
  /** Events off: every deck card weight 0 but one synthetic card with no effects. */
  eventsOff?: boolean;
  /** The id of the row this one is compared with game by game (same seeds), e.g. its status quo. */
  pairWith?: string;
}

export interface WorkerSetup {
  /** Scenario file path. */
  scenario: string;
  years: number | undefined;
}

export interface ChunkRequest {
  task: number;
  policy: LabPolicy;
  seed: string;
  start: number;
  end: number;
}

export type ChunkReply =
  | { task: number; ok: true; results: GameResult[]; kinds: KindCounts }
  | { task: number; ok: false; error: string };

/** Every strategy the lab can seat, by name. */
export const LAB_STRATEGIES: Record<string, Bot> = { ...BOTS, ...ESSAY_BOTS, ...PROBE_BOTS };

/** A strategy name that draws each seat's strategy per game ("mixed bots"). */
export const MIXED = "mixed";

/** States draw Realist, Liberal or Opportunist, companies play Profit: fixed by the game's seed. */
export function drawStrategy(scenario: Scenario, role: string, seed: string): string {
  if (scenario.roles[role]?.archetype === "company") return "profit";
  const options = ["realist", "liberal", "opportunist"];
  return options[Math.floor(makeRng(`${seed}:persona:${role}`)() * options.length)] as string;
}

/** The scenario a policy plays: the triangle term at 0 and the events off when asked. */
export function scenarioFor(base: Scenario, policy: LabPolicy): Scenario {
  let sc = base;
  if (policy.triangleZero) sc = { ...sc, cooperation: { ...sc.cooperation, triangleWeight: 0 } };
  if (policy.eventsOff) sc = eventsOff(sc);
  return sc;
}

/** Counts how often each key occurs. */
function tally(out: Record<string, number>, key: string) {
  out[key] = (out[key] ?? 0) + 1;
}

/** A known strategy name: a bot, an essay policy, a probe, `mixed`, or a variant (labVariants.ts). */
export function isLabStrategy(name: string): boolean {
  return name === MIXED || Object.hasOwn(LAB_STRATEGIES, name) || parseVariant(name) !== null;
}

/** The bot a seat plays in the game with this seed (mixed strategies and variants drawn from it). */
export function botOf(scenario: Scenario, role: string, name: string, seed: string): Bot {
  if (Object.hasOwn(LAB_STRATEGIES, name)) return LAB_STRATEGIES[name] as Bot;
  if (name === MIXED) return LAB_STRATEGIES[drawStrategy(scenario, role, seed)] as Bot;
  const spec = parseVariant(name);
  const bot =
    spec &&
    variantBot(name, spec.base === MIXED_BASE ? drawStrategy(scenario, role, seed) : undefined);
  if (!bot) throw new Error(`unknown strategy ${name}`);
  return bot;
}

/** The seed of game i of policy p. */
export const gameSeed = (seed: string, policy: string, i: number) => `${seed}:${policy}:${i}`;

/** Plays one game of a policy and keeps what the lab reports. */
export function runGame(
  scenario: Scenario,
  policy: LabPolicy,
  index: number,
  seed: string,
  years: number | undefined,
  kinds?: KindCounts,
): GameResult {
  const bots: Record<string, Bot> = {};
  for (const [role, name] of Object.entries(policy.strategies))
    bots[role] = botOf(scenario, role, name, seed);
  const result = playGame(scenario, seed, {
    seats: Object.keys(policy.strategies).map((role) => ({ role, controller: "bot" as const })),
    bots,
    ...(years !== undefined ? { years } : {}),
  });
  const s = result.state;
  if (!s.outcome) throw new Error(`game ${seed} ended without an outcome`);
  // kind counts are summed per chunk, not kept per game, so 10,000 games a row stay small
  if (kinds) {
    for (const d of Object.values(s.deals))
      if (d.fromProposal) for (const t of d.terms) tally(kinds.termKinds, t.kind);
    for (const a of result.log)
      if (a.type === "setOrders") for (const k of Object.keys(a.orders)) tally(kinds.orderKinds, k);
  }
  const pars: Record<string, number> = {};
  for (const r of s.order) pars[r] = scenario.roles[r]?.par ?? 1;
  return {
    policy: policy.id,
    index,
    seed,
    finalT: s.outcome.finalTension,
    finalC: s.cooperation,
    conflict: s.outcome.conflict,
    percentOfPar: { ...s.outcome.percentOfPar },
    tByYear: s.reports.map((r) => r.tension),
    startT: s.reports[0]?.tensionBefore ?? scenario.startTension,
    topRole: s.outcome.ranking[0] ?? "",
    leaderAfter2: leaderAfter(s.reports, pars, s.order, 2),
    scores: { ...s.outcome.finalScores },
  };
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  const setup = workerData as WorkerSetup;
  const base = loadScenario(setup.scenario);
  const scenarios = new Map<string, Scenario>();
  port.on("message", (req: ChunkRequest) => {
    try {
      const key = `${req.policy.triangleZero}:${req.policy.eventsOff === true}`;
      let sc = scenarios.get(key);
      if (!sc) {
        sc = scenarioFor(base, req.policy);
        scenarios.set(key, sc);
      }
      const results: GameResult[] = [];
      const kinds: KindCounts = { termKinds: {}, orderKinds: {} };
      for (let i = req.start; i < req.end; i++)
        results.push(
          runGame(sc, req.policy, i, gameSeed(req.seed, req.policy.seedKey, i), setup.years, kinds),
        );
      port.postMessage({ task: req.task, ok: true, results, kinds } satisfies ChunkReply);
    } catch (err) {
      port.postMessage({
        task: req.task,
        ok: false,
        error: (err as Error).stack ?? String(err),
      } satisfies ChunkReply);
    }
  });
}
