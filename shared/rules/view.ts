/**
 * playerView: what one viewer may see. This is the specification of hidden
 * information; the server's synced state must equal it for every viewer.
 * A view never contains the seed, the random state, another seat's private
 * fields, proposals it is not party to, or channels it is not in.
 *
 * It is written plainly: every call builds a fresh snapshot from the state. The
 * lab's speed-up (viewCache.ts, `cachedPlayerView`) wraps these builders and
 * reuses what they built while it is unchanged; it has no rules of its own.
 */

import { dealsInOrder, proposalsThisYear } from "./records.ts";
import type {
  ChatMessage,
  Deal,
  GameState,
  MarketBuyer,
  Member,
  Orders,
  Outcome,
  Phase,
  PriorityCard,
  Proposal,
  RoleId,
  ScoreTerm,
  YearReport,
} from "./types.ts";
import { copyJson } from "./util.ts";
import {
  canSeeChannel,
  canSeePrivate,
  canSeeProposal,
  type Viewer,
  viewerSeat,
} from "./visibility.ts";

export type { Viewer };

export interface PublicSeat {
  role: RoleId;
  name: string;
  short: string;
  archetype: "state" | "company";
  colour: string;
  shape: string;
  flag: string;
  controller: "human" | "bot";
  members: Record<string, Member>;
  captain: string;
  ready: boolean;
  committed: boolean;
  capability: number;
  prestige: number;
  reputation: number;
  readiness: number;
  flights: number;
  /** Seats this year on the role's vehicle (0 without one, or before it is ready). */
  capacity: number;
  listPrice: number;
  /** Subsidy money set aside for this year (public: a signal). */
  pool: number;
  stance: string;
  covertDetected: number;
  brokenPledges: number;
  failedDeals: number;
  astronautsFlown: number;
  partners: string[];
}

export interface PrivateSeat {
  role: RoleId;
  cash: number;
  orders: Orders;
  ordersTouched: boolean;
  score: number;
  scoreByYear: number[];
  priority: PriorityCard | null;
  covertSales: number;
  covertUndetected: number;
  /** Security points from diversion: private, or they would reveal the true diversion. */
  security: number;
  crisisChoice: string;
}

export interface PlayerView {
  viewer: { kind: Viewer["kind"]; seat: RoleId };
  scenarioId: string;
  scenarioName: string;
  year: number;
  startYear: number;
  lastYear: number;
  phase: Phase;
  deadline: number;
  paused: boolean;
  pausedRemaining: number;
  preset: string;
  facilitatorReadsChat: boolean;
  rivalPair: RoleId[];
  tension: number;
  cooperation: number;
  order: RoleId[];
  seats: Record<RoleId, PublicSeat>;
  /** The viewer's own seat; every seat for the facilitator; none for a spectator. */
  private: Record<RoleId, PrivateSeat>;
  proposals: Record<string, Proposal>;
  deals: Record<string, Deal>;
  chat: ChatMessage[];
  market: MarketBuyer[];
  events: { id: string; title: string; note: string; injected: boolean }[];
  crisisOnEarth: boolean;
  reports: YearReport[];
  /** The year being resolved while a crisis is pending, else null. */
  pending: YearReport | null;
  outcome: Outcome | null;
}

function capacityOf(s: GameState, role: RoleId): number {
  const v = s.scenario.roles[role]?.vehicle;
  const st = s.seats[role];
  if (!v || !st) return 0;
  if (v.readinessNeeded > 0 && st.readiness < v.readinessNeeded) return 0;
  return st.flights * v.seatsPerFlight;
}

/**
 * What the viewer may see of the game. Pure. The view is a snapshot: it shares with the
 * state only the objects that never change once made (finished reports, closed proposals,
 * finished deals, chat messages, members) and copies the rest, so a view taken before an
 * action still shows the state it was taken from.
 */
export function playerView(s: GameState, viewer: Viewer): PlayerView {
  return assembleView(s, viewer, {
    rivalPair: [...s.scenario.rivalPair],
    order: [...s.order],
    seats: publicSeats(s),
    private: privateSeats(s, viewer),
    proposals: visibleProposals(s, viewer, proposalsThisYear(s), openProposalCopy),
    deals: dealRecord(s, activeDealCopy),
    chat: visibleChat(s, viewer),
    market: [...s.market],
    events: eventList(s),
    crisisOnEarth: crisisOnEarth(s),
    reports: s.reports.map((r) => reportFor(r, viewer, s.phase === "ended", true)),
  });
}

/** The parts of a view that take the most building: `cachedPlayerView` (viewCache.ts) reuses them. */
export interface ViewParts {
  rivalPair: PlayerView["rivalPair"];
  order: PlayerView["order"];
  seats: PlayerView["seats"];
  private: PlayerView["private"];
  proposals: PlayerView["proposals"];
  deals: PlayerView["deals"];
  chat: PlayerView["chat"];
  market: PlayerView["market"];
  events: PlayerView["events"];
  crisisOnEarth: boolean;
  reports: PlayerView["reports"];
}

/** A view from its parts and the state's small fields. */
export function assembleView(s: GameState, viewer: Viewer, parts: ViewParts): PlayerView {
  const over = s.phase === "ended";
  return {
    viewer: { kind: viewer.kind, seat: viewerSeat(viewer) },
    scenarioId: s.scenario.id,
    scenarioName: s.scenario.name,
    year: s.year,
    startYear: s.scenario.startYear,
    lastYear: s.scenario.startYear + s.config.years - 1,
    phase: s.phase,
    deadline: s.deadline ?? 0,
    paused: s.paused,
    pausedRemaining: s.pausedRemaining,
    preset: s.config.preset,
    facilitatorReadsChat: s.config.facilitatorReadsChat,
    rivalPair: parts.rivalPair,
    tension: s.tension,
    cooperation: s.cooperation,
    order: parts.order,
    seats: parts.seats,
    private: parts.private,
    proposals: parts.proposals,
    deals: parts.deals,
    chat: parts.chat,
    market: parts.market,
    events: parts.events,
    crisisOnEarth: parts.crisisOnEarth,
    reports: parts.reports,
    pending: s.pending ? reportFor(s.pending, viewer, over, false) : null,
    outcome: s.outcome ? copyJson(s.outcome) : null,
  };
}

/** Whether this year's events put the crisis on Earth. */
export function crisisOnEarth(s: GameState): boolean {
  return s.events.some((e) => e.card.effects.some((x) => x.kind === "crisisOnEarth"));
}

/** Every seat's public fields, in table order. */
export function publicSeats(s: GameState): Record<RoleId, PublicSeat> {
  return seatRecord(s, (role) => publicSeat(s, role));
}

/**
 * The seats `shown` gives, by role in table order (a role it gives nothing for is left out):
 * the one loop behind both kinds of seat, which `cachedPlayerView` runs too.
 */
export function seatRecord<T>(
  s: GameState,
  shown: (role: RoleId) => T | undefined,
): Record<RoleId, T> {
  const out: Record<RoleId, T> = {};
  for (const role of s.order) {
    const seat = shown(role);
    if (seat !== undefined) out[role] = seat;
  }
  return out;
}

/**
 * Notes, while a seat is built field by field, whether each field equals the one in the seat
 * `was` made earlier: so the one list of a seat's fields (publicSeat, privateSeat) serves both
 * the plain view (no `was`: every field is fresh) and `cachedPlayerView`, which keeps `was`
 * when nothing differs. Lists and records are compared by their entries and copied one level
 * deep (what is below is shared, never changed); with no earlier seat they are always copied.
 */
class Keep {
  same: boolean;
  constructor(had: boolean) {
    this.same = had;
  }
  /** A value shown as it is. */
  value<T>(was: T | undefined, now: T): T {
    if (was !== now) this.same = false;
    return now;
  }
  /** A list, copied. */
  list<T>(was: readonly T[] | undefined, now: readonly T[]): T[] {
    if (this.same && was !== undefined && sameList(was, now)) return was as T[];
    this.same = false;
    return [...now];
  }
  /** A record, copied. */
  record<T extends object>(was: T | undefined, now: T): T {
    if (this.same && was !== undefined && sameEntries(was, now)) return was;
    this.same = false;
    return { ...now };
  }
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Same keys holding the same values (compared by identity). */
function sameEntries(a: object, b: object): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let n = 0;
  for (const k in y) {
    if (x[k] !== y[k]) return false;
    n++;
  }
  for (const _ in x) n--;
  return n === 0;
}

/**
 * One seat's public fields (undefined for a role without a seat). Given `was`, a seat this
 * builder made earlier, it returns `was` itself when every field is unchanged (see Keep).
 */
export function publicSeat(s: GameState, role: RoleId, was?: PublicSeat): PublicSeat | undefined {
  const st = s.seats[role];
  const spec = s.scenario.roles[role];
  if (!st || !spec) return undefined;
  const k = new Keep(was !== undefined);
  const seat: PublicSeat = {
    role,
    name: k.value(was?.name, spec.name),
    short: k.value(was?.short, spec.short),
    archetype: k.value(was?.archetype, spec.archetype),
    colour: k.value(was?.colour, spec.colour),
    shape: k.value(was?.shape, spec.shape),
    flag: k.value(was?.flag, spec.flag),
    controller: k.value(was?.controller, st.controller),
    // a member is replaced, never changed (actions/members.ts), so members are shared
    members: k.record(was?.members, st.members),
    captain: k.value(was?.captain, st.captain ?? ""),
    ready: k.value(was?.ready, st.ready),
    committed: k.value(was?.committed, st.committed),
    capability: k.value(was?.capability, st.capability),
    prestige: k.value(was?.prestige, st.prestige),
    reputation: k.value(was?.reputation, st.reputation),
    readiness: k.value(was?.readiness, st.readiness),
    flights: k.value(was?.flights, st.flights),
    capacity: k.value(was?.capacity, capacityOf(s, role)),
    listPrice: k.value(was?.listPrice, spec.orders.includes("listPrice") ? st.orders.listPrice : 0),
    pool: k.value(was?.pool, st.pool),
    stance: k.value(was?.stance, st.stance),
    covertDetected: k.value(was?.covertDetected, st.covertDetected),
    brokenPledges: k.value(was?.brokenPledges, st.brokenPledges),
    failedDeals: k.value(was?.failedDeals, st.failedDeals),
    astronautsFlown: k.value(was?.astronautsFlown, st.astronautsFlown),
    partners: k.list(was?.partners, st.partners),
  };
  return k.same && was !== undefined ? was : seat;
}

/** The private seats the viewer may see, in table order. */
export function privateSeats(s: GameState, viewer: Viewer): Record<RoleId, PrivateSeat> {
  return seatRecord(s, (role) => privateSeatFor(s, viewer, role));
}

/** One seat's private fields if the viewer may see them (see canSeePrivate); `was` as publicSeat. */
export function privateSeatFor(
  s: GameState,
  viewer: Viewer,
  role: RoleId,
  was?: PrivateSeat,
): PrivateSeat | undefined {
  return canSeePrivate(viewer, role) ? privateSeat(s, role, was) : undefined;
}

/** One seat's private fields; given `was`, as publicSeat. */
export function privateSeat(s: GameState, role: RoleId, was?: PrivateSeat): PrivateSeat {
  const st = s.seats[role];
  if (!st) throw new Error(`no seat ${role}`);
  const k = new Keep(was !== undefined);
  const seat: PrivateSeat = {
    role,
    cash: k.value(was?.cash, st.cash),
    orders: k.record(was?.orders, st.orders),
    ordersTouched: k.value(was?.ordersTouched, st.ordersTouched),
    score: k.value(was?.score, st.score),
    scoreByYear: k.list(was?.scoreByYear, st.scoreByYear),
    // the card is dealt once (setup.ts) and never changed, so it is shared
    priority: k.value(was?.priority, st.priority),
    covertSales: k.value(was?.covertSales, st.covertSales),
    covertUndetected: k.value(was?.covertUndetected, st.covertUndetected),
    security: k.value(was?.security, st.security),
    crisisChoice: k.value(was?.crisisChoice, st.crisisChoice),
  };
  return k.same && was !== undefined ? was : seat;
}

/**
 * This year's proposals (`thisYear`, from records.ts) the viewer is party to; earlier ones are
 * closed, and what they concluded is in the deals. Closed proposals never change again (see
 * cloneState), so they are shared; an open one is shown through `open` (a copy, for a snapshot).
 */
export function visibleProposals(
  s: GameState,
  viewer: Viewer,
  thisYear: readonly Proposal[],
  open: (p: Proposal) => Proposal,
): Record<string, Proposal> {
  const out: Record<string, Proposal> = {};
  for (const p of thisYear) {
    if (!canSeeProposal(viewer, p.parties)) continue;
    const shown = p.status === "open" ? open(p) : p;
    // a counter may add parties: the id it replaces is not theirs to see (it counts others' talks)
    const old = p.replaces === null ? undefined : s.proposals[p.replaces];
    out[p.id] =
      p.replaces !== null && !(old && canSeeProposal(viewer, old.parties))
        ? { ...shown, replaces: null }
        : shown;
  }
  return out;
}

/** The rules change an open proposal only by adding to `accepted` (or by closing it): that is copied. */
function openProposalCopy(p: Proposal): Proposal {
  return { ...p, accepted: [...p.accepted] };
}

/**
 * Every deal, by id in the order they were made (deals are public). Finished deals never
 * change again (see cloneState), so they are shared; an active deal is shown through
 * `active` (a copy, for a snapshot).
 */
export function dealRecord(s: GameState, active: (d: Deal) => Deal): Record<string, Deal> {
  const out: Record<string, Deal> = {};
  for (const d of dealsInOrder(s)) out[d.id] = d.status === "active" ? active(d) : d;
  return out;
}

/** The rules change an active deal in its status, `results`, `yearsDone` and `voidTerms`: those are copied. */
function activeDealCopy(d: Deal): Deal {
  return { ...d, results: { ...d.results }, voidTerms: [...d.voidTerms] };
}

/** The chat messages the viewer reads (see canSeeChannel); messages never change once sent. */
export function visibleChat(s: GameState, viewer: Viewer, from = 0): ChatMessage[] {
  const readsChat = s.config.facilitatorReadsChat;
  const out: ChatMessage[] = [];
  for (let i = from; i < s.chat.length; i++) {
    const m = s.chat[i] as ChatMessage;
    if (canSeeChannel(viewer, m.channel, readsChat)) out.push(m);
  }
  return out;
}

/** This year's events as the table sees them. */
export function eventList(s: GameState): PlayerView["events"] {
  return s.events.map((e) => ({
    id: e.card.id,
    title: e.card.title,
    note: e.card.note,
    injected: e.injected,
  }));
}

/**
 * A year's report as a viewer may see it: other seats' scores and undetected
 * covert income removed. A finished report never changes, so its parts are
 * shared (`finished`); the pending report of a crisis may still change, so it is copied.
 */
export function reportFor(
  r: YearReport,
  viewer: Viewer,
  over: boolean,
  finished: boolean,
): YearReport {
  const canSee = (role: RoleId) => canSeePrivate(viewer, role);
  // the transfers are ledger entries, which never change: only the rest of a pending report is copied
  const out = { ...r };
  if (!finished) {
    // a pending report is complete once resolveYear made it, but for what the crisis and the
    // score add (resolveCrisis, scoreYear): those fields are copied, the rest is shared
    out.tensionTerms = [...r.tensionTerms];
    out.scores = { ...r.scores };
    out.scoreTerms = { ...r.scoreTerms };
  }
  // undetected covert income and the true diversion stay private: others see only the published estimate
  out.transfers = out.transfers.filter(
    (t) =>
      (t.from !== "source:covert" || canSee(t.to) || r.covertDetected.includes(t.to)) &&
      (t.to !== "sink:military" || canSee(t.from)),
  );
  const civil: Record<RoleId, number> = {};
  for (const [role, v] of Object.entries(out.civilFunding))
    if (canSee(role) || over) civil[role] = v;
  out.civilFunding = civil;
  if (r.diverted) {
    // what a state really diverted is as private as its diversion (see above)
    const diverted: Record<RoleId, number> = {};
    let any = false;
    for (const [role, v] of Object.entries(r.diverted))
      if (canSee(role) || over) {
        diverted[role] = v;
        any = true;
      }
    if (any) out.diverted = diverted;
    else delete out.diverted;
  }
  if (!over) {
    const scores: Record<RoleId, number> = {};
    const terms: Record<RoleId, ScoreTerm[]> = {};
    for (const role of Object.keys(out.scores)) {
      if (!canSee(role)) continue;
      scores[role] = out.scores[role] as number;
      terms[role] = out.scoreTerms[role] ?? [];
    }
    out.scores = scores;
    out.scoreTerms = terms;
  }
  return out;
}
