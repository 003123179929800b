/** Step 2: each vehicle's seats this year (none if not ready), less the events' losses. */
import type { GameState } from "../types.ts";
import type { Work } from "./work.ts";

/** Sets this year's capacity of every vehicle and the seats left to fill. */
export function computeCapacity(s: GameState, w: Work): void {
  const sc = s.scenario;
  for (const r of s.order) {
    const spec = sc.roles[r];
    const st = s.seats[r];
    if (!spec?.vehicle || !st) continue;
    const ready =
      spec.vehicle.readinessNeeded === 0 || st.readiness >= spec.vehicle.readinessNeeded;
    const cap = ready
      ? Math.max(0, st.flights * spec.vehicle.seatsPerFlight + (w.capLoss[r] ?? 0))
      : 0;
    w.report.capacity[r] = cap;
    w.seatsLeft[r] = cap;
  }
}
