/**
 * cachedPlayerView: the lab's speed-up of `playerView` (view.ts), and nothing more. It calls
 * the same builders and gives views equal to `playerView`'s at every step (held by
 * tests/property/viewCache.test.ts); it only avoids building again what has not changed:
 *
 * - the public parts (seats, deals, market, events, this year's proposals) are built once per
 *   change of the state and shared by every viewer's view of it;
 * - lists the rules only append to (chat, finished reports) are extended, not rebuilt, and the
 *   market's and events' lists are reused while the state holds the same list, of the same length;
 * - open proposals and active deals are shared with the state instead of copied.
 *
 * So a view made with a cache is good only until the state next changes, not after (the lab
 * asks its bot at once and takes a new view after any change): call `stateChanged` after every
 * change to the state. Views are read-only for their holders. It knows no field of a seat, a
 * deal or a report: what a view shows is decided in view.ts alone.
 */
import { proposalsThisYear } from "./records.ts";
import type { ChatMessage, Deal, GameState, Proposal, YearReport } from "./types.ts";
import {
  assembleView,
  dealRecord,
  eventList,
  type PlayerView,
  privateSeats,
  publicSeats,
  reportFor,
  type Viewer,
  visibleChat,
  visibleProposals,
} from "./view.ts";

/** What one game's views share: make one per game with `newViewCache`. */
export interface ViewCache {
  /** Bumped by `stateChanged`: the public parts are good for one version of the state. */
  version: number;
  public: PublicParts | undefined;
  /** Per viewer (see viewerKey): what the viewer was last shown of the append-only lists. */
  viewers: Map<string, ViewerParts>;
}

interface PublicParts {
  version: number;
  seats: PlayerView["seats"];
  deals: PlayerView["deals"];
  market: PlayerView["market"];
  marketFrom: GameState["market"];
  events: PlayerView["events"];
  eventsFrom: GameState["events"];
  /** This year's proposals, for the year and proposal count they were read at. */
  thisYear: Proposal[];
  year: number;
  proposalCount: number;
}

interface ViewerParts {
  chat: ChatMessage[];
  /** How much of the state's chat `chat` has read. */
  chatRead: number;
  reports: YearReport[];
  reportsOver: boolean;
}

/** A new, empty cache for one game's views. */
export function newViewCache(): ViewCache {
  return { version: 0, public: undefined, viewers: new Map() };
}

/** Tells a view cache that its state changed (after every accepted action). */
export function stateChanged(cache: ViewCache): void {
  cache.version++;
}

/** `playerView(s, viewer)`, reusing what the cache holds of this game (see above). */
export function cachedPlayerView(s: GameState, viewer: Viewer, cache: ViewCache): PlayerView {
  const common = publicParts(s, cache);
  const mine = viewerParts(s, viewer, cache);
  return assembleView(s, viewer, {
    seats: common.seats,
    private: privateSeats(s, viewer),
    proposals: visibleProposals(s, viewer, common.thisYear, sameProposal),
    deals: common.deals,
    chat: mine.chat,
    market: common.market,
    events: common.events,
    reports: mine.reports,
  });
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
    seats: publicSeats(s),
    deals: dealRecord(s, sameDeal),
    // buyers and events are only appended within a year, and a new year starts new lists
    market:
      last && unchangedList(last.marketFrom, s.market, last.market) ? last.market : [...s.market],
    marketFrom: s.market,
    events:
      last && unchangedList(last.eventsFrom, s.events, last.events) ? last.events : eventList(s),
    eventsFrom: s.events,
    thisYear: sameYear ? last.thisYear : proposalsThisYear(s),
    year: s.year,
    proposalCount: s.counters.proposal,
  };
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
    mine = { chat: [], chatRead: 0, reports: [], reportsOver: over };
    cache.viewers.set(key, mine);
  }
  // chat and finished reports are only appended to: what is new is added to the viewer's lists
  if (mine.chatRead < s.chat.length) {
    const more = visibleChat(s, viewer, mine.chatRead);
    // a new list when it grows, so that a view taken earlier keeps its own
    if (more.length > 0) mine.chat = mine.chat.concat(more);
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
