/**
 * The resolution of a year, in GAME.md's fixed order:
 * 1 events, 2 capacity, 3 seats (own crews, deals in conclusion order, market),
 * 4 money, 5 orders, 6 pledges and contract conditions, 7 indices,
 * 8 crisis (may pause the year for the crisis phase), 9 score and log.
 */
import type { EventEffect } from "../scenario/schema.ts";
import { crewNeed, reducedRoleLevel } from "./crewNeed.ts";
import { divert, securityGain } from "./diversion.ts";
import {
  cooperation,
  dependence,
  isTriangleSeat,
  moneyReceived,
  mutual,
  trustShare,
  vulnerability,
} from "./indices.ts";
import { type CostlyOrder, orderCost, orderText, orderUnitCost } from "./orders.ts";
import { chance, nextInt } from "./random.ts";
import { dealsInOrder, runsIn } from "./records.ts";
import { addTension } from "./tension.ts";
import type { Deal, FlownSeat, GameState, RoleId, TensionTerm, Term, YearReport } from "./types.ts";
import { clamp, isState, pairKey, rivalOf, round2, transfer } from "./util.ts";

/** Working data of one resolution; kept out of the state. */
interface Work {
  report: YearReport;
  capLoss: Record<RoleId, number>;
  seatsLeft: Record<RoleId, number>;
  rescue: Record<RoleId, RoleId>;
  linked: boolean;
  lifeboatExposure: number;
  outsideOffers: { name: string; seats: number; price: number; appeal: number }[];
  budgetDelta: Record<RoleId, number>;
  sanctionsLoss: Record<RoleId, number>;
  failedDeals: number;
  tensionTerms: TensionTerm[];
  crewNeed: Record<RoleId, number>;
  reducedRole: RoleId[];
  ledgerStart: number;
}

export function emptyReport(year: number, tension: number): YearReport {
  return {
    year,
    events: [],
    capacity: {},
    flown: [],
    dealResults: [],
    transfers: [],
    moneyFlows: {},
    dependence: {},
    mutual: {},
    vulnerability: {},
    triangleSeats: 0,
    trust: 1,
    cooperation: 0,
    cooperationTerms: [],
    tensionBefore: tension,
    tension,
    tensionTerms: [],
    diversionEstimate: {},
    civilFunding: {},
    foreignIncome: {},
    pledges: [],
    covertDetected: [],
    brainDrain: false,
    stance: {},
    crisis: null,
    scores: {},
    scoreTerms: {},
    marketSales: [],
  };
}

const present = (s: GameState) => s.order;
const has = (s: GameState, role: string) => Object.hasOwn(s.seats, role);
const short = (s: GameState, role: string) => s.scenario.roles[role]?.short ?? role;

/** The rival that the Realist diversion terms watch: the first member of the pair with a diversion order. */
export function watchedRival(s: GameState): RoleId | null {
  return (
    s.scenario.rivalPair.find(
      (r) => s.scenario.roles[r]?.orders.includes("diversion") && has(s, r),
    ) ?? null
  );
}

// ---------------------------------------------------------------- step 1

function applyEffect(s: GameState, w: Work, title: string, e: EventEffect): void {
  const role = "role" in e ? e.role : null;
  if (role !== null && !has(s, role)) return; // effects on roles not at this table do nothing
  const st = role !== null ? s.seats[role] : undefined;
  switch (e.kind) {
    case "tension":
      w.tensionTerms.push({ cause: "event", label: title, amount: e.amount });
      break;
    case "capacity":
      w.capLoss[e.role] = (w.capLoss[e.role] ?? 0) + e.seats;
      break;
    case "budgetShare": {
      const amount = Math.abs(e.share) * (s.scenario.roles[e.role]?.budgetBase ?? 0);
      if (e.share < 0)
        transfer(s, e.role, "sink:event", Math.min(amount, Math.max(0, st?.cash ?? 0)), title);
      else transfer(s, "source:event", e.role, amount, title);
      w.budgetDelta[e.role] = (w.budgetDelta[e.role] ?? 0) + Math.sign(e.share) * amount;
      break;
    }
    case "budgetFlat":
      if (e.amount < 0)
        transfer(s, e.role, "sink:event", Math.min(-e.amount, Math.max(0, st?.cash ?? 0)), title);
      else transfer(s, "source:event", e.role, e.amount, title);
      w.budgetDelta[e.role] = (w.budgetDelta[e.role] ?? 0) + e.amount;
      break;
    case "marketBuyers":
      break; // added to the public market list when the card was drawn or injected
    case "trust":
      for (let i = 0; i < Math.abs(e.amount); i++)
        s.trustRecords.push({ year: s.year, kept: e.amount > 0 });
      break;
    case "readiness":
      if (st) st.readiness = Math.max(0, st.readiness + e.amount);
      break;
    case "capability":
      if (st) st.capability = Math.max(0, st.capability + e.amount);
      break;
    case "prestige":
      if (st) st.prestige += e.amount;
      break;
    case "reputation":
      if (st) st.reputation += e.amount;
      break;
    case "crisisOnEarth": {
      const t = s.scenario.tension;
      const linked = s.scenario.rivalPair.some((r) => s.seats[r]?.stance === "link");
      for (const r of s.scenario.rivalPair)
        w.report.stance[r] = s.seats[r]?.stance || "compartmentalise";
      w.linked = w.linked || linked;
      w.tensionTerms.push(
        linked
          ? {
              cause: "crisisOnEarth",
              label: `${title}: space deals linked and suspended`,
              amount: t.crisisOnEarthLink,
            }
          : {
              cause: "crisisOnEarth",
              label: `${title}: space compartmentalised`,
              amount: t.crisisOnEarthCompartmentalise,
            },
      );
      break;
    }
    case "rescue":
      if (has(s, e.failed) && has(s, e.rescuer)) w.rescue[e.failed] = e.rescuer;
      break;
    case "lifeboatExposure":
      w.lifeboatExposure += e.tensionPerShare;
      break;
    case "outsideOffer":
      w.outsideOffers.push({ name: e.name, seats: e.seats, price: e.price, appeal: e.appeal });
      break;
  }
}

// ---------------------------------------------------------------- step 3: deals

type Plan = {
  flown: FlownSeat[];
  moves: { from: string; to: string; amount: number; reason: string }[];
  swaps: { giver: RoleId; crew: RoleId; seats: number }[];
};

/** Checks and plans one year of a deal; returns the plan or the reason it fails and who is at fault. */
function planDeal(
  s: GameState,
  w: Work,
  deal: Deal,
): { ok: true; plan: Plan } | { ok: false; reason: string; fault: RoleId } {
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
    plan.moves.push({ from, to, amount, reason });
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
                reason: `${short(s, sub.payer)} could not pay the subsidy`,
                fault: sub.payer,
              };
            }
            perSeatSub += amount / t.seats;
          }
          if (!pay(t.buyer, t.provider, (t.price - perSeatSub) * t.seats, "seat purchase")) {
            return {
              ok: false,
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
      case "contract":
        if (!pay(t.state, t.company, t.value, "contract")) {
          return {
            ok: false,
            reason: `${short(s, t.state)} could not pay the contract`,
            fault: t.state,
          };
        }
        break;
      case "techTransfer":
        if ((s.seats[t.provider]?.capability ?? 0) < t.points) {
          return {
            ok: false,
            reason: `${short(s, t.provider)} lacked the know-how`,
            fault: t.provider,
          };
        }
        if (!pay(t.recipient, t.provider, t.price, "know-how")) {
          return {
            ok: false,
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
    if (m.reason.startsWith("subsidy") && payer && payer.pool > 0) {
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

function runDeals(s: GameState, w: Work): void {
  const [r0, r1] = s.scenario.rivalPair;
  // in conclusion order: a deal's seq is the number in its id, and dealsInOrder reads them by it
  const deals = dealsInOrder(s).filter((d) => runsIn(d, s.year));
  for (const deal of deals) {
    const key = String(s.year);
    if (w.linked && deal.parties.includes(r0) && deal.parties.includes(r1)) {
      deal.results[key] = "void: space deals linked to the crisis on Earth";
      w.report.dealResults.push({ deal: deal.id, result: deal.results[key], fault: null });
      deal.yearsDone++;
      if (deal.yearsDone >= deal.years) deal.status = "completed";
      continue;
    }
    const planned = planDeal(s, w, deal);
    if (!planned.ok) {
      deal.status = "failed";
      deal.results[key] = `failed: ${planned.reason}`;
      w.report.dealResults.push({ deal: deal.id, result: deal.results[key], fault: planned.fault });
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
    w.report.dealResults.push({ deal: deal.id, result: "executed", fault: null });
    s.trustRecords.push({ year: s.year, kept: true });
  }
}

// ---------------------------------------------------------------- step 3: market

function runMarket(s: GameState, w: Work): void {
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

// ---------------------------------------------------------------- steps 4–5

function payCosts(s: GameState, w: Work): void {
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

/** Spends what the orders ask, as far as cash allows, and applies their effects. */
function applyOrders(s: GameState, w: Work): void {
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
        w.tensionTerms.push({
          cause: "covert",
          label: `${spec.short}'s covert know-how sale detected`,
          amount: o.covertDetectedTension,
        });
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
    const incoming = s.ledger
      .slice(w.ledgerStart)
      .filter((x) => x.to === r && (s.seats[x.from] !== undefined || x.from === "source:market"));
    const foreign = round2(incoming.reduce((sum, x) => sum + x.amount, 0));
    w.report.foreignIncome[r] = foreign;
    let civil = spec.budgetBase + (w.budgetDelta[r] ?? 0) - (w.sanctionsLoss[r] ?? 0) + foreign;
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

// ---------------------------------------------------------------- step 6

function orderValue(s: GameState, role: string, order: string): unknown {
  const orders = s.seats[role]?.orders as unknown as Record<string, unknown> | undefined;
  return orders ? orders[order] : undefined;
}

function checkPledgesAndContracts(s: GameState, w: Work): void {
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

// ---------------------------------------------------------------- step 7

function computeIndices(s: GameState, w: Work): void {
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
  terms.push({
    cause: "drift",
    label: "tension drifts back toward its history",
    amount: t.drift * (sc.startTension - T),
  });
  const v01 = vulnerability(dep, r0, r1);
  const v10 = vulnerability(dep, r1, r0);
  const [exposed, over, v] = v01 >= v10 ? [r0, r1, v01] : [r1, r0, v10];
  const parts = dep[pairKey(exposed, over)];
  const why =
    v < 0.005
      ? "(nobody is exposed)"
      : parts && parts.lifeboat > 0 && parts.crew > 0
        ? "for the ride and the lifeboat"
        : parts && parts.money > 0
          ? "for money"
          : "for crew seats";
  terms.push({
    cause: "vulnerability",
    label: `${short(s, exposed)} depends on ${short(s, over)} ${why}`,
    amount: t.vulnerability * v,
  });
  const watched = watchedRival(s);
  if (watched) {
    const d = r.diversionEstimate[watched] ?? 0;
    const inspected = s.seats[watched]?.orders.acceptInspection ?? false;
    terms.push({
      cause: "diversion",
      label: `${short(s, watched)} diverted ~${d} % to the military (${inspected ? "inspected" : "published estimate"})`,
      amount: t.diversionEstimate * d,
    });
    const other = rivalOf(sc, watched) as string;
    const paid = moneyReceived(betweenSeats)[pairKey(watched, other)] ?? 0;
    terms.push({
      cause: "moneyToMilitary",
      label: `what ${short(s, other)} pays ${short(s, watched)} may fund its military`,
      amount: (paid * d) / 100 / t.moneyDivisor,
    });
    const base = sc.roles[watched]?.budgetBase ?? 0;
    const lost = Math.max(0, t.incomeReference - (r.foreignIncome[watched] ?? 0));
    terms.push({
      cause: "incomeLoss",
      label: `${short(s, watched)}'s civil programme lost ${Math.round(lost)} of foreign income`,
      amount: base > 0 ? (t.incomeLoss * lost) / base : 0,
    });
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
    terms.push({
      cause: "sanctions",
      label: `${short(s, x)} sanctions level ${st.orders.sanctions}`,
      amount: t.sanctionsPerLevel * st.orders.sanctions,
    });
  }
  terms.push({
    cause: "failedDeals",
    label: `${w.failedDeals} failed deal(s)`,
    amount: t.failedDeal * w.failedDeals,
  });
  terms.push({
    cause: "cooperation",
    label: "cooperation restrains tension",
    amount: -t.cooperation * coop.value,
  });
  if (w.lifeboatExposure > 0) {
    const share = Math.max(
      dep[pairKey(r0, r1)]?.lifeboat ?? 0,
      dep[pairKey(r1, r0)]?.lifeboat ?? 0,
    );
    terms.push({
      cause: "event",
      label: "ISS emergency: crews exposed without a lifeboat of their own",
      amount: w.lifeboatExposure * share,
    });
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
      terms.push({
        cause: "brainDrain",
        label: `brain drain from ${short(s, bd.role)}'s starved civil programme`,
        amount: bd.tension,
      });
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

// ---------------------------------------------------------------- the year

/** Seats up to n of a provider's own crew on its own vehicle, in the seats still left. */
function seatOwnCrew(w: Work, r: RoleId, wanted: number): void {
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

/** Runs steps 1–8. Returns true when a crisis phase must follow before the year is scored. */
export function resolveYear(s: GameState): boolean {
  const sc = s.scenario;
  const w: Work = {
    report: emptyReport(s.year, s.tension),
    capLoss: {},
    seatsLeft: {},
    rescue: {},
    linked: false,
    lifeboatExposure: 0,
    outsideOffers: [],
    budgetDelta: {},
    sanctionsLoss: {},
    failedDeals: 0,
    tensionTerms: [],
    crewNeed: {},
    reducedRole: [],
    ledgerStart: s.ledger.length,
  };
  // the year's budget was credited at its start; include it in this year's transfers
  w.ledgerStart = s.ledger.findIndex((t) => t.year === s.year);
  if (w.ledgerStart < 0) w.ledgerStart = s.ledger.length;

  // 1. events
  for (const { card, injected } of s.events) {
    w.report.events.push({ id: card.id, title: card.title, note: card.note, injected });
    for (const e of card.effects) applyEffect(s, w, card.title, e);
  }
  // 2. capacity
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
  // 3. seats: own crews, deals, market
  for (const r of s.order) {
    const spec = sc.roles[r];
    const st = s.seats[r];
    if (!spec || !st) continue;
    if (reducedRoleLevel(spec, st.orders)) w.reducedRole.push(r);
    w.crewNeed[r] = crewNeed(sc, r, st.orders);
    if (!spec.vehicle) continue;
    seatOwnCrew(w, r, w.crewNeed[r] ?? 0);
  }
  runDeals(s, w);
  // Fix (rule tests): extra cosmonauts "fly own spare seats" (GAME.md, Orders), so they are
  // seated after the deals, in the seats left over, instead of before the deals (which
  // made the provider's own concluded deals fail, at its fault).
  for (const r of s.order) {
    const spec = sc.roles[r];
    const st = s.seats[r];
    if (!spec?.vehicle || !st || !spec.orders.includes("extraCrew")) continue;
    seatOwnCrew(w, r, st.orders.extraCrew);
  }
  runMarket(s, w);
  // 4. money
  payCosts(s, w);
  // 5. orders
  applyOrders(s, w);
  // 6. pledges and contract conditions
  checkPledgesAndContracts(s, w);
  // crew statistics for scoring and priorities
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
  // 7. indices
  computeIndices(s, w);
  s.pending = w.report;
  // 8. crisis
  return s.tension >= sc.crisis.threshold;
}
