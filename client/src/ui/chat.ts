/**
 * Chat: public statements (channel ["*"]) and private conversations with the seats a player
 * picks. Every message is put on the page as a text node (dom.ts), never parsed as HTML.
 * Unread counts are kept per conversation for this page only: a reload starts with everything
 * read, since the view carries no read marks.
 */
import type { ChatMessage } from "../../../shared/rules/types.ts";
import type { PlayerView } from "../../../shared/rules/view.ts";
import type { Table } from "../state/table.ts";
import { REJECTION_TEXT, TEXT } from "../text/index.ts";
import { h, replace } from "./dom.ts";
import { seatMark } from "./seatMark.ts";

const T = TEXT.chat;
const PUBLIC = "*";
const keyOf = (channel: readonly string[]) => channel.join(",");

export interface ChatPanel {
  el: HTMLElement;
  update: (v: PlayerView) => void;
  /** Messages not yet seen, across conversations (for the tab's badge). */
  unread: () => number;
  /** The chat tab was shown or hidden: the open conversation counts as read while shown. */
  setVisible: (on: boolean) => void;
}

export function chatPanel(table: Table): ChatPanel {
  const el = h("section", { class: "chat", id: "chat", "aria-labelledby": "chat-title" });
  const notice = h("p", { class: "notice", id: "chat-notice" }, T.readsChatNotice);
  const channelList = h("ul", { class: "channels", "aria-label": T.channels });
  const hint = h("p", { class: "muted", id: "channel-hint" });
  const log = h("ol", { class: "chat-log", id: "chat-log", tabindex: 0 });
  const input = h("input", {
    id: "chat-text",
    type: "text",
    maxlength: 500,
    autocomplete: "off",
  });
  const inputLabel = h("label", { for: "chat-text" });
  const error = h("p", { class: "error", id: "chat-error", "aria-live": "polite" });
  const send = h("button", { type: "submit", class: "primary", id: "chat-send" }, T.send);
  const composer = h(
    "form",
    { class: "composer", id: "chat-form" },
    inputLabel,
    h("div", { class: "row" }, input, send),
    error,
  );
  const readOnly = h("p", { class: "muted" }, T.readOnly);
  const picker = h("fieldset", { class: "partners", id: "channel-picker" });
  const pickError = h("p", { class: "error", "aria-live": "polite" });
  const openButton = h("button", { type: "button", id: "open-channel" }, T.open);
  const newChannel = h(
    "details",
    { class: "new-channel" },
    h("summary", {}, T.newChannel),
    picker,
    openButton,
    pickError,
  );
  replace(
    el,
    h("h2", { id: "chat-title" }, T.heading),
    notice,
    channelList,
    newChannel,
    hint,
    log,
    composer,
    readOnly,
  );

  let view: PlayerView | null = null;
  let selected = PUBLIC;
  let visible = false;
  /** Conversations opened here that have no message yet (they exist once someone writes). */
  const opened = new Set<string>();
  /** How many messages of each conversation this page has shown while the tab was open. */
  const seen = new Map<string, number>();
  let drawnLog = "";
  let drawnChannels = "";
  let drawnPicker = "";

  const byChannel = (v: PlayerView) => {
    const m = new Map<string, ChatMessage[]>([[PUBLIC, []]]);
    for (const msg of v.chat) {
      const k = keyOf(msg.channel);
      const list = m.get(k) ?? [];
      list.push(msg);
      m.set(k, list);
    }
    for (const k of opened) if (!m.has(k)) m.set(k, []);
    return m;
  };
  const seatName = (v: PlayerView, r: string) => v.seats[r]?.name ?? r;
  const others = (v: PlayerView, k: string) =>
    k.split(",").filter((r) => r !== v.viewer.seat && r !== PUBLIC);
  const title = (v: PlayerView, k: string) =>
    k === PUBLIC ? T.public : T.with(others(v, k).map((r) => seatName(v, r)));
  const unreadIn = (k: string, list: ChatMessage[]) =>
    Math.max(0, list.length - (seen.get(k) ?? 0));

  const markRead = (channels: Map<string, ChatMessage[]>) => {
    if (visible) seen.set(selected, channels.get(selected)?.length ?? 0);
  };

  const draw = () => {
    const v = view;
    if (!v) return;
    const channels = byChannel(v);
    if (!channels.has(selected)) selected = PUBLIC;
    markRead(channels);
    const me = v.viewer.seat;
    notice.hidden = !v.facilitatorReadsChat;

    const chKey = JSON.stringify([selected, [...channels].map(([k, l]) => [k, unreadIn(k, l)])]);
    if (chKey !== drawnChannels) {
      drawnChannels = chKey;
      replace(
        channelList,
        ...[...channels].map(([k, list]) => {
          const n = unreadIn(k, list);
          const b = h(
            "button",
            {
              type: "button",
              class: "channel",
              "data-channel": k,
              "aria-pressed": String(k === selected),
            },
            title(v, k),
            n ? h("span", { class: "count" }, ` (${T.unread(n)})`) : null,
          );
          b.addEventListener("click", () => {
            selected = k;
            draw();
            input.focus();
          });
          return h("li", {}, b);
        }),
      );
    }

    const list = channels.get(selected) ?? [];
    const logKey = JSON.stringify([selected, list.length]);
    if (logKey !== drawnLog) {
      drawnLog = logKey;
      const where = title(v, selected);
      hint.textContent =
        selected === PUBLIC
          ? T.publicHint
          : T.privateHint(others(v, selected).map((r) => seatName(v, r)));
      log.setAttribute("aria-label", where);
      inputLabel.textContent = T.message(
        selected === PUBLIC ? null : others(v, selected).map((r) => seatName(v, r)),
      );
      replace(
        log,
        ...(list.length
          ? list.map((m) => {
              const seat = v.seats[m.from];
              const member = seat?.members[m.member]?.name ?? "";
              return h(
                "li",
                { class: m.from === me ? "mine" : "" },
                h(
                  "span",
                  { class: "who" },
                  seat ? seatMark(seat) : null,
                  " ",
                  T.from(seatName(v, m.from), member),
                ),
                h("span", { class: "text" }, m.text),
              );
            })
          : [h("li", { class: "muted" }, T.empty)]),
      );
      log.scrollTop = log.scrollHeight;
    }

    composer.hidden = !me;
    readOnly.hidden = !!me;
    newChannel.hidden = !me;
    const pickKey = JSON.stringify([me, v.order]);
    if (me && pickKey !== drawnPicker) {
      drawnPicker = pickKey;
      replace(
        picker,
        h("legend", {}, T.newChannelHint),
        ...v.order
          .filter((r) => r !== me)
          .map((r) => {
            const seat = v.seats[r];
            return h(
              "label",
              {},
              h("input", { type: "checkbox", value: r, id: `talk-${r}` }),
              seat ? seatMark(seat) : null,
              " ",
              seatName(v, r),
            );
          }),
      );
    }
  };

  openButton.addEventListener("click", () => {
    const v = view;
    if (!v) return;
    const picked = [...picker.querySelectorAll<HTMLInputElement>("input:checked")].map(
      (i) => i.value,
    );
    if (picked.length === 0) {
      pickError.textContent = T.pickSomeone;
      return;
    }
    pickError.textContent = "";
    const k = keyOf([...new Set([v.viewer.seat, ...picked])].sort());
    opened.add(k);
    selected = k;
    for (const i of picker.querySelectorAll<HTMLInputElement>("input:checked")) i.checked = false;
    newChannel.open = false;
    draw();
    input.focus();
  });

  composer.addEventListener("submit", async (e) => {
    e.preventDefault();
    const v = view;
    const text = input.value.trim();
    if (!v || !text) return;
    error.textContent = "";
    send.disabled = true;
    const reply =
      selected === PUBLIC
        ? await table.send("statement", { text })
        : await table.send("chat", { to: others(v, selected), text });
    send.disabled = false;
    if (reply.ok) input.value = "";
    else error.textContent = REJECTION_TEXT[reply.code];
  });

  return {
    el,
    update: (v) => {
      // what was said before this page opened counts as read
      if (!view) for (const [k, list] of byChannel(v)) seen.set(k, list.length);
      view = v;
      draw();
    },
    unread: () => {
      if (!view) return 0;
      let n = 0;
      for (const [k, list] of byChannel(view))
        if (!(visible && k === selected)) n += unreadIn(k, list);
      return n;
    },
    setVisible: (on) => {
      visible = on;
      draw();
    },
  };
}
