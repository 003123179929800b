/**
 * The timeline under the globe: one marker per year of the game, the year being played
 * marked, and under each year the event card(s) drawn for it, from public information only
 * (the reports' cards for resolved years, the view's cards for this one).
 */
import type { PlayerView } from "../../../shared/rules/view.ts";
import { FX_TEXT } from "../text/board-fx.ts";
import { h, replace } from "./dom.ts";
import "./board-fx.css";

const T = FX_TEXT.timeline;

type Card = PlayerView["events"][number];

function cards(list: readonly Card[]): HTMLElement {
  return h(
    "ul",
    { class: "tl-cards" },
    ...(list.length
      ? list.map((c) =>
          h(
            "li",
            { class: "tl-card", "data-card": c.id, title: c.note },
            c.title,
            c.injected ? h("span", { class: "sr-only" }, ` (${T.injected})`) : null,
          ),
        )
      : [h("li", { class: "muted" }, T.noCards)]),
  );
}

export function timeline(): { el: HTMLElement; update: (v: PlayerView) => void } {
  // focusable, so a keyboard can scroll a strip wider than a phone (axe: scrollable-region-focusable)
  const list = h("ol", { tabindex: 0 });
  const el = h("nav", { class: "timeline", id: "timeline", "aria-label": T.label }, list);
  // its height for the wide board's notices, which float just above it (board-fx.css)
  let shown = false;
  const sized = new ResizeObserver(() => {
    // a board that has gone lets its timeline go too
    if (!el.isConnected) {
      if (shown) sized.disconnect();
      return;
    }
    shown = true;
    document.documentElement.style.setProperty("--timeline-height", `${el.offsetHeight}px`);
  });
  sized.observe(el);
  let drawn = "";
  const update = (view: PlayerView) => {
    const over = view.phase === "ended";
    const key = JSON.stringify([
      view.year,
      over,
      view.reports.length,
      view.events.map((e) => e.id),
    ]);
    if (key === drawn) return;
    drawn = key;
    const byYear = new Map(view.reports.map((r) => [r.year, r]));
    const items: HTMLElement[] = [];
    for (let y = view.startYear; y <= view.lastYear; y++) {
      const report = byYear.get(y);
      const now = !over && y === view.year;
      const state = now ? "now" : report ? "past" : "future";
      const shown = now ? view.events : (report?.events ?? []);
      items.push(
        h(
          "li",
          {
            class: `tl-item ${state}`,
            "data-year": y,
            "aria-current": now ? "step" : null,
          },
          h(
            "span",
            { class: "tl-year" },
            h("span", { "aria-hidden": "true" }, T.year(y)),
            h("span", { class: "sr-only" }, now ? T.nowLong(y) : report ? T.past(y) : T.future(y)),
            now ? h("span", { class: "tl-now", "aria-hidden": "true" }, T.now) : null,
          ),
          state === "future" ? null : cards(shown),
        ),
      );
    }
    replace(list, ...items);
    // the year being played in sight on a narrow strip (scrolling the strip, never the page)
    const current = list.querySelector<HTMLElement>('[aria-current="step"]');
    if (current && list.scrollWidth > list.clientWidth)
      list.scrollLeft = Math.max(0, current.offsetLeft - list.offsetLeft - 8);
  };
  return { el, update };
}
