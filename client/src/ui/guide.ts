/**
 * The first-year guide: four steps that point at the board's panels in the order a newcomer
 * uses them (your seat and its goals, a first proposal, the orders, Ready). Each step opens
 * the panel's tab (on a phone the panels are tabs too), scrolls it into sight, outlines it and
 * says what it is for; the step's sentence is announced and the focus sits on Next. Skipped or
 * done, it is not shown again on this browser (localStorage); Help can show it again.
 */
import type { PlayerView } from "../../../shared/rules/view.ts";
import type { Table } from "../state/table.ts";
import { LEARN } from "../text/learn.ts";
import { objectiveSentence } from "../text/rules.ts";
import { announce, h, replace } from "./dom.ts";

const T = LEARN.guide;
/** Where the guide's end is kept: "done" or "skipped"; the e2e tests set it to keep it away. */
export const GUIDE_KEY = "orbital-ties:guide";
const NARROW = "(max-width: 760px)";
const AUTO_PHASES = new Set(["briefing", "negotiation"]);

interface Step {
  id: string;
  /** The board tab that holds the target, or null when it sits above the tabs. */
  tab: string | null;
  target: string;
  /** Where to point while the target is hidden (the builder outside negotiation), and what to say. */
  fallback?: { target: string; body: string };
  title: string;
  body: string;
  list?: string[];
}

function steps(table: Table): Step[] {
  const role = table.seat;
  const sc = table.scenario;
  const spec = sc.roles[role];
  return [
    {
      id: "seat",
      tab: null,
      target: "#my-seat",
      title: T.steps.seat.title,
      body: T.steps.seat.body(spec?.name ?? role),
      list: spec?.objectives.map((o) => objectiveSentence(sc, role, o)) ?? [],
    },
    {
      id: "proposal",
      tab: "deals",
      target: "#proposer",
      fallback: { target: "#panel-deals", body: T.steps.proposal.later },
      title: T.steps.proposal.title,
      body: T.steps.proposal.body,
    },
    {
      id: "orders",
      tab: "orders",
      target: "section.orders",
      title: T.steps.orders.title,
      body: T.steps.orders.body,
    },
    {
      id: "ready",
      tab: null,
      target: "#ready",
      title: T.steps.ready.title,
      body: T.steps.ready.body,
    },
  ];
}

function stored(): string | null {
  try {
    return localStorage.getItem(GUIDE_KEY);
  } catch {
    return null;
  }
}

function store(value: "done" | "skipped"): void {
  try {
    localStorage.setItem(GUIDE_KEY, value);
  } catch {
    // private mode without storage: the guide simply shows again next time
  }
}

export interface Guide {
  start(): void;
  update(view: PlayerView): void;
  stop(): void;
}

export function guide(table: Table): Guide {
  let at = -1;
  let list: Step[] = [];
  let offered = false;
  let target: HTMLElement | null = null;

  const counter = h("p", { class: "guide-count", id: "guide-count" });
  const title = h("h2", { id: "guide-title" });
  // focusable: a long step scrolls inside it, and a keyboard user must be able to scroll it too
  const body = h("div", { id: "guide-body", tabindex: "0" });
  const back = h("button", { type: "button", id: "guide-back" }, T.back);
  const next = h("button", { type: "button", class: "primary", id: "guide-next" }, T.next);
  const skip = h("button", { type: "button", id: "guide-skip", class: "linkish" }, T.skip);
  const box = h(
    "div",
    {
      class: "guide",
      id: "guide",
      role: "dialog",
      "aria-modal": "false",
      "aria-label": T.label,
      "aria-describedby": "guide-title guide-body",
    },
    counter,
    title,
    body,
    h("div", { class: "guide-actions" }, skip, back, next),
  );
  back.addEventListener("click", () => show(at - 1));
  next.addEventListener("click", () => (at + 1 < list.length ? show(at + 1) : finish("done")));
  skip.addEventListener("click", () => finish("skipped"));
  box.addEventListener("keydown", (e) => {
    if (e.key !== "Escape") return;
    e.preventDefault();
    finish("skipped");
  });

  const unmark = () => {
    target?.classList.remove("guide-target");
    target?.removeAttribute("data-guide-step");
    target = null;
  };

  const place = () => {
    if (at < 0 || !target) return;
    const narrow = window.matchMedia(NARROW).matches;
    box.classList.toggle("docked", narrow);
    // docked at a phone's bottom edge, the guide would hide the page's end: room to scroll past
    document.body.style.paddingBottom = narrow ? `${box.offsetHeight + 16}px` : "";
    if (narrow) {
      box.style.top = "";
      box.style.right = "";
      return;
    }
    const r = target.getBoundingClientRect();
    const height = box.offsetHeight;
    box.style.right = `${Math.max(16, window.innerWidth - r.left + 16)}px`;
    box.style.top = `${Math.max(56, Math.min(r.top, window.innerHeight - height - 16))}px`;
  };

  /** Scrolls the target into sight: on a phone just below the sticky top bar, above the guide. */
  function inSight(): void {
    if (!target) return;
    if (window.matchMedia(NARROW).matches) {
      const bar = document.querySelector(".topbar")?.getBoundingClientRect().bottom ?? 0;
      const gap = target.getBoundingClientRect().top - bar - 8;
      if (Math.abs(gap) > 4) window.scrollBy({ top: gap });
    } else target.scrollIntoView({ block: "nearest" });
  }
  // a notice in the phone's sticky top bar makes it taller: the target would slide under it
  const barWatch = new ResizeObserver(() => {
    if (at >= 0) inSight();
  });

  function show(i: number): void {
    const step = list[i];
    if (!step) return;
    at = i;
    if (step.tab) document.getElementById(`tab-${step.tab}`)?.click();
    unmark();
    const wanted = document.querySelector<HTMLElement>(step.target);
    const shown = wanted && !wanted.closest("[hidden]") ? null : step.fallback;
    const text = shown?.body ?? step.body;
    target = document.querySelector<HTMLElement>(shown?.target ?? step.target);
    target?.classList.add("guide-target");
    target?.setAttribute("data-guide-step", step.id);
    box.setAttribute("data-step", step.id);
    box.setAttribute("data-target", shown?.target ?? step.target);
    counter.textContent = T.step(i + 1, list.length);
    title.textContent = step.title;
    replace(
      body,
      h("p", {}, text),
      step.list?.length ? h("ul", {}, ...step.list.map((x) => h("li", {}, x))) : null,
    );
    back.hidden = i === 0;
    next.textContent = i === list.length - 1 ? T.done : T.next;
    if (!box.isConnected) {
      document.body.append(box);
      const bar = document.querySelector(".topbar");
      if (bar) barWatch.observe(bar);
    }
    place();
    inSight();
    place();
    // the step reads from its top; Next (kept in sight at the box's foot) has the focus
    next.focus({ preventScroll: true });
    box.scrollTop = 0;
    announce(T.announce(counter.textContent, step.title, [text, ...(step.list ?? [])].join(" ")));
  }

  function finish(how: "done" | "skipped"): void {
    const last = target;
    store(how);
    stop();
    // the focus goes where the guide pointed last (Ready, at the end), else to the seat panel
    const to = last?.matches("button") ? last : document.getElementById("ready");
    if (to && !to.hidden) to.focus();
  }

  function stop(): void {
    at = -1;
    unmark();
    box.remove();
    barWatch.disconnect();
    document.body.style.paddingBottom = "";
  }

  window.addEventListener("resize", place);

  return {
    start() {
      list = steps(table);
      offered = true;
      show(0);
    },
    update(view: PlayerView) {
      if (offered || stored() !== null) return;
      if (!view.viewer.seat || !view.private[view.viewer.seat]) return;
      if (view.year !== table.scenario.startYear || !AUTO_PHASES.has(view.phase)) return;
      offered = true;
      list = steps(table);
      // after the board has drawn its panels for this view
      requestAnimationFrame(() => show(0));
    },
    stop() {
      stop();
      window.removeEventListener("resize", place);
    },
  };
}
