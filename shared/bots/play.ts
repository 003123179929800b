/**
 * Plays whole games with bots in every seat: the engine of `npm run sim`, the
 * policy lab and the property tests. Time is synthetic: each phase runs out at
 * its deadline, so a game is a function of scenario, seed and bots alone.
 */

import { reduceInPlace } from "../rules/reducer.ts";
import { createGame, type GameOptions, type SeatSetup } from "../rules/setup.ts";
import {
  type Action,
  BOT_MEMBER,
  type GameState,
  type RejectionCode,
  type RoleId,
} from "../rules/types.ts";
import type { PlayerView } from "../rules/view.ts";
import { cachedPlayerView, newViewCache, stateChanged } from "../rules/viewCache.ts";
import type { Scenario } from "../scenario/schema.ts";
import { type BotLoop, botForSeat, runBotTurns, type TurnCounts } from "./turns.ts";
import type { Bot } from "./types.ts";

export interface PlayOptions extends GameOptions {
  seats?: SeatSetup[];
  /** A bot per role; roles not named play the default bot. */
  bots?: Record<RoleId, Bot>;
  /** The bot of roles not named in `bots`; without it, the table's default mix (botForSeat). */
  defaultBot?: Bot;
}

export interface PlayResult {
  state: GameState;
  /** Every accepted action, in order: with the scenario, seed and seats it replays the game. */
  log: Action[];
  rejections: { seat: RoleId; type: string; code: RejectionCode; detail: string }[];
  setup: { seed: string; seats: SeatSetup[]; options: GameOptions };
}

const START = 1_600_000_000_000;

/** Plays a game to its end with bots in every seat. */
export function playGame(scenario: Scenario, seed: string, opts: PlayOptions = {}): PlayResult {
  const { seats, bots = {}, defaultBot, ...options } = opts;
  const created = createGame(scenario, seed, seats, options);
  if (!created.ok) throw new Error(`${created.code}: ${created.detail}`);
  // the state is this function's own (createGame made it and nobody else holds it), so it is
  // changed in place rather than copied per action: every handler checks before it changes
  // anything, so a refused action leaves it as it was (tests/property/fuzz.test.ts holds it)
  const state = created.state;
  const log: Action[] = [];
  const rejections: PlayResult["rejections"] = [];
  let now = START;
  const apply = (action: Action): boolean => {
    const r = reduceInPlace(state, action);
    if (!r.ok) return false;
    log.push(action);
    return true;
  };
  apply({ type: "startGame", actor: { kind: "host" }, at: now });
  // one actor per seat, shared by its actions in the log (actions are never changed)
  const actors: Record<string, Action["actor"]> = {};
  for (const role of state.order) actors[role] = { kind: "seat", seat: role, member: BOT_MEMBER };
  // a seat's last view, kept while no action has been accepted since (views are read-only)
  const views: Record<string, { at: number; view: PlayerView }> = {};
  // what views of this game share while it has not changed (seats, deals, reports…)
  const cache = newViewCache();
  let cachedAt = 0;
  const turns: TurnCounts = new Map();
  const loop: BotLoop = {
    state: () => state,
    scenario,
    seed,
    turns,
    bot: (role) => bots[role] ?? defaultBot ?? botForSeat(scenario, role),
    view(role) {
      let seen = views[role];
      if (!seen || seen.at !== log.length) {
        if (cachedAt !== log.length) {
          stateChanged(cache);
          cachedAt = log.length;
        }
        seen = {
          at: log.length,
          view: cachedPlayerView(state, { kind: "seat", seat: role }, cache),
        };
        views[role] = seen;
      }
      return seen.view;
    },
    act(role, body) {
      now += 1000;
      const action = { ...body, actor: actors[role], at: now } as Action;
      const r = reduceInPlace(state, action);
      if (r.ok) log.push(action);
      else rejections.push({ seat: role, type: body.type, code: r.code, detail: r.detail });
      return r.ok;
    },
  };
  let guard = 0;
  // the same loop a live table runs: bots move after every action that is not theirs (here the
  // start and each phase's timeout), and the phase runs out at its deadline
  while (state.phase !== "ended") {
    if (++guard > 10_000) throw new Error("game did not end");
    const phase = state.phase;
    const year = state.year;
    runBotTurns(loop);
    if (state.phase === phase && state.year === year) {
      now = Math.max(now + 1, state.deadline ?? now);
      if (!apply({ type: "phaseTimeout", phase, year, actor: { kind: "system" }, at: now }))
        throw new Error(`timeout refused in ${phase}`);
    }
  }
  return { state, log, rejections, setup: { seed, seats: seats ?? [], options } };
}
