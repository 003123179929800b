/**
 * What a resolved year showed on the board, read from its report: the seats flown (grouped by
 * who flew on what, for whom) and the money that moved between seats. The board's animation
 * and the DOM list beside it both draw from this one reading, so they show the same things.
 */
import type { FlownSeat, YearReport } from "../../../shared/rules/types.ts";
import { pairRoles } from "../../../shared/rules/util.ts";

export interface FlightGroup {
  crew: FlownSeat["crew"];
  vehicle: FlownSeat["vehicle"];
  providedBy: FlownSeat["providedBy"];
  payers: string[];
  price: number;
  seats: number;
}

export interface MoneyFlow {
  from: string;
  to: string;
  amount: number;
}

export interface Resolution {
  year: number;
  flights: FlightGroup[];
  money: MoneyFlow[];
}

export function resolutionOf(report: YearReport): Resolution {
  const groups = new Map<string, FlightGroup>();
  for (const f of report.flown) {
    const key = JSON.stringify([f.crew, f.vehicle, f.providedBy, f.payers, f.price]);
    const had = groups.get(key);
    if (had) had.seats++;
    else
      groups.set(key, {
        crew: f.crew,
        vehicle: f.vehicle,
        providedBy: f.providedBy,
        payers: [...f.payers],
        price: f.price,
        seats: 1,
      });
  }
  const money: MoneyFlow[] = [];
  for (const [key, amount] of Object.entries(report.moneyFlows)) {
    if (amount <= 0) continue;
    const [from, to] = pairRoles(key);
    money.push({ from, to, amount });
  }
  money.sort((a, b) => b.amount - a.amount);
  return { year: report.year, flights: [...groups.values()], money };
}
