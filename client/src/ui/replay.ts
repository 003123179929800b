/**
 * A finished game from its record (state/record.ts): the replay, stepped year by year (previous
 * and next buttons, a list of the years, arrow keys), or the debrief once the room has closed.
 * A DOM view, not the globe: the figures are what a replay is read for, and it opens at once.
 */
import "./replay.css";
import { MalformedExport } from "../../../shared/protocol/export.ts";
import { ReplayRefused } from "../../../shared/rules/replay.ts";
import type { DealResultKind, YearReport } from "../../../shared/rules/types.ts";
import type { PlayerView } from "../../../shared/rules/view.ts";
import { ApiError } from "../net/api.ts";
import { type GameRecord, loadRecord } from "../state/record.ts";
import { FX_TEXT } from "../text/board-fx.ts";
import { DEAL_RESULT_MARK, DEAL_RESULT_TEXT } from "../text/dealResults.ts";
import { crisisOutcomeText, scoreText, viewNames } from "../text/details.ts";
import { TEXT } from "../text/index.ts";
import { REPLAY_TEXT as R } from "../text/replay.ts";
import { termText } from "../text/terms.ts";
import { fromView, gameHeader, showDebrief } from "./debrief.ts";
import { dependenceBody } from "./dependenceGraph.ts";
import { announce, h, replace } from "./dom.ts";
import { showErrorPage } from "./errorPage.ts";
import { cooperationRows, tensionRows, terms } from "./report.ts";
import { seatMark } from "./seatMark.ts";

/** Shows the record's replay or debrief; the screen shown, or null when the record could not be read. */
export async function showPast(
  root: HTMLElement,
  code: string,
  what: "replay" | "debrief",
): Promise<"replay" | "debrief" | null> {
  replace(root, h("main", { class: "loading" }, h("p", { role: "status" }, R.loading)));
  let record: GameRecord;
  try {
    record = await loadRecord(code);
  } catch (err) {
    const known = err instanceof ApiError && (err.status === 403 || err.status === 404);
    const message =
      err instanceof ApiError && err.status === 403
        ? R.notFinished
        : err instanceof ApiError && err.status === 404
          ? R.unknown
          : err instanceof MalformedExport
            ? R.malformed
            : err instanceof ReplayRefused
              ? R.refused(err.index + 1)
              : R.failed;
    // the plain sentence first; what went wrong technically (zod's issues, the engine's
    // rejection) folded below it and in the console
    const technical = known
      ? null
      : err instanceof MalformedExport
        ? R.malformedDetail(err.issues)
        : String((err as Error)?.message ?? err);
    if (technical) console.warn("replay:", err);
    showErrorPage(root, message, { id: "replay-error", technical });
    return null;
  }
  if (what === "debrief") showDebrief(root)(fromView(code, record.final, true));
  else showReplay(root, record);
  return what;
}

/** A result's look: it ran, it was void, or it failed (every other kind). */
const outcome = (k: DealResultKind): keyof typeof DEAL_RESULT_MARK =>
  k === "executed" || k === "void" ? k : "failed";

function section(id: string, title: string, ...body: (HTMLElement | null)[]): HTMLElement {
  return h(
    "section",
    { class: "card", id, "aria-labelledby": `${id}-title` },
    h("h2", { id: `${id}-title` }, title),
    ...body,
  );
}

function showReplay(root: HTMLElement, record: GameRecord): void {
  const final = record.final;
  const reports = final.reports;
  const n = reports.length;
  document.title = `${TEXT.title} · ${R.title(final.scenarioName)}`;
  const asked = Number(new URLSearchParams(location.search).get("year"));
  let at = Math.max(
    0,
    reports.findIndex((r) => r.year === asked),
  );

  const prev = h("button", { type: "button", id: "replay-prev" }, "◀ ", R.previous);
  const next = h("button", { type: "button", id: "replay-next" }, R.next, " ▶");
  const yearLabel = h("p", { class: "replay-year", id: "replay-year", "aria-live": "polite" });
  const list = h(
    "ol",
    { class: "replay-years", "aria-label": R.years },
    ...reports.map((r) =>
      h(
        "li",
        {},
        h(
          "button",
          {
            type: "button",
            class: "replay-year-button",
            "data-year": r.year,
          },
          h(
            "span",
            { class: "y" },
            String(r.year),
            r.crisis ? h("span", { title: R.crisis }, " ⚠") : "",
            r.crisis ? h("span", { class: "sr-only" }, `, ${R.crisis}`) : "",
          ),
          h(
            "span",
            { class: "t" },
            h("abbr", { title: TEXT.board.tension }, "T"),
            ` ${r.tension.toFixed(0)}`,
          ),
          h(
            "span",
            { class: "c" },
            h("abbr", { title: TEXT.board.cooperation }, "C"),
            ` ${r.cooperation.toFixed(0)}`,
          ),
        ),
      ),
    ),
  );
  const body = h("div", { class: "replay-body", id: "replay-body" });
  for (const [i, b] of [...list.querySelectorAll("button")].entries())
    b.addEventListener("click", () => go(i));
  prev.addEventListener("click", () => go(at - 1));
  next.addEventListener("click", () => go(at + 1));

  const draw = () => {
    const report = reports[at] as YearReport;
    const view = record.years[at] ?? final;
    const before = at > 0 ? (reports[at - 1] as YearReport) : null;
    prev.disabled = at === 0;
    next.disabled = at === n - 1;
    yearLabel.textContent = R.yearOf(report.year, at + 1, n);
    for (const b of list.querySelectorAll("button"))
      if (b.dataset.year === String(report.year)) b.setAttribute("aria-current", "step");
      else b.removeAttribute("aria-current");
    replace(
      body,
      ...yearPanels(report, before?.cooperation ?? record.start.cooperation, view, final),
    );
    const url = new URL(location.href);
    url.searchParams.set("year", String(report.year));
    history.replaceState(null, "", url);
  };
  const go = (i: number) => {
    const to = Math.min(n - 1, Math.max(0, i));
    if (to === at) return;
    at = to;
    draw();
    const r = reports[at] as YearReport;
    announce(R.announce(r.year, r.tension, r.cooperation));
  };

  const main = h(
    "main",
    {
      class: "debrief replay",
      id: "replay",
    },
    gameHeader(R.heading, final, record.code, [
      " · ",
      h(
        "a",
        { href: `/?debrief=${encodeURIComponent(record.code)}`, id: "replay-debrief" },
        R.debrief,
      ),
    ]),
    h(
      "nav",
      { class: "replay-stepper", "aria-label": R.years, tabindex: -1 },
      h("div", { class: "replay-controls" }, prev, yearLabel, next),
      list,
      h("p", { class: "muted replay-keys" }, R.keys),
    ),
    body,
  );
  // on the document: a step button that became disabled leaves the focus on the body
  const keys = (e: KeyboardEvent) => {
    if (!main.isConnected) {
      document.removeEventListener("keydown", keys);
      return;
    }
    const t = e.target as HTMLElement;
    if (t.closest("input, select, textarea, summary")) return;
    if (e.key === "ArrowLeft") go(at - 1);
    else if (e.key === "ArrowRight") go(at + 1);
    else if (e.key === "Home") go(0);
    else if (e.key === "End") go(n - 1);
    else return;
    e.preventDefault();
  };
  document.addEventListener("keydown", keys);
  replace(root, main);
  draw();
  // the arrow keys work at once: the page's keys go to the replay
  (main.querySelector(".replay-stepper") as HTMLElement).focus();
}

function yearPanels(
  report: YearReport,
  coopBefore: number,
  view: PlayerView,
  final: PlayerView,
): HTMLElement[] {
  const names = viewNames(final);
  const name = (r: string) => final.seats[r]?.name ?? r;
  const mark = (r: string) => {
    const s = final.seats[r];
    return s ? seatMark(s) : null;
  };
  const indices = section(
    "replay-indices",
    R.indices,
    h(
      "div",
      { class: "replay-two" },
      h(
        "div",
        {},
        h("h3", { id: "replay-tension" }, R.tension(report.tensionBefore, report.tension)),
        h("p", { class: "muted" }, R.tensionWhy),
        terms("replay-tension-terms", tensionRows(report, names), false),
      ),
      h(
        "div",
        {},
        h("h3", { id: "replay-cooperation" }, R.cooperation(coopBefore, report.cooperation)),
        h("p", { class: "muted" }, R.cooperationWhy),
        terms("replay-cooperation-terms", cooperationRows(report, names), true),
      ),
    ),
  );

  const events = section(
    "replay-events",
    R.events,
    ...(report.events.length
      ? report.events.map((e) =>
          h(
            "div",
            { class: "event-card" },
            h("h3", {}, e.title, e.injected ? R.injected : ""),
            h("p", { class: "muted" }, e.note),
          ),
        )
      : [h("p", { class: "muted" }, R.noEvents)]),
    report.crisis
      ? h(
          "div",
          { class: "crisis-outcome", id: "replay-crisis" },
          h("h3", {}, TEXT.crisis.outcome(crisisOutcomeText(report.crisis.outcome, names))),
          h(
            "p",
            { class: "muted" },
            TEXT.crisis.choices(
              Object.entries(report.crisis.choices).map(
                ([r, c]) => `${name(r)}: ${TEXT.crisis.choiceName[c] ?? c}`,
              ),
            ),
          ),
        )
      : null,
  );

  const concluded = Object.values(view.deals)
    .filter((d) => d.fromProposal && d.startYear === report.year)
    .sort((a, b) => a.seq - b.seq);
  const dealLine = (id: string) => {
    const d = view.deals[id] ?? final.deals[id];
    return d ? d.terms.map((t) => termText(t, name)).join("; ") : id;
  };
  const deals = section(
    "replay-deals",
    R.deals,
    h("h3", {}, R.concluded),
    concluded.length
      ? h(
          "ul",
          { class: "terms", id: "replay-concluded" },
          ...concluded.map((d) =>
            h("li", { "data-deal": d.id }, d.parties.map(name).join(" – "), ": ", dealLine(d.id)),
          ),
        )
      : h("p", { class: "muted" }, R.noneConcluded),
    h("h3", {}, R.ran),
    report.dealResults.length
      ? h(
          "ul",
          { class: "terms", id: "replay-ran" },
          ...report.dealResults.map((x) =>
            h(
              "li",
              { "data-deal": x.deal, "data-result": x.kind },
              h("span", { class: "deal-line" }, dealLine(x.deal)),
              " ",
              h(
                "span",
                { class: `deal-result ${outcome(x.kind)}` },
                h(
                  "span",
                  { class: "mark", "aria-hidden": "true" },
                  DEAL_RESULT_MARK[outcome(x.kind)],
                ),
                " ",
                DEAL_RESULT_TEXT[x.kind](x.fault === null ? "" : name(x.fault)),
              ),
            ),
          ),
        )
      : h("p", { class: "muted" }, R.noneRan),
  );

  const order = final.outcome?.ranking ?? final.order;
  const scores = section(
    "replay-scores",
    R.scores,
    h(
      "table",
      { class: "ledger" },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col" }, R.seat),
          h("th", { scope: "col", class: "num" }, R.thisYear),
          h("th", { scope: "col", class: "num" }, R.total),
        ),
      ),
      h(
        "tbody",
        {},
        ...order.map((r) =>
          h(
            "tr",
            { "data-role": r },
            h("th", { scope: "row" }, mark(r), " ", name(r)),
            h("td", { class: "num year-score" }, (report.scores[r] ?? 0).toFixed(1)),
            h("td", { class: "num total-score" }, (view.private[r]?.score ?? 0).toFixed(1)),
          ),
        ),
      ),
    ),
    ...order.map((r) =>
      h(
        "details",
        { class: "replay-terms" },
        h("summary", {}, R.termsOf(name(r))),
        terms(
          `replay-score-terms-${r}`,
          (report.scoreTerms[r] ?? []).map((t) => ({
            amount: t.amount,
            text: scoreText(t.detail, names),
          })),
          true,
        ),
      ),
    ),
  );
  // the graph of the year stepped to, from that year's report (the board's Ties tab draws the same)
  const ties = h(
    "section",
    {
      class: "card dependence",
      id: "replay-dependence",
      "data-year": report.year,
      "aria-labelledby": "replay-dependence-title",
    },
    h("h2", { id: "replay-dependence-title" }, FX_TEXT.graph.heading(report.year)),
    h("p", { class: "muted" }, FX_TEXT.graph.hint),
    ...dependenceBody(view, report),
  );
  return [indices, h("div", { class: "debrief-top" }, events, deals), ties, scores];
}
