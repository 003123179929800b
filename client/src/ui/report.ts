/**
 * The round report of the last finished year: Tension's change as a waterfall of named
 * causes, Cooperation's terms, and the seat's own score as named terms, so a player can
 * answer "why did my score move?".
 */
import { tensionWaterfall } from "../../../shared/rules/tension.ts";
import type { ScoreTerm, YearReport } from "../../../shared/rules/types.ts";
import type { PlayerView } from "../../../shared/rules/view.ts";
import {
  cooperationText,
  crisisOutcomeText,
  type Names,
  scoreText,
  tensionText,
  viewNames,
} from "../text/details.ts";
import { TEXT } from "../text/index.ts";
import { LEARN } from "../text/learn.ts";
import { h, replace } from "./dom.ts";

const T = TEXT.report;

const signed = (n: number) => `${n > 0 ? "+" : n < 0 ? "−" : "±"}${Math.abs(n).toFixed(1)}`;

/** One line of a list of terms: its amount and its sentence. */
export interface TermLine {
  amount: number;
  text: string;
}

/**
 * Tension's terms as the engine applied them (shared/rules/tension.ts): each named term, and
 * where the 0–100 scale cut a change short, that cut as a line of its own.
 */
export function tensionRows(report: YearReport, names: Names): TermLine[] {
  const rows: TermLine[] = [];
  for (const line of tensionWaterfall(report).lines) {
    if (line.kind === "term")
      rows.push({ amount: line.term.amount, text: tensionText(line.term.detail, names) });
    else if (line.kind === "clamp") rows.push({ text: T.clamp, amount: line.amount });
  }
  return rows;
}

/** Cooperation's terms as lines. */
export function cooperationRows(report: YearReport, names: Names): TermLine[] {
  return report.cooperationTerms.map((t) => ({
    amount: t.amount,
    text: cooperationText(t.detail, names),
  }));
}

/**
 * One list of named terms, each with a bar as long as its share of the largest term;
 * `upIsGood` colours a rise teal (cooperation, score) or amber (tension).
 */
export function terms(id: string, rows: readonly TermLine[], upIsGood: boolean): HTMLElement {
  const shown = rows.filter((t) => Math.abs(t.amount) >= 0.05);
  const most = Math.max(1, ...shown.map((t) => Math.abs(t.amount)));
  return h(
    "ul",
    { class: `waterfall ${upIsGood ? "up-good" : "up-bad"}`, id },
    ...shown.map((t) =>
      h(
        "li",
        { class: t.amount > 0 ? "up" : "down" },
        h("span", { class: "amount" }, signed(t.amount)),
        h("span", { class: "label" }, t.text),
        h("span", {
          class: "bar",
          style: `width:${Math.round((Math.abs(t.amount) / most) * 100)}%`,
          "aria-hidden": "true",
        }),
      ),
    ),
  );
}

/**
 * A score term as a sentence: what the engine counted ("tension 68") and what it means for
 * the score, with the number in it.
 */
function scoreSentence(t: ScoreTerm, names: Names): string {
  const S = LEARN.scoreTerm;
  const d = t.detail;
  if (d.cause === "lowTension") return S.lowTension(d.tension);
  return S.withMeaning(TEXT.debrief.causes[d.cause], scoreText(d, names), S.meaning[d.cause]);
}

export function reportPanel(): { el: HTMLElement; update: (v: PlayerView) => void } {
  const el = h("section", { class: "report", id: "report", "aria-labelledby": "report-title" });
  let drawn = -1;
  const update = (view: PlayerView) => {
    const report: YearReport | undefined = view.reports.at(-1);
    el.hidden = !report;
    if (!report || report.year === drawn) return;
    drawn = report.year;
    const me = view.viewer.seat;
    const myTerms = me ? (report.scoreTerms[me] ?? []) : [];
    const myScore = me ? report.scores[me] : undefined;
    const flown = report.flown.length;
    const names = viewNames(view);
    replace(
      el,
      h("h2", { id: "report-title" }, T.heading(report.year)),
      h("p", { class: "muted" }, T.flights(flown), " ", T.deals(report.dealResults.length)),
      report.crisis
        ? h(
            "div",
            { class: "crisis-outcome", id: "crisis-outcome" },
            h("h3", {}, TEXT.crisis.outcome(crisisOutcomeText(report.crisis.outcome, names))),
            h(
              "p",
              { class: "muted" },
              TEXT.crisis.choices(
                Object.entries(report.crisis.choices).map(
                  ([r, c]) => `${view.seats[r]?.name ?? r}: ${TEXT.crisis.choiceName[c] ?? c}`,
                ),
              ),
            ),
          )
        : null,
      h("h3", {}, T.tension(report.tensionBefore, report.tension)),
      terms("tension-terms", tensionRows(report, names), false),
      h("h3", {}, T.cooperation(report.cooperation)),
      terms("cooperation-terms", cooperationRows(report, names), true),
      myScore === undefined ? null : h("h3", {}, T.score(myScore)),
      myScore === undefined
        ? null
        : terms(
            "score-terms",
            myTerms.map((t) => ({ amount: t.amount, text: scoreSentence(t, names) })),
            true,
          ),
    );
  };
  return { el, update };
}
