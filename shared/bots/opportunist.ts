/**
 * Opportunist: takes the best offer each year, cooperates while it pays, and
 * defects in the last year (diverts, sells know-how covertly, stands firm).
 */

import {
  buy,
  type Ctx,
  canPay,
  fairSale,
  makeBot,
  type Offer,
  type Policy,
  sellers,
  valueFor,
} from "./common.ts";
import { liberalPolicy } from "./liberal.ts";

const late = (c: Ctx) => c.yearsLeft <= 0;

export const opportunistPolicy: Policy = {
  name: "opportunist",
  orders(c: Ctx) {
    // cooperates while it pays; takes shortcuts (a rushed test campaign) all along
    if (!late(c))
      return {
        ...liberalPolicy.orders(c),
        acceptInspection: false,
        subsidyPool: 0,
        boeingMode: "rush",
      };
    return {
      sanctions: c.sc.orders.maxSanctions,
      sanctionsCarveOut: false,
      diversion: 50,
      covertSale: true,
      issRole: "reduced",
      touristSeats: c.sc.orders.maxTouristSeats,
      acceptInspection: false,
      subsidyPool: 0,
      programmeInvestment: 0,
    };
  },
  offers(c: Ctx) {
    const out: Offer[] = [];
    let missing = c.need(c.me) - c.secured(c.me);
    if (c.hasVehicle(c.me) || missing <= 0) return out;
    for (const p of sellers(c)) {
      if (missing <= 0) break;
      const o = buy(c, p, missing, "the best offer");
      if (o) {
        out.push(o);
        missing -= (o.terms[0] as { seats: number }).seats;
      }
    }
    return out;
  },
  accepts(c: Ctx, p) {
    const v = valueFor(c, p);
    // pledges cost nothing today; whatever pays or flies crew is taken
    if (p.terms.some((t) => t.kind === "subsidy" && t.payer === c.me)) return false;
    if (p.terms.some((t) => t.kind === "contract" && t.state === c.me)) return false;
    return (
      fairSale(c, p, 5) &&
      canPay(c, p) &&
      (v.net >= 0 || v.crewFlown > 0 || p.terms.every((t) => t.kind === "pledge"))
    );
  },
  // firm late in the game, or whenever the rival is the exposed one (leverage)
  crisis: (c) => {
    const leverage =
      c.rival && c.last ? (c.last.vulnerability[`${c.rival}>${c.me}`] ?? 0) >= 0.2 : false;
    return late(c) || leverage ? "firm" : "deescalate";
  },
  stance: () => "compartmentalise",
};

export const opportunistBot = makeBot(opportunistPolicy);
