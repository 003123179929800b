/**
 * Notices: a short sentence shown for a few seconds (a refusal, a deal, a proposal) and read
 * out through the page's live region. The visible toasts are not a live region themselves, so
 * a screen reader hears each sentence once.
 */
import { announce, h } from "./dom.ts";

const SHOWN_MS = 6000;
const MOST = 2;

function region(): HTMLElement {
  let el = document.getElementById("toasts");
  if (!el) {
    el = h("div", { id: "toasts", class: "toasts" });
    document.body.append(el);
  }
  return el;
}

export function notify(text: string, kind: "info" | "error" = "info"): void {
  const box = region();
  const toast = h("p", { class: `toast ${kind}` }, text);
  box.append(toast);
  while (box.children.length > MOST) box.firstElementChild?.remove();
  window.setTimeout(() => toast.remove(), SHOWN_MS);
  announce(text);
}
