/**
 * The dependence graph of a resolved year: who depends on whom for crew seats, the ride home
 * and money (GAME.md, "Dependence"), read from the year's report, which holds dep(a→b) as the
 * engine computed it at resolution (resolve/indices.ts). Each pair's dependence splits into
 * the mutual part M (the Liberal lens) and the one-sided part V with its exposed side (the
 * Realist lens), by the same functions the indices use. Pure; the board and the debrief draw it.
 */
import { mutualOf, vulnerabilityOf } from "./indices.ts";
import type { RoleId, YearReport } from "./types.ts";
import { pairKey } from "./util.ts";

/** One pair of seats that depend on each other at all. */
export interface DependenceLink {
  /** The pair in table order. */
  a: RoleId;
  b: RoleId;
  /** dep(a→b) and dep(b→a). */
  ab: number;
  ba: number;
  /** M(a,b): what both depend on each other for. */
  mutual: number;
  /** The side that depends more (exposed to the other), or null when both depend as much. */
  exposed: RoleId | null;
  /** The side the exposed one depends on, or null. */
  over: RoleId | null;
  /** V(exposed→over): the one-sided part. */
  vulnerability: number;
  /** `oneSided` when the one-sided part outweighs the mutual part. */
  kind: "mutual" | "oneSided";
}

const depIn = (report: Pick<YearReport, "dependence">, a: RoleId, b: RoleId): number =>
  report.dependence[pairKey(a, b)] ?? 0;

/**
 * The links of one year, strongest first: every pair of `order` (the table's roles) where one
 * side's dependence exceeds `least` (a reader's cut-off; 0 keeps every pair with any).
 */
export function dependenceLinks(
  report: Pick<YearReport, "dependence">,
  order: readonly RoleId[],
  least = 0,
): DependenceLink[] {
  const out: DependenceLink[] = [];
  for (let i = 0; i < order.length; i++) {
    for (let j = i + 1; j < order.length; j++) {
      const a = order[i] as RoleId;
      const b = order[j] as RoleId;
      const ab = depIn(report, a, b);
      const ba = depIn(report, b, a);
      if (Math.max(ab, ba) <= least) continue;
      const m = mutualOf(ab, ba);
      const v = Math.max(vulnerabilityOf(ab, ba), vulnerabilityOf(ba, ab));
      const exposed = ab > ba ? a : ba > ab ? b : null;
      out.push({
        a,
        b,
        ab,
        ba,
        mutual: m,
        exposed,
        over: exposed === null ? null : exposed === a ? b : a,
        vulnerability: v,
        kind: v > m ? "oneSided" : "mutual",
      });
    }
  }
  return out.sort((x, y) => Math.max(y.ab, y.ba) - Math.max(x.ab, x.ba));
}

/** The sum of every dep(a→b) of a year: how tied the table was. */
export function totalDependence(report: Pick<YearReport, "dependence">): number {
  let sum = 0;
  for (const v of Object.values(report.dependence)) sum += v;
  return sum;
}

/** The year whose table was most tied (the first of equals), or null before any year resolved. */
export function peakDependence<R extends Pick<YearReport, "dependence">>(
  reports: readonly R[],
): R | null {
  let best: R | null = null;
  let most = -1;
  for (const r of reports) {
    const t = totalDependence(r);
    if (t > most) {
      best = r;
      most = t;
    }
  }
  return best;
}
