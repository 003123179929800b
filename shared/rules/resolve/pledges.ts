/** Step 6: pledges and contract conditions are checked and reputation follows. */
import { dealsInOrder } from "../records.ts";
import type { GameState } from "../types.ts";
import type { Work } from "./work.ts";

function orderValue(s: GameState, role: string, order: string): unknown {
  const orders = s.seats[role]?.orders as unknown as Record<string, unknown> | undefined;
  return orders ? orders[order] : undefined;
}

export function checkPledgesAndContracts(s: GameState, w: Work): void {
  const executed = new Set(
    w.report.dealResults.filter((d) => d.result === "executed").map((d) => d.deal),
  );
  for (const deal of dealsInOrder(s)) {
    if (!executed.has(deal.id)) continue;
    for (const [i, t] of deal.terms.entries()) {
      if (t.kind === "pledge" && t.check !== null) {
        const v = orderValue(s, t.by, t.check.order);
        const c = t.check.value;
        const kept =
          t.check.op === "=="
            ? v === c
            : typeof v === "number" && typeof c === "number"
              ? t.check.op === "<="
                ? v <= c
                : v >= c
              : false;
        w.report.pledges.push({ deal: deal.id, by: t.by, text: t.text, kept });
        s.trustRecords.push({ year: s.year, kept });
        const st = s.seats[t.by];
        if (!kept && st) st.brokenPledges++;
      }
      if (t.kind === "contract" && t.condition !== null && !deal.voidTerms.includes(i)) {
        const co = s.seats[t.company];
        const c = t.condition;
        const kept =
          c.kind === "minFlights"
            ? (co?.nextFlights ?? 0) >= c.flights
            : c.kind === "noSeatsTo"
              ? !w.report.flown.some((f) => f.vehicle === t.company && f.crew === c.role)
              : (co?.orders.listPrice ?? 0) <= c.price;
        w.report.pledges.push({
          deal: deal.id,
          by: t.company,
          text: `contract condition (${c.kind})`,
          kept,
        });
        s.trustRecords.push({ year: s.year, kept });
        if (!kept) {
          deal.voidTerms.push(i);
          if (co) co.reputation -= s.scenario.scoring.brokenConditionReputation;
        }
      }
    }
  }
}
