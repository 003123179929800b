/**
 * The policy lab's balance study (GAME.md, "Balance targets"): which rows it
 * plays, and the pure arithmetic that turns their games into one block per
 * target with the measured values, the target and PASS/FAIL.
 */

import { PROBE_BOTS } from "../shared/bots/probes.ts";
import { shareOfPar } from "../shared/rules/scoring.ts";
import type { Scenario } from "../shared/scenario/schema.ts";
import { ORDER_KINDS, TERM_KINDS } from "../shared/scenario/schema.ts";
import { emergingRoles, planEssay } from "./labEssay.ts";
import {
  bandInside,
  ci95,
  type GameResult,
  type KindCounts,
  mean,
  pairedEffect,
  pairedWins,
  shareAtLeast,
} from "./labStats.ts";
import type { LabPolicy } from "./labWorker.ts";
import { MIXED } from "./labWorker.ts";

// ------------------------------------------------------------------ per-game measures

/**
 * The seat leading after `years` years: the highest cumulative score as a
 * percentage of par (Σ scores of the first `years` reports ÷ (par × years)),
 * ties to the earlier seat in `order` (as the final ranking breaks them).
 * Null when fewer years were played.
 */
export function leaderAfter(
  reports: readonly { scores: Record<string, number> }[],
  pars: Record<string, number>,
  order: readonly string[],
  years = 2,
): string | null {
  if (reports.length < years || order.length === 0) return null;
  let best: string | null = null;
  let bestPct = Number.NEGATIVE_INFINITY;
  for (const r of order) {
    let sum = 0;
    for (let y = 0; y < years; y++) sum += reports[y]?.scores[r] ?? 0;
    const pct = shareOfPar(sum, pars[r] ?? 1, years);
    if (pct > bestPct) {
      best = r;
      bestPct = pct;
    }
  }
  return best;
}

/** Share (0–1) of games each role tops the final ranking in. */
export function topShares(
  games: readonly Pick<GameResult, "topRole">[],
  roles: readonly string[],
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of roles)
    out[r] = games.length ? games.filter((g) => g.topRole === r).length / games.length : Number.NaN;
  return out;
}

/** Share (0–1) of games (that lasted two years) whose leader after year 2 tops the final ranking. */
export function leaderHolds(games: readonly Pick<GameResult, "topRole" | "leaderAfter2">[]): {
  share: number;
  n: number;
} {
  const played = games.filter((g) => g.leaderAfter2 != null);
  const held = played.filter((g) => g.leaderAfter2 === g.topRole).length;
  return { share: played.length ? held / played.length : Number.NaN, n: played.length };
}

/** A role's mean final score over the games that seated it. */
export function meanScore(games: readonly Pick<GameResult, "scores">[], role: string): number {
  return mean(games.map((g) => g.scores?.[role]).filter((x): x is number => typeof x === "number"));
}

/** Sums kind counts (per chunk or per row) into one count per kind. */
export function countKinds(
  parts: readonly (KindCounts | undefined)[],
  which: keyof KindCounts,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of parts)
    for (const [k, n] of Object.entries(p?.[which] ?? {})) out[k] = (out[k] ?? 0) + n;
  return out;
}

/** Adds one count into another (the lab sums its workers' chunks per row). */
export function addKinds(into: KindCounts, part: KindCounts): void {
  for (const which of ["termKinds", "orderKinds"] as const)
    for (const [k, n] of Object.entries(part[which])) into[which][k] = (into[which][k] ?? 0) + n;
}

// ------------------------------------------------------------------ the rows

/** The events-off deck: every card weight 0 and one synthetic card with no effects. */
export function eventsOff(sc: Scenario): Scenario {
  return {
    ...sc,
    deck: [
      ...sc.deck.map((c) => ({ ...c, weight: 0 })),
      {
        id: "quiet-lab",
        title: "quiet",
        note: "lab",
        weight: 1,
        onlyWhenFundingBelow: null,
        effects: [],
      },
    ],
  };
}

/** A probe name `<strategy>+<suffix>` if registered, else the first probe with that suffix. */
function probe(strategy: string, suffix: string): string | null {
  const own = `${strategy}+${suffix}`;
  if (PROBE_BOTS[own]) return own;
  return Object.keys(PROBE_BOTS).find((n) => n.endsWith(`+${suffix}`)) ?? null;
}

/**
 * One role's yearly decision: two strategies for the role that differ in
 * that decision alone (labVariants.ts), played on the same seeds.
 */
export interface Decision {
  role: string;
  decision: string;
  a: string;
  b: string;
}

/**
 * The "real decisions" (GAME.md, "Balance targets"), one per role, each a
 * trade-off the rules price both ways (not spending on flights nobody buys,
 * not investing less than the maximum when investing costs nothing else):
 * - a rival state without a vehicle (the US): keep buying the rival's seats
 *   (status quo) or move its crew to its own companies (cut ties): money,
 *   vulnerability, tension and the single-provider term pull apart;
 * - a state that can divert (Russia): 0 or 25 % diversion: security points
 *   against civil funding and the tension everyone pays for;
 * - a company that sets flights (SpaceX): its list price 20 below or 20 above
 *   the rival's Soyuz price: more buyers (the US buys the cheapest seats,
 *   the market values appeal) against a margin on each seat;
 * - a company that tests (Boeing): Test (pays 40) or Rush (free, may fail);
 * - an emerging nation: fly with the rival's Soyuz or with the first
 *   company's vehicle: price, subsidies (offered on Soyuz), new partners and
 *   secret priorities point different ways in different games. The other
 *   emerging nations play the same role and rules, so the first stands for
 *   them.
 */
export function decisions(sc: Scenario): Decision[] {
  const out: Decision[] = [];
  const [us, russia] = sc.rivalPair as [string, string];
  const provider = Object.entries(sc.roles).find(
    ([, r]) => r.archetype === "company" && r.vehicle && r.vehicle.readinessNeeded === 0,
  )?.[0];
  const rivalPrice = Number(sc.roles[russia]?.defaultOrders.listPrice ?? 90);
  const firstEmerging = emergingRoles(sc)[0];
  for (const [role, spec] of Object.entries(sc.roles)) {
    const kinds = spec.orders;
    if (role === us && !spec.vehicle)
      out.push({ role, decision: "buy the rival's seats or not", a: "statusQuo", b: "cutTies" });
    else if (kinds.includes("diversion"))
      out.push({
        role,
        decision: "diversion 0 or 25 %",
        a: "mixed+diversion=0",
        b: "mixed+diversion=25",
      });
    else if (kinds.includes("readinessMode"))
      out.push({
        role,
        decision: "Test or Rush",
        a: "profit+readinessMode=test",
        b: "profit+readinessMode=rush",
      });
    else if (kinds.includes("flightsNextYear") && kinds.includes("listPrice"))
      out.push({
        role,
        decision: `list price ${rivalPrice - 20} or ${rivalPrice + 20}`,
        a: `profit+listPrice=${rivalPrice - 20}`,
        b: `profit+listPrice=${rivalPrice + 20}`,
      });
    else if (role === firstEmerging && provider)
      out.push({
        role,
        decision: `fly with ${russia} or with ${provider}`,
        a: `mixed+rideWith=${russia}`,
        b: `mixed+rideWith=${provider}`,
      });
  }
  return out;
}

const row = (
  id: string,
  label: string,
  seedKey: string,
  strategies: Record<string, string>,
  extra: Partial<LabPolicy> = {},
): LabPolicy => ({ id, label, seedKey, strategies, triangleZero: false, ...extra });

/** How the study builds a table: a strategy per role, for the seated roles (or every role). */
export interface Tables {
  /** The default seats with the default mix (and any --policy seats). */
  base: Record<string, string>;
  /** The default seats with each seat's strategy from `strategyFor` (--policy seats kept). */
  table(
    strategyFor: (role: string) => string,
    extraRoles?: readonly string[],
  ): Record<string, string>;
}

/** The balance study's rows (GAME.md, "Balance targets"). */
export function planBalance(sc: Scenario, t: Tables): LabPolicy[] {
  const [us, russia] = sc.rivalPair as [string, string];
  const mixed = t.table(() => MIXED);
  const rows: LabPolicy[] = [
    // the essay rows with mixed bots: the tension band and conflict read them
    ...planEssay(sc, mixed, () => MIXED),
    row("equal-default", "equal: default mix", "equal-default", t.base),
    row(
      "equal-liberal",
      "equal: all-liberal",
      "equal-liberal",
      t.table(() => "liberal"),
    ),
    row(
      "equal-realist",
      "equal: all-realist",
      "equal-realist",
      t.table(() => "realist"),
    ),
    row(
      "equal-opportunist",
      "equal: all-opportunist",
      "equal-opportunist",
      t.table(() => "opportunist"),
    ),
    // GAME.md's "mixed bots": every state draws Realist, Liberal or Opportunist per game
    row("mixed", "mixed: strategies drawn per game", "mixed", mixed),
  ];
  const ru = t.base[russia] as string;
  const div0 = probe(ru, "diversion0+inspect") ?? "realist+diversion0+inspect";
  const div25 = probe(ru, "diversion25+inspect") ?? "realist+diversion25+inspect";
  const quiet = { eventsOff: true };
  rows.push(
    row(
      "quiet-statusQuo",
      "events off: statusQuo, no diversion",
      "quiet",
      { ...t.base, [us]: "statusQuo", [russia]: div0 },
      quiet,
    ),
    row(
      "quiet-cutTies",
      "events off: cutTies, no diversion",
      "quiet",
      { ...t.base, [us]: "cutTies", [russia]: div0 },
      quiet,
    ),
    row(
      "quiet-cutTies-div25",
      "events off: cutTies, 25 % diversion",
      "quiet",
      { ...t.base, [us]: "cutTies", [russia]: div25 },
      quiet,
    ),
  );
  // real decisions: the role seated (optional ones too) at the mixed table
  for (const d of decisions(sc)) {
    const table = t.table(() => MIXED, [d.role]);
    rows.push(
      row(`decision-${d.role}-a`, `decision ${d.role}: ${d.a}`, `decision-${d.role}`, {
        ...table,
        [d.role]: d.a,
      }),
      row(
        `decision-${d.role}-b`,
        `decision ${d.role}: ${d.b}`,
        `decision-${d.role}`,
        { ...table, [d.role]: d.b },
        { pairWith: `decision-${d.role}-a` },
      ),
    );
  }
  // aggression: the default table, whose US is the (reciprocating) Liberal
  rows.push(
    row("aggression-realist", `aggression: ${russia} realist`, "aggression", {
      ...t.base,
      [russia]: "realist",
    }),
    row(
      "aggression-firm",
      `aggression: ${russia} realist+diversion=50+firm`,
      "aggression",
      { ...t.base, [russia]: "realist+diversion=50+firm" },
      { pairWith: "aggression-realist" },
    ),
  );
  const extra = sc.orders.maxExtraCrew;
  rows.push(
    row("unlikely-none", `unlikely path: ${russia} mixed+extraCrew=0`, "unlikely", {
      ...mixed,
      [russia]: "mixed+extraCrew=0",
    }),
    row(
      "unlikely-extra",
      `unlikely path: ${russia} mixed+extraCrew=${extra}`,
      "unlikely",
      { ...mixed, [russia]: `mixed+extraCrew=${extra}` },
      { pairWith: "unlikely-none" },
    ),
  );
  return rows;
}

// ------------------------------------------------------------------ the targets

export interface TargetResult {
  n: number;
  title: string;
  target: string;
  lines: string[];
  pass: boolean;
}

const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)} %` : "–");
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "–");
const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : "–");
const pad = (s: string, n: number) => s.padEnd(n);

// The boundaries of the targets, as GAME.md states them (pure predicates, tested at their edges).
/** Each great power tops the ranking in 15–40 % of games. */
export const topShareOk = (x: number) => x >= 0.15 && x <= 0.4;
/** At most 10 % of games end at T = 100 and P10–P90 of final T lies inside [20, 98]. */
export const tensionBandOk = (atCeiling: number, p10: number, p90: number) =>
  atCeiling <= 0.1 && p10 >= 20 && p90 <= 98;
/** The essay rows' mean final T span at least 10 T. */
export const spanOk = (means: readonly number[]) =>
  means.length > 0 && Math.max(...means) - Math.min(...means) >= 10;
/** Conflict in 5–25 % of mixed-bot games. */
export const conflictRateOk = (x: number) => x >= 0.05 && x <= 0.25;
/** Events off: status quo and cutting ties within 8 T; 25 % diversion at least 15 T above 0 %. */
export const quietOk = (sq: number, ct: number, ct25: number) =>
  Math.abs(sq - ct) <= 8 && ct25 - ct >= 15;
/** The leader after year 2 wins less than 60 % of games. */
export const leaderOk = (share: number) => share < 0.6;
/** Neither option wins more than 80 % of pairs, and the mean effect is at least 5 % of the score. */
export const decisionOk = (aWins: number, bWins: number, effect: number) =>
  aWins <= 0.8 && bWins <= 0.8 && effect >= 0.05;
/** The aggressive Russia scores no more than the Realist one. */
export const aggressionOk = (aggressive: number, realist: number) => aggressive <= realist;
/** Extra cosmonauts score less than none in at least 70 % of pairs. */
export const unlikelyOk = (extraLoses: number) => extraLoses >= 0.7;

/** The rows of a study with their games and (from the workers) the kinds used. */
export interface StudyRow {
  policy: LabPolicy;
  games: readonly GameResult[];
  kinds?: KindCounts;
}

/** Evaluates the balance targets from the rows' games (rows as planned by planBalance). */
export function evaluateBalance(
  sc: Scenario,
  rows: readonly StudyRow[],
  roles: readonly string[],
): TargetResult[] {
  const byId = new Map(rows.map((r) => [r.policy.id, r]));
  const games = (id: string) => byId.get(id)?.games ?? [];
  const label = (id: string) => byId.get(id)?.policy.label ?? id;
  const [us, russia] = sc.rivalPair as [string, string];
  const rival = sc.rivalPair.filter((r) => roles.includes(r));
  const width = Math.max(...rows.map((r) => r.policy.label.length), 10) + 2;
  const essay = rows.filter((r) => r.policy.seedKey.startsWith("essay@"));
  const out: TargetResult[] = [];

  // 1. No dominant seat, with mixed bots and with the default mix
  {
    const ids = ["mixed", "equal-default", "equal-liberal", "equal-realist", "equal-opportunist"];
    const lines = [
      `${pad("row", width)}${roles.map((r) => r.padStart(9)).join("")}   (share of games topping the ranking)`,
    ];
    const fails: string[] = [];
    for (const id of ids) {
      const s = topShares(games(id), roles);
      const target = id === "mixed" || id === "equal-default";
      lines.push(
        `${pad(label(id), width)}${roles.map((r) => pct(s[r] as number).padStart(9)).join("")}${target ? "   <- a target row" : ""}`,
      );
      if (!target) continue;
      for (const r of rival) {
        const x = s[r] as number;
        if (!topShareOk(x)) fails.push(`${r} ${pct(x)} in ${label(id)}`);
      }
    }
    if (fails.length) lines.push(`outside 15–40 %: ${fails.join("; ")}`);
    out.push({
      n: 1,
      title: "No dominant seat",
      target: `with mixed bots and with the default mix, each of ${rival.join(" and ")} tops the ranking in 15–40 % of games`,
      lines,
      pass: fails.length === 0,
    });
  }

  // 2. Tension moves in a band
  {
    const equal = ["equal-default", "equal-liberal", "equal-realist", "equal-opportunist", "mixed"];
    const band = [...essay.map((r) => r.policy.id), ...equal];
    const lines = [
      `${pad("row", width)}${"mean T".padStart(8)}${"T = 100".padStart(10)}${"P10–P90".padStart(14)}`,
    ];
    let pass = true;
    for (const id of band) {
      const T = games(id).map((g) => g.finalT);
      if (T.length === 0) continue;
      const ceiling = shareAtLeast(T, 100);
      const b = bandInside(T, 20, 98);
      const ok = tensionBandOk(ceiling, b.p10, b.p90);
      pass &&= ok;
      lines.push(
        `${pad(label(id), width)}${f1(mean(T)).padStart(8)}${pct(ceiling).padStart(10)}${`${f1(b.p10)}–${f1(b.p90)}`.padStart(14)}${ok ? "" : "   <- outside"}`,
      );
    }
    const means = essay.map((r) => mean(r.games.map((g) => g.finalT))).filter(Number.isFinite);
    const span = means.length ? Math.max(...means) - Math.min(...means) : Number.NaN;
    const spanned = spanOk(means);
    lines.push(`essay rows' means of final T span ${f1(span)} T (${spanned ? "≥" : "<"} 10)`);
    out.push({
      n: 2,
      title: "Tension moves in a band",
      target:
        "every essay and equal-bot row: ≤ 10 % of games end at T = 100 and P10–P90 of final T inside [20, 98]; essay rows' means span ≥ 10 T",
      lines,
      pass: pass && spanned,
    });
  }

  // 3. Conflict happens, not usually
  {
    const rate = (id: string) => ci95(games(id).map((g) => (g.conflict ? 1 : 0)));
    const d = rate("mixed");
    const re = rate("equal-realist");
    const li = rate("equal-liberal");
    const show = (c: { mean: number; low: number; high: number }) =>
      `${pct(c.mean)} [${pct(c.low)}, ${pct(c.high)}]`;
    const inRange = conflictRateOk(d.mean);
    const clearly = re.low > li.high;
    const zero = essay.filter((r) => !r.games.some((g) => g.conflict));
    const rates = essay.map((r) => mean(r.games.map((g) => (g.conflict ? 1 : 0))));
    out.push({
      n: 3,
      title: "Conflict happens, but not usually",
      target:
        "mixed bots 5–25 %; all-realist clearly above all-liberal (95 % CIs apart); above 0 % in every essay row",
      lines: [
        `conflict rate, mixed bots:   ${show(d)}  ${inRange ? "in" : "outside"} 5–25 %`,
        `conflict rate, all-realist:  ${show(re)}`,
        `conflict rate, all-liberal:  ${show(li)}  realist ${clearly ? ">" : "not clearly >"} liberal`,
        `essay rows: conflict ${pct(Math.min(...rates))} to ${pct(Math.max(...rates))}; rows at 0 %: ${zero.map((r) => r.policy.label).join(", ") || "none"}`,
      ],
      pass: inRange && clearly && zero.length === 0 && essay.length > 0,
    });
  }

  // 4. Events off: final T
  {
    const t = (id: string) => ci95(games(id).map((g) => g.finalT));
    const sq = t("quiet-statusQuo");
    const ct = t("quiet-cutTies");
    const ct25 = t("quiet-cutTies-div25");
    const gap = Math.abs(sq.mean - ct.mean);
    const added = ct25.mean - ct.mean;
    const show = (id: string, c: { mean: number; low: number; high: number }) =>
      `${pad(label(id), width)}${f1(c.mean).padStart(7)} final T [${f1(c.low)}, ${f1(c.high)}]`;
    out.push({
      n: 4,
      title: "Events off: status quo vs cutting ties, and diversion",
      target: "|statusQuo − cutTies| ≤ 8 T; 25 % diversion ends ≥ 15 T above 0 % (mean final T)",
      lines: [
        show("quiet-statusQuo", sq),
        show("quiet-cutTies", ct),
        show("quiet-cutTies-div25", ct25),
        `|statusQuo − cutTies| = ${f1(gap)} T (${gap <= 8 ? "≤" : ">"} 8); 25 % − 0 % diversion = ${f1(added)} T (${added >= 15 ? "≥" : "<"} 15)`,
      ],
      pass: quietOk(sq.mean, ct.mean, ct25.mean),
    });
  }

  // 5. Not decided early
  {
    const h = leaderHolds(games("mixed"));
    out.push({
      n: 5,
      title: "Not decided early",
      target: "the leader after year 2 (cumulative % of par) wins < 60 % of mixed-bot games",
      lines: [`leader after year 2 tops the final ranking in ${pct(h.share)} of ${h.n} games`],
      pass: leaderOk(h.share),
    });
  }

  // 6. Every term kind and every order used
  {
    const parts = rows.map((r) => r.kinds);
    const terms = countKinds(parts, "termKinds");
    const orders = countKinds(parts, "orderKinds");
    const missingT = TERM_KINDS.filter((k) => !terms[k]);
    const missingO = ORDER_KINDS.filter((k) => !orders[k]);
    out.push({
      n: 6,
      title: "Every term kind and every order is used",
      target:
        "every TERM_KIND in a concluded deal and every ORDER_KIND set by some bot, over all rows",
      lines: [
        `terms (concluded deals): ${TERM_KINDS.map((k) => `${k} ${terms[k] ?? 0}`).join(", ")}`,
        `orders (setOrders): ${ORDER_KINDS.map((k) => `${k} ${orders[k] ?? 0}`).join(", ")}`,
        `never seen: ${[...missingT, ...missingO].join(", ") || "none"}`,
      ],
      pass: missingT.length === 0 && missingO.length === 0,
    });
  }

  // 7. Real decisions
  {
    const lines = [
      "per pair of games (same seed): the share each option scores higher, and mean |a − b| ÷ mean score",
    ];
    let pass = true;
    const ds = decisions(sc);
    for (const d of ds) {
      const a = games(`decision-${d.role}-a`).map((g) => g.scores?.[d.role]);
      const b = games(`decision-${d.role}-b`).map((g) => g.scores?.[d.role]);
      const w = pairedWins(a, b);
      const e = pairedEffect(a, b);
      const ok = decisionOk(w.a, w.b, e);
      pass &&= ok;
      lines.push(
        `${pad(d.role, 8)} ${d.decision}: ${d.a} wins ${pct(w.a)}, ${d.b} wins ${pct(w.b)}, ties ${pct(w.ties)}; effect ${pct(e)} — ${ok ? "ok" : "FAIL"}`,
      );
    }
    const emerging = new Set(emergingRoles(sc));
    const covered = new Set(ds.map((d) => d.role));
    const standIn = ds.find((d) => emerging.has(d.role))?.role;
    const without = roles.filter((r) => !covered.has(r) && !(emerging.has(r) && standIn));
    if (without.length) {
      pass = false;
      lines.push(`no decision defined for: ${without.join(", ")}`);
    }
    out.push({
      n: 7,
      title: "Real decisions",
      target:
        "every role has a yearly decision where neither option wins > 80 % of paired games and the mean effect is ≥ 5 % of the score",
      lines,
      pass,
    });
  }

  // 8. Aggression does not pay
  {
    const re = games("aggression-realist").map((g) => g.scores?.[russia]);
    const ag = games("aggression-firm").map((g) => g.scores?.[russia]);
    const mRe = mean(re.filter((x): x is number => typeof x === "number"));
    const mAg = mean(ag.filter((x): x is number => typeof x === "number"));
    const w = pairedWins(ag, re);
    const usRe = meanScore(games("aggression-realist"), us);
    const usAg = meanScore(games("aggression-firm"), us);
    out.push({
      n: 8,
      title: "Aggression does not pay by itself",
      target: `${russia} diverting 50 % and always Firm scores no more than a Realist ${russia} (default table, paired seeds)`,
      lines: [
        `${russia} mean score: realist ${f2(mRe)}, realist+diversion=50+firm ${f2(mAg)} (${mAg <= mRe ? "≤" : ">"})`,
        `the aggressive ${russia} scores higher in ${pct(w.a)} of pairs, lower in ${pct(w.b)}; ${us} mean score ${f2(usRe)} → ${f2(usAg)}`,
      ],
      pass: aggressionOk(mAg, mRe),
    });
  }

  // 9. The unlikely path
  {
    const none = games("unlikely-none").map((g) => g.scores?.[russia]);
    const extra = games("unlikely-extra").map((g) => g.scores?.[russia]);
    const w = pairedWins(extra, none);
    out.push({
      n: 9,
      title: "The unlikely path stays unlikely",
      target: `${russia} flying extra cosmonauts scores less than not flying them in ≥ 70 % of paired games`,
      lines: [
        `extra cosmonauts score less in ${pct(w.b)} of ${w.n} pairs, more in ${pct(w.a)}, equal in ${pct(w.ties)}`,
      ],
      pass: unlikelyOk(w.b),
    });
  }
  return out;
}

/** The printed blocks and the summary line. */
export function formatBalance(targets: readonly TargetResult[]): string {
  const lines: string[] = ["", "Balance targets (GAME.md)", ""];
  for (const t of targets) {
    lines.push(`[${t.n}] ${t.title} — ${t.pass ? "PASS" : "FAIL"}`);
    lines.push(`    target: ${t.target}`);
    for (const l of t.lines) lines.push(`    ${l}`);
    lines.push("");
  }
  lines.push(`balance: ${targets.filter((t) => t.pass).length} of ${targets.length} targets met`);
  return `${lines.join("\n")}\n`;
}
