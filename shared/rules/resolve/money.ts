/** Step 4: the year's fixed costs are paid. */
import { reducedRoleLevel } from "../crewNeed.ts";
import { orderText } from "../orders.ts";
import type { GameState } from "../types.ts";
import { rivalOf, transfer } from "../util.ts";
import { present, type Work } from "./work.ts";

export function payCosts(s: GameState, w: Work): void {
  const sc = s.scenario;
  const p = sc.prices;
  for (const r of present(s)) {
    const spec = sc.roles[r];
    const st = s.seats[r];
    if (!spec || !st) continue;
    // marginal cost of every foreign seat flown on the role's vehicle
    if (spec.vehicle) {
      const foreign = w.report.flown.filter((f) => f.vehicle === r && f.crew !== r).length;
      transfer(
        s,
        r,
        "sink:operations",
        foreign * spec.vehicle.marginalSeatCost,
        `${foreign} foreign seat(s) flown`,
      );
    }
    if (spec.orders.includes("roleLevel")) {
      transfer(
        s,
        r,
        "sink:upkeep",
        reducedRoleLevel(spec, st.orders) ? p.roleLevelCostReduced : p.roleLevelCostFull,
        `${orderText(sc, r, "roleLevel").label} ${st.orders.roleLevel}`,
      );
    }
    if (spec.orders.includes("sanctions") && st.orders.sanctions > 0) {
      const target = rivalOf(sc, r);
      const tgt = target ? s.seats[target] : undefined;
      if (target && tgt) {
        const share =
          sc.orders.sanctionBudgetShare *
          st.orders.sanctions *
          (st.orders.sanctionsCarveOut ? sc.orders.sanctionsCarveOutFactor : 1);
        const loss = Math.min(share * (sc.roles[target]?.budgetBase ?? 0), Math.max(0, tgt.cash));
        transfer(
          s,
          target,
          "sink:sanctions",
          loss,
          `sanctions level ${st.orders.sanctions}${st.orders.sanctionsCarveOut ? " (space carved out)" : ""}`,
        );
        w.sanctionsLoss[target] = (w.sanctionsLoss[target] ?? 0) + loss;
      }
    }
  }
}
