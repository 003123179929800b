/**
 * Dependence, mutual dependence (Liberal), vulnerability (Realist), cooperation C
 * and tension T — each term named with its amount, so reports can show a waterfall.
 */
import type { Scenario } from "../scenario/schema.ts";
import { type CooperationTerm, named } from "./details.ts";
import type { FlownSeat, RoleId, Transfer } from "./types.ts";
import { clamp, pairKey } from "./util.ts";

export interface DependenceInput {
  scenario: Scenario;
  present: readonly RoleId[];
  flown: readonly FlownSeat[];
  transfers: readonly Transfer[];
  /** Crew need this year per role (Russia's is lower with a reduced ISS role). */
  crewNeed: Record<RoleId, number>;
  /** Roles that reduced their ISS role this year: their crew ties with the rival are scaled. */
  reducedRole: readonly RoleId[];
}

export interface DependenceParts {
  crew: number;
  money: number;
  lifeboat: number;
  total: number;
}

/** Money each role received from each other role this year ("a>b": what a received from b). */
export function moneyReceived(transfers: readonly Transfer[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of transfers) {
    const k = pairKey(t.to, t.from);
    out[k] = (out[k] ?? 0) + t.amount;
  }
  return out;
}

/** dep(a→b) with its three parts, for every ordered pair of roles at the table. */
export function dependence(input: DependenceInput): Record<string, DependenceParts> {
  const { scenario, present, flown, transfers, crewNeed, reducedRole } = input;
  const w = scenario.dependence;
  const received = moneyReceived(transfers);
  const out: Record<string, DependenceParts> = {};
  const [r0, r1] = scenario.rivalPair;
  for (const a of present) {
    const spec = scenario.roles[a];
    if (!spec) continue;
    let crewOfA = 0;
    for (const f of flown) if (f.crew === a) crewOfA++;
    for (const b of present) {
      if (a === b) continue;
      // a's crew seats provided by b, and those whose ride home is b's (counted, not listed)
      let byB = 0;
      let homeWithB = 0;
      for (const f of flown) {
        if (f.crew !== a) continue;
        if (f.providedBy === b) byB++;
        if (f.rideHome === b) homeWithB++;
      }
      const need = crewNeed[a] ?? 0;
      let crew = need > 0 ? Math.min(1, byB / need) : 0;
      const rivals = (a === r0 && b === r1) || (a === r1 && b === r0);
      if (rivals && (reducedRole.includes(a) || reducedRole.includes(b)))
        crew *= scenario.orders.reducedCrewTie;
      const base = spec.budgetBase * w.criticalShare;
      const money = base > 0 ? Math.min(1, (received[pairKey(a, b)] ?? 0) / base) : 0;
      const lifeboat = crewOfA > 0 ? homeWithB / crewOfA : 0;
      const total = w.crewWeight * crew + w.moneyWeight * money + w.lifeboatWeight * lifeboat;
      out[pairKey(a, b)] = { crew, money, lifeboat, total };
    }
  }
  return out;
}

export function depOf(dep: Record<string, DependenceParts>, a: string, b: string): number {
  return dep[pairKey(a, b)]?.total ?? 0;
}

/** M from the two dependences of a pair: min(dep(a→b), dep(b→a)). */
export function mutualOf(ab: number, ba: number): number {
  return Math.min(ab, ba);
}

/** V(a→b) from the two dependences of a pair: max(0, dep(a→b) − dep(b→a)). */
export function vulnerabilityOf(ab: number, ba: number): number {
  return Math.max(0, ab - ba);
}

/** M(a,b) = min(dep(a→b), dep(b→a)). */
export function mutual(dep: Record<string, DependenceParts>, a: string, b: string): number {
  return mutualOf(depOf(dep, a, b), depOf(dep, b, a));
}

/** V(a→b) = max(0, dep(a→b) − dep(b→a)). */
export function vulnerability(dep: Record<string, DependenceParts>, a: string, b: string): number {
  return vulnerabilityOf(depOf(dep, a, b), depOf(dep, b, a));
}

/** An executed seat whose payer, provider and beneficiary are three different states. */
export function isTriangleSeat(scenario: Scenario, f: FlownSeat): boolean {
  if (f.crew === "market" || f.providedBy === "outside") return false;
  const states = stateRoles(scenario);
  if (!states.has(f.crew) || !states.has(f.providedBy)) return false;
  for (const p of f.payers) if (p !== f.crew && p !== f.providedBy && states.has(p)) return true;
  return false;
}

/** The roles of a scenario that are states (scenarios are never changed once loaded). */
const stateRoleCache = new WeakMap<Scenario, Set<string>>();
function stateRoles(scenario: Scenario): Set<string> {
  let out = stateRoleCache.get(scenario);
  if (!out) {
    out = new Set();
    for (const [r, spec] of Object.entries(scenario.roles))
      if (spec?.archetype === "state") out.add(r);
    stateRoleCache.set(scenario, out);
  }
  return out;
}

export interface CooperationResult {
  value: number;
  terms: CooperationTerm[];
}

/** C = rival M + other states' M + triangle seats + trust, each saturating (GAME.md, "Cooperation"). */
export function cooperation(
  scenario: Scenario,
  present: readonly RoleId[],
  dep: Record<string, DependenceParts>,
  triangleSeats: number,
  trust: number,
): CooperationResult {
  const c = scenario.cooperation;
  const [r0, r1] = scenario.rivalPair;
  const states = present.filter((r) => scenario.roles[r]?.archetype === "state");
  let others = 0;
  for (let i = 0; i < states.length; i++) {
    for (let j = i + 1; j < states.length; j++) {
      const a = states[i] as string;
      const b = states[j] as string;
      if ((a === r0 && b === r1) || (a === r1 && b === r0)) continue;
      others += mutual(dep, a, b);
    }
  }
  const terms: CooperationTerm[] = [
    named(
      { cause: "rivalMutual", a: r0, b: r1 },
      c.rivalWeight * Math.min(1, mutual(dep, r0, r1) / c.mutualSaturation),
    ),
    named({ cause: "otherMutual" }, c.othersWeight * Math.min(1, others / c.mutualSaturation)),
    named(
      { cause: "triangle", seats: triangleSeats },
      c.triangleWeight * Math.min(1, triangleSeats / c.triangleSaturation),
    ),
    named({ cause: "trust", percent: Math.round(trust * 100) }, c.trustWeight * trust),
  ];
  const value = clamp(
    terms.reduce((s, t) => s + t.amount, 0),
    0,
    100,
  );
  return { value, terms };
}

/** The share of deals and checkable pledges kept in the trust window; 1 when there were none. */
export function trustShare(
  records: readonly { year: number; kept: boolean }[],
  year: number,
  window: number,
): number {
  let recent = 0;
  let kept = 0;
  for (const r of records) {
    if (r.year > year - window && r.year <= year) {
      recent++;
      if (r.kept) kept++;
    }
  }
  if (recent === 0) return 1;
  return kept / recent;
}
