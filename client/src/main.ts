/**
 * Boots the page for its route: `/` is home, `/?join=CODE` a table (its lobby until the game
 * starts and the player has a seat, then its board).
 */
import "@fontsource/inter/400.css";
import "@fontsource/inter/600.css";
import "@fontsource/inter/700.css";
import "./ui/styles.css";
import type * as Phaser from "phaser";
import type { PlayerView } from "../../shared/rules/view.ts";
import { ApiError, api } from "./net/api.ts";
import { JoinError } from "./net/connection.ts";
import { Table } from "./state/table.ts";
import { REJECTION_TEXT, TEXT } from "./text/index.ts";
import { announce, h, replace } from "./ui/dom.ts";
import { showErrorPage } from "./ui/errorPage.ts";
import { normaliseCode, showHome } from "./ui/home.ts";
import { learnFor } from "./ui/learning.ts";
import { showLobby } from "./ui/lobby.ts";
import { notify } from "./ui/notices.ts";

const root = document.getElementById("app") as HTMLElement;

function go(code: string): void {
  history.pushState(null, "", `/?join=${code}${rendererSuffix()}`);
  void route();
}

/** Keeps a `renderer` flag (tests) across in-app navigation. */
function rendererSuffix(): string {
  const r = new URLSearchParams(location.search).get("renderer");
  return r ? `&renderer=${encodeURIComponent(r)}` : "";
}

function failure(message: string): void {
  showErrorPage(root, message);
  learnFor("error");
}

async function showTable(code: string): Promise<void> {
  replace(root, h("main", { class: "loading" }, h("p", { role: "status" }, TEXT.lobby.connecting)));
  // a finished game needs no room (it may have closed): its debrief comes from its record
  if (await isFinished(code)) return showRecord(code, "debrief");
  let table: Table;
  try {
    table = await Table.open(code);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) failure(TEXT.home.unknownCode);
    // a finished game whose room has closed: its debrief from the record
    else if (err instanceof JoinError && (await isFinished(code)))
      await showRecord(code, "debrief");
    else if (err instanceof JoinError) failure(err.message);
    else failure(TEXT.home.failed(String((err as Error).message ?? err)));
    return;
  }

  let screen: "lobby" | "board" | "debrief" | null = null;
  let updateScreen: ((v: PlayerView) => void) | null = null;
  let game: Phaser.Game | null = null;
  let destroyBoard: (() => void) | null = null;
  let lastPhase = "";
  let stopLearning: (() => void) | null = null;

  const render = async (view: PlayerView) => {
    // a host without a seat watches the board; a spectator may still take a seat a bot plays
    const want =
      view.phase === "ended" && view.outcome
        ? "debrief"
        : view.phase !== "lobby" && (table.seat !== "" || table.staff)
          ? "board"
          : "lobby";
    if (want !== screen) {
      screen = want;
      // a new screen starts at its top, not at the scroll of the one before (a lobby scrolled
      // down to its last seat would open the phone board past its globe)
      window.scrollTo(0, 0);
      game?.destroy(true);
      game = null;
      destroyBoard?.();
      destroyBoard = null;
      if (want === "lobby") {
        updateScreen = showLobby(root, table);
      } else if (want === "debrief") {
        const { showDebrief, fromView } = await import("./ui/debrief.ts");
        const update = showDebrief(root);
        updateScreen = (v) => update(fromView(table.code, v));
      } else {
        const { showBoard } = await import("./ui/board.ts");
        const { startGame } = await import("./game.ts");
        const board = showBoard(root, table);
        updateScreen = board.update;
        destroyBoard = board.destroy;
        board.update(view);
        game = startGame(board.stage, table);
      }
      stopLearning?.();
      stopLearning = learnFor(want, table);
    }
    updateScreen?.(table.view ?? view);
    if (lastPhase && view.phase !== lastPhase)
      announce(TEXT.announce.phase(TEXT.phase[view.phase], view.year));
    lastPhase = view.phase;
  };

  table.viewChanged.on((v) => void render(v));
  const names = (roles: readonly string[]) => roles.map((r) => table.view?.seats[r]?.name ?? r);
  table.events.on((events) => {
    for (const e of events) {
      if (e.type === "dealConcluded") notify(TEXT.announce.deal(names(e.parties)));
      // the facilitator hears of every proposal: only a party is told of one
      else if (
        e.type === "proposalReceived" &&
        e.from !== table.seat &&
        e.parties.includes(table.seat)
      ) {
        const from = names([e.from])[0] ?? e.from;
        notify(e.replaces ? TEXT.announce.counter(from) : TEXT.announce.proposal(from));
      } else if (e.type === "gameOver") notify(TEXT.announce.gameOver);
    }
  });
  // every refusal as a plain sentence (forms also show theirs beside the field)
  table.rejected.on((r) => notify(REJECTION_TEXT[r.code], "error"));
  if (table.view) await render(table.view);
}

async function isFinished(code: string): Promise<boolean> {
  return (await api.game(code).catch(() => null))?.status === "finished";
}

/** A finished game from its record (no room needed): its replay or its debrief, with its help. */
async function showRecord(code: string, what: "replay" | "debrief"): Promise<void> {
  const { showPast } = await import("./ui/replay.ts");
  const shown = await showPast(root, code, what);
  learnFor(shown ?? "error");
}

async function route(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const past = params.get("replay") ?? params.get("debrief");
  if (past) return showRecord(normaliseCode(past), params.has("replay") ? "replay" : "debrief");
  const join = params.get("join");
  const code = join ? normaliseCode(join) : "";
  if (code) await showTable(code);
  else {
    await showHome(root, go);
    learnFor("home");
  }
}

window.addEventListener("popstate", () => location.reload());
void route();
