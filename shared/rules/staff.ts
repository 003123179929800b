/** Which of the host's table controls the rules allow right now: a pure reading of the reducer's table for the client. */
import { ACTION_RULES } from "./reducer.ts";
import type { Phase } from "./types.ts";

/** The host's clock and end actions a board offers. */
export const STAFF_CONTROLS = ["pause", "resume", "extend", "skip", "endGame"] as const;
export type StaffControl = (typeof STAFF_CONTROLS)[number];

/**
 * Whether the phase admits `action` and a pause does not hold it back (by ACTION_RULES).
 * Pause and resume are also told apart by the pause itself: only one of them can succeed.
 */
export function staffMay(action: StaffControl, at: { phase: Phase; paused: boolean }): boolean {
  const rule = ACTION_RULES[action];
  if (!(rule.phases as readonly Phase[]).includes(at.phase)) return false;
  if (at.paused && !rule.whilePaused) return false;
  if (action === "pause") return !at.paused;
  if (action === "resume") return at.paused;
  return true;
}
