/**
 * Help per screen: a "?" button that opens a short dialog in plain language; and the Rules
 * panel, whose sentences come from the table's scenario (text/rules.ts).
 */
import type { Scenario } from "../../../shared/scenario/schema.ts";
import { LEARN } from "../text/learn.ts";
import { rulesSections } from "../text/rules.ts";
import { openDialog } from "./dialog.ts";
import { h } from "./dom.ts";

export type Screen = keyof typeof LEARN.help.screens;
const T = LEARN.help;

export interface HelpExtras {
  /** The table's scenario and the reader's seat ("" for none): adds the Rules button. */
  scenario?: { scenario: Scenario; role: () => string };
  /** Board only: shows the first-year guide again. */
  guide?: () => void;
}

export function openRules(sc: Scenario, role: string): void {
  openDialog("rules", T.rulesHeading(sc.name), [
    h("p", { class: "muted" }, T.rulesIntro),
    ...rulesSections(sc, role).map((s) =>
      h(
        "section",
        { id: s.id, class: "rules-section", "aria-labelledby": `${s.id}-title` },
        h("h3", { id: `${s.id}-title` }, s.heading),
        ...s.sentences.map((line) => h("p", {}, line)),
      ),
    ),
  ]);
}

export function rulesButton(sc: Scenario, role: () => string): HTMLButtonElement {
  const b = h(
    "button",
    { type: "button", class: "rules-btn", id: "rules-open", "aria-label": T.rulesLabel },
    T.rules,
  );
  b.addEventListener("click", () => openRules(sc, role()));
  return b;
}

export function openHelp(screen: Screen, extras: HelpExtras = {}): void {
  const s = T.screens[screen];
  const actions: HTMLElement[] = [];
  if (extras.scenario) {
    const { scenario, role } = extras.scenario;
    const b = h("button", { type: "button", id: "help-rules" }, T.rulesLabel);
    b.addEventListener("click", () => openRules(scenario, role()));
    actions.push(b);
  }
  if (extras.guide) {
    const start = extras.guide;
    const b = h("button", { type: "button", id: "help-guide" }, T.guideAgain);
    b.addEventListener("click", () => {
      const help = document.querySelector<HTMLDialogElement>("dialog#help");
      if (!help) return start();
      // after the dialog has given the focus back, so that the guide's Next can take it
      help.addEventListener("close", () => start(), { once: true });
      help.close();
    });
    actions.push(b);
  }
  const body: Node[] = s.lines.map((line) => h("p", {}, line));
  if (actions.length) body.push(h("div", { class: "help-actions" }, ...actions));
  openDialog("help", s.heading, body);
}

export function helpButton(screen: Screen, extras: HelpExtras = {}): HTMLButtonElement {
  const b = h(
    "button",
    {
      type: "button",
      class: "help-btn",
      id: "help-open",
      "aria-label": T.buttonLabel(T.screens[screen].name),
      "aria-haspopup": "dialog",
    },
    h("span", { "aria-hidden": "true" }, "?"),
  );
  b.addEventListener("click", () => openHelp(screen, extras));
  return b;
}
