/** The host's, the facilitator's and the clock's actions: start, timeouts, pause, resume, extend, skip, inject, end. */
import { type EventEffect, eventCardSchema } from "../../scenario/schema.ts";
import { LIMITS } from "../limits.ts";
import { addCardBuyers, advance, beginYear, endGame as finish } from "../phases.ts";
import { hasSeat, reject } from "../util.ts";
import type { Handler } from "./types.ts";

const MAX_EXTEND_SECONDS = LIMITS.extendSeconds;
const MAX_INJECTED_PER_YEAR = LIMITS.injectedPerYear;

export const startGame: Handler<"startGame"> = (s, a, out) => {
  beginYear(s, s.scenario.startYear, a.at, out);
  return null;
};

export const phaseTimeout: Handler<"phaseTimeout"> = (s, a, out) => {
  // a timer set for an earlier phase must not end the current one
  if (a.phase !== s.phase || a.year !== s.year)
    return reject("ERR_STALE_TIMEOUT", `the ${a.phase} ${a.year} timer is stale`);
  if (s.deadline !== null && a.at < s.deadline)
    return reject("ERR_STALE_TIMEOUT", "the phase has not run out yet");
  advance(s, a.at, out);
  return null;
};

export const pause: Handler<"pause"> = (s, a, out) => {
  if (s.paused) return reject("ERR_PAUSED", "the game is already paused");
  s.paused = true;
  s.pausedRemaining = s.deadline === null ? 0 : Math.max(0, s.deadline - a.at);
  s.deadline = null;
  out.push({ type: "paused" });
  return null;
};

export const resume: Handler<"resume"> = (s, a, out) => {
  if (!s.paused) return reject("ERR_NOT_PAUSED", "the game is not paused");
  s.paused = false;
  s.deadline = a.at + s.pausedRemaining;
  s.pausedRemaining = 0;
  out.push({ type: "resumed" });
  return null;
};

export const extend: Handler<"extend"> = (s, a, out) => {
  if (
    typeof a.seconds !== "number" ||
    !Number.isInteger(a.seconds) ||
    a.seconds < 1 ||
    a.seconds > MAX_EXTEND_SECONDS
  ) {
    return reject("ERR_BAD_ACTION", `extend by 1–${MAX_EXTEND_SECONDS} seconds`);
  }
  if (s.paused) s.pausedRemaining += a.seconds * 1000;
  else if (s.deadline !== null) s.deadline += a.seconds * 1000;
  out.push({ type: "timerExtended", phase: s.phase, year: s.year, seconds: a.seconds });
  return null;
};

export const skip: Handler<"skip"> = (s, a, out) => {
  if (s.paused) return reject("ERR_PAUSED", "resume the game before skipping");
  advance(s, a.at, out);
  return null;
};

export const injectEvent: Handler<"injectEvent"> = (s, a, out) => {
  if (s.events.filter((e) => e.injected).length >= MAX_INJECTED_PER_YEAR) {
    return reject("ERR_NOT_ALLOWED", `at most ${MAX_INJECTED_PER_YEAR} injected cards a year`);
  }
  let card = typeof a.card === "string" ? s.scenario.deck.find((c) => c.id === a.card) : undefined;
  if (typeof a.card === "string" && !card)
    return reject("ERR_UNKNOWN_EVENT", `no card "${a.card}" in this scenario`);
  if (typeof a.card !== "string") {
    // a custom card: its effects must stay within the schema's bounds
    const parsed = eventCardSchema.safeParse(a.card);
    if (!parsed.success)
      return reject(
        "ERR_BAD_EVENT",
        parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
      );
    card = parsed.data;
    // the roles a custom card names are keys the host chose: each must have a seat here
    for (const e of card.effects) {
      for (const role of effectRoles(e)) {
        if (!hasSeat(s, role))
          return reject("ERR_UNKNOWN_SEAT", `the card names "${role}", who is not at this table`);
      }
    }
  }
  if (!card) return reject("ERR_UNKNOWN_EVENT", "no card");
  s.events.push({ card, injected: true });
  addCardBuyers(s, card);
  out.push({ type: "eventInjected", card: card.id });
  return null;
};

/** The roles an event effect names. */
function effectRoles(e: EventEffect): string[] {
  if (e.kind === "rescue") return [e.failed, e.rescuer];
  return "role" in e ? [e.role] : [];
}

export const endGame: Handler<"endGame"> = (s, a, out) => {
  finish(s, "ended", a.at, out);
  return null;
};
