/**
 * The essay study (GAME.md, "Policy lab"): the four US policies, each with
 * one and with three emerging nations at the table and each also with the
 * triangle term at 0; and, per row, the share of paired games (same seeds) in
 * which the policy does better than the status quo on T, on C and on the US's
 * score.
 */
import { ESSAY_NAMES } from "../shared/bots/essay.ts";
import type { Scenario } from "../shared/scenario/schema.ts";
import { type GameResult, pairedWins, percentile, shareAtLeast } from "./labStats.ts";
import type { LabPolicy } from "./labWorker.ts";

/** The numbers of emerging nations the study seats (GAME.md: one and three). */
export const ESSAY_NATIONS = [1, 3] as const;

/** The scenario's emerging nations (states without human spaceflight), default-seated ones first. */
export function emergingRoles(sc: Scenario): string[] {
  const all = Object.entries(sc.roles).filter(
    ([, r]) => r.archetype === "state" && !r.humanSpaceflight,
  );
  return [
    ...all.filter(([, r]) => !r.optional || r.defaultIncluded),
    ...all.filter(([, r]) => r.optional && !r.defaultIncluded),
  ].map(([id]) => id);
}

/**
 * The seats of a row with `n` emerging nations: `base` without its emerging
 * nations, then the first n of them (each with its strategy in `base`, or
 * `strategyFor(role)` when base does not seat it), in the scenario's order.
 */
export function seatsWithNations(
  sc: Scenario,
  base: Record<string, string>,
  n: number,
  strategyFor: (role: string) => string,
): Record<string, string> {
  const nations = new Set(emergingRoles(sc).slice(0, n));
  const all = new Set(emergingRoles(sc));
  const out: Record<string, string> = {};
  for (const role of Object.keys(sc.roles)) {
    if (all.has(role) ? nations.has(role) : Object.hasOwn(base, role))
      out[role] = base[role] ?? strategyFor(role);
  }
  return out;
}

/** The nation counts the scenario can seat (3 becomes 2 when it has only two, and so on). */
export function nationCounts(sc: Scenario): number[] {
  const max = emergingRoles(sc).length;
  return [...new Set(ESSAY_NATIONS.map((n) => Math.min(n, max)))];
}

/** The essay rows: per nation count, each US policy with and without the triangle term. */
export function planEssay(
  sc: Scenario,
  base: Record<string, string>,
  strategyFor: (role: string) => string,
): LabPolicy[] {
  const us = sc.rivalPair[0] as string;
  const rows: LabPolicy[] = [];
  for (const n of nationCounts(sc)) {
    const seats = seatsWithNations(sc, base, n, strategyFor);
    const nations = `${n} emerging`;
    // every row of a nation count plays the same seeds, so each is paired with the status quo
    const seedKey = `essay@${n}`;
    for (const name of ESSAY_NAMES) {
      for (const triangleZero of [false, true]) {
        const suffix = triangleZero ? "-noTriangle" : "";
        rows.push({
          id: `${name}@${n}${suffix}`,
          label: `${name} / ${nations}${triangleZero ? " / no triangle" : ""}`,
          seedKey,
          strategies: { ...seats, [us]: name },
          triangleZero,
          ...(name === ESSAY_NAMES[0] ? {} : { pairWith: `${ESSAY_NAMES[0]}@${n}${suffix}` }),
        });
      }
    }
  }
  return rows;
}

/** One row's paired comparison with its status quo. */
export interface PairedRow {
  id: string;
  label: string;
  /** Share of games ending with T at 100, and the 10th–90th percentile of final T. */
  atCeiling: number;
  p10: number;
  p90: number;
  /** Shares of pairs in which the policy has lower T, higher C, a higher US score; null for the status quo. */
  versus: { lowerT: number; higherC: number; higherUs: number; n: number } | null;
}

/** Each row against the row it is paired with (LabPolicy.pairWith). */
export function pairRows(
  sc: Scenario,
  rows: readonly { policy: LabPolicy; games: readonly GameResult[] }[],
): PairedRow[] {
  const us = sc.rivalPair[0] as string;
  const byId = new Map(rows.map((r) => [r.policy.id, r]));
  return rows.map(({ policy, games }) => {
    const T = games.map((g) => g.finalT);
    const base = policy.pairWith ? byId.get(policy.pairWith) : undefined;
    let versus: PairedRow["versus"] = null;
    if (base) {
      const t = pairedWins(
        T,
        base.games.map((g) => g.finalT),
        false,
      );
      const c = pairedWins(
        games.map((g) => g.finalC),
        base.games.map((g) => g.finalC),
      );
      const u = pairedWins(
        games.map((g) => g.scores?.[us]),
        base.games.map((g) => g.scores?.[us]),
      );
      versus = { lowerT: t.a, higherC: c.a, higherUs: u.a, n: t.n };
    }
    return {
      id: policy.id,
      label: policy.label,
      atCeiling: shareAtLeast(T, 100),
      p10: percentile(T, 10),
      p90: percentile(T, 90),
      versus,
    };
  });
}

const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)} %` : "–");
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "–");

/** The printed block under the essay table. */
export function formatPaired(rows: readonly PairedRow[], usShort: string): string {
  const w = Math.max(6, ...rows.map((r) => r.label.length)) + 2;
  const lines = [
    "",
    `Paired with the status quo on the same seeds: share of games in which the policy has`,
    `lower final T, higher final C, a higher ${usShort} score (ties count for neither side)`,
    "",
    `${"policy".padEnd(w)}${"T = 100".padStart(9)}${"P10–P90 T".padStart(14)}${"lower T".padStart(10)}${"higher C".padStart(10)}${`higher ${usShort}`.padStart(12)}`,
  ];
  for (const r of rows) {
    const v = r.versus;
    lines.push(
      `${r.label.padEnd(w)}${pct(r.atCeiling).padStart(9)}${`${f1(r.p10)}–${f1(r.p90)}`.padStart(14)}${(v ? pct(v.lowerT) : "(base)").padStart(10)}${(v ? pct(v.higherC) : "").padStart(10)}${(v ? pct(v.higherUs) : "").padStart(12)}`,
    );
  }
  return `${lines.join("\n")}\n`;
}
