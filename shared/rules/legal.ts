/**
 * Read-only helpers that work on a view (bots and the client only ever hold
 * one): which actions a seat may take now, what its orders may be, and what a
 * proposal would do before it is sent.
 */
import type { Scenario } from "../scenario/schema.ts";
import { type OrderOption, orderOptions, orderSpending } from "./orders.ts";
import { ACTION_RULES } from "./reducer.ts";
import { cancellationPenalty, checkProposal, termRoles, termsValuePerYear } from "./terms.ts";
import type { ActionType, GameState, Orders, Phase, RejectionCode, RoleId, Term } from "./types.ts";
import type { PlayerView } from "./view.ts";

/** Seat actions, in the order of ACTION_RULES. */
const SEAT_ACTIONS = (
  Object.entries(ACTION_RULES) as [ActionType, (typeof ACTION_RULES)[ActionType]][]
).filter(([, rule]) => (rule.actors as readonly string[]).includes("seat"));

/** Phases of the only actions that depend on the seat's proposals and deals (see seatActions). */
const DEAL_FLAG_PHASES = new Set<string>(
  (["accept", "reject", "withdraw", "cancelDeal"] as const).flatMap((t) => ACTION_RULES[t].phases),
);

/** Action kinds the viewer's seat may send in the current phase. */
export function legalActionTypes(view: PlayerView): ActionType[] {
  const me = view.viewer.seat;
  if (view.viewer.kind !== "seat" || view.phase === "ended") return [];
  const committed = view.seats[me]?.committed ?? false;
  const isRival = view.rivalPair.includes(me);
  // one pass over the proposals and deals answers every question below
  let awaitsMe = false;
  let mineOpen = false;
  for (const id in view.proposals) {
    const p = view.proposals[id];
    if (p?.status !== "open") continue;
    if (!p.accepted.includes(me)) awaitsMe = true;
    if (p.from === me) mineOpen = true;
  }
  let myActiveDeal = false;
  for (const id in view.deals) {
    const d = view.deals[id];
    if (d?.status === "active" && d.parties.includes(me)) {
      myActiveDeal = true;
      break;
    }
  }
  return [
    ...known(
      view.phase,
      view.paused,
      committed,
      isRival,
      view.crisisOnEarth,
      awaitsMe,
      mineOpen,
      myActiveDeal,
      view.order.length,
    ),
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
  const isRival = s.scenario.rivalPair.includes(me);
  let crisisOnEarth = false;
  for (const e of s.events)
    for (const x of e.card.effects) if (x.kind === "crisisOnEarth") crisisOnEarth = true;
  const n = s.order.length;
  // the proposal and deal flags only ever add actions (see seatActions): without them first,
  // and the proposals (a long record) are read only when that answer is no
  if (
    anyOf(
      kinds,
      known(s.phase, s.paused, st.committed, isRival, crisisOnEarth, false, false, false, n),
    )
  )
    return true;
  if (!DEAL_FLAG_PHASES.has(s.phase)) return false;
  let awaitsMe = false;
  let mineOpen = false;
  let myActiveDeal = false;
  // a view holds this year's proposals the seat is party to, and every deal (see playerView)
  for (const id in s.proposals) {
    const p = s.proposals[id];
    if (p?.status !== "open" || p.year !== s.year || !p.parties.includes(me)) continue;
    if (!p.accepted.includes(me)) awaitsMe = true;
    if (p.from === me) mineOpen = true;
  }
  for (const id in s.deals) {
    const d = s.deals[id];
    if (d?.status === "active" && d.parties.includes(me)) {
      myActiveDeal = true;
      break;
    }
  }
  return anyOf(
    kinds,
    known(
      s.phase,
      s.paused,
      st.committed,
      isRival,
      crisisOnEarth,
      awaitsMe,
      mineOpen,
      myActiveDeal,
      n,
    ),
  );
}

function anyOf(kinds: readonly ActionType[], legal: readonly ActionType[]): boolean {
  for (const t of legal) if (kinds.includes(t)) return true;
  return false;
}

/** The answer depends on the phase and these flags alone: it is worked out once per combination. */
function known(
  phase: Phase,
  paused: boolean,
  committed: boolean,
  isRival: boolean,
  crisisOnEarth: boolean,
  awaitsMe: boolean,
  mineOpen: boolean,
  myActiveDeal: boolean,
  seats: number,
): readonly ActionType[] {
  const flags =
    (paused ? 1 : 0) |
    (committed ? 2 : 0) |
    (isRival ? 4 : 0) |
    (crisisOnEarth ? 8 : 0) |
    (awaitsMe ? 16 : 0) |
    (mineOpen ? 32 : 0) |
    (myActiveDeal ? 64 : 0) |
    (seats <= 1 ? 128 : 0);
  let byFlags = legalMemo.get(phase);
  if (!byFlags) {
    byFlags = [];
    legalMemo.set(phase, byFlags);
  }
  let out = byFlags[flags];
  if (!out) {
    out = seatActions(
      phase,
      paused,
      committed,
      isRival,
      crisisOnEarth,
      awaitsMe,
      mineOpen,
      myActiveDeal,
      seats,
    );
    byFlags[flags] = out;
  }
  return out;
}

const legalMemo = new Map<string, (readonly ActionType[] | undefined)[]>();

function seatActions(
  phase: Phase,
  paused: boolean,
  committed: boolean,
  isRival: boolean,
  crisisOnEarth: boolean,
  awaitsMe: boolean,
  mineOpen: boolean,
  myActiveDeal: boolean,
  seats: number,
): ActionType[] {
  const out: ActionType[] = [];
  for (const [t, rule] of SEAT_ACTIONS) {
    if (!(rule.phases as readonly string[]).includes(phase)) continue;
    if (paused && !rule.whilePaused) continue;
    if ((t === "setOrders" || t === "commit" || t === "stance") && committed) continue;
    if (t === "stance" && !(isRival && crisisOnEarth)) continue;
    if (t === "crisisChoice" && !isRival) continue;
    if ((t === "accept" || t === "reject") && !awaitsMe) continue;
    if (t === "withdraw" && !mineOpen) continue;
    if (t === "cancelDeal" && !myActiveDeal) continue;
    if (t === "chat" && seats <= 1) continue;
    out.push(t);
  }
  return out;
}

/** What cancelling one of the viewer's deals would cost now, or null when it cannot be cancelled. */
export function cancelCost(view: PlayerView, scenario: Scenario, dealId: string): number | null {
  const d = view.deals[dealId];
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
        row(t.state).pays += t.value;
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
