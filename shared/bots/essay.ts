/**
 * The four US policies of the essay study (GAME.md, "Policy lab"). Each is the
 * Liberal US (no sanctions, funds its own company, reciprocates in crises, keeps its
 * pledges) with one change: where its crew flies and whom it pays. Keeping everything else equal
 * is what lets the lab compare the seat policies and nothing else.
 */
import { runsIn, viewDealsInOrder } from "../rules/records.ts";
import type { Proposal, RoleId } from "../rules/types.ts";
import { buy, buyCrew, type Ctx, makeBot, missingCrew, type Offer, type Policy } from "./common.ts";
import { liberalPolicy } from "./liberal.ts";
import type { Bot } from "./types.ts";

/** Seats the US and Russia trade each year under "swaps only" (one integrated crew member each way). */
const SWAP_SEATS = 1;

/** The liberal orders without the subsidy pool (only the "subsidise" policy signals one). */
function baseOrders(c: Ctx) {
  return { ...liberalPolicy.orders(c), subsidyPool: 0 };
}

/** Whether a proposal makes this seat buy seats from, or swap seats with, the rival. */
function tiesToRival(c: Ctx, p: Proposal, swaps: boolean): boolean {
  return p.terms.some(
    (t) =>
      (t.kind === "seatSale" && t.buyer === c.me && t.provider === c.rival) ||
      (swaps && t.kind === "seatSwap" && (t.a === c.rival || t.b === c.rival)),
  );
}

/** Whether a proposal buys this seat more crew seats than it still needs this year. */
function overBuys(c: Ctx, p: Proposal): boolean {
  const bought = p.terms.reduce(
    (n, t) => n + (t.kind === "seatSale" && t.buyer === c.me ? t.seats : 0),
    0,
  );
  return bought > 0 && bought > missingCrew(c);
}

/** What every essay policy refuses, whatever its seat policy: paying twice for the same crew. */
function acceptsBase(c: Ctx, p: Proposal): boolean {
  return !overBuys(c, p) && liberalPolicy.accepts(c, p);
}

/** (a) The US keeps buying Soyuz seats from its rival for its crew; the rest fly with SpaceX. */
export const statusQuoPolicy: Policy = {
  ...liberalPolicy,
  name: "statusQuo",
  orders: baseOrders,
  followUps: () => [],
  offers(c) {
    let missing = missingCrew(c);
    if (missing <= 0) return [];
    const out: Offer[] = [];
    if (c.rival && c.spare(c.rival) > 0) {
      const o = buy(c, c.rival, missing, "the Soyuz ride, as before");
      if (o) {
        out.push(o);
        missing -= (o.terms[0] as { seats: number }).seats;
      }
    }
    return [...out, ...buyCrew(c, c.rival ? [c.rival] : [], missing, "the rest on Dragon")];
  },
  accepts(c, p) {
    if (p.terms.some((t) => t.kind === "subsidy" && t.payer === c.me)) return false;
    return acceptsBase(c, p);
  },
};

/** (b) The US moves its whole crew to its own companies, buys nothing from Russia, pays no subsidies. */
export const cutTiesPolicy: Policy = {
  ...liberalPolicy,
  name: "cutTies",
  orders: baseOrders,
  followUps: () => [],
  offers(c) {
    return buyCrew(c, c.rival ? [c.rival] : [], missingCrew(c), "an American ride");
  },
  accepts(c, p) {
    if (tiesToRival(c, p, true)) return false;
    if (p.terms.some((t) => t.kind === "subsidy" && t.payer === c.me)) return false;
    return acceptsBase(c, p);
  },
};

/** The emerging states (no human spaceflight of their own) at the table. */
function emerging(c: Ctx): RoleId[] {
  return c.view.order.filter((r) => r !== c.me && c.isState(r) && !c.sc.roles[r]?.humanSpaceflight);
}

/**
 * (c) The essay's recommendation: the US flies with its own companies and
 * spends part of the saving subsidising emerging nations' seats on Soyuz.
 */
export const subsidisePolicy: Policy = {
  ...liberalPolicy,
  name: "subsidise",
  followUps: () => [],
  orders(c) {
    const cap = c.sc.prices.subsidyCapPerSeat;
    const seats = emerging(c).reduce((n, r) => n + Math.max(1, c.need(r)), 0);
    return {
      ...baseOrders(c),
      subsidyPool: Math.min(c.sc.orders.maxSubsidyPool, seats * cap),
    };
  },
  offers(c) {
    const out = buyCrew(c, c.rival ? [c.rival] : [], missingCrew(c), "an American ride");
    const provider = c.rival;
    if (!provider || !c.isState(provider) || !c.hasVehicle(provider)) return out;
    const cap = c.sc.prices.subsidyCapPerSeat;
    let spare = c.spare(provider);
    let budget = (c.view.seats[c.me]?.pool ?? 0) + c.cash * 0.2;
    for (const b of emerging(c)) {
      const seats = Math.min(Math.max(0, c.need(b) - c.secured(b)), spare);
      if (seats <= 0 || budget < cap * seats) continue;
      const price = Math.max(c.price(provider), cap);
      out.push({
        parties: [c.me, provider, b],
        terms: [
          { kind: "seatSale", provider, buyer: b, seats, price },
          { kind: "subsidy", payer: c.me, beneficiary: b, perSeat: cap },
        ],
        years: 1,
        note: "we cover part of your Soyuz ride",
      });
      spare -= seats;
      budget -= cap * seats;
    }
    return out;
  },
  accepts(c, p) {
    if (tiesToRival(c, p, true)) return false;
    return acceptsBase(c, p);
  },
};

/**
 * (d) Swaps only: the US buys its crew's seats from its own companies, then
 * trades some of them with Russia seat for seat. No money reaches Russia.
 */
export const swapsOnlyPolicy: Policy = {
  ...liberalPolicy,
  name: "swapsOnly",
  orders: baseOrders,
  followUps: (c) => {
    const o = swapOffer(c);
    return o ? [o] : [];
  },
  offers(c) {
    return buyCrew(c, c.rival ? [c.rival] : [], missingCrew(c), "an American ride");
  },
  accepts(c, p) {
    if (tiesToRival(c, p, false)) return false;
    if (p.terms.some((t) => t.kind === "subsidy" && t.payer === c.me)) return false;
    return acceptsBase(c, p);
  },
};

/**
 * The swap "swaps only" proposes on the second turn, once its purchase is concluded:
 * a vehicle-less state can only give seats it already holds, and deals execute
 * in the order they were concluded, so the swap must come after the purchase.
 */
function swapOffer(c: Ctx): Offer | null {
  const rival = c.rival;
  if (!rival || c.hasVehicle(c.me) || !c.hasVehicle(rival)) return null;
  let held = 0;
  for (const d of viewDealsInOrder(c.view.deals)) {
    if (!runsIn(d, c.view.year)) continue;
    for (const t of d.terms) {
      if (t.kind === "seatSale" && t.buyer === c.me && t.provider !== rival) held += t.seats;
      // one swap with the rival a year
      if (t.kind === "seatSwap" && [t.a, t.b].includes(rival)) return null;
    }
  }
  const pending = Object.values(c.view.proposals).some(
    (p) =>
      p.status === "open" &&
      p.from === c.me &&
      p.terms.some((t) => t.kind === "seatSwap" && [t.a, t.b].includes(rival)),
  );
  const seats = Math.min(SWAP_SEATS, held, c.spare(rival));
  if (pending || seats <= 0) return null;
  return {
    parties: [c.me, rival],
    terms: [{ kind: "seatSwap", a: c.me, b: rival, seats }],
    years: 1,
    note: "one crew, two vehicles",
  };
}

export const ESSAY_POLICIES = {
  statusQuo: statusQuoPolicy,
  cutTies: cutTiesPolicy,
  subsidise: subsidisePolicy,
  swapsOnly: swapsOnlyPolicy,
} as const;

export type EssayPolicyName = keyof typeof ESSAY_POLICIES;

/** The essay's US policies as bots, in the study's order (a)–(d). */
export const ESSAY_BOTS: Record<EssayPolicyName, Bot> = {
  statusQuo: makeBot(statusQuoPolicy),
  cutTies: makeBot(cutTiesPolicy),
  subsidise: makeBot(subsidisePolicy),
  swapsOnly: makeBot(swapsOnlyPolicy),
};

export const ESSAY_NAMES = Object.keys(ESSAY_BOTS) as EssayPolicyName[];
