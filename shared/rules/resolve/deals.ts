/** Step 3, second part: seats and money under the concluded deals, in conclusion order. */
import { contractParts, IN_KIND_SOURCE } from "../contracts.ts";
import { dealsInOrder, runsIn } from "../records.ts";
import type { Deal, DealFailure, FlownSeat, GameState, RoleId, Term } from "../types.ts";
import { round2, transfer } from "../util.ts";
import { short, type Work } from "./work.ts";

type Plan = {
  flown: FlownSeat[];
  /** `subsidy`: paid from the payer's subsidy pool first (the reason is only the ledger's note). */
  moves: { from: string; to: string; amount: number; reason: string; subsidy: boolean }[];
  swaps: { giver: RoleId; crew: RoleId; seats: number }[];
};

/** Checks and plans one year of a deal; returns the plan or the reason it fails and who is at fault. */
function planDeal(
  s: GameState,
  w: Work,
  deal: Deal,
): { ok: true; plan: Plan } | { ok: false; kind: DealFailure; reason: string; fault: RoleId } {
  // what the plan has used so far, read through from the work and the seats on first use
  // (most deals touch two or three accounts: nothing is copied for the others)
  const seatsLeft: Record<string, number> = {};
  const cash: Record<string, number> = {};
  const pool: Record<string, number> = {};
  const left = (r: string) => seatsLeft[r] ?? w.seatsLeft[r] ?? 0;
  const cashOf = (r: string) => cash[r] ?? s.seats[r]?.cash ?? 0;
  const poolOf = (r: string) => pool[r] ?? s.seats[r]?.pool ?? 0;
  const plan: Plan = { flown: [], moves: [], swaps: [] };
  // the seats each crew holds, which only a seat swap reads
  const swaps = deal.terms.some((t) => t.kind === "seatSwap");
  const held: Record<string, FlownSeat[]> = {};
  const hold = (crew: string, f: FlownSeat) => {
    if (!swaps) return;
    const list = held[crew];
    if (list) list.push(f);
    else held[crew] = [f];
  };
  if (swaps) for (const f of w.report.flown) if (f.crew !== "market") hold(f.crew, f);
  // the subsidy pool pays subsidies only (first); everything else comes out of cash
  const pay = (
    from: string,
    to: string,
    amount: number,
    reason: string,
    subsidy = false,
  ): boolean => {
    if (amount <= 0) return true;
    const fromPool = subsidy ? Math.min(poolOf(from), amount) : 0;
    if (cashOf(from) + fromPool + 1e-9 < amount) return false;
    pool[from] = poolOf(from) - fromPool;
    cash[from] = cashOf(from) - (amount - fromPool);
    cash[to] = cashOf(to) + amount;
    plan.moves.push({ from, to, amount, reason, subsidy });
    return true;
  };
  const subsidies = deal.terms.filter(
    (t): t is Extract<Term, { kind: "subsidy" }> => t.kind === "subsidy",
  );
  for (const [i, t] of deal.terms.entries()) {
    if (deal.voidTerms.includes(i)) continue;
    switch (t.kind) {
      case "seatSale": {
        if (left(t.provider) < t.seats) {
          return {
            ok: false,
            kind: "noSeatsLeft",
            reason: `${short(s, t.provider)} had no ${t.seats} seat(s) left`,
            fault: t.provider,
          };
        }
        seatsLeft[t.provider] = left(t.provider) - t.seats;
        const subs = subsidies.filter((x) => x.beneficiary === t.buyer);
        let perSeatSub = 0;
        if (!deal.prepaid) {
          for (const sub of subs) {
            const amount = Math.min(sub.perSeat, t.price - perSeatSub) * t.seats;
            if (amount <= 0) continue;
            if (
              !pay(sub.payer, t.provider, amount, `subsidy for ${short(s, t.buyer)}'s seats`, true)
            ) {
              return {
                ok: false,
                kind: "subsidyUnpaid",
                reason: `${short(s, sub.payer)} could not pay the subsidy`,
                fault: sub.payer,
              };
            }
            perSeatSub += amount / t.seats;
          }
          if (!pay(t.buyer, t.provider, (t.price - perSeatSub) * t.seats, "seat purchase")) {
            return {
              ok: false,
              kind: "seatsUnpaid",
              reason: `${short(s, t.buyer)} could not pay for the seats`,
              fault: t.buyer,
            };
          }
        }
        const subsidisers = subs.map((x) => x.payer);
        for (let k = 0; k < t.seats; k++) {
          const seatRecord: FlownSeat = {
            crew: t.buyer,
            vehicle: t.provider,
            providedBy: t.provider,
            payers: [t.buyer, ...subsidisers],
            price: t.price,
            buyerPaid: deal.prepaid ? t.price : t.price - perSeatSub,
            deal: deal.id,
            rideHome: w.rescue[t.provider] ?? t.provider,
          };
          plan.flown.push(seatRecord);
          hold(t.buyer, seatRecord);
        }
        break;
      }
      case "seatSwap": {
        // each side flies n of the other's crew: on its own vehicle, or in seats it holds this year
        for (const [giver, crew] of [
          [t.a, t.b],
          [t.b, t.a],
        ] as const) {
          const vehicle = s.scenario.roles[giver]?.vehicle;
          if (vehicle) {
            if (left(giver) < t.seats)
              return {
                ok: false,
                kind: "noSeatsToSwap",
                reason: `${short(s, giver)} had no ${t.seats} seat(s) to swap`,
                fault: giver,
              };
            seatsLeft[giver] = left(giver) - t.seats;
            for (let k = 0; k < t.seats; k++) {
              plan.flown.push({
                crew,
                vehicle: giver,
                providedBy: giver,
                payers: [],
                price: 0,
                buyerPaid: 0,
                deal: deal.id,
                rideHome: w.rescue[giver] ?? giver,
              });
            }
          } else {
            const mine = (held[giver] ?? []).filter((f) => f.crew === giver);
            if (mine.length < t.seats)
              return {
                ok: false,
                kind: "noHeldSeatsToSwap",
                reason: `${short(s, giver)} held no ${t.seats} seat(s) to swap`,
                fault: giver,
              };
            plan.swaps.push({ giver, crew, seats: t.seats });
            held[giver] = (held[giver] ?? []).slice(t.seats);
          }
        }
        break;
      }
      case "subsidy":
        break; // paid with the purchase it covers
      case "contract": {
        // non-cash compensation: the state pays its cash share, the company earns the full
        // value, the rest from the named source of in-kind value (work or land it has anyway)
        const { cash: inCash, inKind } = contractParts(s.scenario, t.value);
        if (!pay(t.state, t.company, inCash, "contract (cash share)")) {
          return {
            ok: false,
            kind: "contractUnpaid",
            reason: `${short(s, t.state)} could not pay the contract`,
            fault: t.state,
          };
        }
        if (inKind > 0)
          plan.moves.push({
            from: IN_KIND_SOURCE,
            to: t.company,
            amount: inKind,
            reason: `in-kind contract value from ${short(s, t.state)}`,
            subsidy: false,
          });
        break;
      }
      case "techTransfer":
        if ((s.seats[t.provider]?.capability ?? 0) < t.points) {
          return {
            ok: false,
            kind: "noKnowHow",
            reason: `${short(s, t.provider)} lacked the know-how`,
            fault: t.provider,
          };
        }
        if (!pay(t.recipient, t.provider, t.price, "know-how")) {
          return {
            ok: false,
            kind: "knowHowUnpaid",
            reason: `${short(s, t.recipient)} could not pay for the know-how`,
            fault: t.recipient,
          };
        }
        break;
      case "pledge":
        break; // checked at step 6
    }
  }
  return { ok: true, plan };
}

function executePlan(s: GameState, w: Work, deal: Deal, plan: Plan): void {
  for (const f of plan.flown) {
    w.report.flown.push(f);
    if (f.vehicle !== "outside" && f.providedBy === f.vehicle)
      w.seatsLeft[f.vehicle] = (w.seatsLeft[f.vehicle] ?? 0) - 1;
  }
  for (const sw of plan.swaps) {
    // the giver's own purchased seats carry the other side's crew; the giver provides them
    let n = sw.seats;
    for (const f of w.report.flown) {
      if (n === 0) break;
      if (f.crew === sw.giver && f.vehicle !== sw.giver && f.deal !== `${deal.id}:swap`) {
        f.crew = sw.crew;
        f.providedBy = sw.giver;
        f.rideHome = f.rideHome === f.vehicle ? sw.giver : f.rideHome;
        f.deal = `${f.deal}:swap`;
        n--;
      }
    }
  }
  for (const m of plan.moves) {
    // subsidies come out of the payer's subsidy pool first
    const payer = s.seats[m.from];
    if (m.subsidy && payer && payer.pool > 0) {
      const fromPool = Math.min(payer.pool, m.amount);
      payer.pool = round2(payer.pool - fromPool);
      payer.cash = round2(payer.cash + fromPool);
    }
    transfer(s, m.from, m.to, m.amount, m.reason);
  }
  for (const t of deal.terms) {
    if (t.kind === "techTransfer") {
      const r = s.seats[t.recipient];
      if (r) r.capability += t.points;
    }
  }
}

export function runDeals(s: GameState, w: Work): void {
  const [r0, r1] = s.scenario.rivalPair;
  // in conclusion order: a deal's seq is the number in its id, and dealsInOrder reads them by it
  const deals = dealsInOrder(s).filter((d) => runsIn(d, s.year));
  for (const deal of deals) {
    const key = String(s.year);
    if (w.linked && deal.parties.includes(r0) && deal.parties.includes(r1)) {
      deal.results[key] = "void: space deals linked to the crisis on Earth";
      w.report.dealResults.push({
        deal: deal.id,
        result: deal.results[key],
        kind: "void",
        fault: null,
      });
      deal.yearsDone++;
      if (deal.yearsDone >= deal.years) deal.status = "completed";
      continue;
    }
    const planned = planDeal(s, w, deal);
    if (!planned.ok) {
      deal.status = "failed";
      deal.results[key] = `failed: ${planned.reason}`;
      w.report.dealResults.push({
        deal: deal.id,
        result: deal.results[key],
        kind: planned.kind,
        fault: planned.fault,
      });
      w.failedDeals++;
      const f = s.seats[planned.fault];
      if (f) f.failedDeals++;
      s.trustRecords.push({ year: s.year, kept: false });
      continue;
    }
    executePlan(s, w, deal, planned.plan);
    deal.results[key] = "executed";
    deal.yearsDone++;
    if (deal.yearsDone >= deal.years) deal.status = "completed";
    w.report.dealResults.push({ deal: deal.id, result: "executed", kind: "executed", fault: null });
    s.trustRecords.push({ year: s.year, kept: true });
  }
}
