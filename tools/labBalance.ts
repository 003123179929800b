/**
 * The policy lab's balance study (GAME.md, "Balance targets"): which rows it
 * plays, and the pure arithmetic that turns their games into one block per
 * target with the measured values, the target and PASS/FAIL.
 */

import { defaultStrategy } from "../shared/bots/index.ts";
import { PROBE_BOTS } from "../shared/bots/probes.ts";
import { shareOfPar } from "../shared/rules/scoring.ts";
import type { Scenario } from "../shared/scenario/schema.ts";
import { ORDER_KINDS, TERM_KINDS } from "../shared/scenario/schema.ts";
import { ci95, type GameResult, mean } from "./labStats.ts";
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

/** Mean change of T per year played: (T after the last year, before the audit − start T) ÷ years. */
export function tPerYear(g: Pick<GameResult, "tByYear" | "startT">): number {
  const n = g.tByYear.length;
  if (n === 0 || g.startT === undefined) return Number.NaN;
  return ((g.tByYear[n - 1] as number) - g.startT) / n;
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

/** |a − b| ÷ max(|a|, |b|): 0 when both are 0. */
export function relativeChange(a: number, b: number): number {
  const m = Math.max(Math.abs(a), Math.abs(b));
  return m === 0 ? 0 : Math.abs(a - b) / m;
}

/** A role's mean final score over the games that seated it. */
export function meanScore(games: readonly Pick<GameResult, "scores">[], role: string): number {
  return mean(games.map((g) => g.scores?.[role]).filter((x): x is number => typeof x === "number"));
}

/** Sums kind counts over games. */
export function countKinds(
  games: readonly GameResult[],
  which: "termKinds" | "orderKinds",
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const g of games)
    for (const [k, n] of Object.entries(g[which] ?? {})) out[k] = (out[k] ?? 0) + n;
  return out;
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

/** One role's probe pair: the two strategies that differ in one decision, and what differs. */
export interface ProbePair {
  role: string;
  decision: string;
  a: string;
  b: string;
}

/** The "no passive role" pairs: one decision per seated role. */
export function probePairs(sc: Scenario, base: Record<string, string>): ProbePair[] {
  const out: ProbePair[] = [];
  const us = sc.rivalPair[0];
  for (const role of Object.keys(base)) {
    const strategy = base[role] as string;
    const kinds = sc.roles[role]?.orders ?? [];
    const pair = (decision: string, a: string | null, b: string | null) => {
      if (a && b) out.push({ role, decision, a, b });
    };
    if (role === us && !sc.roles[role]?.vehicle)
      pair("statusQuo vs cutTies", "statusQuo", "cutTies");
    else if (kinds.includes("diversion"))
      pair("diversion 0 vs 25 %", probe(strategy, "diversion0"), probe(strategy, "diversion25"));
    else if (kinds.includes("readinessMode"))
      pair("Test vs Rush", probe(strategy, "test"), probe(strategy, "rush"));
    else if (kinds.includes("flightsNextYear"))
      pair("flights next year 1 vs 3", probe(strategy, "flights1"), probe(strategy, "flights3"));
    else if (kinds.includes("programmeInvestment"))
      pair(
        "programme investment 0 vs max",
        probe(strategy, "invest0"),
        probe(strategy, "investMax"),
      );
  }
  return out;
}

const row = (
  id: string,
  label: string,
  seedKey: string,
  strategies: Record<string, string>,
  eventsOffDeck = false,
): LabPolicy => ({
  id,
  label,
  seedKey,
  strategies,
  triangleZero: false,
  ...(eventsOffDeck ? { eventsOff: true } : {}),
});

/**
 * The balance study's rows. `base` is the default mix (with any --policy
 * seats), `equal(s)` every seat playing strategy s.
 */
export function planBalance(
  sc: Scenario,
  base: Record<string, string>,
  equal: (strategy: string) => Record<string, string>,
): LabPolicy[] {
  const [us, russia] = sc.rivalPair as [string, string];
  const rows: LabPolicy[] = [
    row("equal-default", "equal: default mix", "equal-default", base),
    row("equal-liberal", "equal: all-liberal", "equal-liberal", equal("liberal")),
    row("equal-realist", "equal: all-realist", "equal-realist", equal("realist")),
    row("equal-opportunist", "equal: all-opportunist", "equal-opportunist", equal("opportunist")),
    // GAME.md's "mixed bots": every state draws Realist, Liberal or Opportunist per game
    row("mixed", "mixed: strategies drawn per game", "mixed", equal(MIXED)),
  ];
  const ru = base[russia] as string;
  const div0 = probe(ru, "diversion0+inspect") ?? "realist+diversion0+inspect";
  const div25 = probe(ru, "diversion25+inspect") ?? "realist+diversion25+inspect";
  rows.push(
    row(
      "quiet-statusQuo",
      "events off: statusQuo, no diversion",
      "quiet",
      { ...base, [us]: "statusQuo", [russia]: div0 },
      true,
    ),
    row(
      "quiet-cutTies",
      "events off: cutTies, no diversion",
      "quiet",
      { ...base, [us]: "cutTies", [russia]: div0 },
      true,
    ),
    row(
      "quiet-cutTies-div25",
      "events off: cutTies, 25 % diversion",
      "quiet",
      { ...base, [us]: "cutTies", [russia]: div25 },
      true,
    ),
  );
  // the probes seat every role of the scenario, optional ones too, so every role's decision is probed
  const full: Record<string, string> = { ...base };
  for (const role of Object.keys(sc.roles)) full[role] ??= defaultStrategy(sc, role);
  for (const p of probePairs(sc, full)) {
    rows.push(
      row(`probe-${p.role}-a`, `probe ${p.role}: ${p.a}`, `probe-${p.role}`, {
        ...full,
        [p.role]: p.a,
      }),
      row(`probe-${p.role}-b`, `probe ${p.role}: ${p.b}`, `probe-${p.role}`, {
        ...full,
        [p.role]: p.b,
      }),
    );
  }
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
const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : "–");
const pad = (s: string, n: number) => s.padEnd(n);

/** Evaluates the six balance targets from the rows' games (rows as planned by planBalance). */
export function evaluateBalance(
  sc: Scenario,
  rows: readonly { policy: LabPolicy; games: readonly GameResult[] }[],
  roles: readonly string[],
): TargetResult[] {
  const byId = new Map(rows.map((r) => [r.policy.id, r]));
  const games = (id: string) => byId.get(id)?.games ?? [];
  const label = (id: string) => byId.get(id)?.policy.label ?? id;
  const rival = sc.rivalPair.filter((r) => roles.includes(r));
  const width = Math.max(...rows.map((r) => r.policy.label.length), 10) + 2;
  const out: TargetResult[] = [];

  // 1. No dominant seat. "Equal bots" are bots of equal standing at every seat: each state draws
  // its strategy per game from the same set (the mixed row), so no seat starts advantaged. The
  // single-strategy rows are shown for reference: there the strategies decide the ranking.
  {
    const ids = ["mixed", "equal-default", "equal-liberal", "equal-realist", "equal-opportunist"];
    const lines = [
      `${pad("row", width)}${roles.map((r) => r.padStart(9)).join("")}   (share of games topping the ranking)`,
    ];
    const fails: string[] = [];
    for (const id of ids) {
      const s = topShares(games(id), roles);
      lines.push(
        `${pad(label(id), width)}${roles.map((r) => pct(s[r] as number).padStart(9)).join("")}${id === "mixed" ? "   <- the target row" : ""}`,
      );
      if (id !== "mixed") continue;
      for (const r of rival) {
        const x = s[r] as number;
        if (!(x >= 0.15 && x <= 0.4)) fails.push(`${r} ${pct(x)} in ${label(id)}`);
      }
    }
    if (fails.length) lines.push(`outside 15–40 %: ${fails.join("; ")}`);
    out.push({
      n: 1,
      title: "No dominant seat",
      target: `with equal (mixed) bots, each of ${rival.join(" and ")} tops the ranking in 15–40 % of games`,
      lines,
      pass: fails.length === 0,
    });
  }

  // 2. Conflict happens, not usually
  {
    const rate = (id: string) => ci95(games(id).map((g) => (g.conflict ? 1 : 0)));
    const d = rate("mixed");
    const re = rate("equal-realist");
    const li = rate("equal-liberal");
    const show = (c: { mean: number; low: number; high: number }) =>
      `${pct(c.mean)} [${pct(c.low)}, ${pct(c.high)}]`;
    const inRange = d.mean >= 0.05 && d.mean <= 0.25;
    const clearly = re.low > li.high;
    out.push({
      n: 2,
      title: "Conflict happens, but not usually",
      target: "mixed bots 5–25 %; all-realist clearly above all-liberal (95 % CIs apart)",
      lines: [
        `conflict rate, mixed bots:   ${show(d)}  ${inRange ? "in" : "outside"} 5–25 %`,
        `conflict rate, all-realist:  ${show(re)}`,
        `conflict rate, all-liberal:  ${show(li)}  realist ${clearly ? ">" : "not clearly >"} liberal`,
      ],
      pass: inRange && clearly,
    });
  }

  // 3. Events off: T per year
  {
    const t = (id: string) => ci95(games(id).map(tPerYear).filter(Number.isFinite));
    const sq = t("quiet-statusQuo");
    const ct = t("quiet-cutTies");
    const ct25 = t("quiet-cutTies-div25");
    const gap = Math.abs(sq.mean - ct.mean);
    const added = ct25.mean - ct.mean;
    const show = (id: string, c: { mean: number; low: number; high: number }) =>
      `${pad(label(id), width)}${f2(c.mean).padStart(7)} T/year [${f2(c.low)}, ${f2(c.high)}]`;
    out.push({
      n: 3,
      title: "Events off: status quo vs cutting ties, and diversion",
      target: "|statusQuo − cutTies| ≤ 3 T a year; 25 % diversion adds ≥ 5 T a year",
      lines: [
        "mean change of T per year = (T after the last year, before the audit − start T) ÷ years played",
        show("quiet-statusQuo", sq),
        show("quiet-cutTies", ct),
        show("quiet-cutTies-div25", ct25),
        `|statusQuo − cutTies| = ${f2(gap)} T/year (${gap <= 3 ? "≤" : ">"} 3); 25 % − 0 % diversion = ${f2(added)} T/year (${added >= 5 ? "≥" : "<"} 5)`,
      ],
      pass: gap <= 3 && added >= 5,
    });
  }

  // 4. Not decided early
  {
    const h = leaderHolds(games("mixed"));
    out.push({
      n: 4,
      title: "Not decided early",
      target: "the leader after year 2 (cumulative % of par) wins < 60 % of mixed-bot games",
      lines: [`leader after year 2 tops the final ranking in ${pct(h.share)} of ${h.n} games`],
      pass: h.share < 0.6,
    });
  }

  // 5. Every term kind and every order used
  {
    const all = rows.flatMap((r) => r.games);
    const terms = countKinds(all, "termKinds");
    const orders = countKinds(all, "orderKinds");
    const missingT = TERM_KINDS.filter((k) => !terms[k]);
    const missingO = ORDER_KINDS.filter((k) => !orders[k]);
    out.push({
      n: 5,
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

  // 6. No passive role
  {
    const lines: string[] = [];
    let pass = true;
    const probes = rows.filter(
      (r) => r.policy.id.startsWith("probe-") && r.policy.id.endsWith("-a"),
    );
    for (const ra of probes) {
      const role = ra.policy.id.slice("probe-".length, -"-a".length);
      const rb = byId.get(`probe-${role}-b`);
      if (!rb) continue;
      const a = meanScore(ra.games, role);
      const b = meanScore(rb.games, role);
      const rel = relativeChange(a, b);
      const ok = rel >= 0.05;
      pass &&= ok;
      lines.push(
        `${pad(role, 8)} ${ra.policy.strategies[role]} ${f2(a)} vs ${rb.policy.strategies[role]} ${f2(b)}: change ${pct(rel)} ${ok ? "≥" : "<"} 5 %`,
      );
    }
    const seatedWithout = roles.filter((r) => !probes.some((p) => p.policy.id === `probe-${r}-a`));
    if (seatedWithout.length) {
      pass = false;
      lines.push(`no probe pair for: ${seatedWithout.join(", ")}`);
    }
    out.push({
      n: 6,
      title: "No passive role",
      target:
        "for every role, one yearly decision changes its mean final score by ≥ 5 % (paired seeds)",
      lines,
      pass,
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
