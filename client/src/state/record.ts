/**
 * A finished game's record: its export (GET /api/games/:code/export.json, public once the game
 * is over, docs/PROTOCOL.md) replayed with the shared engine in the browser, kept as one
 * facilitator view at the end of each year. Nothing here re-implements a rule: `replay` applies
 * the logged actions, `playerView` makes the snapshots. The replay and the debrief of a closed
 * room read this.
 */
import { replay } from "../../../shared/rules/replay.ts";
import type { GameOptions, SeatSetup } from "../../../shared/rules/setup.ts";
import type { Action, GameState } from "../../../shared/rules/types.ts";
import { type PlayerView, playerView } from "../../../shared/rules/view.ts";
import { requireScenario } from "../../../shared/scenario/load.ts";
import { api } from "../net/api.ts";

/** What server/http/games.ts exports, as far as the client reads it. */
export interface GameExport {
  format: "orbital-ties-export/1";
  gameId: string;
  scenario: unknown;
  seed: string;
  seats: SeatSetup[];
  options: GameOptions;
  actions: Action[];
}

export interface GameRecord {
  code: string;
  /** Before the first year was played (the indices' starting values). */
  start: PlayerView;
  /** One view per finished year, taken as the year's report was made. */
  years: PlayerView[];
  /** The game at its end (outcome, every report, the deal ledger). */
  final: PlayerView;
}

const FACILITATOR = { kind: "facilitator" } as const;

/** Replays an export: the views at the start, at the end of each year and at the end. */
export function replayExport(code: string, exp: GameExport): GameRecord {
  if (exp.format !== "orbital-ties-export/1")
    throw new Error(`unknown export format ${exp.format}`);
  const scenario = requireScenario(exp.scenario, `game ${code}`);
  let start: PlayerView | null = null;
  const years: PlayerView[] = [];
  const snap = (s: GameState) => {
    start ??= playerView(s, FACILITATOR);
    // an action adds at most one report: the first state that holds it is the year's end
    if (s.reports.length > years.length) years.push(playerView(s, FACILITATOR));
  };
  const final = replay(scenario, exp.seed, exp.seats, exp.options, exp.actions, snap);
  snap(final);
  const end = playerView(final, FACILITATOR);
  return { code, start: start ?? end, years, final: end };
}

export async function loadRecord(code: string): Promise<GameRecord> {
  return replayExport(code, await api.exported(code));
}
