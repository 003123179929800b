/**
 * The orders form: one field per order the seat's role may give, with the scenario's label
 * and one-line rule; each change is sent at once and a refusal shown under its field.
 */
import { orderChoices } from "../../../shared/rules/legal.ts";
import type { Orders } from "../../../shared/rules/types.ts";
import type { PlayerView } from "../../../shared/rules/view.ts";
import type { Table } from "../state/table.ts";
import { REJECTION_TEXT, TEXT } from "../text/index.ts";
import { h, replace } from "./dom.ts";

const EDITABLE = new Set(["negotiation", "commit"]);

/** Order kinds whose numbers are shares (of civil funding), shown with their unit. */
const PERCENT_KINDS = new Set(["diversion"]);

function choiceLabel(value: string | number | boolean, view: PlayerView, kind: string): string {
  const words = TEXT.orderValues;
  if (typeof value === "number" && PERCENT_KINDS.has(kind)) return words.percent(value);
  if (typeof value === "boolean") return value ? words.yes : words.no;
  if (value === "") return words.none;
  if (typeof value === "string")
    return (
      view.seats[value]?.name ??
      (Object.hasOwn(words.named, value) ? (words.named[value] as string) : value)
    );
  return String(value);
}

export function ordersPanel(table: Table): { el: HTMLElement; update: (v: PlayerView) => void } {
  const el = h("section", { class: "orders", "aria-labelledby": "orders-title" });
  let built = "";
  const fields = new Map<string, HTMLInputElement | HTMLSelectElement>();

  const build = (view: PlayerView) => {
    fields.clear();
    const options = orderChoices(view, table.scenario);
    const form = h("form", { id: "orders-form" });
    form.addEventListener("submit", (e) => e.preventDefault());
    for (const o of options) {
      const id = `order-${o.kind}`;
      const hint = h("p", { class: "hint", id: `${id}-hint` }, o.description);
      const error = h("p", { class: "error", id: `${id}-error`, "aria-live": "polite" });
      let input: HTMLInputElement | HTMLSelectElement;
      if (o.type === "choice") {
        input = h(
          "select",
          { id, "aria-describedby": `${id}-hint ${id}-error` },
          ...o.values.map((v, i) =>
            h("option", { value: String(i) }, choiceLabel(v, view, o.kind)),
          ),
        );
      } else {
        input = h("input", {
          id,
          type: "number",
          min: o.min,
          max: o.max,
          step: o.step,
          inputmode: "numeric",
          "aria-describedby": `${id}-hint ${id}-error`,
        });
      }
      input.addEventListener("change", async () => {
        const value = o.type === "choice" ? o.values[Number(input.value)] : Number(input.value);
        error.textContent = "";
        const reply = await table.send("orders", { [o.kind]: value } as Partial<Orders>);
        if (!reply.ok) error.textContent = REJECTION_TEXT[reply.code];
      });
      fields.set(o.kind, input);
      form.append(
        h("div", { class: "field" }, h("label", { for: id }, o.label), input, hint, error),
      );
    }
    replace(
      el,
      h("h2", { id: "orders-title" }, TEXT.board.orders),
      h("p", { class: "muted" }, TEXT.board.ordersHint),
      form,
    );
  };

  const update = (view: PlayerView) => {
    const mine = view.private[view.viewer.seat];
    if (!mine) {
      el.hidden = true;
      return;
    }
    el.hidden = false;
    const key = `${view.viewer.seat}|${view.order.join(",")}`;
    if (key !== built) {
      build(view);
      built = key;
    }
    const options = orderChoices(view, table.scenario);
    const editable =
      EDITABLE.has(view.phase) && !view.seats[view.viewer.seat]?.committed && !view.paused;
    for (const o of options) {
      const input = fields.get(o.kind);
      if (!input) continue;
      input.disabled = !editable;
      if (document.activeElement === input) continue;
      const value = mine.orders[o.kind as keyof Orders];
      input.value =
        o.type === "choice" ? String(Math.max(0, o.values.indexOf(value))) : String(value);
    }
  };
  return { el, update };
}
