/**
 * The crisis (GAME.md, "Crisis"): when tension reaches the scenario's threshold after a year's
 * resolution, the rival pair each secretly choose firm or de-escalate in a crisis phase before
 * the year is scored. This file holds the crisis's own rules: when it opens, who chooses, the
 * choice and its default, when both have chosen, the outcome (points, tension, escalation) and
 * the reset each year. The phase machinery (phases.ts, phaseTable.ts) only calls it.
 *
 * Not to be confused with the Crisis-on-Earth event card, a public stance (actions/talk.ts).
 */
import type { Scenario } from "../scenario/schema.ts";
import { actingSeat } from "./actions/seat.ts";
import type { Handler } from "./actions/types.ts";
import { type CrisisOutcome, named, type ScoreDetail } from "./details.ts";
import { chance } from "./random.ts";
import { addTension } from "./tension.ts";
import type { GameEvent, GameState, RoleId, YearReport } from "./types.ts";
import { pairKey, reject } from "./util.ts";

export type CrisisChoice = "firm" | "deescalate";

/** Step 8 of a year's resolution: a crisis opens when tension reached the threshold. */
export function crisisOpens(s: GameState): boolean {
  return s.tension >= s.scenario.crisis.threshold;
}

/** Whether a role makes a crisis choice: the rival pair's two sides only. */
export function choosesInCrisis(s: GameState, role: RoleId): boolean {
  return s.scenario.rivalPair.includes(role);
}

/** Once both rivals chose, the crisis phase ends before its deadline. */
export function rivalsChose(s: GameState): boolean {
  return s.scenario.rivalPair.every((r) => s.seats[r]?.crisisChoice !== "");
}

/** A side's choice when the crisis is decided: a side that did not choose de-escalates. */
function choiceOf(s: GameState, role: RoleId): CrisisChoice {
  return s.seats[role]?.crisisChoice || "deescalate";
}

/** Clears every seat's choice at the start of a year, so last year's crisis does not decide this one. */
export function resetCrisisChoices(s: GameState): void {
  for (const r of s.order) {
    const st = s.seats[r];
    if (st) st.crisisChoice = "";
  }
}

/** The `crisisChoice` action: a rival's captain (or its only member) makes or changes the secret choice. */
export const crisisChoice: Handler<"crisisChoice"> = (s, a, out) => {
  const st = actingSeat(s, a);
  if (!choosesInCrisis(s, st.role))
    return reject("ERR_NO_CRISIS_CHOICE", "only the rival pair chooses in a crisis");
  if (a.choice !== "firm" && a.choice !== "deescalate")
    return reject("ERR_BAD_ACTION", "firm or deescalate");
  if (a.actor.kind === "seat" && st.captain !== null && a.actor.member !== st.captain) {
    return reject("ERR_NOT_CAPTAIN", "only your captain makes the crisis choice");
  }
  st.crisisChoice = a.choice;
  // secret until the crisis is decided: only the seat (and the facilitator) hear of it
  out.push({ type: "crisisChosen", seat: st.role });
  return null;
};

/** The chance (0–1) that the crisis escalates when both sides stand firm: (T − base) % × (1 − C/100). */
export function escalationChance(sc: Scenario, tension: number, cooperation: number): number {
  return (Math.max(0, tension - sc.crisis.escalationBase) / 100) * (1 - cooperation / 100);
}

/** Whether `me` pays the lifeboat leverage when `other` stands firm (this year's vulnerability). */
export function exposedToLeverage(
  sc: Scenario,
  vulnerability: Record<string, number>,
  me: RoleId,
  other: RoleId,
): boolean {
  return (vulnerability[pairKey(me, other)] ?? 0) >= sc.crisis.leverageVulnerability;
}

/**
 * Decides the crisis into the pending report: the points, the tension, whether it escalated
 * (a chance draw when both stood firm). Returns true on escalation, which ends the game.
 */
export function resolveCrisis(s: GameState, r: YearReport): boolean {
  const sc = s.scenario;
  const c = sc.crisis;
  const [a, b] = sc.rivalPair;
  const ca = choiceOf(s, a);
  const cb = choiceOf(s, b);
  const add = (role: string, detail: ScoreDetail & { cause: "crisis" }, amount: number) => {
    r.scoreTerms[role] = [...(r.scoreTerms[role] ?? []), named(detail, amount)];
  };
  let dT = 0;
  let outcome: CrisisOutcome;
  let escalation = false;
  if (ca === "deescalate" && cb === "deescalate") {
    dT = c.bothDeescalate;
    outcome = { kind: "bothDeescalated" };
  } else if (ca === "firm" && cb === "firm") {
    escalation = chance(s.rng, escalationChance(sc, s.tension, s.cooperation));
    outcome = { kind: escalation ? "escalated" : "passed" };
    if (!escalation) dT = c.bothFirm;
  } else {
    const firm = ca === "firm" ? a : b;
    const soft = firm === a ? b : a;
    add(firm, { cause: "crisis", part: "firm" }, c.firmPoints);
    add(soft, { cause: "crisis", part: "backedDown" }, -c.firmPoints);
    dT = c.oneFirm;
    outcome = { kind: "oneFirm", firm, soft };
  }
  // lifeboat leverage: an exposed side pays again whenever the other is firm
  for (const [me, other, otherChoice] of [
    [a, b, cb],
    [b, a, ca],
  ] as const) {
    if (otherChoice === "firm" && exposedToLeverage(sc, r.vulnerability, me, other))
      add(me, { cause: "crisis", part: "leverage", over: other }, -c.leveragePoints);
  }
  r.crisis = { choices: { [a]: ca, [b]: cb }, outcome, escalation };
  if (dT !== 0) {
    r.tensionTerms.push(named({ cause: "crisis", outcome }, dT));
    r.tension = addTension(r.tension, [{ amount: dT }]);
    s.tension = r.tension;
  }
  return escalation;
}

/** Decides the crisis on leaving its phase and announces both choices. Returns true on escalation. */
export function decideCrisis(s: GameState, r: YearReport, events: GameEvent[]): boolean {
  const escalation = resolveCrisis(s, r);
  if (r.crisis)
    events.push({
      type: "crisisDecided",
      year: s.year,
      choices: { ...r.crisis.choices } as Record<string, CrisisChoice>,
      outcome: r.crisis.outcome,
      escalation: r.crisis.escalation,
    });
  return escalation;
}
