/**
 * The inbox: this year's proposals the seat is party to, newest first, with their terms as
 * sentences and the seat's answers (accept, reject, or withdraw its own).
 */
import type { Proposal } from "../../../shared/rules/types.ts";
import type { PlayerView } from "../../../shared/rules/view.ts";
import type { Table } from "../state/table.ts";
import { REJECTION_TEXT } from "../text/index.ts";
import { PROPOSAL_TEXT as T, termText } from "../text/terms.ts";
import { h, replace } from "./dom.ts";

export function inboxPanel(
  table: Table,
  onCounter: (p: Proposal) => void,
): { el: HTMLElement; update: (v: PlayerView) => void } {
  const el = h("section", { class: "inbox", id: "inbox", "aria-labelledby": "inbox-title" });
  let drawn = "";

  const answer = async (
    type: "accept" | "reject" | "withdraw",
    p: Proposal,
    error: HTMLElement,
  ) => {
    error.textContent = "";
    const reply = await table.send(type, { proposal: p.id });
    if (!reply.ok) error.textContent = REJECTION_TEXT[reply.code];
  };

  const update = (view: PlayerView) => {
    const me = view.viewer.seat;
    const mine = Object.values(view.proposals)
      .filter((p) => p.year === view.year && p.parties.includes(me))
      .reverse();
    // redraw only when a proposal changed (keeps focus on the buttons otherwise)
    const key = JSON.stringify([view.phase, mine]);
    if (key === drawn) return;
    drawn = key;
    const name = (r: string) => view.seats[r]?.name ?? r;
    const negotiating = view.phase === "negotiation" && !view.paused;
    replace(
      el,
      h("h2", { id: "inbox-title" }, T.heading),
      mine.length === 0 ? h("p", { class: "muted" }, T.none) : null,
      ...mine.map((p) => {
        const error = h("p", { class: "error", "aria-live": "polite" });
        const open = p.status === "open";
        const actions = h("div", { class: "actions" });
        if (open && negotiating && p.from === me)
          actions.append(
            button(T.withdraw, `withdraw-${p.id}`, () => answer("withdraw", p, error)),
          );
        else if (open && negotiating && !p.accepted.includes(me))
          actions.append(
            button(T.accept, `accept-${p.id}`, () => answer("accept", p, error), true),
            button(T.reject, `reject-${p.id}`, () => answer("reject", p, error)),
            button(
              T.counter,
              `counter-${p.id}`,
              () => onCounter(p),
              false,
              T.counterHint(name(p.from)),
            ),
          );
        const others = p.accepted.filter((r) => r !== p.from).map(name);
        return h(
          "article",
          {
            class: `proposal ${p.status}`,
            "data-proposal": p.id,
            "aria-label": p.from === me ? T.yours : T.from(name(p.from)),
          },
          h(
            "p",
            { class: "proposal-head" },
            h("strong", {}, p.from === me ? T.yours : T.from(name(p.from))),
            h("span", { class: "badge" }, T.status[p.status] ?? p.status),
          ),
          h("p", { class: "muted" }, T.parties(p.parties.map(name)), ", ", T.years(p.years)),
          h("ul", { class: "terms" }, ...p.terms.map((t) => h("li", {}, termText(t, name)))),
          p.note ? h("p", { class: "note" }, p.note) : null,
          others.length ? h("p", { class: "muted" }, T.acceptedBy(others)) : null,
          actions,
          error,
        );
      }),
    );
  };
  return { el, update };
}

function button(
  label: string,
  id: string,
  onClick: () => void,
  primary = false,
  title: string | null = null,
): HTMLButtonElement {
  const b = h("button", { type: "button", id, class: primary ? "primary" : "", title }, label);
  b.addEventListener("click", onClick);
  return b;
}
