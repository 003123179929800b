/**
 * A modal dialog (the native <dialog> with showModal): the page behind is inert, Esc closes it,
 * Tab and Shift+Tab stay inside it, and closing gives the focus back to what had it before
 * (normally the button that opened it). One at a time: opening another replaces it.
 */
import { LEARN } from "../text/learn.ts";
import { h } from "./dom.ts";
import "./learn.css";

const FOCUSABLE = "button, [href], input, select, textarea, [tabindex]:not([tabindex='-1'])";

const opener = new WeakMap<HTMLDialogElement, HTMLElement | null>();

export function openDialog(id: string, heading: string, body: Node[]): HTMLDialogElement {
  const open = document.querySelector<HTMLDialogElement>("dialog.learn-dialog");
  // a dialog opened from another (help → rules) gives the focus back to the first one's opener
  const back =
    (open && opener.get(open)) ??
    (document.activeElement instanceof HTMLElement ? document.activeElement : null);
  if (open) {
    opener.delete(open);
    open.close();
  }
  const close = h(
    "button",
    { type: "button", class: "dialog-close", id: `${id}-close` },
    LEARN.help.close,
  );
  const dialog = h(
    "dialog",
    { class: "learn-dialog", id, "aria-labelledby": `${id}-title` },
    h("h2", { id: `${id}-title` }, heading),
    h("div", { class: "dialog-body" }, ...body),
    h("div", { class: "dialog-actions" }, close),
  );
  close.addEventListener("click", () => dialog.close());
  dialog.addEventListener("keydown", (e) => {
    if (e.key !== "Tab") return;
    const items = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (el) => !el.hasAttribute("disabled") && el.offsetParent !== null,
    );
    const first = items[0];
    const last = items.at(-1);
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  });
  opener.set(dialog, back);
  dialog.addEventListener("close", () => {
    dialog.remove();
    // replaced by another dialog: that one returns the focus when it closes
    if (!opener.has(dialog)) return;
    opener.delete(dialog);
    if (back?.isConnected) back.focus();
  });
  document.body.append(dialog);
  dialog.showModal();
  close.focus();
  return dialog;
}
