/**
 * Opportunist: takes the best offer each year, cooperates while it pays, and
 * defects in the last year (diverts, sells know-how covertly, stands firm).
 */

import { pairKey } from "../rules/util.ts";
import {
  buyCrew,
  type Ctx,
  canPay,
  fairSale,
  makeBot,
  missingCrew,
  type Policy,
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
        readinessMode: "rush",
      };
    return {
      sanctions: c.sc.orders.maxSanctions,
      sanctionsCarveOut: false,
      diversion: Math.max(...c.sc.orders.diversionLevels),
      covertSale: true,
      roleLevel: "reduced",
      touristSeats: c.sc.orders.maxTouristSeats,
      acceptInspection: false,
      subsidyPool: 0,
      programmeInvestment: 0,
    };
  },
  offers(c: Ctx) {
    return buyCrew(c, [], missingCrew(c), "the best offer");
  },
  accepts(c: Ctx, p) {
    const v = valueFor(c, p);
    // pledges cost nothing today; whatever pays or flies crew is taken
    if (p.terms.some((t) => t.kind === "subsidy" && t.payer === c.me)) return false;
    if (p.terms.some((t) => t.kind === "contract" && t.state === c.me)) return false;
    return (
      fairSale(c, p, 1) &&
      canPay(c, p) &&
      (v.net >= 0 || v.crewFlown > 0 || p.terms.every((t) => t.kind === "pledge"))
    );
  },
  // firm late in the game, or whenever the rival is the exposed one (leverage)
  crisis: (c) => {
    const leverage =
      c.rival && c.last
        ? (c.last.vulnerability[pairKey(c.rival, c.me)] ?? 0) >= c.sc.crisis.leverageVulnerability
        : false;
    return late(c) || leverage ? "firm" : "deescalate";
  },
  stance: () => "compartmentalise",
};

export const opportunistBot = makeBot(opportunistPolicy);
