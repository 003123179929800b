/**
 * What the engine counted, as data: each score, tension and cooperation term names its cause
 * and carries a `detail` of numbers and role ids (never a sentence), and the verdicts and the
 * crisis's outcome are data too. shared/text/details.ts turns them into sentences, so the
 * engine's results hold no English and a bot reads the fields instead of parsing text.
 */
import type { RoleId } from "./types.ts";

/** How a crisis ended (the rivals' choices and the escalation draw). */
export type CrisisOutcome =
  | { kind: "bothDeescalated" }
  | { kind: "escalated" }
  | { kind: "passed" }
  | { kind: "oneFirm"; firm: RoleId; soft: RoleId };

/** What a score term counted, by cause: one member per objective kind and per penalty. */
export type ScoreDetail =
  | { cause: "crewMet"; flown: number; need: number }
  | { cause: "moneySaved"; percent: number }
  | { cause: "lowVulnerability"; vulnerability: number }
  | { cause: "homeProviders"; flying: number; of: number }
  | { cause: "lowTension"; tension: number }
  | { cause: "civilFunding"; funding: number; target: number }
  | { cause: "crewsFlown"; crew: number }
  | { cause: "security"; gained: number }
  | { cause: "prestige"; prestige: number }
  | { cause: "profit"; profit: number }
  | { cause: "seatShare"; mine: number; all: number }
  | { cause: "reputation"; reputation: number }
  | { cause: "astronautsFlown"; flown: number; counted: number }
  | { cause: "singleProvider"; company: RoleId; role: RoleId; percent: number }
  | { cause: "capabilityGained"; gained: number }
  | { cause: "newPartners"; partners: number }
  | { cause: "brokenPledges"; pledges: number }
  | { cause: "failedDeals"; deals: number }
  | { cause: "crisis"; part: "firm" | "backedDown" }
  | { cause: "crisis"; part: "leverage"; over: RoleId };

/** Why the exposed rival depends on the other (the largest part of its dependence). */
export type DependenceWhy = "nobody" | "rideAndLifeboat" | "money" | "crewSeats";

/** What a tension term counted, by cause (step 7's waterfall, events, covert sales, crisis). */
export type TensionDetail =
  | { cause: "drift" }
  | { cause: "vulnerability"; exposed: RoleId; over: RoleId; why: DependenceWhy }
  | { cause: "diversion"; role: RoleId; percent: number; inspected: boolean }
  | { cause: "moneyToMilitary"; payer: RoleId; role: RoleId }
  | { cause: "incomeLoss"; role: RoleId; lost: number }
  | { cause: "sanctions"; by: RoleId; level: number }
  | { cause: "reducedRole"; role: RoleId }
  | { cause: "failedDeals"; deals: number }
  | { cause: "cooperation" }
  | { cause: "event"; event: string }
  | { cause: "lifeboatExposure" }
  | { cause: "crisisOnEarth"; event: string; linked: boolean }
  | { cause: "covert"; role: RoleId }
  | { cause: "brainDrain"; role: RoleId }
  | { cause: "crisis"; outcome: CrisisOutcome };

/** What a cooperation term counted, by cause (GAME.md, "Cooperation"). */
export type CooperationDetail =
  | { cause: "rivalMutual"; a: RoleId; b: RoleId }
  | { cause: "otherMutual" }
  | { cause: "triangle"; seats: number }
  | { cause: "trust"; percent: number };

export type ScoreCause = ScoreDetail["cause"];
export type TensionCause = TensionDetail["cause"];
export type CooperationCause = CooperationDetail["cause"];

/** One named term: its cause (also in `detail`, which it discriminates), what it counted, its amount. */
export interface NamedTerm<D extends { cause: string }> {
  cause: D["cause"];
  detail: D;
  amount: number;
}

export type ScoreTerm = NamedTerm<ScoreDetail>;
export type TensionTerm = NamedTerm<TensionDetail>;
export type CooperationTerm = NamedTerm<CooperationDetail>;

/** A term from its detail and amount (the cause is copied from the detail). */
export function named<D extends { cause: string }>(detail: D, amount: number): NamedTerm<D> {
  return { cause: detail.cause, detail, amount };
}

/** Where the Liberal verdict's cooperation ended: held, thin ties, or drifted apart. */
export type CooperationLevel = "held" | "thin" | "apart";

/** The three verdicts' facts (scoring.ts); shared/text/details.ts says them. */
export interface Verdicts {
  liberal: {
    cooperation: number;
    triangleSeats: number;
    trustPercent: number;
    tension: number;
    crises: number;
    level: CooperationLevel;
    /** Final tension stayed below the scenario's cut-off. */
    restrained: boolean;
  };
  realist: {
    /** The rival that ended exposed to the other, or null when neither did. */
    exposed: { role: RoleId; to: RoleId; vulnerability: number } | null;
    /** The watched rival's average published diversion estimate, or null without one. */
    diversion: { role: RoleId; percent: number } | null;
  };
  market: {
    averagePrice: number;
    providers: number;
    /** The provider that flew the most crews for others, or null when nobody did. */
    largest: RoleId | null;
    sharePercent: number;
    monopoly: boolean;
  };
}
