/**
 * Proposals and deals in the order they were made, read by id. `propose` names
 * proposals p1, p2, … and deals are d1, d2, … (createGame's starting deals,
 * then `conclude`), counted in `counters` and never removed. Reading them by id
 * instead of with `for…in` matters in the lab: V8 keeps a record of more than
 * ~16 entries as a dictionary, and `for…in` over it gathers and sorts its keys
 * anew every time (≈ 2.3 µs for 25 entries, against ≈ 0.4 µs by id; see
 * docs/PERFORMANCE.md).
 */
import type { Deal, GameState, Proposal } from "./types.ts";

// the ids, made once: a string used again as a key is looked up faster than one built anew
const ids: Record<"p" | "d", string[]> = { p: [""], d: [""] };

/** The id of the n-th proposal ("p") or deal ("d"), n from 1. */
export function recordId(prefix: "p" | "d", n: number): string {
  const list = ids[prefix];
  while (list.length <= n) list.push(`${prefix}${list.length}`);
  return list[n] as string;
}

/**
 * Whether a deal runs in this year: active (not cancelled, failed or done) and within its years.
 * Resolution executes these deals and the bots count their seats, through this one test.
 */
export function runsIn(d: Pick<Deal, "status" | "startYear" | "years">, year: number): boolean {
  return d.status === "active" && d.startYear <= year && d.startYear + d.years > year;
}

/** Every deal of the state, oldest first. */
export function dealsInOrder(s: Pick<GameState, "deals" | "counters">): Deal[] {
  const out: Deal[] = [];
  for (let n = 1; n <= s.counters.deal; n++) {
    const d = s.deals[recordId("d", n)];
    if (d) out.push(d);
  }
  return out;
}

/**
 * The deals of a view, oldest first. A view shows every deal (deals are public), so its ids
 * run from d1 without a gap: they are read until the first one missing.
 */
export function viewDealsInOrder(deals: Record<string, Deal>): Deal[] {
  const out: Deal[] = [];
  for (let n = 1; ; n++) {
    const d = deals[recordId("d", n)];
    if (!d) return out;
    out.push(d);
  }
}

/**
 * This year's proposals, oldest first. Proposals keep the year they were made in and are
 * numbered in the order they were made, so this year's are the last ones: they are read
 * backwards from the newest until one of an earlier year. Only these can be open (negotiation's
 * end expires the rest).
 */
export function proposalsThisYear(
  s: Pick<GameState, "proposals" | "counters" | "year">,
): Proposal[] {
  let first = s.counters.proposal + 1;
  while (first > 1 && s.proposals[recordId("p", first - 1)]?.year === s.year) first--;
  const out: Proposal[] = [];
  for (let n = first; n <= s.counters.proposal; n++)
    out.push(s.proposals[recordId("p", n)] as Proposal);
  return out;
}
