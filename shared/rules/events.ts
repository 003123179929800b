/**
 * The engine's events: what happened in one accepted action, in the order it happened, for
 * clients to animate and notify from (they draw from the view; an event never replaces it).
 * Handlers and the phase machine push them; `eventsFor` redacts them for one viewer by the
 * predicates `playerView` uses (visibility.ts). Events are not part of the state: nothing in
 * the engine reads them, so they cannot change a result.
 */
import type { CrisisOutcome } from "./details.ts";
import type { ChatMessage, Phase, Proposal, RoleId } from "./types.ts";
import { canSeeChannel, canSeePrivate, canSeeProposal, type Viewer } from "./visibility.ts";

type ProposalId = Proposal["id"];

/** What happened. One `type` per event; see docs/PROTOCOL.md, "Events", for who receives each. */
export type GameEvent =
  // ---------------------------------------------------------------- clock and phases
  /** The table entered a phase (a new year starts with `briefing`). */
  | { type: "phaseChanged"; phase: Phase; year: number }
  /** Staff added time to the current phase; the new deadline is in the view. */
  | { type: "timerExtended"; phase: Phase; year: number; seconds: number }
  /** Staff paused the game. */
  | { type: "paused" }
  /** Staff resumed the game. */
  | { type: "resumed" }
  // ---------------------------------------------------------------- proposals (parties only)
  /** A new proposal; `replaces` is the proposal it counters (or null). Also sent to its proposer. */
  | {
      type: "proposalReceived";
      proposal: ProposalId;
      from: RoleId;
      parties: RoleId[];
      replaces: ProposalId | null;
    }
  /**
   * A proposal was replaced by a counter-proposal `counter` made by `by`. `counter` is null for
   * a party of the old proposal that is not party to the counter (it learns only that it closed).
   */
  | {
      type: "proposalCountered";
      proposal: ProposalId;
      parties: RoleId[];
      by: RoleId;
      counter: ProposalId | null;
    }
  /** One party accepted (a `dealConcluded` follows once every party has). */
  | { type: "proposalAccepted"; proposal: ProposalId; parties: RoleId[]; by: RoleId }
  /** A party rejected the proposal: it is closed. */
  | { type: "proposalRejected"; proposal: ProposalId; parties: RoleId[]; by: RoleId }
  /** Its proposer withdrew the proposal. */
  | { type: "proposalWithdrawn"; proposal: ProposalId; parties: RoleId[]; by: RoleId }
  /** Negotiation ended with the proposal still open. */
  | { type: "proposalExpired"; proposal: ProposalId; parties: RoleId[] }
  // ---------------------------------------------------------------- deals (public)
  /** Every party accepted `proposal`: it is now the binding deal `deal`. */
  | { type: "dealConcluded"; deal: string; proposal: ProposalId | null; parties: RoleId[] }
  /** At the year's resolution the deal could not be carried out, at `fault`'s fault: it is over. */
  | {
      type: "dealFailed";
      deal: string;
      year: number;
      parties: RoleId[];
      fault: RoleId;
      reason: string;
    }
  /** `by` cancelled the deal and paid `cost` (shared among the other parties). */
  | { type: "dealCancelled"; deal: string; parties: RoleId[]; by: RoleId; cost: number }
  // ---------------------------------------------------------------- talk
  /** A chat message or public statement (`channel` ["*"]); its text is in the view's chat. */
  | { type: "chat"; id: ChatMessage["id"]; channel: string[]; from: RoleId }
  /** A rival chose its public Crisis-on-Earth stance. */
  | { type: "stanceChosen"; seat: RoleId; stance: "link" | "compartmentalise" }
  // ---------------------------------------------------------------- resolution (public)
  /** A checkable pledge or a contract condition was checked at resolution. */
  | { type: "pledgeChecked"; deal: string; year: number; by: RoleId; text: string; kept: boolean }
  /** A covert know-how sale was detected this year. */
  | { type: "covertSaleDetected"; year: number; seat: RoleId }
  /** Tension reached the threshold: the rivals choose in a crisis phase. */
  | { type: "crisisStarted"; year: number }
  /** A rival made (or changed) its secret crisis choice; the choice is in its private view. */
  | { type: "crisisChosen"; seat: RoleId }
  /** The crisis was decided: both choices are now public. */
  | {
      type: "crisisDecided";
      year: number;
      choices: Record<RoleId, "firm" | "deescalate">;
      outcome: CrisisOutcome;
      escalation: boolean;
    }
  /** The year is scored: its report is `reports` of the view, redacted for the viewer. */
  | { type: "yearResolved"; year: number }
  /** Staff injected an event card for this year's resolution. */
  | { type: "eventInjected"; card: string }
  /** The game is over; the outcome is in the view. */
  | { type: "gameOver"; reason: "completed" | "conflict" | "ended"; conflict: boolean }
  // ---------------------------------------------------------------- seats
  /** A seat's members or captain changed. */
  | { type: "membersChanged"; seat: RoleId }
  /** A bot took the seat over (its people left, or staff said so), or people reclaimed it. */
  | { type: "controllerChanged"; seat: RoleId; controller: "human" | "bot" }
  /** The seat changed its orders (the seat itself and the facilitator only; never the orders). */
  | { type: "ordersChanged"; seat: RoleId }
  /** A seat marked itself ready or not. */
  | { type: "readyChanged"; seat: RoleId; ready: boolean }
  /** A seat's captain committed its orders for the year. */
  | { type: "committed"; seat: RoleId };

export type GameEventType = GameEvent["type"];

/**
 * Who receives each event: `public` every viewer; `parties` a proposal's parties and the
 * facilitator (canSeeProposal); `channel` who reads the channel (canSeeChannel); `seat` the
 * seat itself and the facilitator (canSeePrivate).
 */
export const EVENT_AUDIENCE = {
  phaseChanged: "public",
  timerExtended: "public",
  paused: "public",
  resumed: "public",
  proposalReceived: "parties",
  proposalCountered: "parties",
  proposalAccepted: "parties",
  proposalRejected: "parties",
  proposalWithdrawn: "parties",
  proposalExpired: "parties",
  dealConcluded: "public",
  dealFailed: "public",
  dealCancelled: "public",
  chat: "channel",
  stanceChosen: "public",
  pledgeChecked: "public",
  covertSaleDetected: "public",
  crisisStarted: "public",
  crisisChosen: "seat",
  crisisDecided: "public",
  yearResolved: "public",
  eventInjected: "public",
  gameOver: "public",
  membersChanged: "public",
  controllerChanged: "public",
  ordersChanged: "seat",
  readyChanged: "public",
  committed: "public",
} as const satisfies Record<GameEventType, "public" | "parties" | "channel" | "seat">;

export type EventAudience = (typeof EVENT_AUDIENCE)[GameEventType];

/** The events with the given audience (their fields name what the audience is decided by). */
type EventFor<A extends EventAudience> = Extract<
  GameEvent,
  {
    type: { [K in GameEventType]: (typeof EVENT_AUDIENCE)[K] extends A ? K : never }[GameEventType];
  }
>;

/** The parties of a proposal in the state, or null when there is none by that id. */
function partiesOf(
  proposals: Record<string, Proposal>,
  id: ProposalId | null,
): readonly RoleId[] | null {
  if (id === null || !Object.hasOwn(proposals, id)) return null;
  return (proposals[id] as Proposal).parties;
}

/**
 * The events of one accepted action as `viewer` may know them, in order. Pure. `state` is the
 * state after the action (for the table's `facilitatorReadsChat` and the parties of a counter).
 * A viewer learns nothing its `playerView` would not show: no proposal it is not party to, no
 * chat channel it is not in, no other seat's orders or crisis choice. Events are shared, not
 * copied, except a counter whose new proposal the viewer may not see (its link is cut).
 */
export function eventsFor(
  events: readonly GameEvent[],
  state: {
    config: { facilitatorReadsChat: boolean };
    proposals: Record<string, Proposal>;
  },
  viewer: Viewer,
): GameEvent[] {
  const out: GameEvent[] = [];
  for (const e of events) {
    switch (EVENT_AUDIENCE[e.type]) {
      case "public":
        // a deal is public, the proposal it came from only to its parties (its id counts their talks)
        if (e.type === "dealConcluded" && e.proposal !== null && !canSeeProposal(viewer, e.parties))
          out.push({ ...e, proposal: null });
        else out.push(e);
        break;
      case "parties": {
        const p = e as EventFor<"parties">;
        if (!canSeeProposal(viewer, p.parties)) break;
        if (p.type === "proposalReceived" && p.replaces !== null) {
          // a counter may add parties: the id it replaces is theirs only if they were party to it
          const oldParties = partiesOf(state.proposals, p.replaces);
          if (!oldParties || !canSeeProposal(viewer, oldParties)) {
            out.push({ ...p, replaces: null });
            break;
          }
        }
        if (p.type === "proposalCountered" && p.counter !== null) {
          // the old proposal's parties learn the counter's id only if they are party to it too
          const counterParties = partiesOf(state.proposals, p.counter);
          if (!counterParties || !canSeeProposal(viewer, counterParties)) {
            out.push({ ...p, counter: null });
            break;
          }
        }
        out.push(p);
        break;
      }
      case "channel": {
        const c = e as EventFor<"channel">;
        if (canSeeChannel(viewer, c.channel, state.config.facilitatorReadsChat)) out.push(c);
        break;
      }
      case "seat": {
        const own = e as EventFor<"seat">;
        if (canSeePrivate(viewer, own.seat)) out.push(own);
        break;
      }
    }
  }
  return out;
}
