/**
 * Scoring: each role's yearly objectives and the end of the game (audit, peace dividend,
 * conflict, secret priorities, ranking and the three verdicts). The crisis's points are
 * added by crisis.ts before the year is scored.
 */
import type { Objective, PriorityCheck } from "../scenario/schema.ts";
import { civilFundingPoints, civilTarget } from "./civilFunding.ts";
import { crewNeed } from "./crewNeed.ts";
import { named } from "./details.ts";
import { divertedShare, securityGain } from "./diversion.ts";
import { isTriangleSeat } from "./indices.ts";
import { watchedRival } from "./resolve.ts";
import { addTension } from "./tension.ts";
import type {
  GameState,
  Outcome,
  RoleId,
  ScoreTerm,
  SeatState,
  Verdicts,
  YearReport,
} from "./types.ts";
import { clamp, pairKey, pairRoles, rivalOf, round2 } from "./util.ts";

/** A role's part of the year's report, which every objective of the role reads. */
interface RoleYear {
  /** Seats its crew flew. */
  own: YearReport["flown"];
  /** Transfers it paid and received. */
  out: YearReport["transfers"];
  inn: YearReport["transfers"];
}

function roleYear(r: YearReport, role: RoleId): RoleYear {
  const own: YearReport["flown"] = [];
  for (const f of r.flown) if (f.crew === role) own.push(f);
  const out: YearReport["transfers"] = [];
  const inn: YearReport["transfers"] = [];
  for (const t of r.transfers) {
    if (t.from === role) out.push(t);
    if (t.to === role) inn.push(t);
  }
  return { own, out, inn };
}

function objectiveTerm(
  s: GameState,
  r: YearReport,
  role: RoleId,
  o: Objective,
  mine: RoleYear,
): ScoreTerm | null {
  const sc = s.scenario;
  const spec = sc.roles[role];
  const st = s.seats[role] as SeatState;
  if (!spec) return null;
  const { own, out, inn } = mine;
  const sum = (xs: { amount: number }[]) => xs.reduce((a, x) => a + x.amount, 0);
  switch (o.kind) {
    case "crewMet": {
      const need = crewNeed(sc, role, st.orders);
      if (need === 0) return null;
      const flown = Math.min(need, own.length);
      const gap = need - flown;
      return named(
        { cause: "crewMet", flown, need },
        (o.points * flown) / need - o.gapPoints * gap,
      );
    }
    case "moneySaved": {
      const budget = spec.budgetBase;
      if (budget <= 0) return null;
      const spent = sum(
        out.filter((t) => !t.to.startsWith("sink:sanctions") && !t.to.startsWith("sink:event")),
      );
      const saved = clamp((budget - spent) / budget, 0, 1);
      return named({ cause: "moneySaved", percent: Math.round(saved * 100) }, o.points * saved);
    }
    case "lowVulnerability": {
      const rival = rivalOf(sc, role);
      const v = rival
        ? (r.vulnerability[pairKey(role, rival)] ?? 0)
        : Math.max(
            0,
            ...Object.entries(r.vulnerability)
              .filter(([k]) => pairRoles(k)[0] === role)
              .map(([, x]) => x),
          );
      return named({ cause: "lowVulnerability", vulnerability: round2(v) }, o.points * (1 - v));
    }
    case "homeProviders": {
      const home = s.order.filter((x) => sc.roles[x]?.homeState === role);
      if (home.length === 0) return null;
      const flying = home.filter((x) => own.some((f) => f.vehicle === x)).length;
      return named(
        { cause: "homeProviders", flying, of: home.length },
        (o.points * flying) / home.length,
      );
    }
    case "lowTension":
      return named(
        { cause: "lowTension", tension: round2(r.tension) },
        o.points * (1 - r.tension / 100),
      );
    case "civilFunding": {
      const target = civilTarget(sc, role);
      if (target <= 0) return null;
      const civil = r.civilFunding[role] ?? 0;
      return named(
        { cause: "civilFunding", funding: round2(civil), target: round2(target) },
        civilFundingPoints(sc, role, o, civil),
      );
    }
    case "crewsFlown": {
      const n = r.flown.filter((f) => f.vehicle === role).length;
      return named({ cause: "crewsFlown", crew: n }, o.points * n);
    }
    case "security": {
      const gained = spec.orders.includes("diversion")
        ? securityGain(sc, divertedShare(r, role, st.orders.diversion))
        : 0;
      return gained
        ? named({ cause: "security", gained: round2(gained) }, o.points * gained)
        : null;
    }
    case "prestige":
      return named({ cause: "prestige", prestige: st.prestige }, o.points * st.prestige);
    case "profit": {
      const profit = sum(inn) - sum(out);
      return named(
        { cause: "profit", profit: round2(profit) },
        (o.points * profit) / sc.scoring.profitUnit,
      );
    }
    case "seatShare": {
      const all = r.flown.length;
      const mine = r.flown.filter((f) => f.vehicle === role).length;
      return all > 0 ? named({ cause: "seatShare", mine, all }, (o.points * mine) / all) : null;
    }
    case "reputation":
      return named({ cause: "reputation", reputation: st.reputation }, o.points * st.reputation);
    case "astronautsFlown": {
      // points for at most the nation's ambition a year: buying every seat is no strategy
      const counted = Math.min(own.length, o.ambition);
      return own.length
        ? named({ cause: "astronautsFlown", flown: own.length, counted }, o.points * counted)
        : null;
    }
    case "singleProvider":
      return singleProviderTerm(s, role, o.points, o.share, own);
    case "capabilityGained": {
      const gained = Math.max(0, st.capability - st.yearStartCapability);
      return gained ? named({ cause: "capabilityGained", gained }, o.points * gained) : null;
    }
    case "newPartners": {
      const before = new Set<string>();
      for (const x of s.reports)
        for (const f of x.flown) if (f.crew === role) before.add(f.providedBy);
      const fresh = new Set<string>();
      for (const f of own) {
        const p = f.providedBy;
        if (p !== role && p !== "outside" && !before.has(p)) fresh.add(p);
      }
      return fresh.size
        ? named({ cause: "newPartners", partners: fresh.size }, o.points * fresh.size)
        : null;
    }
  }
}

/**
 * Monopoly risk (GAME.md, "no single provider"): a loss in a year when one company flew more
 * than `share` of the role's crew.
 */
function singleProviderTerm(
  s: GameState,
  role: RoleId,
  points: number,
  share: number,
  own: YearReport["flown"],
): ScoreTerm | null {
  if (own.length === 0) return null;
  const byCompany = new Map<string, number>();
  for (const f of own)
    if (s.scenario.roles[f.vehicle]?.archetype === "company")
      byCompany.set(f.vehicle, (byCompany.get(f.vehicle) ?? 0) + 1);
  let top: string | null = null;
  let n = 0;
  for (const [c, k] of byCompany) if (k > n) [top, n] = [c, k];
  if (top === null || n / own.length <= share) return null;
  return named(
    { cause: "singleProvider", company: top, role, percent: Math.round((100 * n) / own.length) },
    -points,
  );
}
/** Scores the year into the pending report (step 9). Crisis points are already in it. */
export function scoreYear(s: GameState, r: YearReport): void {
  const sc = s.scenario;
  for (const role of s.order) {
    const spec = sc.roles[role];
    const st = s.seats[role];
    if (!spec || !st) continue;
    const terms: ScoreTerm[] = [...(r.scoreTerms[role] ?? [])];
    const mine = roleYear(r, role);
    for (const o of spec.objectives) {
      const term = objectiveTerm(s, r, role, o, mine);
      if (term) terms.push(term);
    }
    const broken = r.pledges.filter(
      (p) => p.by === role && !p.kept && !p.text.startsWith("contract"),
    ).length;
    if (broken)
      terms.push(
        named({ cause: "brokenPledges", pledges: broken }, -sc.scoring.brokenPledgePoints * broken),
      );
    const faults = r.dealResults.filter((d) => d.fault === role).length;
    if (faults)
      terms.push(
        named({ cause: "failedDeals", deals: faults }, -sc.scoring.failedDealPoints * faults),
      );
    let sum = 0;
    const rounded: ScoreTerm[] = [];
    for (const t of terms) {
      sum += t.amount;
      rounded.push({ cause: t.cause, detail: t.detail, amount: round2(t.amount) });
    }
    const points = round2(sum);
    r.scores[role] = points;
    r.scoreTerms[role] = rounded;
    st.score = round2(st.score + points);
    st.scoreByYear.push(points);
  }
}

function priorityMet(_s: GameState, st: SeatState, check: PriorityCheck): boolean {
  switch (check.kind) {
    case "distinctVehicles":
      return st.vehiclesFlown.length >= check.count;
    case "firstFlightBy":
      return st.firstFlightYear !== null && st.firstFlightYear <= check.year;
    case "capabilityAtLeast":
      return st.capability >= check.points;
    case "maxPricePaid":
      return st.astronautsFlown > 0 && st.highestPricePaid <= check.price;
    case "astronautsAtLeast":
      return st.astronautsFlown >= check.count;
  }
}

function verdicts(s: GameState): Verdicts {
  const sc = s.scenario;
  const reports = s.reports;
  const last = reports[reports.length - 1];
  const [a, b] = sc.rivalPair;
  const triangles = reports.reduce(
    (n, r) => n + r.flown.filter((f) => isTriangleSeat(sc, f)).length,
    0,
  );
  const trust = last ? Math.round(last.trust * 100) : 100;
  const C = Math.round(s.cooperation);
  const cut = sc.scoring.verdicts;
  // whether interdependence restrained tension is read from T, not from C alone: at a high
  // final T, or after crises, the verdict must not praise restraint
  const T = Math.round(s.tension);
  const crises = reports.filter((r) => r.crisis !== null).length;
  const restrained = s.tension < cut.restrainedBelow;
  const liberal: Verdicts["liberal"] = {
    cooperation: C,
    triangleSeats: triangles,
    trustPercent: trust,
    tension: T,
    crises,
    level: C >= cut.cooperationHeld ? "held" : C >= cut.cooperationThin ? "thin" : "apart",
    restrained,
  };
  const vab = last?.vulnerability[pairKey(a, b)] ?? 0;
  const vba = last?.vulnerability[pairKey(b, a)] ?? 0;
  const watched = watchedRival(s);
  const diverted = watched
    ? reports.reduce(
        (n, r) => n + (s.seats[watched] ? (r.diversionEstimate[watched] ?? 0) : 0),
        0,
      ) / Math.max(1, reports.length)
    : 0;
  const exposed: Verdicts["realist"]["exposed"] =
    vab > vba + cut.exposedMargin
      ? { role: a, to: b, vulnerability: round2(vab) }
      : vba > vab + cut.exposedMargin
        ? { role: b, to: a, vulnerability: round2(vba) }
        : null;
  const realist: Verdicts["realist"] = {
    exposed,
    diversion: watched ? { role: watched, percent: Math.round(diverted) } : null,
  };
  // the market is the seats flown for others: a state flying its own crew is no provider
  const forOthers = reports.flatMap((r) => r.flown.filter((f) => f.vehicle !== f.crew));
  const sold = forOthers.filter((f) => f.price > 0);
  const providers = new Map<string, number>();
  for (const f of forOthers) providers.set(f.vehicle, (providers.get(f.vehicle) ?? 0) + 1);
  const total = [...providers.values()].reduce((x, y) => x + y, 0);
  const top = [...providers.entries()].sort((x, y) => y[1] - x[1])[0];
  const avg = sold.length ? Math.round(sold.reduce((x, f) => x + f.price, 0) / sold.length) : 0;
  const share = top && total ? Math.round((top[1] / total) * 100) : 0;
  const market: Verdicts["market"] = {
    averagePrice: avg,
    providers: providers.size,
    largest: top ? top[0] : null,
    sharePercent: share,
    monopoly: share >= cut.monopolyShare,
  };
  return { liberal, realist, market };
}

/** A score as a percentage of its role's par over the years played (par is points per year). */
export function shareOfPar(score: number, par: number, years: number): number {
  return (100 * score) / ((par || 1) * Math.max(1, years));
}

/** Ends the game: audit, peace dividend, conflict, secret priorities, ranking, verdicts. */
export function finishGame(s: GameState, reason: Outcome["reason"]): Outcome {
  const sc = s.scenario;
  const conflict = reason === "conflict";
  const audit =
    s.order.reduce((n, r) => n + (s.seats[r]?.covertUndetected ?? 0), 0) *
    sc.orders.auditTensionPerSale;
  const finalTension = addTension(s.tension, [{ amount: audit }]);
  s.tension = finalTension;
  const d = sc.scoring;
  const peace = round2(
    clamp(
      (d.peaceDividendMax * (d.peaceDividendZeroAt - finalTension)) / d.peaceDividendSpan,
      0,
      d.peaceDividendMax,
    ),
  );
  const finalScores: Record<RoleId, number> = {};
  const percentOfPar: Record<RoleId, number> = {};
  const years = Math.max(1, s.reports.length);
  for (const r of s.order) {
    const st = s.seats[r] as SeatState;
    let score = st.score + peace;
    if (st.priority && priorityMet(s, st, st.priority.check)) score += st.priority.points;
    // a conflict costs every seat half its score's size: a negative score does not improve
    if (conflict) score -= Math.abs(score) * (1 - d.conflictFactor);
    st.score = round2(score);
    finalScores[r] = st.score;
    percentOfPar[r] = round2(shareOfPar(st.score, sc.roles[r]?.par ?? 1, years));
  }
  const ranking = [...s.order].sort(
    (x, y) =>
      (percentOfPar[y] ?? 0) - (percentOfPar[x] ?? 0) || s.order.indexOf(x) - s.order.indexOf(y),
  );
  return {
    conflict,
    reason,
    auditTension: audit,
    finalTension,
    peaceDividend: peace,
    finalScores,
    percentOfPar,
    ranking,
    verdicts: verdicts(s),
  };
}
