/**
 * The browser's record (client/src/state/record.ts) over export files: a game played by bots
 * replays to a view per year; a file with a broken field, a broken scenario or a refused action
 * is refused with MalformedExport or the engine's error, never a TypeError from deep inside.
 */
import { describe, expect, it } from "vitest";
import { replayExport } from "../../client/src/state/record.ts";
import { playGame } from "../../shared/bots/play.ts";
import {
  EXPORT_FORMAT,
  type GameExportFile,
  MalformedExport,
} from "../../shared/protocol/export.ts";
import { miniScenario } from "../fixtures/build.ts";

const scenario = miniScenario();
const played = playGame(scenario, "record-test", { years: 2 });
const file: GameExportFile = {
  format: EXPORT_FORMAT,
  gameId: "ABCDEF",
  scenario,
  seed: "record-test",
  seats: played.state.order.map((role) => ({ role, controller: "bot" })),
  options: { years: 2 },
  actions: played.log,
  years: [],
  outcome: null,
};
const json = JSON.parse(JSON.stringify(file)) as Record<string, unknown>;

describe("replayExport", () => {
  it("replays a played game to a view per year and the end", () => {
    const record = replayExport("ABCDEF", json);
    // each year's view is the first state that holds that year's report
    expect(record.years.map((v) => v.reports.at(-1)?.year)).toEqual(
      played.state.reports.map((r) => r.year),
    );
    expect(record.years).toHaveLength(2);
    expect(record.final.outcome?.ranking).toEqual(played.state.outcome?.ranking);
  });

  it("names a malformed file instead of crashing", () => {
    for (const broken of [
      null,
      "not json at all",
      { ...json, format: "orbital-ties-export/2" },
      { ...json, seats: "three" },
      { ...json, actions: [{ type: 4 }] },
    ])
      expect(() => replayExport("ABCDEF", broken)).toThrow(MalformedExport);
    expect(() =>
      replayExport("ABCDEF", { ...json, scenario: { ...scenario, roles: "none" } }),
    ).toThrow(/scenario/);
  });

  it("a well-formed file whose action the engine refuses says which action", () => {
    // the last action of the game, played again before its first: the engine refuses it
    const actions = played.log;
    expect(() =>
      replayExport("ABCDEF", { ...json, actions: [actions.at(-1), ...actions] }),
    ).toThrow(/action 0 \(\w+\) refused on replay/);
  });
});
