import type { Action, GameState, SeatState } from "../types.ts";

/** The seat acting (the reducer has already checked the actor belongs to it). */
export function actingSeat(s: GameState, a: Action): SeatState {
  if (a.actor.kind !== "seat") throw new Error("not a seat action");
  return s.seats[a.actor.seat] as SeatState;
}
