/**
 * Small helpers the rules share: copying a state, reading roles, moving money.
 */
import type { Scenario } from "../scenario/schema.ts";
import type { GameState, Rejection, RejectionCode, Transfer } from "./types.ts";

/** A rejection with a typed code and a sentence a player can read. */
export function reject(code: RejectionCode, detail: string): Rejection {
  return { ok: false, code, detail };
}

/**
 * The entry of a record under a key someone chose (a player, a host, a client),
 * or undefined: `__proto__`, `constructor`, `toString` and the like are just
 * keys the record does not have, never what an object inherits.
 */
export function own<T>(record: Readonly<Record<string, T>>, key: unknown): T | undefined {
  return typeof key === "string" && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Whether a role has a seat at this table (for a role someone chose, e.g. a join's `seat`). */
export function hasSeat(s: Pick<GameState, "seats">, role: unknown): boolean {
  return own(s.seats, role) !== undefined;
}

/** Deep copy of plain JSON data. */
export function copyJson<T>(value: T): T {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(copyJson) as T;
  const out: Record<string, unknown> = {};
  const from = value as Record<string, unknown>;
  for (const k in from) out[k] = copyJson(from[k]);
  return out as T;
}

/**
 * Copies a state for a pure update. What can no longer change is shared, not
 * copied: the scenario, the entries of the append-only logs (ledger, reports,
 * chat, trust records), event cards, closed proposals and finished deals.
 * Handlers only change open proposals and active deals, so this is safe.
 */
export function cloneState(s: GameState): GameState {
  const { scenario, ledger, reports, chat, trustRecords, proposals, deals, events, ...rest } = s;
  const openProposals: GameState["proposals"] = {};
  for (const [id, p] of Object.entries(proposals))
    openProposals[id] = p.status === "open" ? copyJson(p) : p;
  const liveDeals: GameState["deals"] = {};
  for (const [id, d] of Object.entries(deals))
    liveDeals[id] = d.status === "active" ? copyJson(d) : d;
  return {
    ...copyJson(rest),
    scenario,
    ledger: [...ledger],
    reports: [...reports],
    chat: [...chat],
    trustRecords: [...trustRecords],
    proposals: openProposals,
    deals: liveDeals,
    events: events.map((e) => ({ card: e.card, injected: e.injected })),
  };
}

export function isState(scenario: Scenario, role: string): boolean {
  return own(scenario.roles, role)?.archetype === "state";
}

/** Rounds money to cents so sums stay exact enough to compare. */
export function round2(x: number): number {
  const r = Math.round(x * 100) / 100;
  // never -0: it does not survive JSON, and views travel as JSON
  return r === 0 ? 0 : r;
}

export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : Math.min(x, hi);
}

/** The other member of the rival pair, or null when the role is not in it. */
export function rivalOf(scenario: Scenario, role: string): string | null {
  const [a, b] = scenario.rivalPair;
  return role === a ? b : role === b ? a : null;
}

/**
 * Key for ordered pairs in records ("us>russia"). The keys are made once per pair and reused:
 * a string used again as a key is looked up faster than one built anew (the accounts that
 * pair up are the roles and the named sources and sinks, a small set).
 */
const PAIR = ">";
const pairKeys = new Map<string, Map<string, string>>();
export function pairKey(a: string, b: string): string {
  let byB = pairKeys.get(a);
  if (!byB) {
    byB = new Map();
    pairKeys.set(a, byB);
  }
  let key = byB.get(b);
  if (key === undefined) {
    key = `${a}${PAIR}${b}`;
    byB.set(b, key);
  }
  return key;
}

/** The two roles of a pair key, in order (`pairRoles(pairKey(a, b))` is `[a, b]`). */
export function pairRoles(key: string): [string, string] {
  const at = key.indexOf(PAIR);
  return [key.slice(0, at), key.slice(at + 1)];
}

/**
 * Moves money between two accounts and records it. An account is a role id or a
 * named source/sink ("source:budget", "sink:costs"); role cash is updated.
 */
export function transfer(
  s: GameState,
  from: string,
  to: string,
  amount: number,
  reason: string,
): Transfer | null {
  const amt = round2(amount);
  if (amt <= 0) return null;
  const payer = own(s.seats, from);
  const payee = own(s.seats, to);
  if (payer) payer.cash = round2(payer.cash - amt);
  if (payee) payee.cash = round2(payee.cash + amt);
  const t: Transfer = { year: s.year, from, to, amount: amt, reason };
  s.ledger.push(t);
  return t;
}

export const isSource = (account: string) => account.startsWith("source:");
export const isSink = (account: string) => account.startsWith("sink:");
