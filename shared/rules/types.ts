/**
 * The game's data model. Everything is plain JSON (records keyed by id, string
 * discriminants, `null` rather than `undefined`) so a state survives a JSON
 * round-trip exactly and maps onto a Colyseus schema.
 */
import type { z } from "zod";
import type { EventCard, OrderKind, PriorityCard, Scenario } from "../scenario/schema.ts";
import type {
  CooperationTerm,
  CrisisOutcome,
  ScoreTerm,
  TensionTerm,
  Verdicts,
} from "./details.ts";
import type { GameEvent } from "./events.ts";
import {
  type contractConditionSchema,
  type ordersShape,
  PLEDGE_ORDERS,
  type pledgeCheckSchema,
  type termSchema,
} from "./schemas.ts";

export type RoleId = string;
export type MemberId = string;

/** The phases of a game. Resolution runs inside the transition out of `commit`; it accepts no input. */
export const PHASES = ["lobby", "briefing", "negotiation", "commit", "crisis", "ended"] as const;
export type Phase = (typeof PHASES)[number];

/** The member id a bot acts under while it controls a seat. */
export const BOT_MEMBER = "bot";

// ---------------------------------------------------------------- actors and actions

export type Actor =
  | { kind: "seat"; seat: RoleId; member: MemberId }
  | { kind: "system" }
  | { kind: "host" }
  | { kind: "facilitator" };

/** Orders a seat sets during negotiation and commit (GAME.md, "Orders"), inferred from their schema. */
export type Orders = z.infer<typeof ordersShape>;

export { PLEDGE_ORDERS };

export type PledgeCheck = z.infer<typeof pledgeCheckSchema>;

export type ContractCondition = z.infer<typeof contractConditionSchema>;

/** One term of a proposal, inferred from its schema. */
export type Term = z.infer<typeof termSchema>;

export type ActionBody =
  | { type: "addMember"; seat: RoleId; member: MemberId; name: string }
  | { type: "removeMember"; seat: RoleId; member: MemberId }
  | { type: "setCaptain"; seat: RoleId; member: MemberId | null }
  | { type: "setController"; seat: RoleId; controller: "human" | "bot" }
  | { type: "startGame" }
  | { type: "setOrders"; orders: Partial<Orders> }
  | { type: "ready"; ready: boolean }
  | { type: "commit" }
  | {
      type: "propose";
      parties: RoleId[];
      terms: Term[];
      years: number;
      replaces: string | null;
      note: string;
    }
  | { type: "accept"; proposal: string }
  | { type: "reject"; proposal: string }
  | { type: "withdraw"; proposal: string }
  | { type: "cancelDeal"; deal: string }
  | { type: "chat"; to: RoleId[]; text: string }
  | { type: "statement"; text: string }
  | { type: "stance"; stance: "link" | "compartmentalise" }
  | { type: "crisisChoice"; choice: "firm" | "deescalate" }
  | { type: "phaseTimeout"; phase: Phase; year: number }
  | { type: "pause" }
  | { type: "resume" }
  | { type: "extend"; seconds: number }
  | { type: "skip" }
  | { type: "injectEvent"; card: string | EventCard }
  | { type: "endGame" };

export type ActionType = ActionBody["type"];

/** An action: who acts, when (ms, from the server clock; the engine only stores it), and what. */
export type Action = ActionBody & { actor: Actor; at: number };

// ---------------------------------------------------------------- rejections

export const REJECTION_CODES = [
  "ERR_WRONG_PHASE",
  "ERR_NOT_ALLOWED",
  "ERR_UNKNOWN_SEAT",
  "ERR_NOT_YOUR_SEAT",
  "ERR_NOT_CAPTAIN",
  "ERR_COMMITTED",
  "ERR_PAUSED",
  "ERR_NOT_PAUSED",
  "ERR_STALE_TIMEOUT",
  "ERR_BAD_ACTION",
  "ERR_ORDER_NOT_ALLOWED",
  "ERR_ORDER_OUT_OF_RANGE",
  "ERR_INSUFFICIENT_FUNDS",
  "ERR_NOT_A_PARTY",
  "ERR_BAD_TERM",
  "ERR_TERM_PARTY",
  "ERR_NOT_A_PROVIDER",
  "ERR_OVER_CAPACITY",
  "ERR_SUBSIDY_OVER_CAP",
  "ERR_SUBSIDY_NOT_ELIGIBLE",
  "ERR_SUBSIDY_WITHOUT_PURCHASE",
  "ERR_UNKNOWN_PROPOSAL",
  "ERR_PROPOSAL_CLOSED",
  "ERR_ALREADY_ACCEPTED",
  "ERR_UNKNOWN_DEAL",
  "ERR_DEAL_NOT_ACTIVE",
  "ERR_UNKNOWN_MEMBER",
  "ERR_UNKNOWN_EVENT",
  "ERR_BAD_EVENT",
  "ERR_NO_CRISIS_CHOICE",
  "ERR_TOO_LONG",
  "ERR_CHAT_LIMIT",
  "ERR_GAME_OVER",
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export type Rejection = { ok: false; code: RejectionCode; detail: string };

// ---------------------------------------------------------------- state

export interface Member {
  id: MemberId;
  name: string;
}

export interface SeatState {
  role: RoleId;
  controller: "human" | "bot";
  members: Record<MemberId, Member>;
  captain: MemberId | null;
  ready: boolean;
  committed: boolean;
  /** True once a member changed the orders this year; otherwise last year's orders stand. */
  ordersTouched: boolean;
  // private
  cash: number;
  /** Subsidy pool money set aside last year, spent on subsidies first, the rest returned. */
  pool: number;
  orders: Orders;
  score: number;
  scoreByYear: number[];
  priority: PriorityCard | null;
  /** Covert sales not (yet) detected. */
  covertUndetected: number;
  // public
  capability: number;
  /**
   * Capability at the start of this year (the end of last year; the start capability in the
   * first): the capabilityGained objective scores the gain over it. Public like capability,
   * but in no view: the reports show the gain.
   */
  yearStartCapability: number;
  prestige: number;
  reputation: number;
  security: number;
  readiness: number;
  /** Flights this year (from last year's order or the vehicle's fixed flights). */
  flights: number;
  /** Flights ordered (and paid for) for next year. */
  nextFlights: number;
  /** Extra flights paid for by a state's commercial-crew funding, added next year. */
  fundedFlights: number;
  covertSales: number;
  covertDetected: number;
  brokenPledges: number;
  failedDeals: number;
  lowFundingStreak: number;
  /** Partners (role ids) that have flown this role's crew. */
  partners: string[];
  /** Vehicles (role ids) this role's crew has flown on. */
  vehiclesFlown: string[];
  astronautsFlown: number;
  firstFlightYear: number | null;
  highestPricePaid: number;
  /** Crisis on Earth stance this year ("" until chosen). */
  stance: "" | "link" | "compartmentalise";
  /** Crisis choice ("" until chosen); private until the crisis resolves. */
  crisisChoice: "" | "firm" | "deescalate";
}

export type ProposalStatus =
  | "open"
  | "concluded"
  | "rejected"
  | "withdrawn"
  | "countered"
  | "expired";

export interface Proposal {
  id: string;
  from: RoleId;
  parties: RoleId[];
  terms: Term[];
  years: number;
  note: string;
  replaces: string | null;
  status: ProposalStatus;
  accepted: RoleId[];
  year: number;
  deal: string | null;
}

export type DealStatus = "active" | "completed" | "failed" | "cancelled";

export interface Deal {
  id: string;
  /** Conclusion order: deals execute in it. */
  seq: number;
  /**
   * Concluded from a proposal (false: a starting deal). Not the proposal's id: deals are
   * public, and the id would show non-parties how many proposals its parties exchanged.
   */
  fromProposal: boolean;
  parties: RoleId[];
  terms: Term[];
  years: number;
  startYear: number;
  yearsDone: number;
  status: DealStatus;
  prepaid: boolean;
  /** Per year: "executed", "failed: reason" or "void: reason". */
  results: Record<string, string>;
  /** Contract terms (by index) whose condition broke: the rest of them is void. */
  voidTerms: number[];
}

export interface ChatMessage {
  /** Counted within the channel: 1, 2, … for each channel (a message is channel + id). */
  id: number;
  year: number;
  from: RoleId;
  member: MemberId;
  /** Sorted role ids; ["*"] is the public channel. */
  channel: string[];
  text: string;
  at: number;
}

export interface MarketBuyer {
  id: string;
  maxPrice: number;
}

/** One money movement. `from`/`to` is a role id or a named source/sink ("source:budget", "sink:costs"). */
export interface Transfer {
  year: number;
  from: string;
  to: string;
  amount: number;
  reason: string;
}

/** A seat flown this year. */
export interface FlownSeat {
  crew: RoleId | "market";
  /** Whose vehicle flies the seat. */
  vehicle: RoleId | "outside";
  /** Who gave the seat, for dependence (the vehicle owner, or the holder in a swap). */
  providedBy: RoleId | "outside";
  /** Who paid (the buyer; for subsidised seats the subsidy payer too). */
  payers: RoleId[];
  price: number;
  /** What the crew's own state paid for the seat, after any subsidy (0 for own and swapped seats). */
  buyerPaid: number;
  deal: string | null;
  /** The crew's ride home this year (differs after a rescue). */
  rideHome: RoleId | "outside";
}

export type {
  CooperationTerm,
  CrisisOutcome,
  ScoreTerm,
  TensionTerm,
  Verdicts,
} from "./details.ts";

export interface PledgeRecord {
  deal: string;
  by: RoleId;
  text: string;
  kept: boolean;
}

/** Why a deal failed in a year: one value per check of the deal's year (resolve/deals.ts). */
export const DEAL_FAILURES = [
  "noSeatsLeft",
  "subsidyUnpaid",
  "seatsUnpaid",
  "noSeatsToSwap",
  "noHeldSeatsToSwap",
  "contractUnpaid",
  "noKnowHow",
  "knowHowUnpaid",
] as const;
export type DealFailure = (typeof DEAL_FAILURES)[number];
/**
 * How a deal's year went: it ran, it was void (rival space deals linked to a crisis on Earth),
 * or it failed for one reason. `result` keeps the engine's one-line note; `kind` is what a
 * client turns into a sentence.
 */
export type DealResultKind = "executed" | "void" | DealFailure;

export interface YearReport {
  year: number;
  events: { id: string; title: string; note: string; injected: boolean }[];
  capacity: Record<RoleId, number>;
  flown: FlownSeat[];
  dealResults: { deal: string; result: string; kind: DealResultKind; fault: RoleId | null }[];
  transfers: Transfer[];
  /** Money each pair moved this year: "a>b" → amount. */
  moneyFlows: Record<string, number>;
  dependence: Record<string, number>;
  mutual: Record<string, number>;
  vulnerability: Record<string, number>;
  triangleSeats: number;
  trust: number;
  cooperation: number;
  cooperationTerms: CooperationTerm[];
  tensionBefore: number;
  tension: number;
  tensionTerms: TensionTerm[];
  diversionEstimate: Record<RoleId, number>;
  civilFunding: Record<RoleId, number>;
  /**
   * The share (%) of civil funding a state really diverted, only where it differs from its
   * order (cash capped it, or there was no civil funding): absent in most years. Private to
   * the state, like its true diversion. Read it through `divertedShare`.
   */
  diverted?: Record<RoleId, number>;
  foreignIncome: Record<RoleId, number>;
  pledges: PledgeRecord[];
  covertDetected: RoleId[];
  brainDrain: boolean;
  stance: Record<RoleId, string>;
  crisis: { choices: Record<RoleId, string>; outcome: CrisisOutcome; escalation: boolean } | null;
  scores: Record<RoleId, number>;
  scoreTerms: Record<RoleId, ScoreTerm[]>;
  marketSales: { buyer: string; vehicle: string; price: number }[];
}

export interface Outcome {
  conflict: boolean;
  reason: "completed" | "conflict" | "ended";
  auditTension: number;
  finalTension: number;
  peaceDividend: number;
  finalScores: Record<RoleId, number>;
  percentOfPar: Record<RoleId, number>;
  ranking: RoleId[];
  verdicts: Verdicts;
}

export interface GameConfig {
  preset: string;
  years: number;
  briefingSeconds: number;
  negotiationSeconds: number;
  firstNegotiationSeconds: number;
  commitSeconds: number;
  crisisSeconds: number;
  facilitatorReadsChat: boolean;
}

export interface GameState {
  scenario: Scenario;
  config: GameConfig;
  /** Secret: never in a view. */
  seed: string;
  /** Secret: the random generator's state. */
  rng: number[];
  year: number;
  phase: Phase;
  /** Ms timestamp when the phase ends; null while paused, in the lobby or when over. */
  deadline: number | null;
  paused: boolean;
  /** Ms left in the phase while paused. */
  pausedRemaining: number;
  seats: Record<RoleId, SeatState>;
  /** Role ids in table order. */
  order: RoleId[];
  proposals: Record<string, Proposal>;
  deals: Record<string, Deal>;
  chat: ChatMessage[];
  market: MarketBuyer[];
  /** This year's cards: the drawn one, then any injected ones. */
  events: { card: EventCard; injected: boolean }[];
  ledger: Transfer[];
  /** Kept (true) or broken (false) deals and checkable pledges, by year: the trust term. */
  trustRecords: { year: number; kept: boolean }[];
  tension: number;
  cooperation: number;
  reports: YearReport[];
  /** A report being built while a crisis is pending. */
  pending: YearReport | null;
  /** Every proposal's id, in the order they were made (ids alone do not tell the order). */
  proposalOrder: string[];
  /**
   * Secret: counts no view shows. Ids count only what their viewers see: a proposal id counts
   * the proposals among its set of parties, a chat id the messages in its channel.
   */
  counters: {
    /** Proposals made in all. */
    proposal: number;
    deal: number;
    /** Proposals made per set of parties, by partiesKey. */
    byParties: Record<string, number>;
    /** Chat messages per channel, by partiesKey ("*" for the public channel). */
    chat: Record<string, number>;
    /** Chat messages and statements each seat has sent (capped per seat: LIMITS.chatPerSeat). */
    sent: Record<RoleId, number>;
  };
  outcome: Outcome | null;
}

export type ApplyResult = { ok: true; state: GameState; events: GameEvent[] } | Rejection;

// GameEvent lives in events.ts, beside eventsFor, which redacts it for each viewer
export type { EventCard, GameEvent, OrderKind, PriorityCard, Scenario };
