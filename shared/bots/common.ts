/**
 * What every strategy bot shares: reading its view (seats secured, spare
 * capacity, prices, last year's report) and turning a policy's wishes into
 * legal actions only — a strategy bot never sends an action the engine refuses.
 */

import { civilFundingValue, civilTarget } from "../rules/civilFunding.ts";
import {
  executableProblem,
  legalActionTypes,
  ordersAffordable,
  previewProposal,
  previewProposalBy,
  seatsLeftInView,
} from "../rules/legal.ts";
import { type CostlyOrder, checkOrder } from "../rules/orders.ts";
import { runsIn, viewDealsInOrder } from "../rules/records.ts";
import type {
  ActionBody,
  ActionType,
  Deal,
  Orders,
  Proposal,
  RoleId,
  Term,
  YearReport,
} from "../rules/types.ts";
import { pairKey } from "../rules/util.ts";
import type { PlayerView } from "../rules/view.ts";
import type { Scenario } from "../scenario/schema.ts";
import type { Bot, BotContext } from "./types.ts";

export interface Offer {
  parties: RoleId[];
  terms: Term[];
  years: number;
  note: string;
}

/** A strategy: what it wants; `makeBot` turns it into legal actions. */
export interface Policy {
  name: string;
  /** Orders for this year (only the role's own kinds are kept). */
  orders(ctx: Ctx): Partial<Orders>;
  /** Proposals to make at the start of negotiation. */
  offers(ctx: Ctx): Offer[];
  /** Proposals that build on deals concluded earlier this phase (asked on the second turn). */
  followUps?(ctx: Ctx): Offer[];
  /** Whether to accept a proposal waiting for this seat's answer. */
  accepts(ctx: Ctx, p: Proposal): boolean;
  crisis(ctx: Ctx): "firm" | "deescalate";
  stance(ctx: Ctx): "link" | "compartmentalise";
  /**
   * Proposes only deals the seat can see are executable (executableProblem: seats left,
   * seats held, its own cash), so it adds no failed deal, and no failed-deal tension, it could foresee.
   */
  onlyExecutable?: boolean;
}

/** Everything a policy reads, computed once per decision. */
export interface Ctx {
  view: PlayerView;
  sc: Scenario;
  me: RoleId;
  random: () => number;
  last: YearReport | null;
  cash: number;
  orders: Orders;
  rival: RoleId | null;
  isState(r: RoleId): boolean;
  hasVehicle(r: RoleId): boolean;
  /** Crew seats already bought or swapped for `r` this year by active deals. */
  secured(r: RoleId): number;
  /** Counts a proposal this seat accepts or makes as if concluded (for secured and spare). */
  promise(p: { terms: readonly Term[] }): void;
  /** Seats a provider can still sell this year (capacity − own crew − deals). */
  spare(r: RoleId): number;
  /** Why a deal of these terms would fail at resolution, as far as this seat can see (or null). */
  unexecutable(terms: readonly Term[]): string | null;
  /** Crew need of `r` this year. */
  need(r: RoleId): number;
  price(r: RoleId): number;
  yearsLeft: number;
}

/** Deals active this year. */
function activeThisYear(view: PlayerView): readonly Deal[] {
  const out: Deal[] = [];
  for (const d of viewDealsInOrder(view.deals)) if (runsIn(d, view.year)) out.push(d);
  return out;
}

/**
 * The context of one decision. A class, so that its helpers live on the prototype instead of
 * being made afresh for every decision (the lab makes tens of thousands a second).
 */
class DecisionCtx implements Ctx {
  readonly view: PlayerView;
  readonly sc: Scenario;
  readonly me: RoleId;
  readonly random: () => number;
  readonly last: YearReport | null;
  readonly cash: number;
  readonly orders: Orders;
  readonly rival: RoleId | null;
  readonly yearsLeft: number;
  private readonly deals: readonly Deal[];
  // seats in proposals this seat has accepted that are not concluded yet: counted as bought
  // (or sold), so a bot neither buys the same crew seats twice nor sells a seat twice
  private readonly pending: Record<string, { bought: number; sold: number }> = {};

  constructor(view: PlayerView, sc: Scenario, random: () => number) {
    const me = view.viewer.seat;
    const [a, b] = view.rivalPair;
    this.view = view;
    this.sc = sc;
    this.me = me;
    this.random = random;
    this.last = view.reports[view.reports.length - 1] ?? null;
    this.cash = view.private[me]?.cash ?? 0;
    this.orders = view.private[me]?.orders as Orders;
    this.rival = me === a ? (b ?? null) : me === b ? (a ?? null) : null;
    this.yearsLeft = view.lastYear - view.year;
    this.deals = activeThisYear(view);
    for (const id in view.proposals) {
      const p = view.proposals[id];
      if (p && p.status === "open" && p.accepted.includes(me)) this.promise(p);
    }
  }

  isState(r: RoleId): boolean {
    return this.sc.roles[r]?.archetype === "state";
  }

  hasVehicle(r: RoleId): boolean {
    return Boolean(this.sc.roles[r]?.vehicle);
  }

  need(r: RoleId): number {
    return this.sc.roles[r]?.crewNeed ?? 0;
  }

  price(r: RoleId): number {
    return this.view.seats[r]?.listPrice ?? 0;
  }

  promise(p: { terms: readonly Term[] }): void {
    for (const t of p.terms) {
      if (t.kind !== "seatSale") continue;
      const buyer = this.pending[t.buyer] ?? { bought: 0, sold: 0 };
      this.pending[t.buyer] = buyer;
      buyer.bought += t.seats;
      const provider = this.pending[t.provider] ?? { bought: 0, sold: 0 };
      this.pending[t.provider] = provider;
      provider.sold += t.seats;
    }
  }

  secured(r: RoleId): number {
    let n = this.pending[r]?.bought ?? 0;
    for (const d of this.deals)
      for (const t of d.terms) if (t.kind === "seatSale" && t.buyer === r) n += t.seats;
    return n;
  }

  spare(r: RoleId): number {
    // the engine's count (legal.ts), less what this seat has promised in accepted proposals
    const left = seatsLeftInView(this.view, this.sc, r, this.deals);
    return Math.max(0, left - (this.pending[r]?.sold ?? 0));
  }

  /** Why a deal of these terms would fail at resolution, as far as this seat can see. */
  unexecutable(terms: readonly Term[]): string | null {
    return executableProblem(this.view, this.sc, terms, this.deals);
  }
}

export function makeCtx(view: PlayerView, sc: Scenario, random: () => number): Ctx {
  return new DecisionCtx(view, sc, random);
}

/** The orders that cost money (ORDER_COSTS), in the order a bot gives them up when short of cash. */
const DROP_FIRST = [
  "flightsNextYear",
  "programmeInvestment",
  "subsidyPool",
  "crewFunding",
  "extraCrew",
  "readinessMode",
] as const satisfies readonly CostlyOrder[];

/** Keeps only the orders this role has and may set to these values, and only if affordable. */
function legalOrders(c: Ctx, wanted: Partial<Orders>): Partial<Orders> | null {
  const out: Record<string, unknown> = {};
  for (const k in wanted) {
    const v = (wanted as Record<string, unknown>)[k];
    if (v === undefined || (c.orders as unknown as Record<string, unknown>)[k] === v) continue;
    if (checkOrder(c.sc, c.me, c.view.order, k, v) === null) out[k] = v;
  }
  if (Object.keys(out).length === 0) return null;
  let next = { ...c.orders, ...out } as Orders;
  // drop the costliest wishes until the orders are affordable
  for (const k of DROP_FIRST) {
    if (ordersAffordable(c.view, c.sc, next)) break;
    if (k in out) {
      delete out[k];
      next = { ...c.orders, ...out } as Orders;
    }
  }
  if (!ordersAffordable(c.view, c.sc, next) || Object.keys(out).length === 0) return null;
  return out as Partial<Orders>;
}

const LATER_TURNS: readonly ActionType[] = ["crisisChoice", "stance", "accept", "reject"];
const SECOND_TURN: readonly ActionType[] = [...LATER_TURNS, "propose"];
const FIRST_TURN: readonly ActionType[] = [...SECOND_TURN, "setOrders"];

/** Turns a policy into a bot that only sends legal actions. */
export function makeBot(policy: Policy): Bot {
  return {
    name: policy.name,
    // act sends nothing, and calls no policy, unless one of these is legal: orders on the first
    // turn only, proposals on the first and (with follow-ups) the second
    sends: (turn) =>
      turn === 0 ? FIRST_TURN : turn === 1 && policy.followUps ? SECOND_TURN : LATER_TURNS,
    act(view: PlayerView, bctx: BotContext): ActionBody[] {
      const c = makeCtx(view, bctx.scenario, bctx.random);
      const legal = legalActionTypes(view);
      const out: ActionBody[] = [];
      if (legal.includes("crisisChoice") && view.private[c.me]?.crisisChoice === "")
        out.push({ type: "crisisChoice", choice: policy.crisis(c) });
      if (legal.includes("stance") && view.seats[c.me]?.stance === "")
        out.push({ type: "stance", stance: policy.stance(c) });
      // a bot standing in for people who left never overwrites the orders they set this year
      if (legal.includes("setOrders") && bctx.turn === 0 && !view.private[c.me]?.ordersTouched) {
        const orders = legalOrders(c, policy.orders(c));
        if (orders) out.push({ type: "setOrders", orders });
      }
      if (legal.includes("accept")) {
        for (const p of Object.values(view.proposals)) {
          if (p.status !== "open" || p.accepted.includes(c.me)) continue;
          if (policy.accepts(c, p)) {
            out.push({ type: "accept", proposal: p.id });
            c.promise(p);
          } else out.push({ type: "reject", proposal: p.id });
        }
      }
      if (legal.includes("propose") && bctx.turn <= 1) {
        const wishes = bctx.turn === 0 ? policy.offers(c) : (policy.followUps?.(c) ?? []);
        for (const o of wishes) {
          if (policy.onlyExecutable && c.unexecutable(o.terms) !== null) continue;
          if (previewProposal(view, c.sc, o.parties, o.terms, o.years).ok) {
            c.promise(o);
            out.push({
              type: "propose",
              parties: o.parties,
              terms: o.terms,
              years: o.years,
              replaces: null,
              note: o.note,
            });
          }
        }
      }
      return out;
    },
  };
}

// ------------------------------------------------------------------ shared judgements

/** What a proposal does for this seat per year: money in minus out, crew flown, seats given. */
export function valueFor(c: Ctx, p: Proposal) {
  const pv = previewProposalBy(c.view.order, p.from, c.sc, p.parties, p.terms, p.years);
  const mine = pv.parties[c.me] ?? {
    pays: 0,
    receives: 0,
    seatsGiven: 0,
    crewFlown: 0,
    capability: 0,
  };
  return { ...mine, net: mine.receives - mine.pays, valid: pv.ok };
}

/**
 * The scenario's price step (its market prices are multiples of it): bots state their margins
 * in steps, so no bot carries a money figure of one scenario.
 */
export function priceStep(c: Ctx): number {
  return c.sc.market.priceRounding;
}

/**
 * A seller's judgement: every seat it gives must fit its spare capacity and pay at least its
 * cost plus `steps` price steps.
 */
export function fairSale(c: Ctx, p: Proposal, steps: number): boolean {
  for (const t of p.terms) {
    if (t.kind === "seatSale" && t.provider === c.me) {
      const cost = c.sc.roles[c.me]?.vehicle?.marginalSeatCost ?? 0;
      if (t.seats > c.spare(c.me) || t.price < cost + steps * priceStep(c)) return false;
    }
  }
  return true;
}

/** A buyer's judgement: it can pay for what it buys (cash now, including subsidies it pays). */
export function canPay(c: Ctx, p: Proposal): boolean {
  const v = valueFor(c, p);
  return v.valid && v.pays <= c.cash * 0.9;
}

/** The cheapest providers with spare seats this year, cheapest first (excluding some). */
export function sellers(c: Ctx, exclude: RoleId[] = []): RoleId[] {
  return c.view.order
    .filter((r) => r !== c.me && c.hasVehicle(r) && c.spare(r) > 0 && !exclude.includes(r))
    .sort((x, y) => c.price(x) - c.price(y) || c.view.order.indexOf(x) - c.view.order.indexOf(y));
}

/** A purchase of up to n seats from a provider at its list price. */
export function buy(c: Ctx, provider: RoleId, n: number, note: string, years = 1): Offer | null {
  const seats = Math.min(n, c.spare(provider));
  if (seats <= 0) return null;
  const price = Math.max(
    c.price(provider),
    (c.sc.roles[provider]?.vehicle?.marginalSeatCost ?? 0) + 2 * priceStep(c),
  );
  if (price * seats > c.cash * 0.9) return null;
  return {
    parties: [c.me, provider],
    terms: [{ kind: "seatSale", provider, buyer: c.me, seats, price }],
    years,
    note,
  };
}

/** The published diversion estimate of the watched rival last year. */
export function lastEstimate(c: Ctx): number {
  if (!c.last) return 0;
  return Math.max(0, ...Object.values(c.last.diversionEstimate));
}

/** This seat's vulnerability toward its rival last year. */
export function myVulnerability(c: Ctx): number {
  if (!c.last || !c.rival) return 0;
  return c.last.vulnerability[pairKey(c.me, c.rival)] ?? 0;
}

/** Crew seats this seat still has to buy this year (none for a role flying its own vehicle). */
export function missingCrew(c: Ctx): number {
  return c.hasVehicle(c.me) ? 0 : c.need(c.me) - c.secured(c.me);
}

/** Offers to buy `missing` crew seats from every provider but `exclude`, cheapest first. */
export function buyCrew(c: Ctx, exclude: RoleId[], missing: number, note: string): Offer[] {
  const out: Offer[] = [];
  for (const p of sellers(c, exclude)) {
    if (missing <= 0) break;
    const o = buy(c, p, missing, note);
    if (o) {
      out.push(o);
      missing -= (o.terms[0] as { seats: number }).seats;
    }
  }
  return out;
}

/** The scenario's diversion levels above 0, lowest first. */
export function diversionSteps(c: Ctx): number[] {
  return [...c.sc.orders.diversionLevels].filter((x) => x > 0).sort((a, b) => a - b);
}

/** The list price the scenario starts this seat at (its own current price without one). */
export function scenarioListPrice(c: Ctx): number {
  return c.sc.roles[c.me]?.defaultOrders.listPrice ?? c.price(c.me);
}

/**
 * Whether this seat is threatened (GAME.md, "Bots"): exposed to its rival (vulnerability at the
 * crisis's leverage level), sanctioned by it, armed against (the rival's published diversion
 * estimate at its lowest level, or its covert sale detected), or T at least the scenario's
 * `threatTensionRise` above where the game started. Never merely "T is high".
 */
export function threatened(c: Ctx): boolean {
  const rival = c.rival;
  if (!rival) return false;
  if (myVulnerability(c) >= c.sc.crisis.leverageVulnerability) return true;
  const last = c.last;
  if (last) {
    if (last.tensionTerms.some((t) => t.detail.cause === "sanctions" && t.detail.by === rival))
      return true;
    const lowest = diversionSteps(c)[0];
    const est = last.diversionEstimate[rival];
    if (est !== undefined && lowest !== undefined && est >= lowest) return true;
    if (last.covertDetected.includes(rival)) return true;
  }
  return c.view.tension >= c.sc.startTension + c.sc.bots.realist.threatTensionRise;
}

/** What the rival chose in the latest crisis, or null before any crisis. */
export function rivalsLastCrisisChoice(c: Ctx): string | null {
  if (!c.rival) return null;
  for (let i = c.view.reports.length - 1; i >= 0; i--) {
    const crisis = c.view.reports[i]?.crisis;
    if (crisis) return crisis.choices[c.rival] ?? null;
  }
  return null;
}

/**
 * Points this seat expects to lose if T rises by `dT` now: its low-tension objective each
 * remaining year as the shock fades with the scenario's drift, and the peace dividend at the
 * end (unless T is already past where the dividend is 0). A forecast from the view and the
 * scenario, not the engine's rule.
 */
export function tensionCost(c: Ctx, dT: number): number {
  const low = c.sc.roles[c.me]?.objectives.find((o) => o.kind === "lowTension");
  const keep = 1 - c.sc.tension.drift;
  let years = 0;
  for (let k = 0, f = 1; k <= c.yearsLeft; k++, f *= keep) years += f;
  const d = c.sc.scoring;
  const fadedAtEnd = keep ** c.yearsLeft;
  const peace =
    c.view.tension < d.peaceDividendZeroAt
      ? (d.peaceDividendMax / d.peaceDividendSpan) * fadedAtEnd
      : 0;
  return dT * (((low?.points ?? 0) / 100) * years + peace);
}

/** Points this seat expects to lose if the final T (after the last year) rises by `dT`: the peace dividend. */
export function finalTensionCost(c: Ctx, dT: number): number {
  const d = c.sc.scoring;
  return c.view.tension < d.peaceDividendZeroAt
    ? (dT * d.peaceDividendMax) / d.peaceDividendSpan
    : 0;
}

/** This seat's civil funding last year (its target before the first year). */
export function lastCivilFunding(c: Ctx): number {
  return c.last?.civilFunding[c.me] ?? civilTarget(c.sc, c.me);
}

/** What `amount` more civil funding this year is worth to this seat's score (engine rule). */
export function moneyPoints(c: Ctx, amount: number): number {
  return civilFundingValue(c.sc, c.me, lastCivilFunding(c), amount);
}
