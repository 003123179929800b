/**
 * The market list (issue 11, item 4): this year's market buyers with the most each will pay,
 * and the list prices providers show them. Everything here is public in the view.
 */
import type { PlayerView } from "../../../shared/rules/view.ts";
import { MARKET_TEXT as T } from "../text/market.ts";
import { h, replace } from "./dom.ts";
import { seatMark } from "./seatMark.ts";

export function marketPanel(): { el: HTMLElement; update: (v: PlayerView) => void } {
  const buyers = h("ul", { class: "table-list", id: "market-buyers" });
  const sellers = h("ul", { class: "table-list", id: "market-sellers" });
  const el = h(
    "section",
    { "aria-labelledby": "market-title", id: "market" },
    h("h2", { id: "market-title" }, T.title),
    h("p", { class: "muted" }, T.rule),
    h("h3", {}, T.buyersTitle),
    buyers,
    h("h3", {}, T.sellersTitle),
    sellers,
  );
  const update = (view: PlayerView) => {
    replace(
      buyers,
      ...(view.market.length
        ? view.market.map((b, i) => h("li", { "data-buyer": b.id }, T.buyer(i + 1, b.maxPrice)))
        : [h("li", { class: "muted" }, T.noBuyers)]),
    );
    const offering = view.order
      .map((r) => view.seats[r])
      .filter((s) => s !== undefined && s.listPrice > 0);
    replace(
      sellers,
      ...(offering.length
        ? offering.map((s) =>
            h(
              "li",
              { "data-seller": s.role },
              seatMark(s),
              " ",
              T.seller(s.name, s.listPrice, s.capacity),
            ),
          )
        : [h("li", { class: "muted" }, T.noSellers)]),
    );
  };
  return { el, update };
}
