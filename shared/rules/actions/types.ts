import type { Action, ActionType, GameEvent, GameState, Rejection } from "../types.ts";

export type ActionOf<T extends ActionType> = Extract<Action, { type: T }>;

/**
 * An action handler checks the rules first and returns a rejection without
 * touching the state, or applies the action to the (already copied) state.
 */
export type Handler<T extends ActionType> = (
  s: GameState,
  a: ActionOf<T>,
  out: GameEvent[],
) => Rejection | null;
