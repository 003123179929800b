/**
 * The phase table: for each phase, the actions that may happen in it, its timer, when it
 * ends before its deadline, and what comes after it. The reducer's ACTION_RULES read their
 * phases from here (phasesOf) and `advance` in phases.ts walks `next`; nothing else lists
 * which action belongs to which phase.
 *
 * A year runs briefing → negotiation → commit (skipped when the commit timer is 0) →
 * resolution → crisis (only when tension reached the threshold) → the next briefing, or
 * ended after the last year or an escalation. Resolution is no phase: it runs inside the
 * transition and accepts no input.
 */
import { rivalsChose } from "./crisis.ts";
import type { ActionType, GameConfig, GameState, Phase } from "./types.ts";
import { PHASES } from "./types.ts";

/** What follows a phase: another phase, the year's resolution (steps 1–8), or its end (crisis decided, step 9). */
export type Exit = "negotiation" | "commit" | "resolution" | "yearEnd";

/** When a phase may end before its deadline (checked after the actions in ENDS_EARLY_AFTER). */
export type EarlyEnd =
  /** never: it waits for its timer, a skip or a start */
  | "never"
  /** once every human seat with people in it is ready (a table of bots only waits for its timers) */
  | "humansReady"
  /** once both rivals made their crisis choice */
  | "rivalsChose";

type SecondsField = {
  [K in keyof GameConfig]: GameConfig[K] extends number ? K : never;
}[keyof GameConfig] &
  `${string}Seconds`;

interface PhaseRule {
  /** The action kinds allowed in the phase (who may send them: ACTION_RULES' actors). */
  actions: readonly ActionType[];
  /** The preset field that sets its timer (seconds), or null when it has none. */
  timer: SecondsField | null;
  /** The timer of the first year's phase, when it differs. */
  firstYearTimer?: SecondsField;
  endsEarly: EarlyEnd;
  /** What comes next, or null when nothing follows (the lobby waits for startGame). */
  next: ((s: GameState) => Exit) | null;
}

// groups of actions that several phases allow
const MEMBERS = ["addMember", "removeMember", "setCaptain", "setController"] as const;
const TALK = ["chat", "statement"] as const;
const CLOCK = ["phaseTimeout", "pause", "resume", "extend", "skip"] as const;
/** Orders may change until the captain commits. */
const ORDERS = ["setOrders", "commit"] as const;
/** The proposal and deal actions, open in negotiation only. */
const DEALS = ["propose", "accept", "reject", "withdraw", "cancelDeal"] as const;

/** The phases, in the order a game meets them. */
export const PHASE_TABLE = {
  lobby: {
    actions: [...MEMBERS, "startGame", ...TALK, "endGame"],
    timer: null,
    endsEarly: "never",
    next: null,
  },
  briefing: {
    actions: [...MEMBERS, "ready", ...TALK, "stance", ...CLOCK, "injectEvent", "endGame"],
    timer: "briefingSeconds",
    endsEarly: "humansReady",
    next: () => "negotiation",
  },
  negotiation: {
    actions: [
      ...MEMBERS,
      ...ORDERS,
      "ready",
      ...DEALS,
      ...TALK,
      "stance",
      ...CLOCK,
      "injectEvent",
      "endGame",
    ],
    timer: "negotiationSeconds",
    firstYearTimer: "firstNegotiationSeconds",
    endsEarly: "humansReady",
    // open proposals expire on leaving it
    next: (s) => (s.config.commitSeconds > 0 ? "commit" : "resolution"),
  },
  commit: {
    actions: [
      ...MEMBERS,
      ...ORDERS,
      "ready",
      ...TALK,
      "stance",
      ...CLOCK,
      "injectEvent",
      "endGame",
    ],
    timer: "commitSeconds",
    endsEarly: "humansReady",
    next: () => "resolution",
  },
  crisis: {
    actions: [...MEMBERS, "ready", ...TALK, "crisisChoice", ...CLOCK, "endGame"],
    timer: "crisisSeconds",
    endsEarly: "rivalsChose",
    // the crisis is decided on leaving it, then the year is scored
    next: () => "yearEnd",
  },
  ended: { actions: [], timer: null, endsEarly: "never", next: null },
} as const satisfies Record<Phase, PhaseRule>;

/** The actions after which a phase may end early (see EarlyEnd). */
export const ENDS_EARLY_AFTER: readonly ActionType[] = ["ready", "commit", "crisisChoice"];

/** The phases in which an action kind is allowed, in game order. */
export function phasesOf(type: ActionType): Phase[] {
  return PHASES.filter((p) => (PHASE_TABLE[p].actions as readonly ActionType[]).includes(type));
}

/** The length of a phase's timer in seconds (0 without one). */
export function phaseSeconds(s: GameState, phase: Phase): number {
  const rule: PhaseRule = PHASE_TABLE[phase];
  const field =
    s.year === s.scenario.startYear && rule.firstYearTimer ? rule.firstYearTimer : rule.timer;
  return field === null ? 0 : s.config[field];
}

/**
 * Whether the phase may end before its deadline: in a crisis once both rivals
 * chose; otherwise once every human seat with people in it is ready (a table of
 * bots only waits for its timers).
 */
export function phaseDone(s: GameState): boolean {
  const rule: EarlyEnd = PHASE_TABLE[s.phase].endsEarly;
  if (rule === "never") return false;
  if (rule === "rivalsChose") return rivalsChose(s);
  const humans = s.order
    .map((r) => s.seats[r])
    .filter((st) => st && st.controller === "human" && Object.keys(st.members).length > 0);
  return humans.length > 0 && humans.every((st) => st?.ready);
}
