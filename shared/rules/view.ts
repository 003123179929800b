/**
 * playerView: what one viewer may see. This is the specification of hidden
 * information; the server's synced state must equal it for every viewer.
 * A view never contains the seed, the random state, another seat's private
 * fields, proposals it is not party to, or channels it is not in.
 */
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
  Term,
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
    const o = out as unknown as Record<string, unknown>;
    for (const k in o) if (k !== "transfers") o[k] = copyJson(o[k]);
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
export function playerView(s: GameState, viewer: Viewer): PlayerView {
  const me = viewer.kind === "seat" ? viewer.seat : "";
  const all = viewer.kind === "facilitator";
  const canSee = (role: RoleId) => all || role === me;
  const over = s.phase === "ended";
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
  const priv: Record<RoleId, PrivateSeat> = {};
  for (const role of s.order) if (canSee(role)) priv[role] = privateSeat(s, role);
  // Closed proposals, finished deals and chat messages never change again (see cloneState), so
  // they are shared. An open proposal or an active deal still changes, but only in the fields
  // copied here: their parties and terms are fixed when they are made.
  const proposals: Record<string, Proposal> = {};
  for (const id in s.proposals) {
    const p = s.proposals[id] as Proposal;
    // this year's proposals only: earlier ones are closed, and what they concluded is in the deals
    if (p.year !== s.year) continue;
    if (all || p.parties.includes(me))
      proposals[p.id] = p.status === "open" ? { ...p, accepted: [...p.accepted] } : p;
  }
  const deals: Record<string, Deal> = {};
  for (const id in s.deals) {
    const d = s.deals[id] as Deal;
    deals[d.id] =
      d.status === "active" ? { ...d, results: { ...d.results }, voidTerms: [...d.voidTerms] } : d;
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
    rivalPair: [...s.scenario.rivalPair],
    tension: s.tension,
    cooperation: s.cooperation,
    order: [...s.order],
    seats,
    private: priv,
    proposals,
    deals,
    chat,
    // buyers are added to the market, never changed
    market: [...s.market],
    events: s.events.map((e) => ({
      id: e.card.id,
      title: e.card.title,
      note: e.card.note,
      injected: e.injected,
    })),
    crisisOnEarth: s.events.some((e) => e.card.effects.some((x) => x.kind === "crisisOnEarth")),
    reports: s.reports.map((r) =>
      cachedReportFor(s, r, canSee, over, viewer.kind === "seat" ? `seat:${me}` : viewer.kind),
    ),
    pending: s.pending ? reportFor(s, s.pending, canSee, over, false) : null,
    outcome: s.outcome ? copyJson(s.outcome) : null,
  };
}

/** The terms of a deal, for code that only holds a view. */
export function dealTerms(view: PlayerView, deal: string): Term[] {
  return view.deals[deal]?.terms ?? [];
}
