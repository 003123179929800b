/** Seats and the people in them: members, captains, who controls a seat. */

import { LIMITS, nameFits } from "../limits.ts";
import { BOT_MEMBER } from "../types.ts";
import { own, reject } from "../util.ts";
import type { Handler } from "./types.ts";

export const addMember: Handler<"addMember"> = (s, a, out) => {
  const st = own(s.seats, a.seat);
  if (!st) return reject("ERR_UNKNOWN_SEAT", `no seat "${a.seat}" at this table`);
  if (
    typeof a.member !== "string" ||
    a.member === "" ||
    a.member === BOT_MEMBER ||
    a.member.length > LIMITS.memberId
  ) {
    return reject("ERR_BAD_ACTION", "a member needs an id");
  }
  const name = typeof a.name === "string" ? a.name.trim() : "";
  if (!nameFits(name)) return reject("ERR_TOO_LONG", `a name has 1–${LIMITS.name} characters`);
  for (const other of Object.values(s.seats)) {
    if (other.role !== a.seat && own(other.members, a.member))
      return reject("ERR_BAD_ACTION", "that member already sits at another seat");
  }
  if (!own(st.members, a.member) && Object.keys(st.members).length >= LIMITS.teamSize) {
    return reject("ERR_NOT_ALLOWED", `a team has at most ${LIMITS.teamSize} members`);
  }
  st.members[a.member] = { id: a.member, name };
  out.push({ type: "membersChanged", seat: a.seat });
  if (st.controller !== "human") {
    // people reclaim a seat its bot played
    st.controller = "human";
    out.push({ type: "controllerChanged", seat: a.seat, controller: "human" });
  }
  return null;
};

export const removeMember: Handler<"removeMember"> = (s, a, out) => {
  const st = own(s.seats, a.seat);
  if (!st) return reject("ERR_UNKNOWN_SEAT", `no seat "${a.seat}" at this table`);
  if (!own(st.members, a.member))
    return reject("ERR_UNKNOWN_MEMBER", "no such member at this seat");
  delete st.members[a.member];
  if (st.captain === a.member) st.captain = null;
  out.push({ type: "membersChanged", seat: a.seat });
  // a seat whose people have all left is played by its bot
  if (Object.keys(st.members).length === 0 && st.controller !== "bot") {
    st.controller = "bot";
    out.push({ type: "controllerChanged", seat: a.seat, controller: "bot" });
  }
  return null;
};

export const setCaptain: Handler<"setCaptain"> = (s, a, out) => {
  const st = own(s.seats, a.seat);
  if (!st) return reject("ERR_UNKNOWN_SEAT", `no seat "${a.seat}" at this table`);
  if (a.member !== null && !own(st.members, a.member))
    return reject("ERR_UNKNOWN_MEMBER", "the captain must be a member of the seat");
  st.captain = a.member;
  out.push({ type: "membersChanged", seat: a.seat });
  return null;
};

export const setController: Handler<"setController"> = (s, a, out) => {
  const st = own(s.seats, a.seat);
  if (!st) return reject("ERR_UNKNOWN_SEAT", `no seat "${a.seat}" at this table`);
  if (a.controller !== "human" && a.controller !== "bot")
    return reject("ERR_BAD_ACTION", "controller is human or bot");
  if (st.controller !== a.controller) {
    st.controller = a.controller;
    out.push({ type: "controllerChanged", seat: a.seat, controller: a.controller });
  }
  return null;
};
