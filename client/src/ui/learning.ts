/**
 * "Learning to play" on each screen: the help button (and on a table, the Rules panel); on the
 * board also the first-year guide and the note that explains a Cooperation gauge still at 0.
 * main.ts calls learnFor when the screen changes and the cleanup it returns when it changes
 * again, so the screens themselves carry none of this.
 */
import type { PlayerView } from "../../../shared/rules/view.ts";
import type { Table } from "../state/table.ts";
import { LEARN } from "../text/learn.ts";
import { h } from "./dom.ts";
import { guide } from "./guide.ts";
import { type HelpExtras, helpButton, rulesButton, type Screen } from "./help.ts";
import "./learn.css";

/** The screen's cleanup: a new screen's learnFor runs the last one's first (home → a table). */
let current: (() => void) | null = null;

export function learnFor(screen: Screen, table?: Table): () => void {
  current?.();
  const stop = mount(screen, table);
  current = stop;
  return () => {
    if (current === stop) current = null;
    stop();
  };
}

function mount(screen: Screen, table?: Table): () => void {
  const extras: HelpExtras = table
    ? { scenario: { scenario: table.scenario, role: () => table.seat } }
    : {};
  if (screen !== "board" || !table) {
    const tools = h("div", { class: "learn-tools floating" }, helpButton(screen, extras));
    document.body.append(tools);
    return () => tools.remove();
  }

  const tour = guide(table);
  const tools = h(
    "div",
    { class: "learn-tools" },
    rulesButton(table.scenario, () => table.seat),
    helpButton("board", { ...extras, guide: () => tour.start() }),
  );
  const topbar = document.querySelector(".board .topbar");
  topbar?.querySelector("dl")?.after(tools);
  const note = h("p", { class: "coop-note", id: "coop-note" }, LEARN.gauges.coopAtZero);
  document.getElementById("stage")?.after(note);

  const update = (view: PlayerView) => {
    // Cooperation is first counted when a year resolves: until then the gauge's 0 needs a word
    note.hidden = view.reports.length > 0 || Math.round(view.cooperation) !== 0;
    tour.update(view);
  };
  if (table.view) update(table.view);
  const off = table.viewChanged.on(update);
  return () => {
    off();
    tour.stop();
    tools.remove();
    note.remove();
  };
}
