/**
 * Read-only helpers that work on a view (bots and the client only ever hold
 * one): which actions a seat may take now, what its orders may be, and what a
 * proposal would do before it is sent.
 */
import type { Scenario } from "../scenario/schema.ts";
import { contractParts } from "./contracts.ts";
import { type OrderOption, orderOptions, orderSpending } from "./orders.ts";
import { dealsInOrder, proposalsThisYear, runsIn, viewDealsInOrder } from "./records.ts";
import { ACTION_RULES } from "./reducer.ts";
import { cancellationPenalty, checkProposal, termRoles, termsValuePerYear } from "./terms.ts";
import type {
  ActionType,
  Deal,
  GameState,
  Orders,
  Phase,
  Proposal,
  RejectionCode,
  RoleId,
  Term,
} from "./types.ts";
import { own } from "./util.ts";
import type { PlayerView } from "./view.ts";

/** Seat actions, in the order of ACTION_RULES. */
const SEAT_ACTIONS = (
  Object.entries(ACTION_RULES) as [ActionType, (typeof ACTION_RULES)[ActionType]][]
).filter(([, rule]) => (rule.actors as readonly string[]).includes("seat"));

/** Phases of the only actions that depend on the seat's proposals and deals (see seatActions). */
const DEAL_FLAG_PHASES = new Set<string>(
  (["accept", "reject", "withdraw", "cancelDeal"] as const).flatMap((t) => ACTION_RULES[t].phases),
);

/** What decides which actions a seat may send now. */
interface SeatFlags {
  phase: Phase;
  paused: boolean;
  committed: boolean;
  isRival: boolean;
  crisisOnEarth: boolean;
  /** An open proposal waits for this seat's answer. */
  awaitsMe: boolean;
  /** This seat has an open proposal of its own. */
  mineOpen: boolean;
  /** This seat is party to an active deal. */
  myActiveDeal: boolean;
  /** Nobody else sits at the table (no one to chat with). */
  alone: boolean;
}

/** The flags that come from proposals (this year's, the seat a party) and deals. */
function dealFlags(
  me: RoleId,
  year: number,
  proposals: readonly Proposal[],
  deals: readonly Deal[],
): Pick<SeatFlags, "awaitsMe" | "mineOpen" | "myActiveDeal"> {
  let awaitsMe = false;
  let mineOpen = false;
  let myActiveDeal = false;
  for (const p of proposals) {
    if (p.status !== "open" || p.year !== year || !p.parties.includes(me)) continue;
    if (!p.accepted.includes(me)) awaitsMe = true;
    if (p.from === me) mineOpen = true;
  }
  for (const d of deals) {
    if (d.status === "active" && d.parties.includes(me)) {
      myActiveDeal = true;
      break;
    }
  }
  return { awaitsMe, mineOpen, myActiveDeal };
}

/** Action kinds the viewer's seat may send in the current phase. */
export function legalActionTypes(view: PlayerView): ActionType[] {
  const me = view.viewer.seat;
  if (view.viewer.kind !== "seat" || view.phase === "ended") return [];
  return [
    ...known({
      phase: view.phase,
      paused: view.paused,
      committed: view.seats[me]?.committed ?? false,
      isRival: view.rivalPair.includes(me),
      crisisOnEarth: view.crisisOnEarth,
      alone: view.order.length <= 1,
      ...dealFlags(me, view.year, Object.values(view.proposals), viewDealsInOrder(view.deals)),
    }),
  ];
}

/**
 * Whether `legalActionTypes` of this seat's view of the state would hold any of these kinds,
 * worked out from the state itself: a runner that holds the state learns whether a bot has
 * anything to do before it makes the bot a view.
 */
export function seatMaySend(s: GameState, me: RoleId, kinds: readonly ActionType[]): boolean {
  const st = s.seats[me];
  if (s.phase === "ended" || !st) return false;
  let crisisOnEarth = false;
  for (const e of s.events)
    for (const x of e.card.effects) if (x.kind === "crisisOnEarth") crisisOnEarth = true;
  const base: SeatFlags = {
    phase: s.phase,
    paused: s.paused,
    committed: st.committed,
    isRival: s.scenario.rivalPair.includes(me),
    crisisOnEarth,
    awaitsMe: false,
    mineOpen: false,
    myActiveDeal: false,
    alone: s.order.length <= 1,
  };
  // the proposal and deal flags only ever add actions (see seatActions): without them first,
  // and the proposals (a long record) are read only when that answer is no
  if (anyOf(kinds, known(base))) return true;
  if (!DEAL_FLAG_PHASES.has(s.phase)) return false;
  return anyOf(
    kinds,
    known({ ...base, ...dealFlags(me, s.year, proposalsThisYear(s), dealsInOrder(s)) }),
  );
}

function anyOf(kinds: readonly ActionType[], legal: readonly ActionType[]): boolean {
  for (const t of legal) if (kinds.includes(t)) return true;
  return false;
}

const legalMemo = new Map<string, (readonly ActionType[] | undefined)[]>();

/** The answer depends on the phase and the flags alone: it is worked out once per combination. */
function known(f: SeatFlags): readonly ActionType[] {
  const key =
    (f.paused ? 1 : 0) |
    (f.committed ? 2 : 0) |
    (f.isRival ? 4 : 0) |
    (f.crisisOnEarth ? 8 : 0) |
    (f.awaitsMe ? 16 : 0) |
    (f.mineOpen ? 32 : 0) |
    (f.myActiveDeal ? 64 : 0) |
    (f.alone ? 128 : 0);
  let byFlags = legalMemo.get(f.phase);
  if (!byFlags) {
    byFlags = [];
    legalMemo.set(f.phase, byFlags);
  }
  let out = byFlags[key];
  if (!out) {
    out = seatActions(f);
    byFlags[key] = out;
  }
  return out;
}

function seatActions(f: SeatFlags): ActionType[] {
  const out: ActionType[] = [];
  for (const [t, rule] of SEAT_ACTIONS) {
    if (!(rule.phases as readonly string[]).includes(f.phase)) continue;
    if (f.paused && !rule.whilePaused) continue;
    if ((t === "setOrders" || t === "commit" || t === "stance") && f.committed) continue;
    if (t === "stance" && !(f.isRival && f.crisisOnEarth)) continue;
    if (t === "crisisChoice" && !f.isRival) continue;
    if ((t === "accept" || t === "reject") && !f.awaitsMe) continue;
    if (t === "withdraw" && !f.mineOpen) continue;
    if (t === "cancelDeal" && !f.myActiveDeal) continue;
    if (t === "chat" && f.alone) continue;
    out.push(t);
  }
  return out;
}

/** What cancelling one of the viewer's deals would cost now, or null when it cannot be cancelled. */
export function cancelCost(view: PlayerView, scenario: Scenario, dealId: string): number | null {
  const d = own(view.deals, dealId);
  if (d?.status !== "active" || !d.parties.includes(view.viewer.seat)) return null;
  return cancellationPenalty(scenario, d);
}

/** The values each of the viewer's orders may take. */
export function orderChoices(view: PlayerView, scenario: Scenario): OrderOption[] {
  return orderOptions(scenario, view.viewer.seat, view.order);
}

/** Whether the viewer can afford these orders (what setOrders would check). */
export function ordersAffordable(view: PlayerView, scenario: Scenario, orders: Orders): boolean {
  const cash = view.private[view.viewer.seat]?.cash ?? 0;
  return orderSpending(scenario, view.viewer.seat, orders) <= cash + 1e-9;
}

export interface ProposalPreview {
  ok: boolean;
  code: RejectionCode | "";
  detail: string;
  /** Per party and per year: money paid and received, seats given and crew flown. */
  parties: Record<
    RoleId,
    { pays: number; receives: number; seatsGiven: number; crewFlown: number; capability: number }
  >;
  valuePerYear: number;
  /** What cancelling after the first year would cost the canceller. */
  cancelCostAfterFirstYear: number;
  /** Multilateral seats: a third state subsidises the purchase. */
  triangleSeats: number;
}

/** What a proposal from the viewer would do each year, and whether the engine would accept it. */
export function previewProposal(
  view: PlayerView,
  scenario: Scenario,
  parties: RoleId[],
  terms: Term[],
  years: number,
): ProposalPreview {
  return previewProposalBy(view.order, view.viewer.seat, scenario, parties, terms, years);
}

/** previewProposal for a proposal from `from` at a table of `order` (all it reads of a view). */
export function previewProposalBy(
  order: readonly RoleId[],
  from: RoleId,
  scenario: Scenario,
  parties: RoleId[],
  terms: Term[],
  years: number,
): ProposalPreview {
  const problem = checkProposal(scenario, order, from, parties, terms, years);
  const out: ProposalPreview["parties"] = {};
  const row = (r: RoleId) =>
    (out[r] ??= { pays: 0, receives: 0, seatsGiven: 0, crewFlown: 0, capability: 0 });
  for (const r of parties) row(r);
  let triangles = 0;
  if (!problem) {
    for (const t of terms) {
      for (const r of termRoles(t)) row(r);
      if (t.kind === "seatSale") {
        const sub = terms.reduce(
          (n, x) => n + (x.kind === "subsidy" && x.beneficiary === t.buyer ? x.perSeat : 0),
          0,
        );
        const subPerSeat = Math.min(sub, t.price);
        row(t.buyer).pays += (t.price - subPerSeat) * t.seats;
        row(t.provider).receives += t.price * t.seats;
        row(t.provider).seatsGiven += t.seats;
        row(t.buyer).crewFlown += t.seats;
        for (const x of terms) {
          if (x.kind !== "subsidy" || x.beneficiary !== t.buyer) continue;
          row(x.payer).pays += Math.min(x.perSeat, t.price) * t.seats;
          const st = (r: string) => scenario.roles[r]?.archetype === "state";
          if (x.payer !== t.provider && st(x.payer) && st(t.provider) && st(t.buyer))
            triangles += t.seats;
        }
      } else if (t.kind === "seatSwap") {
        row(t.a).seatsGiven += t.seats;
        row(t.b).seatsGiven += t.seats;
        row(t.a).crewFlown += t.seats;
        row(t.b).crewFlown += t.seats;
      } else if (t.kind === "contract") {
        // the state pays the cash share; the company earns the full value (contracts.ts)
        row(t.state).pays += contractParts(scenario, t.value).cash;
        row(t.company).receives += t.value;
      } else if (t.kind === "techTransfer") {
        row(t.recipient).pays += t.price;
        row(t.provider).receives += t.price;
        row(t.recipient).capability += t.points;
      }
    }
  }
  const value = problem ? 0 : termsValuePerYear(scenario, terms);
  return {
    ok: problem === null,
    code: problem?.code ?? "",
    detail: problem?.detail ?? "",
    parties: out,
    valuePerYear: value,
    cancelCostAfterFirstYear: value * Math.max(0, years - 1) * scenario.prices.cancelPenaltyShare,
    triangleSeats: triangles,
  };
}

/** The viewer's deals that run this year, oldest first (what executes at this resolution). */
export function activeDealsInView(view: PlayerView): Deal[] {
  return viewDealsInOrder(view.deals).filter((d) => runsIn(d, view.year));
}

/**
 * Seats a provider has left this year as far as a view can tell: its capacity, less its own
 * crew need, less the seats its active deals already give (sold or swapped). Events of the
 * coming resolution may still take seats away.
 */
export function seatsLeftInView(
  view: PlayerView,
  scenario: Scenario,
  role: RoleId,
  active: readonly Deal[] = activeDealsInView(view),
): number {
  const spec = scenario.roles[role];
  let left = (view.seats[role]?.capacity ?? 0) - (spec?.vehicle ? spec.crewNeed : 0);
  for (const d of active)
    for (const t of d.terms) {
      if (t.kind === "seatSale" && t.provider === role) left -= t.seats;
      else if (t.kind === "seatSwap" && (t.a === role || t.b === role) && spec?.vehicle)
        left -= t.seats;
    }
  return Math.max(0, left);
}

/**
 * Why a deal of these terms, concluded now, would fail at resolution as far as the view can
 * tell (the seats a provider has left, the seats a giver without a vehicle holds, the viewer's
 * own cash), or null when nothing visible stops it. The checks follow the resolution's
 * (resolve/deals.ts): deals execute in the order they were concluded, so a new one comes last.
 */
export function executableProblem(
  view: PlayerView,
  scenario: Scenario,
  terms: readonly Term[],
  active: readonly Deal[] = activeDealsInView(view),
): string | null {
  const left = new Map<RoleId, number>();
  const seats = (r: RoleId) => left.get(r) ?? seatsLeftInView(view, scenario, r, active);
  const held = new Map<RoleId, number>();
  const holds = (r: RoleId) => {
    const known = held.get(r);
    if (known !== undefined) return known;
    let n = 0;
    for (const d of active)
      for (const t of d.terms) {
        if (t.kind === "seatSale" && t.buyer === r) n += t.seats;
        else if (t.kind === "seatSwap" && (t.a === r || t.b === r) && !scenario.roles[r]?.vehicle)
          n -= t.seats;
      }
    return Math.max(0, n);
  };
  const short = (r: RoleId) => scenario.roles[r]?.short ?? r;
  for (const t of terms) {
    if (t.kind === "seatSale") {
      if (seats(t.provider) < t.seats) return `${short(t.provider)} has no ${t.seats} seat(s) left`;
      left.set(t.provider, seats(t.provider) - t.seats);
      held.set(t.buyer, holds(t.buyer) + t.seats);
    } else if (t.kind === "seatSwap") {
      for (const giver of [t.a, t.b]) {
        if (scenario.roles[giver]?.vehicle) {
          if (seats(giver) < t.seats) return `${short(giver)} has no ${t.seats} seat(s) to swap`;
          left.set(giver, seats(giver) - t.seats);
        } else {
          if (holds(giver) < t.seats) return `${short(giver)} holds no ${t.seats} seat(s) to swap`;
          held.set(giver, holds(giver) - t.seats);
        }
      }
    }
  }
  // the viewer's own money is the only money it sees (a subsidy may come out of its pool)
  const me = view.viewer.seat;
  const mine = view.private[me];
  if (mine) {
    const parties = [...new Set(terms.flatMap((t) => termRoles(t)))];
    const pays = previewProposalBy(view.order, me, scenario, parties, [...terms], 1).parties[me];
    if ((pays?.pays ?? 0) > mine.cash + (view.seats[me]?.pool ?? 0) + 1e-9)
      return `${short(me)} has not the cash`;
  }
  return null;
}
