/**
 * Tabs for the board's panel (WAI-ARIA tabs pattern): one tab list, arrow keys and Home/End
 * move between tabs, each tab shows its panel and hides the others.
 */
import { h } from "./dom.ts";

/** The phone layout of styles.css, where the panels stack under the globe band. */
const NARROW = "(max-width: 760px)";

export interface TabSpec {
  id: string;
  label: string;
  content: HTMLElement[];
}

export interface Tabs {
  el: HTMLElement;
  select(id: string, focus?: boolean): void;
  /** A short count after a tab's label ("" for none), e.g. proposals waiting for an answer. */
  badge(id: string, text: string): void;
  current(): string;
}

export function tabs(
  label: string,
  specs: TabSpec[],
  onSelect: (id: string) => void = () => {},
): Tabs {
  const list = h("div", { role: "tablist", "aria-label": label, class: "tablist" });
  const panels: HTMLElement[] = [];
  const buttons = new Map<string, HTMLButtonElement>();
  const badges = new Map<string, HTMLElement>();
  let selected = specs[0]?.id ?? "";

  for (const s of specs) {
    const badge = h("span", { class: "tab-badge" });
    const button = h(
      "button",
      {
        type: "button",
        role: "tab",
        id: `tab-${s.id}`,
        "aria-controls": `panel-${s.id}`,
        class: "tab",
      },
      s.label,
      badge,
    );
    button.addEventListener("click", () => {
      select(s.id);
      reveal();
    });
    button.addEventListener("keydown", (e) => {
      const i = specs.findIndex((x) => x.id === s.id);
      const to =
        e.key === "ArrowRight"
          ? i + 1
          : e.key === "ArrowLeft"
            ? i - 1
            : e.key === "Home"
              ? 0
              : e.key === "End"
                ? specs.length - 1
                : null;
      if (to === null) return;
      e.preventDefault();
      const next = specs[(to + specs.length) % specs.length];
      if (next) {
        select(next.id, true);
        reveal();
      }
    });
    buttons.set(s.id, button);
    badges.set(s.id, badge);
    list.append(button);
    panels.push(
      h(
        "div",
        {
          role: "tabpanel",
          id: `panel-${s.id}`,
          "aria-labelledby": `tab-${s.id}`,
          class: "tabpanel",
        },
        ...s.content,
      ),
    );
  }

  /**
   * On a phone the tabs sit below the globe band and the seat panel, so a chosen tab's content
   * starts below the fold: a person's choice scrolls the tab list up to just under the sticky
   * top bar; on a wide screen, to the top of the panel. (A tab the board selects by itself,
   * the new report, does not move the page.)
   */
  function reveal(): void {
    if (!window.matchMedia(NARROW).matches) {
      // the wide panel scrolls by itself, and the seat and host panels above the tabs filled
      // its height: the chosen tab's content opened below the screen's edge
      const box = list.closest(".panel");
      if (!box) return;
      const gap = list.getBoundingClientRect().top - box.getBoundingClientRect().top - 8;
      if (Math.abs(gap) > 4) box.scrollBy({ top: gap });
      return;
    }
    const bar = document.querySelector(".topbar")?.getBoundingClientRect().bottom ?? 0;
    const gap = list.getBoundingClientRect().top - bar - 8;
    if (Math.abs(gap) > 4) window.scrollBy({ top: gap });
  }

  function select(id: string, focus = false): void {
    selected = id;
    for (const [key, b] of buttons) {
      const on = key === id;
      b.setAttribute("aria-selected", String(on));
      b.tabIndex = on ? 0 : -1;
      if (on && focus) b.focus();
    }
    for (const p of panels) p.hidden = p.id !== `panel-${id}`;
    onSelect(id);
  }
  select(selected);

  return {
    el: h("div", { class: "tabs" }, list, ...panels),
    select,
    badge: (id, text) => {
      const b = badges.get(id);
      if (b) b.textContent = text ? ` ${text}` : "";
    },
    current: () => selected,
  };
}
