/**
 * The board screen: the top bar (year, phase, countdown, the two indices as text), the Phaser
 * stage, and the DOM panel with the player's own seat, the ready button, the orders form, the
 * year's event cards and the table's seats.
 */
import type { PlayerView } from "../../../shared/rules/view.ts";
import type { Table } from "../state/table.ts";
import { FX_TEXT } from "../text/board-fx.ts";
import { TEXT } from "../text/index.ts";
import { chatPanel } from "./chat.ts";
import { crisisPanel } from "./crisis.ts";
import { dependencePanel } from "./dependenceGraph.ts";
import { h, replace } from "./dom.ts";
import { hostControls } from "./hostControls.ts";
import { inboxPanel } from "./inbox.ts";
import { marketPanel } from "./market.ts";
import { ordersPanel } from "./orders.ts";
import { proposerPanel } from "./proposer.ts";
import { reportPanel } from "./report.ts";
import { resolutionPanel } from "./resolution.ts";
import { seatMark } from "./seatMark.ts";
import { tabs } from "./tabs.ts";
import { timeline } from "./timeline.ts";

const T = TEXT.board;
// a crisis ends when both rivals have chosen (its panel says so): Ready does not end it
const READY_PHASES = new Set(["briefing", "negotiation", "commit"]);

function clock(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

function stat(name: string, value: HTMLElement): HTMLElement {
  return h("div", { class: "stat" }, h("dt", {}, name), value);
}

export interface BoardScreen {
  stage: HTMLElement;
  update: (view: PlayerView) => void;
  destroy: () => void;
}

export function showBoard(root: HTMLElement, table: Table): BoardScreen {
  document.title = `${TEXT.title} · ${table.code}`;
  const year = h("dd", { id: "year" });
  const phase = h("dd", { id: "phase" });
  const timer = h("dd", { id: "timer" });
  const coop = h("dd", { id: "cooperation" });
  const tension = h("dd", { id: "tension" });
  const status = h("p", {
    class: "status",
    role: "status",
    "aria-live": "polite",
    id: "net-status",
  });

  const topbar = h(
    "header",
    { class: "topbar" },
    h(
      "a",
      { class: "brand", href: "/" },
      TEXT.title,
      h("span", { class: "sr-only" }, ` — ${T.home}`),
    ),
    h(
      "dl",
      {},
      h("div", { class: "item" }, h("dt", {}, T.yearLabel), year),
      h("div", { class: "item" }, h("dt", {}, T.phaseLabel), phase),
      h("div", { class: "item" }, h("dt", {}, T.timeLeft), timer),
      h("div", { class: "item indices" }, h("dt", {}, T.cooperation), coop),
      h("div", { class: "item indices" }, h("dt", {}, T.tension), tension),
    ),
    status,
    // notices (ui/notices.ts) go here: over the globe's corner on a wide screen, in the
    // sticky bar on a phone
    h("div", { id: "toasts", class: "toasts" }),
  );

  const stage = h("div", { class: "stage", id: "stage", role: "img", "aria-label": T.globeLabel });
  // the years and their event cards under the globe (outside the stage: its role is img)
  const years = timeline();

  // own seat
  const seatTitle = h("h2", { id: "seat-title" });
  const cash = h("dd", { id: "cash" });
  const score = h("dd", { id: "score" });
  const capacity = h("dd", {});
  const prestige = h("dd", {});
  const reputation = h("dd", {});
  const priority = h("p", { class: "muted", id: "priority" });
  const ready = h(
    "button",
    { type: "button", class: "primary ready-btn", id: "ready", "aria-pressed": "false" },
    T.ready,
  );
  const readyHint = h("p", { class: "muted" }, T.readyHint);
  const mine = h(
    "section",
    { "aria-labelledby": "seat-title", id: "my-seat" },
    seatTitle,
    h(
      "dl",
      { class: "stats" },
      stat(T.cash, cash),
      stat(T.score, score),
      stat(T.capacity, capacity),
      stat(T.prestige, prestige),
      stat(T.reputation, reputation),
    ),
    priority,
    ready,
    readyHint,
  );
  ready.addEventListener("click", async () => {
    const on = ready.getAttribute("aria-pressed") !== "true";
    ready.disabled = true;
    await table.send("ready", { ready: on });
    ready.disabled = false;
  });

  const orders = ordersPanel(table);
  const proposer = proposerPanel(table);
  const inbox = inboxPanel(table, (p) => proposer.counter(p));
  const report = reportPanel();
  const resolution = resolutionPanel();
  const ties = dependencePanel();
  const chat = chatPanel(table);
  const crisis = crisisPanel(table);
  const host = hostControls(table);
  const market = marketPanel();
  const events = h("section", { "aria-labelledby": "events-title" });
  const seatList = h("ul", { class: "table-list" });
  const seats = h(
    "section",
    { "aria-labelledby": "table-title" },
    h("h2", { id: "table-title" }, T.seats),
    seatList,
  );
  const spectating = h("section", {}, h("p", {}, T.spectating));

  let built = false;
  const tabbed = tabs(
    T.panels,
    [
      { id: "deals", label: T.tabs.deals, content: [inbox.el, proposer.el] },
      { id: "chat", label: T.tabs.chat, content: [chat.el] },
      { id: "orders", label: T.tabs.orders, content: [orders.el] },
      { id: "report", label: T.tabs.report, content: [report.el, resolution.el, events] },
      { id: "ties", label: FX_TEXT.tab, content: [ties.el] },
      { id: "table", label: T.tabs.table, content: [seats, market.el] },
    ],
    (id) => {
      chat.setVisible(id === "chat");
      // the first selection happens while the tabs are built
      if (built) chatBadge();
    },
  );
  built = true;
  function chatBadge(): void {
    const n = chat.unread();
    tabbed.badge("chat", n ? `(${n})` : "");
    const tab = document.getElementById("tab-chat");
    if (tab) tab.setAttribute("aria-label", n ? `${T.tabs.chat}, ${T.unread(n)}` : T.tabs.chat);
  }
  const panel = h(
    "aside",
    { class: "panel", "aria-label": T.you },
    // a crisis is the one choice that cannot wait: first, in sight (under the host's and the
    // seat's panels its second option was below a 720 px screen's edge)
    crisis.el,
    host.el,
    mine,
    spectating,
    tabbed.el,
  );
  replace(
    root,
    h("div", { class: "board" }, topbar, h("div", { class: "stage-wrap" }, stage, years.el), panel),
  );

  let current: PlayerView | null = null;
  let reportsSeen = -1;
  const tick = () => {
    const v = current;
    if (!v) return;
    if (v.paused) timer.textContent = `${T.paused} ${clock(v.pausedRemaining)}`;
    else if (v.deadline > 0) timer.textContent = clock(v.deadline - table.now());
    else timer.textContent = T.noTimer;
  };
  const ticker = window.setInterval(tick, 1000);
  const stopStatus = table.status.on((s) => {
    status.textContent = s === "connected" ? "" : T.reconnecting;
  });

  const update = (view: PlayerView) => {
    current = view;
    year.textContent = String(view.year);
    phase.textContent = TEXT.phase[view.phase];
    coop.textContent = String(Math.round(view.cooperation));
    tension.textContent = String(Math.round(view.tension));
    tick();

    const role = view.viewer.seat;
    const pub = role ? view.seats[role] : undefined;
    const priv = role ? view.private[role] : undefined;
    mine.hidden = !pub;
    spectating.hidden = !!pub;
    if (pub) {
      replace(seatTitle, seatMark(pub), " ", pub.name);
      cash.textContent = priv ? String(Math.round(priv.cash)) : "—";
      score.textContent = priv ? String(Math.round(priv.score)) : "—";
      capacity.textContent = String(pub.capacity);
      prestige.textContent = String(pub.prestige);
      reputation.textContent = String(pub.reputation);
      priority.textContent = priv?.priority ? `${T.priority}: ${priv.priority.text}` : "";
      priority.hidden = !priv?.priority;
      const canReady = READY_PHASES.has(view.phase);
      ready.hidden = !canReady;
      readyHint.hidden = !canReady;
      ready.setAttribute("aria-pressed", String(pub.ready));
      ready.textContent = pub.ready ? T.isReady : T.ready;
    }
    orders.update(view);
    inbox.el.hidden = !pub;
    if (pub) inbox.update(view);
    report.update(view);
    resolution.update(view);
    ties.update(view);
    market.update(view);
    years.update(view);
    proposer.update(view);
    crisis.update(view);
    host.update(view);
    chat.update(view);
    chatBadge();
    // a year just resolved: its report is what people want to read first
    if (reportsSeen >= 0 && view.reports.length > reportsSeen) tabbed.select("report");
    reportsSeen = view.reports.length;
    const waiting = Object.values(view.proposals).filter(
      (p) =>
        p.status === "open" &&
        p.year === view.year &&
        p.parties.includes(role) &&
        !p.accepted.includes(role),
    ).length;
    tabbed.badge("deals", waiting ? `(${waiting})` : "");

    replace(
      events,
      h("h2", { id: "events-title" }, T.events),
      ...(view.events.length
        ? view.events.map((e) =>
            h(
              "div",
              { class: "event-card" },
              h("strong", {}, e.title),
              h("p", { class: "muted" }, e.note),
            ),
          )
        : [h("p", { class: "muted" }, view.phase === "ended" ? T.ended : T.noEvents)]),
    );
    replace(
      seatList,
      ...view.order.map((r) => {
        const s = view.seats[r];
        if (!s) return null;
        const who =
          s.controller === "human"
            ? Object.values(s.members)
                .map((m) => m.name)
                .join(", ")
            : T.controller.bot;
        return h(
          "li",
          { "data-role": r },
          h("span", {}, seatMark(s), " ", s.name),
          h("span", { class: "muted" }, who, s.ready ? T.readyMark : ""),
        );
      }),
    );
  };

  return {
    stage,
    update,
    destroy: () => {
      window.clearInterval(ticker);
      stopStatus();
    },
  };
}
