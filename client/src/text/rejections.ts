/**
 * Every rejection the server can answer, as a sentence a player understands. The Record is
 * exhaustive: a new code in REJECTION_CODES without a sentence here fails typecheck.
 */
import type { Reply } from "../../../shared/protocol/messages.ts";

export type ReplyCode = Extract<Reply, { ok: false }>["code"];

export const REJECTION_TEXT: Record<ReplyCode, string> = {
  ERR_MALFORMED: "That request was not understood. Check the form and try again.",
  ERR_SERVER: "The server could not save that. Nothing changed; please try again.",
  ERR_WRONG_PHASE: "That is not possible in this phase of the year.",
  ERR_NOT_ALLOWED: "You are not allowed to do that here.",
  ERR_UNKNOWN_SEAT: "That country or company is not at this table.",
  ERR_NOT_YOUR_SEAT: "You no longer sit at that seat.",
  ERR_NOT_CAPTAIN: "Only your team's captain can do that.",
  ERR_COMMITTED: "Your orders are already committed for this year.",
  ERR_PAUSED: "The game is paused.",
  ERR_NOT_PAUSED: "The game is not paused.",
  ERR_STALE_TIMEOUT: "That timer belonged to an earlier phase.",
  ERR_BAD_ACTION: "That action is not valid.",
  ERR_ORDER_NOT_ALLOWED: "Your role cannot give that order.",
  ERR_ORDER_OUT_OF_RANGE: "That value is outside what the order allows.",
  ERR_INSUFFICIENT_FUNDS: "You do not have enough money for that.",
  ERR_NOT_A_PARTY: "You are not a party to that proposal or deal.",
  ERR_BAD_TERM: "One of the terms is not valid.",
  ERR_TERM_PARTY: "A term names someone who is not a party to the proposal.",
  ERR_NOT_A_PROVIDER: "That seller has no vehicle to fly seats on.",
  ERR_OVER_CAPACITY: "That is more seats than the vehicle can fly this year.",
  ERR_SUBSIDY_OVER_CAP: "That subsidy per seat is outside the allowed range.",
  ERR_SUBSIDY_NOT_ELIGIBLE: "Only states without their own crew vehicle can be subsidised.",
  ERR_SUBSIDY_WITHOUT_PURCHASE:
    "A subsidy needs a seat purchase by the same beneficiary in the same proposal.",
  ERR_UNKNOWN_PROPOSAL: "That proposal does not exist.",
  ERR_PROPOSAL_CLOSED: "That proposal is no longer open.",
  ERR_ALREADY_ACCEPTED: "You have already accepted that proposal.",
  ERR_UNKNOWN_DEAL: "That deal does not exist.",
  ERR_DEAL_NOT_ACTIVE: "That deal is no longer active.",
  ERR_UNKNOWN_MEMBER: "That player is not at this seat.",
  ERR_UNKNOWN_EVENT: "There is no such event card.",
  ERR_BAD_EVENT: "That event card is not valid.",
  ERR_NO_CRISIS_CHOICE: "Only the two rivals choose in a crisis.",
  ERR_TOO_LONG: "That text is too long.",
  ERR_CHAT_LIMIT: "Your seat has used up its messages for this game.",
  ERR_GAME_OVER: "The game has ended.",
};
