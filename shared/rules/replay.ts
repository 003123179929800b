/**
 * Replaying a game: a scenario, its seed, its seats and its ordered actions
 * give the game back exactly. Restores, exports and tests use it.
 */
import type { Scenario } from "../scenario/schema.ts";
import { applyAction } from "./reducer.ts";
import { createGame, type GameOptions, type SeatSetup } from "./setup.ts";
import type { Action, GameState } from "./types.ts";

/**
 * A logged action the engine refused on replay: the log does not belong to this scenario and
 * seed, or to this version of the rules. Carries the action's place and the rejection code, so
 * a reader can say so plainly and keep the technical part apart.
 */
export class ReplayRefused extends Error {
  readonly index: number;
  readonly actionType: string;
  readonly code: string;
  constructor(index: number, actionType: string, code: string, detail: string) {
    super(`action ${index} (${actionType}) refused on replay: ${code} ${detail}`);
    this.index = index;
    this.actionType = actionType;
    this.code = code;
  }
}

/**
 * Replays an action log from the start; throws ReplayRefused if any action is refused.
 * `before` sees each action with the state it is applied to.
 */
export function replay(
  scenario: Scenario,
  seed: string,
  seats: SeatSetup[] | undefined,
  options: GameOptions,
  log: readonly Action[],
  before?: (state: GameState, action: Action) => void,
): GameState {
  const created = createGame(scenario, seed, seats?.length ? seats : undefined, options);
  if (!created.ok) throw new Error(`${created.code}: ${created.detail}`);
  let state = created.state;
  for (const [i, action] of log.entries()) {
    before?.(state, action);
    const r = applyAction(state, action);
    if (!r.ok) throw new ReplayRefused(i, action.type, r.code, r.detail);
    state = r.state;
  }
  return state;
}
