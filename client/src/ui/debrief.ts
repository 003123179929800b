/**
 * The debrief (phase `ended`): the ranking by % of par, how the world ended, the three verdicts
 * side by side, Cooperation and Tension per year (a chart, lazy-loaded, with the same figures as
 * a table), every seat's score as named terms summed over the game, the deal ledger and the
 * export links of docs/PROTOCOL.md (a finished game exports to anyone with its code).
 */
import type { ScoreCause } from "../../../shared/rules/details.ts";
import type { ScoreTerm, TensionTerm } from "../../../shared/rules/types.ts";
import type { PlayerView } from "../../../shared/rules/view.ts";
import { type Names, scoreText, tensionText, verdictText, viewNames } from "../text/details.ts";
import { TEXT } from "../text/index.ts";
import { REPLAY_TEXT } from "../text/replay.ts";
import { termText } from "../text/terms.ts";
import { dependencePeak } from "./dependenceGraph.ts";
import { type Child, h, replace } from "./dom.ts";
import { type TermLine, terms } from "./report.ts";
import { seatMark } from "./seatMark.ts";

const T = TEXT.debrief;

/**
 * What the debrief reads: a live table fills it from its view (`fromView`), a closed room from
 * its replayed export (state/record.ts), so the debrief can be opened the day after.
 */
export interface DebriefData
  extends Pick<
    PlayerView,
    | "scenarioName"
    | "startYear"
    | "year"
    | "cooperation"
    | "seats"
    | "order"
    | "deals"
    | "reports"
    | "outcome"
  > {
  code: string;
  /** The viewer's seat, or "". */
  me: string;
  /** Rebuilt from the game's record after its room closed. */
  fromRecord: boolean;
}

/**
 * The head of a finished game's pages (debrief and replay): the brand linking home, the
 * heading, and scenario · years · code, then what the page adds to that line and below it.
 */
export function gameHeader(
  heading: string,
  game: Pick<DebriefData, "scenarioName" | "startYear" | "year" | "reports">,
  code: string,
  line: Child[],
  ...below: Child[]
): HTMLElement {
  return h(
    "header",
    { class: "debrief-head" },
    h(
      "a",
      { class: "brand", href: "/" },
      TEXT.title,
      h("span", { class: "sr-only" }, ` — ${TEXT.board.home}`),
    ),
    h("h1", {}, heading),
    h(
      "p",
      { class: "muted" },
      game.scenarioName,
      " · ",
      T.years(game.startYear, game.reports.at(-1)?.year ?? game.year),
      " · ",
      code,
      ...line,
    ),
    ...below,
  );
}

export function fromView(code: string, view: PlayerView, fromRecord = false): DebriefData {
  return { ...view, code, me: fromRecord ? "" : view.viewer.seat, fromRecord };
}

/**
 * A seat's score terms over the game: one line per cause (labels carry each year's figures,
 * so a cause scored in several years gets its general name), then the peace dividend and what
 * the end of the game added (secret priority, a conflict's cost), so the lines add up to the
 * final score.
 */
function summedTerms(view: DebriefData, role: string, names: Names): TermLine[] {
  const sums = new Map<ScoreCause, { amount: number; terms: ScoreTerm[]; years: Set<number> }>();
  for (const r of view.reports)
    for (const t of r.scoreTerms[role] ?? []) {
      const had = sums.get(t.cause) ?? { amount: 0, terms: [], years: new Set<number>() };
      had.amount += t.amount;
      had.terms.push(t);
      had.years.add(r.year);
      sums.set(t.cause, had);
    }
  const lines: TermLine[] = [...sums].map(([cause, { amount, terms, years }]) => ({
    amount,
    text:
      terms.length === 1 && terms[0]
        ? scoreText(terms[0].detail, names)
        : T.termYears(T.causes[cause], years.size),
  }));
  const outcome = view.outcome;
  if (!outcome) return lines;
  lines.push({ text: T.peaceTerm, amount: outcome.peaceDividend });
  const sum = lines.reduce((n, t) => n + t.amount, 0);
  const rest = (outcome.finalScores[role] ?? sum) - sum;
  if (Math.abs(rest) >= 0.05) lines.push({ text: T.endTerm(outcome.conflict), amount: rest });
  return lines;
}

function section(id: string, title: string, ...body: (HTMLElement | null)[]): HTMLElement {
  return h(
    "section",
    { class: "card", id, "aria-labelledby": `${id}-title` },
    h("h2", { id: `${id}-title` }, title),
    ...body,
  );
}

export function showDebrief(root: HTMLElement): (v: DebriefData) => void {
  let drawn = "";
  let removeChart: (() => void) | null = null;

  return (view: DebriefData) => {
    const key = JSON.stringify([view.outcome, view.reports.length]);
    if (key === drawn) return;
    drawn = key;
    removeChart?.();
    removeChart = null;
    document.title = `${TEXT.title} · ${T.title(view.scenarioName)}`;
    const outcome = view.outcome;
    const me = view.me;
    const names = viewNames(view);
    const said = outcome ? verdictText(outcome.verdicts, names) : null;
    const name = (r: string) => view.seats[r]?.name ?? r;
    const mark = (r: string) => {
      const s = view.seats[r];
      return s ? seatMark(s) : null;
    };

    const ranking = outcome
      ? section(
          "ranking",
          T.ranking,
          h("p", { class: "muted" }, T.rankingHint),
          h(
            "table",
            { class: "ledger" },
            h(
              "thead",
              {},
              h(
                "tr",
                {},
                h("th", { scope: "col" }, T.place),
                h("th", { scope: "col" }, T.seat),
                h("th", { scope: "col", class: "num" }, T.percent),
                h("th", { scope: "col", class: "num" }, T.finalScore),
              ),
            ),
            h(
              "tbody",
              {},
              ...outcome.ranking.map((r, i) =>
                h(
                  "tr",
                  { class: r === me ? "mine" : "", "data-role": r },
                  h("td", {}, String(i + 1)),
                  h("th", { scope: "row" }, mark(r), " ", name(r), r === me ? T.you : ""),
                  h("td", { class: "num" }, `${Math.round(outcome.percentOfPar[r] ?? 0)}%`),
                  h("td", { class: "num" }, (outcome.finalScores[r] ?? 0).toFixed(1)),
                ),
              ),
            ),
          ),
        )
      : null;

    const world = outcome
      ? section(
          "world",
          T.world,
          h("p", { class: "lead" }, T.reason[outcome.reason] ?? outcome.reason),
          h(
            "ul",
            { class: "facts" },
            h("li", {}, T.finalTension(outcome.finalTension)),
            h("li", {}, T.finalCooperation(view.cooperation)),
            h("li", {}, T.peace(outcome.peaceDividend)),
          ),
        )
      : null;

    const verdicts = outcome
      ? section(
          "verdicts",
          T.verdicts,
          h(
            "div",
            { class: "verdicts" },
            ...(["liberal", "realist", "market"] as const).map((k) =>
              h(
                "article",
                { class: `verdict ${k}`, "aria-labelledby": `verdict-${k}` },
                h("h3", { id: `verdict-${k}` }, T.verdict[k]),
                h("p", { class: "muted" }, T.verdictHint[k]),
                h("p", {}, said?.[k] ?? ""),
              ),
            ),
          ),
        )
      : null;

    const chartBox = h("div", {
      class: "chart",
      id: "chart",
      role: "img",
      "aria-label": T.chartLabel,
    });
    const years = view.reports.map((r) => r.year);
    const mainCause = (terms: readonly TensionTerm[]) => {
      const top = [...terms].sort((a, b) => Math.abs(b.amount) - Math.abs(a.amount))[0];
      return top ? tensionText(top.detail, names) : "—";
    };
    const chart = section(
      "indices",
      T.chart,
      chartBox,
      h(
        "details",
        {},
        h("summary", {}, T.chartTable),
        h(
          "table",
          { class: "ledger", id: "indices-table" },
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              h("th", { scope: "col" }, T.yearCol),
              h("th", { scope: "col", class: "num" }, TEXT.board.cooperation),
              h("th", { scope: "col", class: "num" }, TEXT.board.tension),
              h("th", { scope: "col" }, T.mainCause),
            ),
          ),
          h(
            "tbody",
            {},
            ...view.reports.map((r) =>
              h(
                "tr",
                {},
                h("th", { scope: "row" }, String(r.year)),
                h("td", { class: "num" }, r.cooperation.toFixed(1)),
                h("td", { class: "num" }, r.tension.toFixed(1)),
                h("td", {}, mainCause(r.tensionTerms)),
              ),
            ),
          ),
        ),
      ),
    );

    const order = outcome?.ranking ?? view.order;
    const scores = section(
      "seat-scores",
      T.scores,
      h("p", { class: "muted" }, T.scoresHint),
      h(
        "div",
        { class: "score-grid" },
        ...order.map((r) =>
          h(
            "article",
            { class: "seat-score", "data-role": r, "aria-labelledby": `score-${r}` },
            h("h3", { id: `score-${r}` }, mark(r), " ", name(r)),
            terms(`score-terms-${r}`, summedTerms(view, r, names), true),
          ),
        ),
      ),
    );

    const deals = Object.values(view.deals).sort((a, b) => a.seq - b.seq);
    const ledger = section(
      "deal-ledger",
      T.deals,
      deals.length
        ? h(
            "div",
            // focusable, so a keyboard can scroll a ledger wider than a phone
            { class: "table-scroll", tabindex: 0, role: "region", "aria-label": T.deals },
            h(
              "table",
              { class: "ledger deals-table" },
              h(
                "thead",
                {},
                h(
                  "tr",
                  {},
                  h("th", { scope: "col" }, T.dealCols.parties),
                  h("th", { scope: "col" }, T.dealCols.terms),
                  h("th", { scope: "col" }, T.dealCols.years),
                  h("th", { scope: "col" }, T.dealCols.status),
                ),
              ),
              h(
                "tbody",
                {},
                ...deals.map((d) =>
                  h(
                    "tr",
                    { "data-deal": d.id },
                    h("td", { class: "parties" }, d.parties.map(name).join(" – ")),
                    h(
                      "td",
                      {},
                      h(
                        "ul",
                        { class: "terms" },
                        ...d.terms.map((t) => h("li", {}, termText(t, name))),
                      ),
                    ),
                    h("td", {}, T.dealYears(d.startYear, d.years)),
                    h(
                      "td",
                      {},
                      T.dealStatus[d.status] ?? d.status,
                      d.fromProposal ? "" : ` · ${T.starting}`,
                    ),
                  ),
                ),
              ),
            ),
          )
        : h("p", { class: "muted" }, T.noDeals),
    );

    const base = `/api/games/${encodeURIComponent(view.code)}`;
    const exports = section(
      "exports",
      T.export,
      h(
        "div",
        { class: "actions" },
        h(
          "a",
          { class: "button", id: "export-json", href: `${base}/export.json`, download: "" },
          T.exportJson,
        ),
        h(
          "a",
          { class: "button", id: "export-csv", href: `${base}/export.csv`, download: "" },
          T.exportCsv,
        ),
        h(
          "a",
          {
            class: "button",
            id: "watch-replay",
            href: `/?replay=${encodeURIComponent(view.code)}`,
          },
          REPLAY_TEXT.watch,
        ),
        h("a", { class: "button primary", href: "/" }, T.again),
      ),
    );

    replace(
      root,
      h(
        "main",
        { class: "debrief", id: "debrief" },
        gameHeader(
          T.heading,
          view,
          view.code,
          [],
          view.fromRecord
            ? h("p", { class: "muted", id: "from-record" }, REPLAY_TEXT.fromRecord)
            : null,
        ),
        h("div", { class: "debrief-top" }, ranking, world),
        verdicts,
        chart,
        // the dependence graph at its peak (issue 11, item 6)
        dependencePeak(view),
        scores,
        ledger,
        exports,
      ),
    );

    void import("./chart.ts").then(({ drawChart }) => {
      if (!chartBox.isConnected) return;
      removeChart = drawChart(chartBox, {
        years,
        cooperation: view.reports.map((r) => r.cooperation),
        tension: view.reports.map((r) => r.tension),
        labels: {
          cooperation: TEXT.board.cooperation,
          tension: TEXT.board.tension,
          year: T.yearCol,
        },
      });
    });
  };
}
