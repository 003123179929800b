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
): YearReport {
  let perViewer = reportCache.get(r);
  if (!perViewer) {
    perViewer = new Map();
    reportCache.set(r, perViewer);
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
 * The finished reports as a viewer sees them. Reports are only ever added (finishYear), so a
 * runner's cache keeps each viewer's list and adds the new ones to it (a view made with a
 * cache is good until the state changes, see ViewCache); its lists live as long as its game,
 * where entries of the global WeakMap live until a full collection and slow down every
 * young-generation one.
 */
function reportsFor(
  s: GameState,
  canSee: (role: RoleId) => boolean,
  over: boolean,
  key: string,
  cache: ViewCache | undefined,
): YearReport[] {
  if (!cache) return s.reports.map((r) => cachedReportFor(s, r, canSee, over, key));
  let seen = cache.reportLists.get(key);
  if (!seen || seen.over !== over || seen.list.length > s.reports.length) {
    seen = { over, list: [] };
    cache.reportLists.set(key, seen);
  }
  for (let i = seen.list.length; i < s.reports.length; i++)
    seen.list.push(reportFor(s, s.reports[i] as YearReport, canSee, over, true));
  return seen.list;
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

/** Whether a private seat made earlier still shows the seat as it is (the priority card never changes). */
function samePrivateSeat(p: PrivateSeat, st: GameState["seats"][string]): boolean {
  if (
    p.cash !== st.cash ||
    p.ordersTouched !== st.ordersTouched ||
    p.score !== st.score ||
    p.covertSales !== st.covertSales ||
    p.covertUndetected !== st.covertUndetected ||
    p.security !== st.security ||
    p.crisisChoice !== st.crisisChoice ||
    (p.priority === null) !== (st.priority === null) ||
    !sameList(p.scoreByYear, st.scoreByYear)
  )
    return false;
  const a = p.orders as unknown as Record<string, unknown>;
  const b = st.orders as unknown as Record<string, unknown>;
  for (const k in b) if (a[k] !== b[k]) return false;
  return true;
}

/**
 * What the viewer may see of the game. Pure. A view is read-only for its holder:
 * it shares with the state the objects that never change once made (finished
 * reports, closed proposals, finished deals, chat messages) and copies the rest,
 * so a view taken before an action still shows the state it was taken from (with
 * a cache, only until the state changes: see ViewCache).
 */
export function playerView(s: GameState, viewer: Viewer, cache?: ViewCache): PlayerView {
  const me = viewerSeat(viewer);
  const canSee = (role: RoleId) => canSeePrivate(viewer, role);
  const over = s.phase === "ended";
  // the cache's key for this viewer: a role id, or a name no role id has (no string is made)
  const key = viewer.kind === "seat" ? me : viewer.kind === "spectator" ? " spectator" : " all";
  let common = cache?.parts;
  if (!common) {
    common = publicParts(s, cache);
    if (cache) cache.parts = common;
  }
  // with a cache, the private seats this viewer saw last are reused while unchanged
  const before = cache?.privateSeats.get(key);
  const priv: Record<RoleId, PrivateSeat> = {};
  for (const role of s.order) {
    if (!canSee(role)) continue;
    const st = s.seats[role];
    const last = before?.[role];
    priv[role] = last && st && samePrivateSeat(last, st) ? last : privateSeat(s, role);
  }
  cache?.privateSeats.set(key, priv);
  // this year's proposals the viewer is party to (earlier ones are closed, and what they
  // concluded is in the deals). Closed proposals never change again (see cloneState), so they
  // are shared; an open one changes only in `accepted`, copied here
  const proposals: Record<string, Proposal> = {};
  for (const p of cachedProposalsThisYear(s, cache)) {
    if (!canSeeProposal(viewer, p.parties)) continue;
    const shown = p.status === "open" ? openProposal(p, cache) : p;
    // a counter may add parties: the id it replaces is not theirs to see (it counts others' talks)
    const old = p.replaces === null ? undefined : s.proposals[p.replaces];
    proposals[p.id] =
      p.replaces !== null && !(old && canSeeProposal(viewer, old.parties))
        ? { ...shown, replaces: null }
        : shown;
  }
  // chat is only added to (and who may read a channel is fixed at creation): with a cache, a
  // viewer's list is extended by the messages added since, so a message costs what it adds,
  // not what the chat holds (the last view's list is no longer good: see ViewCache)
  const seenChat = cache?.chats.get(key);
  let chat = seenChat?.from === s.chat.length ? seenChat.list : undefined;
  if (!chat) {
    const readsChat = s.config.facilitatorReadsChat;
    const from = seenChat && seenChat.from < s.chat.length ? seenChat.from : 0;
    chat = from > 0 ? (seenChat as { list: ChatMessage[] }).list : [];
    for (let i = from; i < s.chat.length; i++) {
      const m = s.chat[i] as ChatMessage;
      if (canSeeChannel(viewer, m.channel, readsChat)) chat.push(m);
    }
    cache?.chats.set(key, { from: s.chat.length, list: chat });
  }
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
    reports: reportsFor(s, canSee, over, key, cache),
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
 *
 * A view made with a cache is good until the state next changes, not after: it shares the
 * state's open proposals and active deals instead of copying them (the runner asks its bot
 * at once and takes a new view after any change). Without a cache a view is a snapshot.
 */
export interface ViewCache {
  parts: PublicParts | undefined;
  /** The parts made for the last view, whose unchanged pieces the next parts reuse. */
  lastParts: PublicParts | undefined;
  /** The private seats each viewer was last shown, reused while a seat is unchanged. */
  privateSeats: Map<string, Record<RoleId, PrivateSeat>>;
  /** The chat each viewer was last shown, and the length of the chat it was made from. */
  chats: Map<string, { from: number; list: ChatMessage[] }>;
  /** Each viewer's finished reports (see reportsFor). */
  reportLists: Map<string, { over: boolean; list: YearReport[] }>;
  dealRecord: { seen: (Deal | string | number)[]; record: Record<string, Deal> } | undefined;
  yearProposals: { year: number; count: number; list: Proposal[] } | undefined;
}

export function newViewCache(): ViewCache {
  return {
    parts: undefined,
    lastParts: undefined,
    privateSeats: new Map(),
    chats: new Map(),
    reportLists: new Map(),
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
  /** The state's list the market copy was made from. */
  marketFrom: MarketBuyer[];
  events: PlayerView["events"];
  eventsFrom: GameState["events"];
  crisisOnEarth: boolean;
}

function publicParts(s: GameState, cache: ViewCache | undefined): PublicParts {
  const last = cache?.lastParts;
  // the last record of seats is reused when every seat in it is unchanged
  const sameOrder = last !== undefined && sameList(last.order, s.order);
  let seats = last?.seats;
  if (!sameOrder || !seats || !s.order.every((r) => sameSeat(s, seats?.[r], r))) {
    const made: Record<RoleId, PublicSeat> = {};
    for (const role of s.order) {
      const st = s.seats[role];
      const spec = s.scenario.roles[role];
      if (!st || !spec) continue;
      const before = last?.seats[role];
      made[role] = before && sameSeat(s, before, role) ? before : publicSeat(s, role, st, spec);
    }
    seats = made;
  }
  const parts: PublicParts = {
    rivalPair: last ? last.rivalPair : [...s.scenario.rivalPair],
    order: last && sameOrder ? last.order : [...s.order],
    seats,
    deals: dealsFor(s, cache),
    // buyers and events are only added within a year (a new year starts new lists), so with a
    // cache the copies are reused while the lists are the same ones, of the same length
    market:
      last && last.marketFrom === s.market && last.market.length === s.market.length
        ? last.market
        : [...s.market],
    marketFrom: s.market,
    ...(last && last.eventsFrom === s.events && last.events.length === s.events.length
      ? { events: last.events, crisisOnEarth: last.crisisOnEarth }
      : {
          events: s.events.map((e) => ({
            id: e.card.id,
            title: e.card.title,
            note: e.card.note,
            injected: e.injected,
          })),
          crisisOnEarth: s.events.some((e) =>
            e.card.effects.some((x) => x.kind === "crisisOnEarth"),
          ),
        }),
    eventsFrom: s.events,
  };
  if (cache) cache.lastParts = parts;
  return parts;
}

function publicSeat(
  s: GameState,
  role: RoleId,
  st: GameState["seats"][string],
  spec: GameState["scenario"]["roles"][string],
): PublicSeat {
  return {
    role,
    name: spec.name,
    short: spec.short,
    archetype: spec.archetype,
    colour: spec.colour,
    shape: spec.shape,
    flag: spec.flag,
    controller: st.controller,
    // a member is replaced, never changed (actions/members.ts), so members are shared
    members: { ...st.members },
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

/** Whether a public seat made earlier still shows the seat as it is (every field it copies). */
function sameSeat(s: GameState, p: PublicSeat | undefined, role: RoleId): boolean {
  const st = s.seats[role];
  if (!p || !st) return p === undefined && st === undefined;
  return (
    p.controller === st.controller &&
    p.captain === (st.captain ?? "") &&
    p.ready === st.ready &&
    p.committed === st.committed &&
    p.capability === st.capability &&
    p.prestige === st.prestige &&
    p.reputation === st.reputation &&
    p.readiness === st.readiness &&
    p.flights === st.flights &&
    p.capacity === capacityOf(s, role) &&
    p.listPrice ===
      (s.scenario.roles[role]?.orders.includes("listPrice") ? st.orders.listPrice : 0) &&
    p.pool === st.pool &&
    p.stance === st.stance &&
    p.covertDetected === st.covertDetected &&
    p.brokenPledges === st.brokenPledges &&
    p.failedDeals === st.failedDeals &&
    p.astronautsFlown === st.astronautsFlown &&
    sameList(p.partners, st.partners) &&
    sameRecord(p.members, st.members)
  );
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Same keys holding the same values (compared by identity). */
function sameRecord<T>(a: Record<string, T>, b: Record<string, T>): boolean {
  let n = 0;
  for (const k in b) {
    if (a[k] !== b[k]) return false;
    n++;
  }
  for (const _ in a) n--;
  return n === 0;
}

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

/**
 * An open proposal as a view shows it. The rules change an open proposal only by adding to
 * `accepted` (or by closing it), so only that is copied; with a cache it is not copied at all
 * (see ViewCache).
 */
function openProposal(p: Proposal, cache: ViewCache | undefined): Proposal {
  return cache ? p : { ...p, accepted: [...p.accepted] };
}

/**
 * The deals as views show them. Finished deals never change again (see cloneState), so they
 * are shared; an active deal is copied, but with a cache (see ViewCache). With a cache, while
 * no deal was added and none changed, the record made for the last view is reused: the rules
 * change an active deal only in its status, `yearsDone` (with a result for the year) and
 * `voidTerms` (appended to), which are compared.
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
    record[d.id] = d.status === "active" && !cache ? activeDealCopy(d) : d;
    seen.push(d, d.status, d.yearsDone, d.voidTerms.length);
  }
  if (cache) cache.dealRecord = { seen, record };
  return record;
}

function activeDealCopy(d: Deal): Deal {
  return { ...d, results: { ...d.results }, voidTerms: [...d.voidTerms] };
}
