/** Step 3, first part: providers seat their own crew on their own vehicles. */
import { crewNeed, reducedRoleLevel } from "../crewNeed.ts";
import type { GameState, RoleId } from "../types.ts";
import type { Work } from "./work.ts";

/** Seats up to n of a provider's own crew on its own vehicle, in the seats still left. */
export function seatOwnCrew(w: Work, r: RoleId, wanted: number): void {
  const n = Math.max(0, Math.min(wanted, w.seatsLeft[r] ?? 0));
  for (let k = 0; k < n; k++)
    w.report.flown.push({
      crew: r,
      vehicle: r,
      providedBy: r,
      payers: [r],
      price: 0,
      buyerPaid: 0,
      deal: null,
      rideHome: w.rescue[r] ?? r,
    });
  w.seatsLeft[r] = (w.seatsLeft[r] ?? 0) - n;
}

/** Notes each role's crew need (and reduced role level) and seats its own crew on its own vehicle. */
export function seatOwnCrews(s: GameState, w: Work): void {
  const sc = s.scenario;
  for (const r of s.order) {
    const spec = sc.roles[r];
    const st = s.seats[r];
    if (!spec || !st) continue;
    if (reducedRoleLevel(spec, st.orders)) w.reducedRole.push(r);
    w.crewNeed[r] = crewNeed(sc, r, st.orders);
    if (!spec.vehicle) continue;
    seatOwnCrew(w, r, w.crewNeed[r] ?? 0);
  }
}

/**
 * Fix (rule tests): extra cosmonauts "fly own spare seats" (GAME.md, Orders), so they are
 * seated after the deals, in the seats left over, instead of before the deals (which
 * made the provider's own concluded deals fail, at its fault).
 */
export function seatExtraCrews(s: GameState, w: Work): void {
  const sc = s.scenario;
  for (const r of s.order) {
    const spec = sc.roles[r];
    const st = s.seats[r];
    if (!spec?.vehicle || !st || !spec.orders.includes("extraCrew")) continue;
    seatOwnCrew(w, r, st.orders.extraCrew);
  }
}
