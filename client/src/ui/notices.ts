/**
 * Notices: a short sentence shown for a few seconds (a refusal, a deal, a proposal) and read
 * out through the page's live region. The visible toasts are not a live region themselves, so
 * a screen reader hears each sentence once. A screen may give them a place of their own (an
 * element with id `toasts`: the board keeps it in its top bar, so on a phone a notice pushes
 * the page down instead of covering what is being read); each toast can be dismissed.
 */
import { TEXT } from "../text/index.ts";
import { announce, h } from "./dom.ts";

const SHOWN_MS = 5000;
const MOST = 2;

function region(): HTMLElement {
  let el = document.getElementById("toasts");
  if (!el) {
    el = h("div", { id: "toasts", class: "toasts floating" });
    document.body.append(el);
  }
  return el;
}

export function notify(text: string, kind: "info" | "error" = "info"): void {
  const box = region();
  const close = h(
    "button",
    { type: "button", class: "toast-close", "aria-label": TEXT.notices.dismiss },
    "×",
  );
  const toast = h("div", { class: `toast ${kind}` }, h("p", {}, text), close);
  close.addEventListener("click", () => toast.remove());
  box.append(toast);
  while (box.children.length > MOST) box.firstElementChild?.remove();
  window.setTimeout(() => toast.remove(), SHOWN_MS);
  announce(text);
}
