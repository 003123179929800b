/**
 * Who may see what: the predicates of hidden information, written once. `playerView`
 * (view.ts) builds a viewer's view with them and `eventsFor` (events.ts) redacts the
 * engine's events with them, so a view and the events a viewer receives cannot disagree.
 */
import type { RoleId } from "./types.ts";

/** Who looks: one seat (and its team), a spectator, or the facilitator (the host without a seat). */
export type Viewer =
  | { kind: "seat"; seat: RoleId }
  | { kind: "spectator" }
  | { kind: "facilitator" };

/** The viewer's own seat, or "" (spectators and the facilitator have none). */
export function viewerSeat(viewer: Viewer): RoleId {
  return viewer.kind === "seat" ? viewer.seat : "";
}

/** Whether the viewer sees a seat's private fields (cash, orders, score, crisis choice…): its own seat, or every seat for the facilitator. */
export function canSeePrivate(viewer: Viewer, role: RoleId): boolean {
  return viewer.kind === "facilitator" || (viewer.kind === "seat" && viewer.seat === role);
}

/** Whether the viewer sees a proposal with these parties: a party sees it, the facilitator sees all. */
export function canSeeProposal(viewer: Viewer, parties: readonly RoleId[]): boolean {
  return viewer.kind === "facilitator" || (viewer.kind === "seat" && parties.includes(viewer.seat));
}

/**
 * Whether the viewer reads a chat channel (sorted role ids, or ["*"] for public statements):
 * everyone reads the public channel, a seat its own channels, the facilitator private channels
 * only when the table was created with `facilitatorReadsChat`.
 */
export function canSeeChannel(
  viewer: Viewer,
  channel: readonly string[],
  facilitatorReadsChat: boolean,
): boolean {
  if (channel[0] === "*") return true;
  if (viewer.kind === "seat") return channel.includes(viewer.seat);
  return viewer.kind === "facilitator" && facilitatorReadsChat;
}
