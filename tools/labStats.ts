/**
 * The policy lab's arithmetic: means with their 95 % confidence intervals,
 * percentile ranges, and the per-policy summary the table and report show.
 * Pure functions of arrays, so the same games always give the same numbers.
 */

/** One game's result, as a lab worker sends it back. */
export interface GameResult {
  /** Policy id (part of the seed). */
  policy: string;
  index: number;
  seed: string;
  finalT: number;
  finalC: number;
  conflict: boolean;
  /** Each seat's score as a percentage of its role's par. */
  percentOfPar: Record<string, number>;
  /** T at the end of each year played, from the first year (shorter when the game ended early). */
  tByYear: number[];
  // What the balance study reads (the worker always fills these; hand-made results may omit them).
  /** T before the first year (the scenario's starting tension). */
  startT?: number;
  /** The seat that tops the final ranking (outcome.ranking[0]). */
  topRole?: string;
  /** The seat with the highest score as % of par over the first two years; null if fewer were played. */
  leaderAfter2?: string | null;
  /** Each seat's final score (after the peace dividend, priorities and any conflict). */
  scores?: Record<string, number>;
}

/** Over some games: terms of the deals concluded (starting deals excluded) and orders the bots set, by kind. */
export interface KindCounts {
  termKinds: Record<string, number>;
  orderKinds: Record<string, number>;
}

/** A sample's mean, its 95 % confidence interval and its 2.5–97.5 percentile range. */
export interface Summary {
  n: number;
  mean: number;
  sd: number;
  /** mean ± 1.96·sd/√n */
  ciLow: number;
  ciHigh: number;
  p025: number;
  p975: number;
}

export function mean(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

/** Sample standard deviation (n − 1); 0 for a single value. */
export function sd(xs: readonly number[]): number {
  if (xs.length < 2) return xs.length === 1 ? 0 : Number.NaN;
  const m = mean(xs);
  let s = 0;
  for (const x of xs) s += (x - m) ** 2;
  return Math.sqrt(s / (xs.length - 1));
}

/** The normal-approximation 95 % confidence interval of the mean: mean ± 1.96·sd/√n. */
export function ci95(xs: readonly number[]): { mean: number; low: number; high: number } {
  const m = mean(xs);
  const half = xs.length > 0 ? (1.96 * sd(xs)) / Math.sqrt(xs.length) : Number.NaN;
  return { mean: m, low: m - half, high: m + half };
}

/**
 * The p-th percentile (0–100), interpolating linearly between the closest
 * ranks of the sorted sample (the common "type 7" definition).
 */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const pos = (Math.min(100, Math.max(0, p)) / 100) * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (pos - lo);
}

export function summarise(xs: readonly number[]): Summary {
  const c = ci95(xs);
  return {
    n: xs.length,
    mean: c.mean,
    sd: sd(xs),
    ciLow: c.low,
    ciHigh: c.high,
    p025: percentile(xs, 2.5),
    p975: percentile(xs, 97.5),
  };
}

/** Everything the table and the report say about one policy. */
export interface PolicySummary {
  id: string;
  label: string;
  games: number;
  finalT: Summary;
  finalC: Summary;
  /** Conflict as 0/1 per game: the mean is the rate. */
  conflict: Summary;
  /** Mean % of par per role, over the games that seated the role. */
  percentOfPar: Record<string, number>;
  /** Mean T at the end of each year (a game that ended early keeps its last T). */
  meanTByYear: number[];
  /** Quartiles for the box plots. */
  quartiles: { T: [number, number, number]; C: [number, number, number] };
}

/** Summarises one policy's games, read in index order. */
export function summarisePolicy(
  id: string,
  label: string,
  games: readonly GameResult[],
  roles: readonly string[],
  years: number,
): PolicySummary {
  const T = games.map((g) => g.finalT);
  const C = games.map((g) => g.finalC);
  const percentOfPar: Record<string, number> = {};
  for (const r of roles) {
    const xs = games.map((g) => g.percentOfPar[r]).filter((x): x is number => x !== undefined);
    percentOfPar[r] = mean(xs);
  }
  const meanTByYear: number[] = [];
  for (let y = 0; y < years; y++) {
    meanTByYear.push(
      mean(games.map((g) => g.tByYear[Math.min(y, g.tByYear.length - 1)] ?? g.finalT)),
    );
  }
  const q = (xs: number[]): [number, number, number] => [
    percentile(xs, 25),
    percentile(xs, 50),
    percentile(xs, 75),
  ];
  return {
    id,
    label,
    games: games.length,
    finalT: summarise(T),
    finalC: summarise(C),
    conflict: summarise(games.map((g) => (g.conflict ? 1 : 0))),
    percentOfPar,
    meanTByYear,
    quartiles: { T: q(T), C: q(C) },
  };
}

// ------------------------------------------------------------------ paired games

/** How often each side of paired games (the same index, so the same seed) does better. */
export interface PairedWins {
  /** Pairs where both games have a value. */
  n: number;
  /** Shares (0–1) of those pairs: a better, b better, equal. */
  a: number;
  b: number;
  ties: number;
}

/**
 * Compares a[i] with b[i] for every i where both are numbers; `higherIsBetter`
 * false means the smaller value wins (tension). Equal values are ties and count
 * for neither side.
 */
export function pairedWins(
  a: readonly (number | undefined)[],
  b: readonly (number | undefined)[],
  higherIsBetter = true,
): PairedWins {
  const pairs = bothNumbers(a, b);
  const n = pairs.length;
  if (n === 0) return { n, a: Number.NaN, b: Number.NaN, ties: Number.NaN };
  let aw = 0;
  let bw = 0;
  for (const [x, y] of pairs) {
    if (x === y) continue;
    if (x > y === higherIsBetter) aw++;
    else bw++;
  }
  return { n, a: aw / n, b: bw / n, ties: (n - aw - bw) / n };
}

/** The pairs (a[i], b[i]) where both games have a value (paired seeds: same index, same seed). */
function bothNumbers(
  a: readonly (number | undefined)[],
  b: readonly (number | undefined)[],
): [number, number][] {
  const out: [number, number][] = [];
  const len = Math.min(a.length, b.length);
  for (let i = 0; i < len; i++) {
    const x = a[i];
    const y = b[i];
    if (typeof x === "number" && typeof y === "number") out.push([x, y]);
  }
  return out;
}

/**
 * The mean size of a decision's effect on paired games, as a share of the
 * score: mean |a[i] − b[i]| ÷ mean (|a[i]| + |b[i]|) / 2. The mean of the
 * absolute differences, not the difference of the means: a decision whose
 * better option depends on the game can matter a lot in every game and still
 * have equal means.
 */
export function pairedEffect(
  a: readonly (number | undefined)[],
  b: readonly (number | undefined)[],
): number {
  const pairs = bothNumbers(a, b);
  if (pairs.length === 0) return Number.NaN;
  let diff = 0;
  let size = 0;
  for (const [x, y] of pairs) {
    diff += Math.abs(x - y);
    size += (Math.abs(x) + Math.abs(y)) / 2;
  }
  return size === 0 ? 0 : diff / size;
}

/** Share (0–1) of values at or above `at` (e.g. games ending with T at the ceiling). */
export function shareAtLeast(xs: readonly number[], at: number): number {
  if (xs.length === 0) return Number.NaN;
  let k = 0;
  for (const x of xs) if (x >= at) k++;
  return k / xs.length;
}

/** The 10th–90th percentile range and whether it lies inside [low, high]. */
export function bandInside(
  xs: readonly number[],
  low: number,
  high: number,
): { p10: number; p90: number; inside: boolean } {
  const p10 = percentile(xs, 10);
  const p90 = percentile(xs, 90);
  return { p10, p90, inside: p10 >= low && p90 <= high };
}
