/** After step 6: the crew statistics that scoring and the priorities read. */
import type { GameState } from "../types.ts";
import type { Work } from "./work.ts";

/** Counts who flew, first flights, partners, vehicles flown and the highest price paid. */
export function recordCrews(s: GameState, w: Work): void {
  for (const f of w.report.flown) {
    if (f.crew === "market") continue;
    const st = s.seats[f.crew];
    if (!st) continue;
    st.astronautsFlown++;
    if (st.firstFlightYear === null) st.firstFlightYear = s.year;
    if (
      f.providedBy !== f.crew &&
      f.providedBy !== "outside" &&
      !st.partners.includes(f.providedBy)
    )
      st.partners.push(f.providedBy);
    if (f.vehicle !== "outside" && !st.vehiclesFlown.includes(f.vehicle))
      st.vehiclesFlown.push(f.vehicle);
    if (f.buyerPaid > st.highestPricePaid) st.highestPricePaid = f.buyerPaid;
  }
}
