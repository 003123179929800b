/**
 * The page shown when a table or a record cannot be: the plain sentence, what went wrong
 * technically folded below it (when there is something to add), and the way back home.
 * main.ts (an unknown code, a failed join) and the replay (a record it cannot read) share it.
 */
import { TEXT } from "../text/index.ts";
import { REPLAY_TEXT } from "../text/replay.ts";
import { h, replace } from "./dom.ts";

export function showErrorPage(
  root: HTMLElement,
  message: string,
  { id, technical }: { id?: string; technical?: string | null } = {},
): void {
  replace(
    root,
    h(
      "main",
      { class: "home" },
      h("h1", {}, TEXT.title),
      h("p", { class: "error", role: "alert", ...(id ? { id } : {}) }, message),
      technical
        ? h(
            "details",
            { class: "muted", ...(id ? { id: `${id}-detail` } : {}) },
            h("summary", {}, REPLAY_TEXT.technical),
            h("p", {}, technical),
          )
        : null,
      h("a", { href: "/" }, TEXT.lobby.back),
    ),
  );
}
