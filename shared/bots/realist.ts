/**
 * Realist: minimises its own vulnerability. Buys seats from anyone but its
 * rival, sanctions a rival that diverts, diverts and stands firm when threatened.
 */
import {
  buyCrew,
  type Ctx,
  canPay,
  fairSale,
  lastEstimate,
  makeBot,
  missingCrew,
  myVulnerability,
  type Offer,
  type Policy,
} from "./common.ts";

export const realistPolicy: Policy = {
  name: "realist",
  orders(c: Ctx) {
    const est = lastEstimate(c);
    const threatened =
      c.view.tension >= 65 || (c.last?.tensionTerms.some((t) => t.cause === "sanctions") ?? false);
    const home =
      c.view.order.find((r) => c.sc.roles[r]?.homeState === c.me && c.hasVehicle(r)) ?? "";
    return {
      sanctions: est >= 20 ? 2 : est >= 10 ? 1 : 0,
      sanctionsCarveOut: false,
      crewFunding: home,
      subsidyPool: 0,
      diversion: threatened ? 25 : 10,
      touristSeats: 2,
      // before any year is played, foreign income is taken to be its pre-game level
      covertSale:
        (c.last?.foreignIncome[c.me] ?? c.sc.tension.incomeReference) <
        c.sc.bots.realist.covertSaleBelowIncome,
      roleLevel: "full",
      // flying its own spare seats buys prestige when money is plentiful
      extraCrew: c.cash > 1500 ? 1 : 0,
      acceptInspection: false,
      listPrice: 90,
      programmeInvestment: Math.min(
        c.sc.orders.maxProgrammeInvestment,
        Math.floor((c.cash * 0.4) / 10) * 10,
      ),
    };
  },
  offers(c: Ctx) {
    const out: Offer[] = [];
    // keep home industry flying — and away from the rival
    const home = c.view.order.find((r) => c.sc.roles[r]?.homeState === c.me && c.hasVehicle(r));
    if (home && c.rival && c.cash > 400) {
      out.push({
        parties: [c.me, home],
        terms: [
          {
            kind: "contract",
            state: c.me,
            company: home,
            value: 100,
            condition: { kind: "noSeatsTo", role: c.rival },
          },
        ],
        years: 1,
        note: "launch contract: fly no crew of our rival",
      });
    }
    // never depend on the rival: buy from everyone else, cheapest first
    return [...out, ...buyCrew(c, c.rival ? [c.rival] : [], missingCrew(c), "a reliable ride")];
  },
  accepts(c: Ctx, p) {
    for (const t of p.terms) {
      if (t.kind === "seatSale" && t.buyer === c.me && t.provider === c.rival) return false;
      if (t.kind === "seatSwap" && (t.a === c.rival || t.b === c.rival)) return false;
      if (t.kind === "subsidy" && t.payer === c.me) return false;
      if (t.kind === "contract" && t.state === c.me) return false;
      if (t.kind === "pledge" && t.by === c.me) return false;
    }
    return fairSale(c, p, 20) && canPay(c, p);
  },
  // firm when threatened: exposed to the rival, or the rival sanctions or arms against it
  crisis: (c: Ctx) => {
    const hostile = (c.last?.tensionTerms ?? []).some(
      (t) =>
        (t.cause === "sanctions" || t.cause === "diversion" || t.cause === "covert") &&
        t.amount >= 5,
    );
    return myVulnerability(c) >= 0.1 || hostile ? "firm" : "deescalate";
  },
  stance: () => "link",
};

export const realistBot = makeBot(realistPolicy);
