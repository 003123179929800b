/**
 * Shared helpers for the property tests: the fixture scenarios with market and
 * deck randomness switched on, a memoised game runner, a replay that keeps
 * snapshots, and the invariant checks themselves.
 */

import { loadScenario } from "../../server/scenarios.ts";
import { type PlayResult, playGame } from "../../shared/bots/play.ts";
import { randomLegalBot } from "../../shared/bots/randomLegal.ts";
import { applyAction } from "../../shared/rules/reducer.ts";
import { createGame, type SeatSetup } from "../../shared/rules/setup.ts";
import type { Action, GameState } from "../../shared/rules/types.ts";
import { isSink, isSource } from "../../shared/rules/util.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { miniScenario } from "../fixtures/build.ts";

/** The mini fixture with 2–4 market buyers a year and every deck card drawable. */
export function randomMini(): Scenario {
  const base = miniScenario();
  const deck = base.deck.map((card) => ({ ...card, weight: 1 }));
  return miniScenario({ market: { minBuyers: 2, maxBuyers: 4 }, deck });
}

export const MINI = randomMini();
export const CREW_DRAGON = loadScenario("crew-dragon-2020");

/** Every mini role at the table, Boeing included, all played by bots. */
export const MINI_SEATS: SeatSetup[] = ["us", "russia", "spacex", "uae", "boeing"].map((role) => ({
  role,
  controller: "bot",
}));

const cache = new Map<string, PlayResult>();

/** Plays (once per scenario and seed) a whole game with random-legal bots everywhere. */
export function playMemo(scenario: Scenario, seed: string, seats?: SeatSetup[]): PlayResult {
  const key = `${scenario.id}\u0000${seed}\u0000${seats ? "seats" : "default"}`;
  let r = cache.get(key);
  if (!r) {
    r = playGame(scenario, seed, { defaultBot: randomLegalBot, ...(seats ? { seats } : {}) });
    cache.set(key, r);
    if (cache.size > 200) cache.delete(cache.keys().next().value as string);
  }
  return r;
}

/** Replays a log from the lobby and returns the states just after the given action indices. */
export function snapshots(
  scenario: Scenario,
  result: PlayResult,
  indices: readonly number[],
): GameState[] {
  const { seed, seats, options } = result.setup;
  const created = createGame(scenario, seed, seats.length ? seats : undefined, options);
  if (!created.ok) throw new Error(`${created.code}: ${created.detail}`);
  let state = created.state;
  const want = new Set(indices);
  const out: GameState[] = [];
  result.log.forEach((action: Action, i) => {
    const r = applyAction(state, action);
    if (!r.ok) throw new Error(`action ${i} (${action.type}) refused: ${r.code} ${r.detail}`);
    state = r.state;
    if (want.has(i)) out.push(state);
  });
  return out;
}

/** Paths of every number in a value that is NaN or ±Infinity, and of every undefined or non-JSON value. */
export function badValues(value: unknown, path = "$", out: string[] = []): string[] {
  if (value === null) return out;
  switch (typeof value) {
    case "number":
      if (!Number.isFinite(value)) out.push(`${path} = ${value}`);
      return out;
    case "string":
    case "boolean":
      return out;
    case "object":
      if (Array.isArray(value)) {
        for (const [i, v] of value.entries()) badValues(v, `${path}[${i}]`, out);
      } else {
        const proto = Object.getPrototypeOf(value);
        if (proto !== Object.prototype && proto !== null) out.push(`${path}: not a plain object`);
        for (const [k, v] of Object.entries(value)) badValues(v, `${path}.${k}`, out);
      }
      return out;
    default:
      out.push(`${path}: ${typeof value}`);
      return out;
  }
}

/** Paths of every key named `seed` or `rng` anywhere in a value. */
export function secretKeys(value: unknown, path = "$", out: string[] = []): string[] {
  if (value === null || typeof value !== "object") return out;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) secretKeys(v, `${path}[${i}]`, out);
  } else
    for (const [k, v] of Object.entries(value)) {
      if (k === "seed" || k === "rng") out.push(`${path}.${k}`);
      secretKeys(v, `${path}.${k}`, out);
    }
  return out;
}

/** Money on the board must equal starting cash plus sources minus sinks. */
export function moneyProblems(s: GameState): string[] {
  const problems: string[] = [];
  let onBoard = 0;
  let start = 0;
  for (const role of s.order) {
    const st = s.seats[role];
    if (!st) continue;
    onBoard += st.cash + st.pool;
    start += s.scenario.roles[role]?.startingCash ?? 0;
  }
  let sources = 0;
  let sinks = 0;
  s.ledger.forEach((t, i) => {
    const account = (a: string) =>
      typeof a === "string" && (s.seats[a] !== undefined || isSource(a) || isSink(a));
    if (!account(t.from)) problems.push(`ledger[${i}]: unknown payer "${t.from}"`);
    if (!account(t.to)) problems.push(`ledger[${i}]: unknown payee "${t.to}"`);
    if (isSink(t.from)) problems.push(`ledger[${i}]: a sink "${t.from}" pays`);
    if (isSource(t.to)) problems.push(`ledger[${i}]: a source "${t.to}" is paid`);
    if (t.from === t.to) problems.push(`ledger[${i}]: "${t.from}" pays itself`);
    if (typeof t.reason !== "string" || t.reason.trim() === "")
      problems.push(`ledger[${i}]: no reason`);
    if (!(typeof t.amount === "number" && Number.isFinite(t.amount) && t.amount > 0))
      problems.push(`ledger[${i}]: amount ${t.amount}`);
    if (isSource(t.from)) sources += t.amount;
    if (isSink(t.to)) sinks += t.amount;
  });
  const expected = start + sources - sinks;
  if (Math.abs(onBoard - expected) > 1e-6)
    problems.push(
      `money on the board ${onBoard} ≠ start ${start} + sources ${sources} − sinks ${sinks} = ${expected}`,
    );
  return problems;
}

/** C and T outside [0, 100] in the state or any report. */
export function boundsProblems(s: GameState): string[] {
  const problems: string[] = [];
  const check = (what: string, x: number) => {
    if (!(typeof x === "number" && x >= 0 && x <= 100)) problems.push(`${what} = ${x}`);
  };
  check("state.tension", s.tension);
  check("state.cooperation", s.cooperation);
  for (const r of [...s.reports, ...(s.pending ? [s.pending] : [])]) {
    check(`report ${r.year} tension`, r.tension);
    check(`report ${r.year} tensionBefore`, r.tensionBefore);
    check(`report ${r.year} cooperation`, r.cooperation);
  }
  if (s.outcome) check("outcome.finalTension", s.outcome.finalTension);
  return problems;
}

/** JSON text of a value, for exact comparisons. */
export const json = (x: unknown) => JSON.parse(JSON.stringify(x));
