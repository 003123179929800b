/**
 * Private channels, public statements and the public Crisis-on-Earth stance (the rival
 * pair's secret crisis choice is another rule: ../crisis.ts).
 */
import { LIMITS } from "../limits.ts";
import { newChatId } from "../records.ts";
import type { GameState } from "../types.ts";
import { hasSeat, own, reject } from "../util.ts";
import { actingSeat } from "./seat.ts";
import type { Handler } from "./types.ts";

/**
 * Refuses a message when its seat has sent its share: the cap is per seat, so one
 * seat filling its share leaves every other seat free to talk.
 */
function checkShare(s: GameState, role: string) {
  if ((own(s.counters.sent, role) ?? 0) >= LIMITS.chatPerSeat)
    return reject("ERR_CHAT_LIMIT", `a seat sends at most ${LIMITS.chatPerSeat} messages a game`);
  return null;
}

/** Counts a message against its seat's share. */
function countSent(s: GameState, role: string) {
  s.counters.sent[role] = (own(s.counters.sent, role) ?? 0) + 1;
}

function checkText(text: unknown) {
  if (typeof text !== "string" || text.trim() === "")
    return reject("ERR_BAD_ACTION", "say something");
  if (text.length > LIMITS.chatText)
    return reject("ERR_TOO_LONG", `at most ${LIMITS.chatText} characters`);
  return null;
}

export const chat: Handler<"chat"> = (s, a, out) => {
  const st = actingSeat(s, a);
  const bad = checkText(a.text);
  if (bad) return bad;
  if (!Array.isArray(a.to) || a.to.length === 0)
    return reject("ERR_BAD_ACTION", "name who the message is for");
  for (const r of a.to) {
    if (!hasSeat(s, r)) return reject("ERR_UNKNOWN_SEAT", `"${String(r)}" is not at this table`);
    if (r === st.role) return reject("ERR_BAD_ACTION", "a private channel is with other seats");
  }
  const full = checkShare(s, st.role);
  if (full) return full;
  countSent(s, st.role);
  const channel = [...new Set([st.role, ...a.to])].sort();
  const id = newChatId(s, channel);
  s.chat.push({
    id,
    year: s.year,
    from: st.role,
    member: a.actor.kind === "seat" ? a.actor.member : "",
    channel,
    text: a.text,
    at: a.at,
  });
  out.push({ type: "chat", id, channel, from: st.role });
  return null;
};

export const statement: Handler<"statement"> = (s, a, out) => {
  const st = actingSeat(s, a);
  const bad = checkText(a.text);
  if (bad) return bad;
  const full = checkShare(s, st.role);
  if (full) return full;
  countSent(s, st.role);
  const id = newChatId(s, ["*"]);
  s.chat.push({
    id,
    year: s.year,
    from: st.role,
    member: a.actor.kind === "seat" ? a.actor.member : "",
    channel: ["*"],
    text: a.text,
    at: a.at,
  });
  out.push({ type: "chat", id, channel: ["*"], from: st.role });
  return null;
};

export const stance: Handler<"stance"> = (s, a, out) => {
  const st = actingSeat(s, a);
  if (!s.scenario.rivalPair.includes(st.role))
    return reject("ERR_NOT_ALLOWED", "only the rival pair chooses a stance");
  if (!s.events.some((e) => e.card.effects.some((x) => x.kind === "crisisOnEarth"))) {
    return reject("ERR_NOT_ALLOWED", "there is no crisis on Earth this year");
  }
  if (a.stance !== "link" && a.stance !== "compartmentalise")
    return reject("ERR_BAD_ACTION", "link or compartmentalise");
  if (st.committed) return reject("ERR_COMMITTED", "your captain has committed this year's orders");
  st.stance = a.stance;
  out.push({ type: "stanceChosen", seat: st.role, stance: a.stance });
  return null;
};
