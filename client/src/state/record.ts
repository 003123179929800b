/**
 * A finished game's record: its export (GET /api/games/:code/export.json, public once the game
 * is over, docs/PROTOCOL.md) replayed with the shared engine in the browser, kept as one
 * facilitator view at the end of each year. Nothing here re-implements a rule: `replay` applies
 * the logged actions, `playerView` makes the snapshots. The replay and the debrief of a closed
 * room read this.
 */
import { MalformedExport, parseExport } from "../../../shared/protocol/export.ts";
import { replay } from "../../../shared/rules/replay.ts";
import type { Action, GameState } from "../../../shared/rules/types.ts";
import { type PlayerView, playerView } from "../../../shared/rules/view.ts";
import { parseScenario } from "../../../shared/scenario/load.ts";
import { api } from "../net/api.ts";

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

/**
 * Replays an export file: the views at the start, at the end of each year and at the end.
 * A file that is not an export (or whose scenario is broken) throws MalformedExport.
 */
export function replayExport(code: string, file: unknown): GameRecord {
  const exp = parseExport(file);
  const parsed = parseScenario(exp.scenario);
  if (!parsed.ok) throw new MalformedExport(parsed.errors.slice(0, 3).map((e) => `scenario: ${e}`));
  const scenario = parsed.scenario;
  let start: PlayerView | null = null;
  const years: PlayerView[] = [];
  const snap = (s: GameState) => {
    start ??= playerView(s, FACILITATOR);
    // an action adds at most one report: the first state that holds it is the year's end
    if (s.reports.length > years.length) years.push(playerView(s, FACILITATOR));
  };
  // the schema checked each action's kind and actor; the engine checks the rest as it replays
  const final = replay(
    scenario,
    exp.seed,
    exp.seats,
    exp.options,
    exp.actions as unknown as Action[],
    snap,
  );
  snap(final);
  const end = playerView(final, FACILITATOR);
  return { code, start: start ?? end, years, final: end };
}

export async function loadRecord(code: string): Promise<GameRecord> {
  return replayExport(code, await api.exported(code));
}
