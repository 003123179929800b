/**
 * Replaying a game: a scenario, its seed, its seats and its ordered actions
 * give the game back exactly. Restores, exports and tests use it.
 */
import type { Scenario } from "../scenario/schema.ts";
import { applyAction } from "./reducer.ts";
import { createGame, type GameOptions, type SeatSetup } from "./setup.ts";
import type { Action, GameState } from "./types.ts";

/**
 * Replays an action log from the start; throws if any action is refused.
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
    if (!r.ok)
      throw new Error(`action ${i} (${action.type}) refused on replay: ${r.code} ${r.detail}`);
    state = r.state;
  }
  return state;
}
