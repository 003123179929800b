/**
 * Lobby: the seats with the scenario's role briefings, who sits where (people or bot), the
 * host's start button, the share link and its QR code, and the notice when the host reads
 * private chat. A player picks a seat and types a first name.
 */
import QRCode from "qrcode";
import type { PlayerView } from "../../../shared/rules/view.ts";
import { JoinError } from "../net/connection.ts";
import { tokens } from "../net/tokens.ts";
import type { Table } from "../state/table.ts";
import { REJECTION_TEXT, TEXT } from "../text/index.ts";
import { h, replace } from "./dom.ts";
import { seatMark } from "./seatMark.ts";
import { jobPicker, memberLabel } from "./teamJobs.ts";

const T = TEXT.lobby;

interface SeatRow {
  who: HTMLElement;
  button: HTMLButtonElement;
  card: HTMLElement;
}

/** Renders the lobby into `root`; returns the function that updates it from a new view. */
export function showLobby(root: HTMLElement, table: Table): (view: PlayerView) => void {
  document.title = `${T.heading(table.code)} · ${TEXT.title}`;
  const scenario = table.scenario;
  const error = h("p", {
    class: "error",
    role: "status",
    "aria-live": "polite",
    id: "lobby-error",
  });
  const nameInput = h("input", {
    id: "player-name",
    name: "name",
    autocomplete: "given-name",
    maxlength: 40,
    value: tokens.name() ?? (table.quick ? T.defaultName : ""),
  });
  const nameField = h(
    "div",
    { class: "field" },
    h("label", { for: "player-name" }, T.yourName),
    nameInput,
  );
  const status = h("p", { id: "lobby-status" });
  const startButton = h("button", { class: "primary", type: "button", id: "start-game" }, T.start);
  const rows = new Map<string, SeatRow>();

  const seatList = h("ul", { class: "seats", "aria-label": T.seatsHeading });
  const first = table.view;
  for (const role of first?.order ?? []) {
    const seat = first?.seats[role];
    const spec = scenario.roles[role];
    if (!seat || !spec) continue;
    const who = h("span", { class: "who" });
    const button = h(
      "button",
      { type: "button", class: "primary", "data-seat": role },
      T.takeSeatShort,
      h("span", { class: "sr-only" }, T.takeSeatAs(seat.name)),
    );
    button.addEventListener("click", () => void sitDown(role));
    const briefing = h("p", { class: "briefing clamped", id: `briefing-${role}` }, spec.briefing);
    const more = h(
      "button",
      {
        type: "button",
        class: "link-button",
        "aria-expanded": "false",
        "aria-controls": `briefing-${role}`,
      },
      T.more,
    );
    more.addEventListener("click", () => {
      const open = briefing.classList.toggle("clamped") === false;
      more.setAttribute("aria-expanded", String(open));
      more.textContent = open ? T.less : T.more;
    });
    const card = h(
      "li",
      { class: "card seat", "data-role": role },
      h(
        "div",
        { class: "seat-head" },
        h("h3", {}, seatMark(seat), " ", seat.name),
        h("p", { class: "muted" }, T.roleKind[seat.archetype] ?? seat.archetype, " · ", who),
      ),
      button,
      h("div", { class: "seat-body" }, briefing, more),
    );
    rows.set(role, { who, button, card });
    seatList.append(card);
  }

  const picker = jobPicker(table);
  const share = h("section", { class: "card share", "aria-labelledby": "share-title" });
  void renderShare(share, table.joinUrl);

  startButton.addEventListener("click", async () => {
    startButton.disabled = true;
    const reply = await table.send("start", {});
    if (!reply.ok) {
      error.textContent = REJECTION_TEXT[reply.code];
      startButton.disabled = false;
    }
  });

  async function sitDown(role: string): Promise<void> {
    const name = nameInput.value.trim();
    if (!name) {
      error.textContent = T.nameNeeded;
      nameInput.focus();
      return;
    }
    tokens.setName(name);
    for (const r of rows.values()) r.button.disabled = true;
    error.textContent = T.connecting;
    try {
      await table.sitDown({ seat: role, name });
      error.textContent = "";
      if (table.quick && table.staff && table.view?.phase === "lobby")
        await table.send("start", {});
    } catch (err) {
      error.textContent = err instanceof JoinError ? err.message : String(err);
      for (const r of rows.values()) r.button.disabled = false;
    }
  }

  replace(
    root,
    h(
      "main",
      { class: "lobby" },
      h(
        "div",
        { class: "lobby-head" },
        h("h1", {}, T.headingWord, " ", h("span", { class: "table-code" }, table.code)),
        h("p", { class: "muted" }, T.scenario(scenario.name)),
        h("a", { href: "/" }, T.back),
      ),
      table.summary.facilitatorReadsChat
        ? h("p", { class: "notice", role: "note" }, T.readsChatNotice)
        : null,
      h(
        "div",
        // quick play: one person, nothing to share or start by hand (sitting down starts)
        { class: table.quick ? "lobby-grid solo" : "lobby-grid" },
        h(
          "section",
          { "aria-labelledby": "seats-title" },
          h("h2", { id: "seats-title" }, table.quick ? T.quickHeading : T.seatsHeading),
          table.quick ? h("p", { class: "muted" }, T.quickBody) : null,
          nameField,
          error,
          picker.el,
          seatList,
        ),
        table.quick
          ? null
          : h(
              "div",
              { class: "side-stack" },
              h(
                "section",
                { class: "card", id: "lobby-status-card", "aria-live": "polite" },
                status,
                startButton,
              ),
              share,
            ),
      ),
    ),
  );

  const update = (view: PlayerView) => {
    const mine = table.seat;
    for (const [role, row] of rows) {
      const seat = view.seats[role];
      if (!seat) continue;
      const names = Object.entries(seat.members).map(([id, m]) =>
        memberLabel(id, m.name, table.jobs),
      );
      row.who.textContent =
        (seat.controller === "bot" || names.length === 0 ? T.bot : T.people(names)) +
        (role === mine ? ` (${T.you})` : "");
      row.button.hidden = mine !== "";
      row.card.classList.toggle("mine", role === mine);
    }
    nameField.hidden = mine !== "";
    const mySeat = mine ? view.seats[mine] : undefined;
    status.textContent = mySeat
      ? T.yourSeat(mySeat.name)
      : table.staff
        ? T.hostNoSeat
        : view.phase === "lobby"
          ? T.takeSeatFirst
          : T.gameRunning;
    if (!table.staff && view.phase === "lobby" && mySeat) status.textContent += ` ${T.waiting}`;
    startButton.hidden = !(table.staff && view.phase === "lobby");
    picker.update();
  };
  table.jobsChanged.on(() => table.view && update(table.view));
  if (first) update(first);
  return update;
}

async function renderShare(box: HTMLElement, url: string): Promise<void> {
  const svg = await QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  const qr = h("div", { class: "qr", role: "img", "aria-label": T.qrLabel(url) });
  // the SVG is generated locally from the link, not from anyone's text
  qr.innerHTML = svg;
  const copy = h("button", { type: "button", id: "copy-link" }, T.copy);
  copy.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(url);
      copy.textContent = T.copied;
    } catch {
      // no clipboard permission: the link is on screen to copy by hand
    }
  });
  replace(
    box,
    h("h2", { id: "share-title" }, T.share),
    h("p", { class: "muted" }, T.shareBody),
    h("p", { class: "link" }, h("a", { href: url, id: "share-link" }, url)),
    qr,
    copy,
  );
}
