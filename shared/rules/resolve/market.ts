/** Step 3, last part: spare seats sold to market buyers and taken from outside offers. */
import type { GameState, RoleId } from "../types.ts";
import { transfer } from "../util.ts";
import { present, type Work } from "./work.ts";

export function runMarket(s: GameState, w: Work): void {
  type Offer = {
    provider: RoleId | "outside";
    name: string;
    left: number;
    price: number;
    appeal: number;
  };
  const offers: Offer[] = [];
  for (const r of present(s)) {
    const spec = s.scenario.roles[r];
    const st = s.seats[r];
    if (!spec?.vehicle || !st) continue;
    const spare = w.seatsLeft[r] ?? 0;
    let offered = 0;
    if (spec.orders.includes("touristSeats")) offered = st.orders.touristSeats;
    else if (spec.orders.includes("privateSeats")) offered = st.orders.privateSeats;
    else if (spec.archetype === "company") offered = spare; // a company without the order sells every spare seat
    offered = Math.min(offered, spare);
    if (offered > 0)
      offers.push({
        provider: r,
        name: spec.vehicle.name,
        left: offered,
        price: st.orders.listPrice,
        appeal: spec.vehicle.marketAppeal,
      });
  }
  for (const o of w.outsideOffers)
    offers.push({
      provider: "outside",
      name: o.name,
      left: o.seats,
      price: o.price,
      appeal: o.appeal,
    });
  const buyers = [...s.market].sort((a, b) => b.maxPrice - a.maxPrice || (a.id < b.id ? -1 : 1));
  for (const buyer of buyers) {
    let best: Offer | null = null;
    for (const o of offers) {
      // Fix (rule tests): a buyer never pays above its maximum price (GAME.md, "The market":
      // buyers "buy the cheapest offered seat they can afford"); Dragon's appeal only ranks
      // the offers. Before, a Dragon seat could sell for up to maxPrice + appeal.
      if (o.left <= 0 || o.price > buyer.maxPrice) continue;
      if (
        !best ||
        o.appeal - o.price > best.appeal - best.price ||
        (o.appeal - o.price === best.appeal - best.price && o.price < best.price)
      )
        best = o;
    }
    if (!best) continue;
    best.left--;
    w.report.marketSales.push({ buyer: buyer.id, vehicle: best.name, price: best.price });
    if (best.provider === "outside") continue; // an outside provider's seat: no money moves on the board
    w.seatsLeft[best.provider] = (w.seatsLeft[best.provider] ?? 0) - 1;
    w.report.flown.push({
      crew: "market",
      vehicle: best.provider,
      providedBy: best.provider,
      payers: [],
      price: best.price,
      buyerPaid: 0,
      deal: null,
      rideHome: w.rescue[best.provider] ?? best.provider,
    });
    transfer(s, "source:market", best.provider, best.price, "market seat");
  }
}
