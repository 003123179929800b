/** Step 7: dependence, mutual, vulnerability, trust, cooperation and the tension waterfall. */

import { type DependenceWhy, named } from "../details.ts";
import {
  cooperation,
  dependence,
  isTriangleSeat,
  moneyReceived,
  mutual,
  trustShare,
  vulnerability,
} from "../indices.ts";
import { chance } from "../random.ts";
import { addTension } from "../tension.ts";
import type { GameState, TensionTerm } from "../types.ts";
import { isState, pairKey, rivalOf, round2 } from "../util.ts";
import { has, type Work, watchedRival } from "./work.ts";

export function computeIndices(s: GameState, w: Work): void {
  const sc = s.scenario;
  const r = w.report;
  r.transfers = s.ledger.slice(w.ledgerStart);
  const betweenSeats = r.transfers.filter((x) => has(s, x.from) && has(s, x.to));
  const dep = dependence({
    scenario: sc,
    present: s.order,
    flown: r.flown,
    transfers: betweenSeats,
    crewNeed: w.crewNeed,
    reducedRole: w.reducedRole,
  });
  for (const k in dep) r.dependence[k] = (dep[k] as (typeof dep)[string]).total;
  for (const x of betweenSeats)
    r.moneyFlows[pairKey(x.from, x.to)] = round2(
      (r.moneyFlows[pairKey(x.from, x.to)] ?? 0) + x.amount,
    );
  const states = s.order.filter((x) => isState(sc, x));
  for (const a of states) {
    for (const b of states) {
      if (a === b) continue;
      r.vulnerability[pairKey(a, b)] = vulnerability(dep, a, b);
      if (a < b) r.mutual[pairKey(a, b)] = mutual(dep, a, b);
    }
  }
  r.triangleSeats = r.flown.filter((f) => isTriangleSeat(sc, f)).length;
  r.trust = trustShare(s.trustRecords, s.year, sc.cooperation.trustWindowYears);
  const coop = cooperation(sc, s.order, dep, r.triangleSeats, r.trust);
  r.cooperation = coop.value;
  r.cooperationTerms = coop.terms;

  // tension, term by term
  const t = sc.tension;
  const [r0, r1] = sc.rivalPair;
  const T = s.tension;
  const terms: TensionTerm[] = [];
  terms.push(named({ cause: "drift" }, t.drift * (sc.startTension - T)));
  const v01 = vulnerability(dep, r0, r1);
  const v10 = vulnerability(dep, r1, r0);
  const [exposed, over, v] = v01 >= v10 ? [r0, r1, v01] : [r1, r0, v10];
  const parts = dep[pairKey(exposed, over)];
  const why: DependenceWhy =
    v < 0.005
      ? "nobody"
      : parts && parts.lifeboat > 0 && parts.crew > 0
        ? "rideAndLifeboat"
        : parts && parts.money > 0
          ? "money"
          : "crewSeats";
  terms.push(named({ cause: "vulnerability", exposed, over, why }, t.vulnerability * v));
  const watched = watchedRival(s);
  if (watched) {
    const d = r.diversionEstimate[watched] ?? 0;
    const inspected = s.seats[watched]?.orders.acceptInspection ?? false;
    terms.push(
      named({ cause: "diversion", role: watched, percent: d, inspected }, t.diversionEstimate * d),
    );
    const other = rivalOf(sc, watched) as string;
    const paid = moneyReceived(betweenSeats)[pairKey(watched, other)] ?? 0;
    terms.push(
      named(
        { cause: "moneyToMilitary", payer: other, role: watched },
        (paid * d) / 100 / t.moneyDivisor,
      ),
    );
    const base = sc.roles[watched]?.budgetBase ?? 0;
    const lost = Math.max(0, t.incomeReference - (r.foreignIncome[watched] ?? 0));
    terms.push(
      named(
        { cause: "incomeLoss", role: watched, lost: round2(lost) },
        base > 0 ? (t.incomeLoss * lost) / base : 0,
      ),
    );
  }
  for (const x of s.order) {
    const st = s.seats[x];
    if (
      !st ||
      !sc.roles[x]?.orders.includes("sanctions") ||
      st.orders.sanctions === 0 ||
      st.orders.sanctionsCarveOut
    )
      continue;
    terms.push(
      named(
        { cause: "sanctions", by: x, level: st.orders.sanctions },
        t.sanctionsPerLevel * st.orders.sanctions,
      ),
    );
  }
  // a rival stepping back from the ISS, the one domain the pair still shares (GAME.md, the
  // essay's "troubling" path): a term of its own, besides the halved crew ties
  for (const x of [r0, r1]) {
    if (!w.reducedRole.includes(x)) continue;
    terms.push(named({ cause: "reducedRole", role: x }, t.reducedRole));
  }
  terms.push(named({ cause: "failedDeals", deals: w.failedDeals }, t.failedDeal * w.failedDeals));
  terms.push(named({ cause: "cooperation" }, -t.cooperation * coop.value));
  if (w.lifeboatExposure > 0) {
    const share = Math.max(
      dep[pairKey(r0, r1)]?.lifeboat ?? 0,
      dep[pairKey(r1, r0)]?.lifeboat ?? 0,
    );
    terms.push(named({ cause: "lifeboatExposure" }, w.lifeboatExposure * share));
  }
  // brain drain: the watched civil programme starving for years in a row
  const bd = sc.brainDrain;
  const bdSeat = s.seats[bd.role];
  const bdBase = sc.roles[bd.role]?.budgetBase ?? 0;
  if (bdSeat && bdBase > 0) {
    const low = (r.civilFunding[bd.role] ?? bdBase) < bd.fundingShare * bdBase;
    bdSeat.lowFundingStreak = low ? bdSeat.lowFundingStreak + 1 : 0;
    if (bdSeat.lowFundingStreak >= bd.yearsBelow && chance(s.rng, bd.chance)) {
      r.brainDrain = true;
      terms.push(named({ cause: "brainDrain", role: bd.role }, bd.tension));
    }
  }
  terms.push(...w.tensionTerms);
  const rounded = terms
    .filter((x) => x.amount !== 0 || x.cause === "vulnerability" || x.cause === "cooperation")
    .map((x) => ({ ...x, amount: round2(x.amount) }));
  r.tensionTerms = rounded;
  r.tensionBefore = T;
  r.tension = addTension(T, terms);
  s.tension = r.tension;
  s.cooperation = round2(coop.value);
  r.cooperation = s.cooperation;
}
