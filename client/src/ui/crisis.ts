/**
 * The crisis phase: the rival pair's seats choose in secret to stand firm or de-escalate, each
 * choice explained with the scenario's own crisis numbers (the rules of shared/rules/crisis.ts,
 * read from the public scenario); everyone else sees that a crisis is under way.
 */
import { escalationChance, exposedToLeverage } from "../../../shared/rules/crisis.ts";
import type { PlayerView } from "../../../shared/rules/view.ts";
import type { Table } from "../state/table.ts";
import { REJECTION_TEXT, TEXT } from "../text/index.ts";
import { LEARN } from "../text/learn.ts";
import { h, replace } from "./dom.ts";

const T = TEXT.crisis;

export function crisisPanel(table: Table): { el: HTMLElement; update: (v: PlayerView) => void } {
  const el = h("section", { class: "crisis", id: "crisis", "aria-labelledby": "crisis-title" });
  let drawn = "";
  const choose = async (choice: "firm" | "deescalate", error: HTMLElement) => {
    error.textContent = "";
    const reply = await table.send("crisisChoice", { choice });
    if (!reply.ok) error.textContent = REJECTION_TEXT[reply.code];
  };

  const update = (v: PlayerView) => {
    el.hidden = v.phase !== "crisis";
    if (el.hidden) {
      drawn = "";
      return;
    }
    const me = v.viewer.seat;
    const mine = v.private[me]?.crisisChoice ?? "";
    const key = JSON.stringify([
      v.year,
      me,
      mine,
      Math.round(v.tension),
      Math.round(v.cooperation),
    ]);
    if (key === drawn) return;
    drawn = key;
    const sc = table.scenario;
    const c = sc.crisis;
    const name = (r: string) => v.seats[r]?.name ?? r;
    const [a = "", b = ""] = v.rivalPair;
    const title = h("h2", { id: "crisis-title" }, T.heading);
    if (!me || !v.rivalPair.includes(me)) {
      replace(
        el,
        title,
        h("p", { id: "crisis-watch" }, T.watching(name(a), name(b))),
        h("p", { class: "muted", id: "crisis-ends" }, LEARN.crisis.endsWhen(name(a), name(b))),
      );
      return;
    }
    const rival = me === a ? b : a;
    const error = h("p", { class: "error", "aria-live": "polite" });
    // the year's pending report holds this year's dependence (lifeboat leverage)
    const exposed = exposedToLeverage(sc, v.pending?.vulnerability ?? {}, me, rival);
    const option = (choice: "firm" | "deescalate", label: string, means: string) => {
      const button = h(
        "button",
        {
          type: "button",
          id: `crisis-${choice}`,
          class: choice === "deescalate" ? "primary" : "",
          "aria-pressed": String(mine === choice),
          "aria-describedby": `crisis-${choice}-means`,
        },
        label,
      );
      button.addEventListener("click", () => void choose(choice, error));
      return h(
        "div",
        { class: `crisis-option${mine === choice ? " chosen" : ""}` },
        button,
        h("p", { id: `crisis-${choice}-means` }, means),
      );
    };
    replace(
      el,
      title,
      h("p", {}, T.intro(name(rival))),
      h(
        "div",
        { class: "crisis-options" },
        option(
          "firm",
          T.firm,
          T.firmMeans(
            c.firmPoints,
            c.oneFirm,
            c.bothFirm,
            Math.round(100 * escalationChance(sc, v.tension, v.cooperation)),
          ),
        ),
        option("deescalate", T.deescalate, T.deescalateMeans(c.bothDeescalate, c.firmPoints)),
      ),
      exposed ? h("p", { class: "muted" }, T.leverage(c.leveragePoints, name(rival))) : null,
      h("p", { class: "muted", id: "crisis-ends" }, LEARN.crisis.endsWhenMine(name(rival))),
      mine
        ? h("p", { id: "crisis-chosen" }, T.chosen(mine === "firm" ? T.firm : T.deescalate))
        : null,
      error,
    );
  };
  return { el, update };
}
