/**
 * Tension moves by named terms and stays on its 0–100 scale. The engine adds a
 * year's terms (and the crisis's, and the final audit) with `addTension`; the
 * waterfall that explains a year's change to players and in the lab's text
 * report is rebuilt from the report with `tensionWaterfall`, so the explanation
 * shows the same clamping and rounding the engine applied.
 */
import type { TensionTerm, YearReport } from "./types.ts";
import { clamp, round2 } from "./util.ts";

/** Tension's scale. */
export const TENSION_MIN = 0;
export const TENSION_MAX = 100;

/** Tension after these terms: `before` plus their sum, kept on the scale and rounded to cents. */
export function addTension(before: number, terms: readonly { amount: number }[]): number {
  return round2(
    clamp(before + terms.reduce((sum, x) => sum + x.amount, 0), TENSION_MIN, TENSION_MAX),
  );
}

/** One line of a year's tension waterfall; `running` is the tension after it (to cents). */
export type WaterfallLine =
  | { kind: "start"; running: number }
  /** A named term of the report (the amounts shown are the report's, rounded to cents). */
  | { kind: "term"; term: TensionTerm; running: number }
  /** The scale's bound took off what went beyond it. */
  | { kind: "clamp"; amount: number; running: number }
  /** What the shown (rounded) terms miss of the engine's unrounded sum. */
  | { kind: "rounding"; amount: number; running: number }
  | { kind: "end"; running: number };

/**
 * A year's tension from its start to its end, term by term: the year's terms, clamped to
 * the scale, then the crisis's terms, each clamped, then the rounding. Corrections of less
 * than half a cent are left out. `beforeCrisis` is the tension the crisis was opened at.
 */
export function tensionWaterfall(r: YearReport): { lines: WaterfallLine[]; beforeCrisis: number } {
  const lines: WaterfallLine[] = [{ kind: "start", running: r.tensionBefore }];
  let running = r.tensionBefore;
  const adjust = (kind: "clamp" | "rounding", target: number) => {
    const amount = round2(target - running);
    if (Math.abs(amount) >= 0.005) lines.push({ kind, amount, running: target });
    running = target;
  };
  const onScale = () => {
    if (running > TENSION_MAX || running < TENSION_MIN)
      adjust("clamp", clamp(running, TENSION_MIN, TENSION_MAX));
  };
  for (const term of r.tensionTerms) {
    if (term.cause === "crisis") continue;
    running += term.amount;
    lines.push({ kind: "term", term, running: round2(running) });
  }
  onScale();
  const beforeCrisis = running;
  for (const term of r.tensionTerms) {
    if (term.cause !== "crisis") continue;
    running += term.amount;
    lines.push({ kind: "term", term, running: round2(running) });
    onScale();
  }
  adjust("rounding", r.tension);
  lines.push({ kind: "end", running: r.tension });
  return { lines, beforeCrisis: round2(beforeCrisis) };
}
