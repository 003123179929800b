/**
 * Profit: companies maximise profit — price to the market, fly as many
 * flights as there are buyers, sell spare seats, accept paying contracts.
 * A state played for profit sells what it can and spends little.
 */
import {
  buyCrew,
  type Ctx,
  canPay,
  fairSale,
  makeBot,
  type Offer,
  type Policy,
  priceStep,
  scenarioListPrice,
} from "./common.ts";

/** Seats the table will want from providers next year: crews without vehicles plus last year's market. */
function demand(c: Ctx): number {
  const crews = c.view.order
    .filter((r) => c.isState(r) && !c.hasVehicle(r))
    .reduce((n, r) => n + c.need(r), 0);
  return crews + (c.last?.marketSales.length ?? 2);
}

export const profitPolicy: Policy = {
  name: "profit",
  orders(c: Ctx) {
    const v = c.sc.roles[c.me]?.vehicle;
    const flights =
      v && v.fixedFlights === null
        ? Math.min(v.maxFlights, Math.max(1, Math.ceil(demand(c) / v.seatsPerFlight / 2)))
        : 0;
    const sold = c.last
      ? c.last.flown.filter((f) => f.vehicle === c.me && f.crew !== c.me).length
      : 0;
    const cap = c.view.seats[c.me]?.capacity ?? 0;
    // raise the price a step when seats sell out, lower it when they do not: never below
    // cost plus three steps, never above what the richest market buyer would pay for it
    const step = priceStep(c);
    const base = c.price(c.me) || scenarioListPrice(c) || c.sc.market.minPrice;
    const ceiling = c.sc.market.maxPrice + (v?.marketAppeal ?? 0);
    const listPrice = Math.max(
      (v?.marginalSeatCost ?? 0) + 3 * step,
      Math.min(ceiling, sold >= cap && cap > 0 ? base + step : base - step),
    );
    return {
      flightsNextYear: flights,
      listPrice,
      privateSeats: c.sc.orders.maxPrivateSeats,
      touristSeats: c.sc.orders.maxTouristSeats,
      readinessMode: c.cash > c.sc.prices.readinessTestCost * 3 ? "test" : "rush",
      diversion: 0,
      covertSale: c.yearsLeft >= 1 && c.random() < 0.3,
      programmeInvestment: Math.min(
        c.sc.orders.maxProgrammeInvestment,
        Math.floor((c.cash * 0.3) / 10) * 10,
      ),
      subsidyPool: 0,
      sanctions: 0,
    };
  },
  offers(c: Ctx) {
    const out: Offer[] = [];
    if (c.hasVehicle(c.me)) {
      let spare = c.spare(c.me);
      for (const b of c.view.order) {
        if (spare <= 0 || b === c.me || !c.isState(b) || c.hasVehicle(b)) continue;
        const want = c.need(b) - c.secured(b);
        if (want <= 0) continue;
        const seats = Math.min(want, spare);
        out.push({
          parties: [c.me, b],
          terms: [{ kind: "seatSale", provider: c.me, buyer: b, seats, price: c.price(c.me) }],
          years: 1,
          note: "seats at list price",
        });
        spare -= seats;
      }
    } else {
      out.push(...buyCrew(c, [], c.need(c.me) - c.secured(c.me), "best price"));
    }
    return out;
  },
  accepts(c: Ctx, p) {
    for (const t of p.terms) {
      if (
        t.kind === "contract" &&
        t.company === c.me &&
        t.condition?.kind === "minFlights" &&
        t.condition.flights > (c.sc.roles[c.me]?.vehicle?.maxFlights ?? 0)
      )
        return false;
      if (t.kind === "contract" && t.state === c.me) return false;
      if (t.kind === "subsidy" && t.payer === c.me) return false;
      if (t.kind === "pledge" && t.by === c.me) return false;
      if (t.kind === "seatSwap") return false;
      // know-how sells for at least what the buyer would spend to build it
      if (
        t.kind === "techTransfer" &&
        t.provider === c.me &&
        t.price < t.points / c.sc.prices.capabilityPerInvestment
      )
        return false;
    }
    return fairSale(c, p, 2) && canPay(c, p);
  },
  crisis: () => "deescalate",
  stance: () => "compartmentalise",
};

export const profitBot = makeBot(profitPolicy);
