/**
 * Notices: a short sentence shown for a few seconds (a refusal, a deal, a proposal) and read
 * out through the page's live region. The visible toasts are not a live region themselves, so
 * a screen reader hears each sentence once. A screen may give them a place of their own (an
 * element with id `toasts`: the board keeps it in its top bar, so on a phone a notice pushes
 * the page down instead of covering what is being read); each toast can be dismissed. The
 * same sentence again while its toast shows only adds a count ("×3"), and at most MOST
 * toasts show at once. In the phone's top bar only the newest shows, on one line, with a
 * "+1" button that unfolds the others (two stacked toasts took 130 px of an 844 px screen).
 */
import { TEXT } from "../text/index.ts";
import { LEARN } from "../text/learn.ts";
import { announce, h, replace } from "./dom.ts";

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

/** The toasts showing now, by their kind and sentence: a repeat bumps its count instead. */
const shown = new Map<
  string,
  { toast: HTMLElement; count: HTMLElement; n: number; timer: number }
>();

/**
 * The button that unfolds the other toasts (CSS shows it in the phone's top bar only). It is
 * in the region only while there is more than one toast, so an empty region stays `:empty`.
 */
let more: HTMLButtonElement | null = null;

function toastsIn(box: HTMLElement): HTMLElement[] {
  return [...box.querySelectorAll<HTMLElement>(":scope > .toast")];
}

function sync(box: HTMLElement): void {
  const n = toastsIn(box).length;
  if (n < 2) {
    more?.remove();
    box.classList.remove("open");
    return;
  }
  if (!more) {
    const button = h("button", { type: "button", class: "toasts-more", id: "toasts-more" });
    button.addEventListener("click", () => {
      const region = button.parentElement;
      if (!region) return;
      region.classList.toggle("open");
      sync(region);
    });
    more = button;
  }
  const open = box.classList.contains("open");
  replace(
    more,
    open ? TEXT.notices.fewer : TEXT.notices.more(n),
    h("span", { class: "sr-only" }, open ? TEXT.notices.fewerHint : TEXT.notices.moreHint(n)),
  );
  more.setAttribute("aria-expanded", String(open));
  if (more.parentElement !== box) box.prepend(more);
}

function drop(toast: HTMLElement): void {
  const box = toast.parentElement;
  toast.remove();
  if (box) sync(box);
}

export function notify(text: string, kind: "info" | "error" = "info"): void {
  const box = region();
  const key = `${kind}\u0000${text}`;
  const same = shown.get(key);
  if (same?.toast.isConnected) {
    // the same sentence again (three proposals from one seat, one refusal twice): one toast
    // that says how many times, shown a while longer, rather than a stack of copies
    same.n += 1;
    same.count.textContent = LEARN.notices.repeated(same.n);
    same.count.setAttribute("aria-label", LEARN.notices.repeatedLabel(same.n));
    same.count.hidden = false;
    window.clearTimeout(same.timer);
    same.timer = window.setTimeout(() => drop(same.toast), SHOWN_MS);
    box.append(same.toast);
    sync(box);
    announce(text);
    return;
  }
  const close = h(
    "button",
    { type: "button", class: "toast-close", "aria-label": TEXT.notices.dismiss },
    "×",
  );
  const count = h("span", { class: "repeat", hidden: true });
  // the sentence is also the toast's title: on a phone's one line it may be cut short
  const toast = h("div", { class: `toast ${kind}`, title: text }, h("p", {}, text, count), close);
  const entry = { toast, count, n: 1, timer: 0 };
  shown.set(key, entry);
  close.addEventListener("click", () => drop(toast));
  box.append(toast);
  for (let all = toastsIn(box); all.length > MOST; all = toastsIn(box)) all[0]?.remove();
  sync(box);
  entry.timer = window.setTimeout(() => drop(toast), SHOWN_MS);
  // forget toasts that are gone so the map stays small
  for (const [k, v] of shown) if (!v.toast.isConnected && v !== entry) shown.delete(k);
  announce(text);
}
