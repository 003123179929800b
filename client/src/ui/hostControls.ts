/**
 * The host's table controls on the board: pause or resume, extend the phase (+1, +5 min), end
 * the phase now, and end the game behind a confirm step. Shown to staff only (the server refuses
 * anyone else anyway); each press ends in a sentence, the server's rejection included.
 */
import type { Reply } from "../../../shared/protocol/messages.ts";
import { type StaffControl, staffMay } from "../../../shared/rules/staff.ts";
import type { PlayerView } from "../../../shared/rules/view.ts";
import type { Outgoing } from "../net/connection.ts";
import type { Table } from "../state/table.ts";
import { HOST_TEXT as T } from "../text/host.ts";
import { REJECTION_TEXT } from "../text/index.ts";
import { h } from "./dom.ts";
import "./host.css";

const EXTEND_MINUTES = [1, 5] as const;

export interface HostControls {
  el: HTMLElement;
  update: (view: PlayerView) => void;
}

export function hostControls(table: Table): HostControls {
  const result = h("p", { class: "host-result", role: "status", "aria-live": "polite" });
  const button = (id: string, label: string, text: string, extra = "") =>
    h("button", { type: "button", id, class: extra, "aria-label": label }, text);
  const pause = button("host-pause", T.pauseLabel, T.pause);
  const resume = button("host-resume", T.resumeLabel, T.resume, "primary");
  const extend = EXTEND_MINUTES.map((m) =>
    button(`host-extend-${m}`, T.extendLabel(m), T.extend(m)),
  );
  const skip = button("host-skip", T.skipLabel, T.skip);
  const endGame = button("host-end", T.endGameLabel, T.endGame, "danger");
  const confirm = button("host-end-confirm", T.confirm, T.confirm, "danger");
  const cancel = button("host-end-cancel", T.cancel, T.cancel);
  const confirmBox = h(
    "div",
    { class: "host-confirm", role: "group", "aria-labelledby": "host-confirm-q" },
    h("p", { id: "host-confirm-q" }, T.confirmQuestion),
    h("div", { class: "host-row" }, confirm, cancel),
  );
  confirmBox.hidden = true;
  const el = h(
    "section",
    { class: "host-controls", id: "host-controls", "aria-labelledby": "host-title" },
    h("h2", { id: "host-title" }, T.title),
    h("p", { class: "muted" }, T.hint),
    h("div", { class: "host-row" }, pause, resume, ...extend, skip, endGame),
    confirmBox,
    result,
  );
  el.hidden = true;

  let view: PlayerView | null = null;
  let busy = false;
  const refresh = () => {
    const at = view ?? { phase: "lobby" as const, paused: false };
    const may = (a: StaffControl) => !busy && staffMay(a, at);
    pause.hidden = at.paused;
    resume.hidden = !at.paused;
    pause.disabled = !may("pause");
    resume.disabled = !may("resume");
    for (const b of extend) b.disabled = !may("extend");
    skip.disabled = !may("skip");
    endGame.disabled = !may("endGame");
    confirm.disabled = !may("endGame");
  };

  async function act<K extends StaffControl>(
    type: K,
    payload: Outgoing[K],
    done: string,
    focusAfter?: HTMLButtonElement,
  ) {
    busy = true;
    refresh();
    const reply: Reply = await table.send(type, payload);
    busy = false;
    result.classList.toggle("refused", !reply.ok);
    result.textContent = reply.ok ? done : T.refused(REJECTION_TEXT[reply.code]);
    refresh();
    // the pressed button may have been swapped (pause ↔ resume): keep the keyboard in the panel
    if (focusAfter && !focusAfter.hidden && !focusAfter.disabled) focusAfter.focus();
  }

  pause.addEventListener("click", () => act("pause", {}, T.done.pause, resume));
  resume.addEventListener("click", () => act("resume", {}, T.done.resume, pause));
  extend.forEach((b, i) => {
    const minutes = EXTEND_MINUTES[i] as number;
    b.addEventListener("click", () =>
      act("extend", { seconds: minutes * 60 }, T.done.extend(minutes), b),
    );
  });
  skip.addEventListener("click", () => act("skip", {}, T.done.skip, skip));
  const closeConfirm = () => {
    confirmBox.hidden = true;
    endGame.setAttribute("aria-expanded", "false");
  };
  endGame.setAttribute("aria-expanded", "false");
  endGame.setAttribute("aria-controls", "host-confirm-q");
  endGame.addEventListener("click", () => {
    confirmBox.hidden = false;
    endGame.setAttribute("aria-expanded", "true");
    confirm.focus();
  });
  cancel.addEventListener("click", () => {
    closeConfirm();
    endGame.focus();
  });
  confirmBox.addEventListener("keydown", (e) => {
    if (e.key !== "Escape") return;
    closeConfirm();
    endGame.focus();
  });
  confirm.addEventListener("click", async () => {
    closeConfirm();
    await act("endGame", {}, T.done.endGame);
  });

  return {
    el,
    update(next) {
      view = next;
      // staff only: the identity can change when the host sits down
      el.hidden = !table.staff || next.phase === "ended" || next.phase === "lobby";
      refresh();
    },
  };
}
