/**
 * When a bot is asked to act: once when a phase begins; in negotiation a second
 * time (for proposals that build on deals just concluded); after that only while
 * a proposal waits for its answer. The server and the game runner share this
 * rule, so bots behave alike at a real table and in the lab.
 */
import { proposalsThisYear } from "../rules/records.ts";
import type { GameState, RoleId } from "../rules/types.ts";

export function botWantsTurn(s: GameState, role: RoleId, turn: number): boolean {
  if (turn === 0) return true;
  if (turn === 1 && s.phase === "negotiation") return true;
  for (const p of proposalsThisYear(s))
    if (p.status === "open" && p.parties.includes(role) && !p.accepted.includes(role)) return true;
  return false;
}
