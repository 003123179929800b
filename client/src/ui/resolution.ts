/**
 * The resolution as text (issue 11, item 7: what the canvas shows is also in the DOM): the
 * seats that flew to the station and the money that moved between seats in the last resolved
 * year, from the same reading of the report the board animates (state/resolution.ts).
 */
import type { PlayerView } from "../../../shared/rules/view.ts";
import { resolutionOf } from "../state/resolution.ts";
import { FX_TEXT } from "../text/board-fx.ts";
import { h, replace } from "./dom.ts";
import { seatMark } from "./seatMark.ts";
import "./board-fx.css";

const T = FX_TEXT.resolution;

export function resolutionPanel(): { el: HTMLElement; update: (v: PlayerView) => void } {
  const el = h("section", {
    class: "resolution",
    id: "resolution",
    "aria-labelledby": "resolution-title",
  });
  let drawn = -1;
  const update = (view: PlayerView) => {
    const report = view.reports.at(-1);
    el.hidden = !report;
    if (!report || report.year === drawn) return;
    drawn = report.year;
    const r = resolutionOf(report);
    const name = (role: string) =>
      role === "market"
        ? T.market
        : role === "outside"
          ? T.outside
          : (view.seats[role]?.name ?? role);
    const mark = (role: string) => {
      const s = view.seats[role];
      return s ? seatMark(s) : null;
    };
    replace(
      el,
      h("h2", { id: "resolution-title" }, T.heading(r.year)),
      h("h3", {}, T.flightsTitle),
      r.flights.length
        ? h(
            "ul",
            { id: "flights-list" },
            ...r.flights.map((f) =>
              h(
                "li",
                { "data-crew": f.crew, "data-vehicle": f.vehicle, "data-seats": f.seats },
                mark(f.crew),
                " ",
                T.flight(
                  f.seats,
                  name(f.crew),
                  name(f.vehicle),
                  name(f.providedBy),
                  f.price,
                  f.payers.map(name),
                ),
              ),
            ),
          )
        : h("p", { class: "muted", id: "flights-list" }, T.noFlights),
      h("h3", {}, T.moneyTitle),
      r.money.length
        ? h(
            "ul",
            { id: "money-list" },
            ...r.money.map((m) =>
              h(
                "li",
                { "data-from": m.from, "data-to": m.to },
                mark(m.from),
                " ",
                T.money(name(m.from), name(m.to), m.amount),
              ),
            ),
          )
        : h("p", { class: "muted", id: "money-list" }, T.noMoney),
    );
  };
  return { el, update };
}
