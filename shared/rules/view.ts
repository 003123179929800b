/**
 * playerView: what one viewer may see. This is the specification of hidden
 * information; the server's synced state must equal it for every viewer.
 * A view never contains the seed, the random state, another seat's private
 * fields, proposals it is not party to, or channels it is not in.
 */

import { dealsInOrder, proposalsThisYear as yearProposals } from "./records.ts";
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
  TensionTerm,
  YearReport,
} from "./types.ts";
import { copyJson } from "./util.ts";

export type Viewer =
  | { kind: "seat"; seat: RoleId }
  | { kind: "spectator" }
  | { kind: "facilitator" };

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
 * A year's report as a viewer may see it: other seats' scores and undetected
 * covert income removed. A finished report never changes, so its parts are
 * shared (`finished`); the pending report of a crisis may still change, so it is copied.
 */
function reportFor(
  _s: GameState,
  r: YearReport,
  canSee: (role: RoleId) => boolean,
  over: boolean,
  finished: boolean,
): YearReport {
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
  if (!over) {
    const scores: Record<RoleId, number> = {};
    const terms: Record<RoleId, TensionTerm[]> = {};
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

/**
 * Finished reports never change, so each viewer's copy is made once and reused:
 * views are read-only for their holders (bots and the server only read them).
 */
const reportCache = new WeakMap<YearReport, Map<string, YearReport>>();
function cachedReportFor(
  s: GameState,
  r: YearReport,
  canSee: (role: RoleId) => boolean,
  over: boolean,
  key: string,
  cache: ViewCache | undefined,
): YearReport {
  // a runner's cache holds them for its game only (entries of a global WeakMap live until a
  // full collection and slow down every young-generation one)
  const byReport = cache ? cache.reports : reportCache;
  let perViewer = byReport.get(r);
  if (!perViewer) {
    perViewer = new Map();
    byReport.set(r, perViewer);
  }
  const k = `${key}:${over}`;
  let out = perViewer.get(k);
  if (!out) {
    out = reportFor(s, r, canSee, over, true);
    perViewer.set(k, out);
  }
  return out;
}

/**
 * The finished reports as a viewer sees them. The list only grows (in place when a runner owns
 * the state), so with a cache a viewer's list is reused while the state has the same reports.
 */
function reportsFor(
  s: GameState,
  canSee: (role: RoleId) => boolean,
  over: boolean,
  key: string,
  cache: ViewCache | undefined,
): YearReport[] {
  const seen = cache?.reportLists.get(key);
  if (
    seen &&
    seen.over === over &&
    seen.from.length === s.reports.length &&
    seen.from.every((r, i) => r === s.reports[i])
  )
    return seen.list;
  const list = s.reports.map((r) => cachedReportFor(s, r, canSee, over, key, cache));
  cache?.reportLists.set(key, { over, from: [...s.reports], list });
  return list;
}

function privateSeat(s: GameState, role: RoleId): PrivateSeat {
  const st = s.seats[role];
  if (!st) throw new Error(`no seat ${role}`);
  return {
    role,
    cash: st.cash,
    orders: { ...st.orders },
    ordersTouched: st.ordersTouched,
    score: st.score,
    scoreByYear: [...st.scoreByYear],
    priority: st.priority ? copyJson(st.priority) : null,
    covertSales: st.covertSales,
    covertUndetected: st.covertUndetected,
    security: st.security,
    crisisChoice: st.crisisChoice,
  };
}

/**
 * What the viewer may see of the game. Pure. A view is read-only for its holder:
 * it shares with the state the objects that never change once made (finished
 * reports, closed proposals, finished deals, chat messages) and copies the rest,
 * so a view taken before an action still shows the state it was taken from.
 */
export function playerView(s: GameState, viewer: Viewer, cache?: ViewCache): PlayerView {
  const me = viewer.kind === "seat" ? viewer.seat : "";
  const all = viewer.kind === "facilitator";
  const canSee = (role: RoleId) => all || role === me;
  const over = s.phase === "ended";
  let common = cache?.parts;
  if (!common) {
    common = publicParts(s, cache);
    if (cache) cache.parts = common;
  }
  const priv: Record<RoleId, PrivateSeat> = {};
  for (const role of s.order) if (canSee(role)) priv[role] = privateSeat(s, role);
  // this year's proposals the viewer is party to (earlier ones are closed, and what they
  // concluded is in the deals). Closed proposals never change again (see cloneState), so they
  // are shared; an open one changes only in `accepted`, copied here
  const proposals: Record<string, Proposal> = {};
  for (const p of cachedProposalsThisYear(s, cache)) {
    if (all || p.parties.includes(me))
      proposals[p.id] = p.status === "open" ? openProposalCopy(p, cache) : p;
  }
  const readChat = all && s.config.facilitatorReadsChat;
  const chat = s.chat.filter(
    (m) => m.channel[0] === "*" || (me !== "" && m.channel.includes(me)) || readChat,
  );
  return {
    viewer: { kind: viewer.kind, seat: me },
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
    rivalPair: common.rivalPair,
    tension: s.tension,
    cooperation: s.cooperation,
    order: common.order,
    seats: common.seats,
    private: priv,
    proposals,
    deals: common.deals,
    chat,
    market: common.market,
    events: common.events,
    crisisOnEarth: common.crisisOnEarth,
    reports: reportsFor(
      s,
      canSee,
      over,
      viewer.kind === "seat" ? `seat:${me}` : viewer.kind,
      cache,
    ),
    pending: s.pending ? reportFor(s, s.pending, canSee, over, false) : null,
    outcome: s.outcome ? copyJson(s.outcome) : null,
  };
}

/**
 * What a runner that owns its state (playGame) keeps between the views it takes of it, so
 * that views share what has not changed instead of copying it again (views are read-only).
 * Make one per game with `newViewCache()`, pass it to every `playerView` of that game's
 * state, and call `stateChanged` after every change to the state (every accepted action):
 * the parts every viewer sees alike are then made again for the next view.
 */
export interface ViewCache {
  parts: PublicParts | undefined;
  reportLists: Map<string, { over: boolean; from: YearReport[]; list: YearReport[] }>;
  reports: Map<YearReport, Map<string, YearReport>>;
  proposals: Map<Proposal, { accepted: number; copy: Proposal }>;
  deals: Map<Deal, { yearsDone: number; voidTerms: number; copy: Deal }>;
  dealRecord: { seen: (Deal | string | number)[]; record: Record<string, Deal> } | undefined;
  yearProposals: { year: number; count: number; list: Proposal[] } | undefined;
}

export function newViewCache(): ViewCache {
  return {
    parts: undefined,
    reportLists: new Map(),
    reports: new Map(),
    proposals: new Map(),
    deals: new Map(),
    dealRecord: undefined,
    yearProposals: undefined,
  };
}

/** Tells a view cache that its state changed (see ViewCache). */
export function stateChanged(cache: ViewCache): void {
  cache.parts = undefined;
}

interface PublicParts {
  rivalPair: RoleId[];
  order: RoleId[];
  seats: Record<RoleId, PublicSeat>;
  deals: Record<string, Deal>;
  market: MarketBuyer[];
  events: PlayerView["events"];
  crisisOnEarth: boolean;
}

function publicParts(s: GameState, cache: ViewCache | undefined): PublicParts {
  const seats: Record<RoleId, PublicSeat> = {};
  for (const role of s.order) {
    const st = s.seats[role];
    const spec = s.scenario.roles[role];
    if (!st || !spec) continue;
    seats[role] = {
      role,
      name: spec.name,
      short: spec.short,
      archetype: spec.archetype,
      colour: spec.colour,
      shape: spec.shape,
      flag: spec.flag,
      controller: st.controller,
      members: copyJson(st.members),
      captain: st.captain ?? "",
      ready: st.ready,
      committed: st.committed,
      capability: st.capability,
      prestige: st.prestige,
      reputation: st.reputation,
      readiness: st.readiness,
      flights: st.flights,
      capacity: capacityOf(s, role),
      listPrice: spec.orders.includes("listPrice") ? st.orders.listPrice : 0,
      pool: st.pool,
      stance: st.stance,
      covertDetected: st.covertDetected,
      brokenPledges: st.brokenPledges,
      failedDeals: st.failedDeals,
      astronautsFlown: st.astronautsFlown,
      partners: [...st.partners],
    };
  }
  return {
    rivalPair: [...s.scenario.rivalPair],
    order: [...s.order],
    seats,
    deals: dealsFor(s, cache),
    // buyers are added to the market, never changed
    market: [...s.market],
    events: s.events.map((e) => ({
      id: e.card.id,
      title: e.card.title,
      note: e.card.note,
      injected: e.injected,
    })),
    crisisOnEarth: s.events.some((e) => e.card.effects.some((x) => x.kind === "crisisOnEarth")),
  };
}

/*
 * Copies of open proposals and active deals, shared by the views taken while they stay as
 * they were. The rules change an open proposal only by adding to `accepted` (or by closing
 * it), and an active deal only in its status, `yearsDone` (with a result for the year) and
 * `voidTerms` (appended to): a copy made when these were as they are now is still exact.
 * (applyAction changes a copy of the state, whose objects are new and have no copies here.)
 */
/**
 * This year's proposals, in the state's order. Proposals are only ever added (by `propose`,
 * which counts them in `counters.proposal`) and keep their year, so with a cache the list is
 * reused while the year and the count are the same.
 */
function cachedProposalsThisYear(s: GameState, cache: ViewCache | undefined): Proposal[] {
  const seen = cache?.yearProposals;
  if (seen && seen.year === s.year && seen.count === s.counters.proposal) return seen.list;
  const list = yearProposals(s);
  if (cache) cache.yearProposals = { year: s.year, count: s.counters.proposal, list };
  return list;
}

function openProposalCopy(p: Proposal, cache: ViewCache | undefined): Proposal {
  const seen = cache?.proposals.get(p);
  if (seen && seen.accepted === p.accepted.length && seen.copy.status === p.status)
    return seen.copy;
  const copy = { ...p, accepted: [...p.accepted] };
  cache?.proposals.set(p, { accepted: p.accepted.length, copy });
  return copy;
}

/**
 * The deals as views show them. Finished deals never change again (see cloneState), so they
 * are shared; an active deal is copied (activeDealCopy). With a cache, while no deal was
 * added and none changed, the record made for the last view is reused.
 */
function dealsFor(s: GameState, cache: ViewCache | undefined): Record<string, Deal> {
  const last = cache?.dealRecord;
  const deals = dealsInOrder(s);
  if (last) {
    const seen = last.seen;
    let i = 0;
    let same = true;
    for (const d of deals) {
      if (
        seen[i] !== d ||
        seen[i + 1] !== d.status ||
        seen[i + 2] !== d.yearsDone ||
        seen[i + 3] !== d.voidTerms.length
      ) {
        same = false;
        break;
      }
      i += 4;
    }
    if (same && i === seen.length) return last.record;
  }
  const record: Record<string, Deal> = {};
  const seen: (Deal | string | number)[] = [];
  for (const d of deals) {
    record[d.id] = d.status === "active" ? activeDealCopy(d, cache) : d;
    seen.push(d, d.status, d.yearsDone, d.voidTerms.length);
  }
  if (cache) cache.dealRecord = { seen, record };
  return record;
}

function activeDealCopy(d: Deal, cache: ViewCache | undefined): Deal {
  const seen = cache?.deals.get(d);
  if (
    seen &&
    seen.copy.status === d.status &&
    seen.yearsDone === d.yearsDone &&
    seen.voidTerms === d.voidTerms.length
  )
    return seen.copy;
  const copy = { ...d, results: { ...d.results }, voidTerms: [...d.voidTerms] };
  cache?.deals.set(d, { yearsDone: d.yearsDone, voidTerms: d.voidTerms.length, copy });
  return copy;
}
