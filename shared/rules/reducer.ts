/**
 * applyAction: the one reducer. ACTION_RULES says who may send each action and
 * whether it waits out a pause; the phases it is allowed in come from the phase
 * table (phaseTable.ts); each action kind is a small handler in actions/.
 */

import {
  endGame,
  extend,
  injectEvent,
  pause,
  phaseTimeout,
  resume,
  skip,
  startGame,
} from "./actions/control.ts";
import { addMember, removeMember, setCaptain, setController } from "./actions/members.ts";
import { commit, ready, setOrders } from "./actions/orders.ts";
import { accept, cancelDeal, propose, rejectProposal, withdraw } from "./actions/proposals.ts";
import { chat, stance, statement } from "./actions/talk.ts";
import type { Handler } from "./actions/types.ts";
import { crisisChoice } from "./crisis.ts";
import { advance } from "./phases.ts";
import { ENDS_EARLY_AFTER, phaseDone, phasesOf } from "./phaseTable.ts";
import type {
  Action,
  ActionType,
  ApplyResult,
  GameEvent,
  GameState,
  Phase,
  Rejection,
} from "./types.ts";
import { BOT_MEMBER } from "./types.ts";
import { cloneState, own, reject } from "./util.ts";

type ActorKind = Action["actor"]["kind"];
const STAFF: ActorKind[] = ["host", "facilitator"];
const SYSTEM: ActorKind[] = ["host", "facilitator", "system"];

interface Rule {
  /** The phases it is allowed in, read from PHASE_TABLE. */
  phases: readonly Phase[];
  actors: readonly ActorKind[];
  /** Allowed while the game is paused. */
  whilePaused: boolean;
  // biome-ignore lint/suspicious/noExplicitAny: each entry's handler takes its own action kind
  handler: Handler<any>;
}

/** Who may send each action, whether it waits out a pause, and which handler applies it. */
const RULES = {
  addMember: { actors: SYSTEM, whilePaused: true, handler: addMember },
  removeMember: { actors: SYSTEM, whilePaused: true, handler: removeMember },
  setCaptain: { actors: SYSTEM, whilePaused: true, handler: setCaptain },
  setController: {
    actors: SYSTEM,
    whilePaused: true,
    handler: setController,
  },
  startGame: { actors: SYSTEM, whilePaused: true, handler: startGame },
  setOrders: {
    actors: ["seat"],
    whilePaused: false,
    handler: setOrders,
  },
  ready: { actors: ["seat"], whilePaused: true, handler: ready },
  commit: {
    actors: ["seat"],
    whilePaused: false,
    handler: commit,
  },
  propose: { actors: ["seat"], whilePaused: false, handler: propose },
  accept: { actors: ["seat"], whilePaused: false, handler: accept },
  reject: {
    actors: ["seat"],
    whilePaused: false,
    handler: rejectProposal,
  },
  withdraw: { actors: ["seat"], whilePaused: false, handler: withdraw },
  cancelDeal: {
    actors: ["seat"],
    whilePaused: false,
    handler: cancelDeal,
  },
  chat: { actors: ["seat"], whilePaused: true, handler: chat },
  statement: { actors: ["seat"], whilePaused: true, handler: statement },
  stance: {
    actors: ["seat"],
    whilePaused: false,
    handler: stance,
  },
  crisisChoice: { actors: ["seat"], whilePaused: false, handler: crisisChoice },
  phaseTimeout: { actors: ["system"], whilePaused: false, handler: phaseTimeout },
  pause: { actors: STAFF, whilePaused: true, handler: pause },
  resume: { actors: STAFF, whilePaused: true, handler: resume },
  extend: { actors: STAFF, whilePaused: true, handler: extend },
  skip: { actors: STAFF, whilePaused: false, handler: skip },
  injectEvent: {
    actors: STAFF,
    whilePaused: true,
    handler: injectEvent,
  },
  endGame: { actors: STAFF, whilePaused: true, handler: endGame },
} satisfies Record<ActionType, Omit<Rule, "phases">>;

/** Which action is allowed in which phase (from PHASE_TABLE), by whom, and which handler applies it. */
export const ACTION_RULES = Object.fromEntries(
  Object.entries(RULES).map(([type, rule]) => [
    type,
    { ...rule, phases: phasesOf(type as ActionType) },
  ]),
) as unknown as { [K in ActionType]: (typeof RULES)[K] & { phases: readonly Phase[] } };

export const ACTION_TYPES = Object.keys(ACTION_RULES) as ActionType[];

/** Checks who acts and when, without applying anything. */
export function checkAction(s: GameState, action: Action): Rejection | null {
  if (!action || typeof action !== "object" || typeof action.type !== "string")
    return reject("ERR_BAD_ACTION", "not an action");
  const rule = own(ACTION_RULES as unknown as Record<string, Rule>, action.type);
  if (!rule) return reject("ERR_BAD_ACTION", `unknown action "${action.type}"`);
  if (typeof action.at !== "number" || !Number.isFinite(action.at))
    return reject("ERR_BAD_ACTION", "an action needs a time");
  const actor = action.actor;
  if (!actor || typeof actor !== "object" || !rule.actors.includes(actor.kind)) {
    return reject("ERR_NOT_ALLOWED", `${actor?.kind ?? "nobody"} may not ${action.type}`);
  }
  if (s.phase === "ended") return reject("ERR_GAME_OVER", "the game is over");
  if (!rule.phases.includes(s.phase))
    return reject("ERR_WRONG_PHASE", `${action.type} is not allowed in the ${s.phase} phase`);
  if (s.paused && !rule.whilePaused) return reject("ERR_PAUSED", "the game is paused");
  if (actor.kind === "seat") {
    const st = own(s.seats, actor.seat);
    if (!st) return reject("ERR_UNKNOWN_SEAT", `no seat "${actor.seat}" at this table`);
    const isBot = actor.member === BOT_MEMBER && st.controller === "bot";
    if (!isBot && !own(st.members, actor.member))
      return reject("ERR_NOT_YOUR_SEAT", "you do not sit at that seat");
  }
  return null;
}

/**
 * Mutating form of applyAction, for trusted runners that own their state
 * (playGame, the policy lab): it changes `s` itself instead of a copy. Every
 * handler checks the rules before it changes anything, so a rejection leaves
 * `s` as it was (tests/property/fuzz.test.ts holds it to that). The state must
 * not be shared with code that expects it to stay as it was.
 */
export function reduceInPlace(
  s: GameState,
  action: Action,
): { ok: true; events: GameEvent[] } | Rejection {
  const problem = checkAction(s, action);
  if (problem) return problem;
  const out: GameEvent[] = [];
  const rule = (ACTION_RULES as unknown as Record<string, Rule>)[action.type] as Rule;
  const rejected = (rule.handler as Handler<ActionType>)(s, action as never, out);
  if (rejected) return rejected;
  // a phase ends early once every human seat is ready (or both rivals chose in a crisis)
  if (ENDS_EARLY_AFTER.includes(action.type) && !s.paused && phaseDone(s))
    advance(s, action.at, out);
  return { ok: true, events: out };
}

/** Applies one action. Pure: the given state is never changed; a rejection changes nothing. */
export function applyAction(state: GameState, action: Action): ApplyResult {
  const problem = checkAction(state, action);
  if (problem) return problem;
  const draft = cloneState(state);
  const result = reduceInPlace(draft, action);
  if (!result.ok) return result;
  return { ok: true, state: draft, events: result.events };
}
