/**
 * Proposals and deals in the order they were made, read by id, and the ids
 * themselves. Deals are d1, d2, … (createGame's starting deals, then
 * `conclude`): deals are public, so their count hides nothing. A proposal id
 * counts only the proposals among its own parties ("p3.2": the second proposal
 * among the parties of key 3), and a chat id only the messages of its channel,
 * so no viewer learns from an id how much others said. Proposals are read in
 * order through `proposalOrder`; nothing is ever removed. Reading them by id
 * instead of with `for…in` matters in the lab: V8 keeps a record of more than
 * ~16 entries as a dictionary, and `for…in` over it gathers and sorts its keys
 * anew every time (≈ 2.3 µs for 25 entries, against ≈ 0.4 µs by id; see
 * docs/PERFORMANCE.md).
 */
import type { Deal, GameState, Proposal, RoleId } from "./types.ts";
import { own } from "./util.ts";

// the ids, made once: a string used again as a key is looked up faster than one built anew
// (module-level state, allowed in tools/checkPurity.ts: the n-th entry is always d followed by n)
const dealIds: string[] = [""];

/** The id of the n-th deal, n from 1. */
export function recordId(prefix: "d", n: number): string {
  while (dealIds.length <= n) dealIds.push(`${prefix}${dealIds.length}`);
  return dealIds[n] as string;
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
  s: Pick<GameState, "proposals" | "proposalOrder" | "year">,
): Proposal[] {
  const ids = s.proposalOrder;
  let first = ids.length;
  while (first > 0 && s.proposals[ids[first - 1] as string]?.year === s.year) first--;
  const out: Proposal[] = [];
  for (let n = first; n < ids.length; n++) out.push(s.proposals[ids[n] as string] as Proposal);
  return out;
}

/**
 * A set of roles as a short key: the bitmask of their places in table order, in base 36
 * ("3" for the first two seats). The same set gives the same key whatever its order.
 */
export function partiesKey(order: readonly RoleId[], roles: readonly RoleId[]): string {
  let mask = 0;
  for (const r of roles) {
    const i = order.indexOf(r);
    if (i >= 0) mask |= 1 << i;
  }
  return mask.toString(36);
}

/** Adds one to a counter of a record of counters and returns the new count. */
function bump(counts: Record<string, number>, key: string): number {
  const n = (own(counts, key) ?? 0) + 1;
  counts[key] = n;
  return n;
}

/** Makes the id of a new proposal among these parties (counted within the set). */
export function newProposalId(
  s: Pick<GameState, "order" | "counters">,
  parties: readonly RoleId[],
): string {
  const key = partiesKey(s.order, parties);
  return `p${key}.${bump(s.counters.byParties, key)}`;
}

/** Makes the id of a new chat message in this channel (["*"] is the public one). */
export function newChatId(
  s: Pick<GameState, "order" | "counters">,
  channel: readonly string[],
): number {
  const key = channel[0] === "*" ? "*" : partiesKey(s.order, channel);
  return bump(s.counters.chat, key);
}

const STATUS_STAMP: Record<Proposal["status"], number> = {
  open: 0,
  concluded: 1,
  rejected: 2,
  withdrawn: 3,
  countered: 4,
  expired: 5,
};

/**
 * What the rules can change of a proposal once it is made, as a number: its status (once, from
 * open; `deal` is set with "concluded") and who accepted it (only added to). The rules change a
 * proposal in place and nothing else of it, so the same proposal object with the same stamp
 * reads the same (tests/rules/recordStamps.test.ts plays games to hold the rules to it): the
 * server skips making the JSON of an open proposal again when its stamp has not moved.
 */
export function proposalStamp(p: Pick<Proposal, "status" | "accepted">): number {
  return p.accepted.length * 8 + STATUS_STAMP[p.status];
}

const DEAL_STATUS_STAMP: Record<Deal["status"], number> = {
  active: 0,
  completed: 1,
  failed: 2,
  cancelled: 3,
};

/**
 * What the rules can change of a deal once it is made, as a number, as `proposalStamp` is for a
 * proposal: its status (once, from active), the years it has run (each with its `results`
 * entry: a year's result comes with `yearsDone` moving or the status closing) and which of its
 * contract terms went void (only added to, at most one per term). `prepaid`, the parties, terms
 * and years are set when it is made. tests/rules/recordStamps.test.ts plays games to hold the
 * rules to it: the server skips making the JSON of an active deal again while it holds.
 */
export function dealStamp(d: Pick<Deal, "status" | "yearsDone" | "voidTerms" | "terms">): number {
  return (
    (d.yearsDone * (d.terms.length + 1) + d.voidTerms.length) * 4 + DEAL_STATUS_STAMP[d.status]
  );
}
