/** Step 5: the orders spend what they ask, as far as cash allows, and take effect. */
import { reducedRoleLevel } from "../crewNeed.ts";
import { named } from "../details.ts";
import { divert, securityGain } from "../diversion.ts";
import { type CostlyOrder, orderCost, orderUnitCost } from "../orders.ts";
import { chance, nextInt } from "../random.ts";
import type { GameState } from "../types.ts";
import { clamp, round2, transfer } from "../util.ts";
import { has, present, type Work } from "./work.ts";

/** Spends what the orders ask, as far as cash allows, and applies their effects. */
export function applyOrders(s: GameState, w: Work): void {
  const sc = s.scenario;
  const p = sc.prices;
  const o = sc.orders;
  for (const r of present(s)) {
    const spec = sc.roles[r];
    const st = s.seats[r];
    if (!spec || !st) continue;
    const can = (k: Parameters<typeof spec.orders.includes>[0]) => spec.orders.includes(k);
    const afford = (amount: number) => st.cash + 1e-9 >= amount;
    // what each costly order costs comes from the one table setOrders checked (ORDER_COSTS)
    const cost = (k: CostlyOrder) => orderCost(sc, r, k, st.orders);
    const unitCost = (k: CostlyOrder) => orderUnitCost(sc, r, k);
    // unspent subsidy pool returns; this year's pool is set aside
    if (st.pool > 0) {
      st.cash = round2(st.cash + st.pool);
      st.pool = 0;
    }
    if (
      can("crewFunding") &&
      st.orders.crewFunding !== "" &&
      has(s, st.orders.crewFunding) &&
      afford(cost("crewFunding"))
    ) {
      const co = s.seats[st.orders.crewFunding];
      const coSpec = sc.roles[st.orders.crewFunding];
      transfer(s, r, st.orders.crewFunding, cost("crewFunding"), "commercial crew funding");
      if (co && coSpec?.vehicle) {
        if (coSpec.vehicle.readinessNeeded > 0 && co.readiness < coSpec.vehicle.readinessNeeded)
          co.readiness++;
        else co.fundedFlights++;
      }
    }
    if (can("programmeInvestment") && st.orders.programmeInvestment > 0) {
      const amount = Math.min(cost("programmeInvestment"), Math.max(0, st.cash));
      transfer(s, r, "sink:programme", amount, "programme investment");
      st.capability += Math.floor(amount * p.capabilityPerInvestment);
    }
    if (can("extraCrew") && st.orders.extraCrew > 0) {
      const flownExtra =
        w.report.flown.filter((f) => f.crew === r && f.vehicle === r).length - (w.crewNeed[r] ?? 0);
      const n = Math.max(0, Math.min(st.orders.extraCrew, flownExtra));
      transfer(s, r, "sink:operations", n * unitCost("extraCrew"), `${n} extra cosmonaut(s)`);
      st.prestige += n * o.extraCrewPrestige;
    }
    if (reducedRoleLevel(spec, st.orders)) st.prestige += o.reducedPrestige;
    if (can("readinessMode") && spec.vehicle && st.readiness < spec.vehicle.readinessNeeded) {
      if (st.orders.readinessMode === "test") {
        if (afford(cost("readinessMode"))) {
          transfer(s, r, "sink:testing", cost("readinessMode"), "test campaign");
          st.readiness++;
        }
      } else {
        st.readiness++;
        if (chance(s.rng, o.rushFailureChance)) {
          st.reputation += o.rushFailureReputation;
          st.readiness = Math.max(0, st.readiness - 1);
          w.report.events.push({
            id: "rush-failure",
            title: `${spec.vehicle.name} test failure`,
            note: "A rushed programme failed a test.",
            injected: false,
          });
        }
      }
    }
    if (can("covertSale") && st.orders.covertSale) {
      transfer(s, "source:covert", r, p.covertSaleIncome, "covert know-how sale");
      const pDetect = clamp(o.covertDetection + o.covertDetectionRepeat * st.covertSales, 0, 1);
      st.covertSales++;
      if (chance(s.rng, pDetect)) {
        st.covertDetected++;
        w.report.covertDetected.push(r);
        w.tensionTerms.push(named({ cause: "covert", role: r }, o.covertDetectedTension));
      } else {
        st.covertUndetected++;
      }
    }
    // flights for next year: paid now, as far as cash allows
    if (can("flightsNextYear") && spec.vehicle) {
      const each = unitCost("flightsNextYear");
      const n =
        each > 0
          ? Math.min(st.orders.flightsNextYear, Math.floor((Math.max(0, st.cash) + 1e-9) / each))
          : st.orders.flightsNextYear;
      transfer(s, r, "sink:flights", n * each, `${n} flight(s) ordered for next year`);
      st.nextFlights = n;
    }
    if (can("subsidyPool") && st.orders.subsidyPool > 0) {
      const amount = Math.min(cost("subsidyPool"), Math.max(0, st.cash));
      st.cash = round2(st.cash - amount);
      st.pool = round2(amount);
    }
  }
  // diversion, civil funding and the published estimate
  const t = sc.tension;
  for (const r of present(s)) {
    const spec = sc.roles[r];
    const st = s.seats[r];
    if (!spec || !st || spec.archetype !== "state") continue;
    // civil funding (shared/rules/civilFunding.ts): foreign civil income is the open income
    // (the income term of T reads it); know-how sold covertly and the costs and savings of
    // the programme count for the funding too, so every sale and cost moves the score
    let foreign = 0;
    let covert = 0;
    let operations = 0;
    for (const x of s.ledger.slice(w.ledgerStart)) {
      if (x.to === r && (s.seats[x.from] !== undefined || x.from === "source:market"))
        foreign += x.amount;
      else if (x.to === r && x.from === "source:covert") covert += x.amount;
      else if (x.from === r && x.to === "sink:operations") operations += x.amount;
    }
    foreign = round2(foreign);
    w.report.foreignIncome[r] = foreign;
    const upkeepSaved = reducedRoleLevel(spec, st.orders)
      ? p.roleLevelCostFull - p.roleLevelCostReduced
      : 0;
    let civil =
      spec.budgetBase +
      (w.budgetDelta[r] ?? 0) -
      (w.sanctionsLoss[r] ?? 0) +
      foreign +
      covert -
      operations +
      upkeepSaved;
    if (spec.orders.includes("diversion")) {
      const { amount: diverted, share } = divert(civil, st.cash, st.orders.diversion);
      transfer(
        s,
        r,
        "sink:military",
        diverted,
        `${st.orders.diversion} % diverted to the military`,
      );
      // security follows what was really diverted (cash may have capped it); scoring reads the
      // same share back through divertedShare
      if (share !== st.orders.diversion) {
        w.report.diverted ??= {};
        w.report.diverted[r] = share;
      }
      civil -= diverted;
      st.security += securityGain(sc, share);
      const noise = nextInt(s.rng, -t.estimateNoise, t.estimateNoise);
      const estimate = st.orders.acceptInspection
        ? st.orders.diversion
        : clamp(
            Math.round((st.orders.diversion + noise) / t.estimateRounding) * t.estimateRounding,
            0,
            100,
          );
      w.report.diversionEstimate[r] = estimate;
    }
    w.report.civilFunding[r] = round2(civil);
  }
}
