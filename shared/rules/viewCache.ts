/**
 * cachedPlayerView: the lab's speed-up of `playerView` (view.ts), and nothing more. It calls
 * the same builders and gives views equal to `playerView`'s at every step (held by
 * tests/property/viewCache.test.ts); it only avoids building again what has not changed:
 *
 * - the public parts (seats, deals, market, events, this year's proposals) are built once per
 *   change of the state and shared by every viewer's view of it;
 * - a seat (public, or a viewer's private one) that shows the same as the one made before is
 *   that one: the seat builders compare field by field as they build (`Keep`, view.ts), so the
 *   fields are listed once, there;
 * - the deal record is kept while no deal is added, lists the rules only append to (chat,
 *   finished reports) are extended, not rebuilt, and the market's and events' lists are reused
 *   while the state holds the same list, of the same length;
 * - open proposals and active deals are shared with the state instead of copied.
 *
 * So a view made with a cache is good only until the state next changes, not after (the lab
 * asks its bot at once and takes a new view after any change): call `stateChanged` after every
 * change to the state. Views are read-only for their holders. Keeping what did not change also
 * keeps the garbage collector's marking short (docs/PERFORMANCE.md, round 6).
 */
import { proposalStamp, proposalsThisYear } from "./records.ts";
import type { ChatMessage, Deal, GameState, Proposal, RoleId, YearReport } from "./types.ts";
import {
  assembleView,
  crisisOnEarth,
  dealRecord,
  eventList,
  type PlayerView,
  privateSeatFor,
  publicSeat,
  reportFor,
  seatRecord,
  type Viewer,
  visibleChat,
  visibleProposals,
} from "./view.ts";

/** What one game's views share: make one per game with `newViewCache`. */
export interface ViewCache {
  /**
   * The state the cache holds parts of. It holds the state's own objects (deals, proposals,
   * lists), so it serves a state changed in place (reduceInPlace, as playGame does); given
   * another state object it starts afresh, which is correct but saves nothing.
   */
  state: GameState | undefined;
  /** Bumped by `stateChanged`: the public parts are good for one version of the state. */
  version: number;
  public: PublicParts | undefined;
  /** Per viewer (see viewerKey): what the viewer was last shown of the append-only lists. */
  viewers: Map<string, ViewerParts>;
}

interface PublicParts {
  version: number;
  rivalPair: PlayerView["rivalPair"];
  order: PlayerView["order"];
  seats: PlayerView["seats"];
  deals: PlayerView["deals"];
  /** How many deals `deals` holds (deals are only added, counted in counters.deal). */
  dealCount: number;
  market: PlayerView["market"];
  marketFrom: GameState["market"];
  events: PlayerView["events"];
  crisisOnEarth: boolean;
  eventsFrom: GameState["events"];
  /** This year's proposals, for the year and proposal count they were read at. */
  thisYear: Proposal[];
  /**
   * The sum of this year's proposals' `proposalStamp`s. A stamp only grows (accepted is only
   * added to, and a status only leaves "open"), so the sum holds exactly while no proposal of
   * `thisYear` changed.
   */
  proposalSum: number;
  year: number;
  proposalCount: number;
}

interface ViewerParts {
  /** The private seats the viewer was last shown, kept while they show the state as it is. */
  private: PlayerView["private"];
  chat: ChatMessage[];
  /** How much of the state's chat `chat` has read. */
  chatRead: number;
  reports: YearReport[];
  reportsOver: boolean;
  /** The viewer's proposals record, made from `proposalsFrom` when its sum was `proposalSum`. */
  proposals: PlayerView["proposals"];
  proposalsFrom: Proposal[] | undefined;
  proposalSum: number;
}

/** A new, empty cache for one game's views. */
export function newViewCache(): ViewCache {
  return { state: undefined, version: 0, public: undefined, viewers: new Map() };
}

/** Tells a view cache that its state changed (after every accepted action). */
export function stateChanged(cache: ViewCache): void {
  cache.version++;
}

/** `playerView(s, viewer)`, reusing what the cache holds of this game (see above). */
export function cachedPlayerView(s: GameState, viewer: Viewer, cache: ViewCache): PlayerView {
  if (cache.state !== s) {
    cache.state = s;
    cache.public = undefined;
    cache.viewers.clear();
  }
  const common = publicParts(s, cache);
  const mine = viewerParts(s, viewer, cache);
  return assembleView(s, viewer, {
    rivalPair: common.rivalPair,
    order: common.order,
    seats: common.seats,
    private: mine.private,
    proposals: keptProposals(s, viewer, mine, common),
    deals: common.deals,
    chat: mine.chat,
    market: common.market,
    events: common.events,
    crisisOnEarth: common.crisisOnEarth,
    reports: mine.reports,
  });
}

/**
 * The viewer's proposals: the record made before while this year's list and the sum of its
 * stamps are the same (no proposal was added or changed), else a new one. A kept record keeps
 * a long negotiation's views from costing every viewer all its proposals at every action.
 */
function keptProposals(
  s: GameState,
  viewer: Viewer,
  mine: ViewerParts,
  common: PublicParts,
): PlayerView["proposals"] {
  if (mine.proposalsFrom === common.thisYear && mine.proposalSum === common.proposalSum)
    return mine.proposals;
  mine.proposals = visibleProposals(s, viewer, common.thisYear, sameProposal);
  mine.proposalsFrom = common.thisYear;
  mine.proposalSum = common.proposalSum;
  return mine.proposals;
}

/** The cache shares open proposals and active deals with the state: good until it changes. */
const sameProposal = (p: Proposal): Proposal => p;
const sameDeal = (d: Deal): Deal => d;

function publicParts(s: GameState, cache: ViewCache): PublicParts {
  const last = cache.public;
  if (last && last.version === cache.version) return last;
  // proposals are only added (counted in counters.proposal) and keep their year
  const sameYear =
    last !== undefined && last.year === s.year && last.proposalCount === s.counters.proposal;
  const parts: PublicParts = {
    version: cache.version,
    rivalPair: last ? last.rivalPair : [...s.scenario.rivalPair],
    order: last && sameList(last.order, s.order) ? last.order : [...s.order],
    seats: keptSeats(s, last ? last.seats : {}, (role, was) => publicSeat(s, role, was)),
    // the record shares the deals with the state, so it changes only when a deal is added
    deals: last && last.dealCount === s.counters.deal ? last.deals : dealRecord(s, sameDeal),
    dealCount: s.counters.deal,
    // buyers and events are only appended within a year, and a new year starts new lists
    market:
      last && unchangedList(last.marketFrom, s.market, last.market) ? last.market : [...s.market],
    marketFrom: s.market,
    ...(last && unchangedList(last.eventsFrom, s.events, last.events)
      ? { events: last.events, crisisOnEarth: last.crisisOnEarth }
      : { events: eventList(s), crisisOnEarth: crisisOnEarth(s) }),
    eventsFrom: s.events,
    thisYear: sameYear ? last.thisYear : proposalsThisYear(s),
    proposalSum: 0,
    year: s.year,
    proposalCount: s.counters.proposal,
  };
  for (const p of parts.thisYear) parts.proposalSum += proposalStamp(p);
  cache.public = parts;
  return parts;
}

/** Whether a list derived from the state's list `from` still matches `now` (only ever appended to). */
function unchangedList(
  from: readonly unknown[],
  now: readonly unknown[],
  derived: readonly unknown[],
): boolean {
  return from === now && derived.length === now.length;
}

/** A viewer's key: a role id, or a name no role id has (ids have no spaces). */
function viewerKey(viewer: Viewer): string {
  return viewer.kind === "seat" ? viewer.seat : ` ${viewer.kind}`;
}

function viewerParts(s: GameState, viewer: Viewer, cache: ViewCache): ViewerParts {
  const key = viewerKey(viewer);
  const over = s.phase === "ended";
  let mine = cache.viewers.get(key);
  if (!mine || mine.chatRead > s.chat.length || mine.reports.length > s.reports.length) {
    mine = {
      private: {},
      chat: [],
      chatRead: 0,
      reports: [],
      reportsOver: over,
      proposals: {},
      proposalsFrom: undefined,
      proposalSum: -1,
    };
    cache.viewers.set(key, mine);
  }
  mine.private = keptSeats(s, mine.private, (role, was) => privateSeatFor(s, viewer, role, was));
  // chat and finished reports are only appended to: what is new is added to the viewer's lists
  if (mine.chatRead < s.chat.length) {
    // appended in place: a view is good only until the state changes (above), and copying
    // the list made each message cost every viewer its whole chat history (bench:alloc)
    for (const m of visibleChat(s, viewer, mine.chatRead)) mine.chat.push(m);
    mine.chatRead = s.chat.length;
  }
  if (mine.reportsOver !== over) {
    // the game's end shows every seat's scores in every report
    mine.reports = [];
    mine.reportsOver = over;
  }
  if (mine.reports.length < s.reports.length) {
    const reports = mine.reports.slice();
    for (let i = reports.length; i < s.reports.length; i++)
      reports.push(reportFor(s.reports[i] as YearReport, viewer, over, true));
    mine.reports = reports;
  }
  return mine;
}

/**
 * The seats `shown` gives (seatRecord, view.ts), each made from the one in `before` (which
 * the builder returns itself when it is unchanged), and `before` itself when every seat is.
 * A fresh seat is cheap to make and dies young; keeping the earlier ones keeps the objects a
 * game holds between views from changing, which the collector pays for while it marks
 * (docs/PERFORMANCE.md, round 6).
 */
function keptSeats<T extends object>(
  s: GameState,
  before: Record<RoleId, T>,
  shown: (role: RoleId, was: T | undefined) => T | undefined,
): Record<RoleId, T> {
  let same = true;
  let n = 0;
  const made = seatRecord(s, (role) => {
    const was = before[role];
    const seat = shown(role, was);
    if (seat === undefined) return undefined;
    n++;
    if (seat !== was) same = false;
    return seat;
  });
  for (const _ in before) n--;
  return same && n === 0 ? before : made;
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
