/**
 * Realist: minimises its own vulnerability. Buys seats from anyone but its
 * rival, sanctions a rival that diverts, diverts and stands firm when threatened
 * (common.ts `threatened`). Its money decisions weigh the score terms it can compute:
 * a covert sale or extra cosmonauts are worth what they do to its civil funding,
 * prestige and crews flown, against the tension they risk.
 */
import { contractParts } from "../rules/contracts.ts";
import {
  buyCrew,
  type Ctx,
  canPay,
  diversionSteps,
  fairSale,
  finalTensionCost,
  lastEstimate,
  makeBot,
  missingCrew,
  moneyPoints,
  type Offer,
  type Policy,
  scenarioListPrice,
  tensionCost,
  threatened,
} from "./common.ts";

/** Objective points per unit of `kind` for this seat (0 without the objective). */
function pointsOf(c: Ctx, kind: string): number {
  for (const o of c.sc.roles[c.me]?.objectives ?? []) if (o.kind === kind) return o.points;
  return 0;
}

/**
 * Sells know-how covertly when what it adds to civil funding outweighs the tension it
 * risks: detected now (and fading), or revealed by the final audit.
 */
function covertSalePays(c: Ctx): boolean {
  const o = c.sc.orders;
  const sales = c.view.private[c.me]?.covertSales ?? 0;
  const pDetect = Math.min(1, o.covertDetection + o.covertDetectionRepeat * sales);
  const risk =
    pDetect * tensionCost(c, o.covertDetectedTension) +
    (1 - pDetect) * finalTensionCost(c, o.auditTensionPerSale);
  return moneyPoints(c, c.sc.prices.covertSaleIncome) > risk;
}

/** Flies an extra cosmonaut when prestige (held every year left) and the crew flown outweigh its cost. */
function extraCrewPays(c: Ctx): boolean {
  const gain =
    pointsOf(c, "crewsFlown") +
    pointsOf(c, "prestige") * c.sc.orders.extraCrewPrestige * (c.yearsLeft + 1);
  return gain + moneyPoints(c, -c.sc.prices.extraCrewCost) > 0;
}

export const realistPolicy: Policy = {
  name: "realist",
  orders(c: Ctx) {
    const est = lastEstimate(c);
    const steps = diversionSteps(c);
    const threat = threatened(c);
    const home =
      c.view.order.find((r) => c.sc.roles[r]?.homeState === c.me && c.hasVehicle(r)) ?? "";
    return {
      // one sanctions level per diversion level the rival's estimate reaches
      sanctions: Math.min(c.sc.orders.maxSanctions, steps.filter((x) => est >= x).length),
      sanctionsCarveOut: false,
      crewFunding: home,
      subsidyPool: 0,
      // a hedge when calm, the next level up when threatened
      diversion: (threat ? (steps[1] ?? steps[0]) : steps[0]) ?? 0,
      touristSeats: c.sc.orders.maxTouristSeats,
      covertSale: covertSalePays(c),
      roleLevel: "full",
      extraCrew: extraCrewPays(c) ? 1 : 0,
      acceptInspection: false,
      listPrice: scenarioListPrice(c),
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
    const value = c.sc.prices.crewFundingAmount;
    if (home && c.rival && contractParts(c.sc, value).cash <= c.cash * 0.5) {
      out.push({
        parties: [c.me, home],
        terms: [
          {
            kind: "contract",
            state: c.me,
            company: home,
            value,
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
    return fairSale(c, p, 4) && canPay(c, p);
  },
  // firm when threatened: exposed to the rival, sanctioned or armed against, or T far above its start
  crisis: (c: Ctx) => (threatened(c) ? "firm" : "deescalate"),
  stance: () => "link",
};

export const realistBot = makeBot(realistPolicy);
