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
  parseExport,
} from "../../shared/protocol/export.ts";
import { ReplayRefused } from "../../shared/rules/replay.ts";
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

  it("reads files written before terms were data: English labels, a crisis result sentence", () => {
    const year = {
      year: 2020,
      tension: 55,
      cooperation: 30,
      tensionTerms: [{ cause: "failedDeals", label: "1 failed deal(s)", amount: 2 }],
      cooperationTerms: [
        { cause: "trust", label: "trust 100 % of deals and pledges kept", amount: 15 },
      ],
      scores: { us: 3 },
      dealResults: [],
      crisis: {
        choices: { us: "firm", russia: "firm" },
        result: "both sides stood firm; the crisis passed",
        escalation: false,
      },
    };
    const old = { ...json, years: [year] };
    expect(parseExport(old).years[0]?.tensionTerms[0]?.label).toBe("1 failed deal(s)");
    expect(replayExport("ABCDEF", old).years).toHaveLength(2);
    // and today's shape: the detail and its sentence
    const today = {
      ...year,
      tensionTerms: [
        {
          cause: "failedDeals",
          detail: { cause: "failedDeals", deals: 1 },
          text: "1 failed deal",
          amount: 2,
        },
      ],
      crisis: { ...year.crisis, outcome: { kind: "passed" } },
    };
    expect(parseExport({ ...json, years: [today] }).years[0]?.tensionTerms[0]?.detail).toEqual({
      cause: "failedDeals",
      deals: 1,
    });
    // a term with neither its data nor a sentence is still a term of the right shape
    expect(() =>
      parseExport({ ...json, years: [{ ...year, tensionTerms: [{ cause: 4, amount: 2 }] }] }),
    ).toThrow(MalformedExport);
  });

  it("a well-formed file whose action the engine refuses says which action", () => {
    // the last action of the game, played again before its first: the engine refuses it
    const actions = played.log;
    expect(() =>
      replayExport("ABCDEF", { ...json, actions: [actions.at(-1), ...actions] }),
    ).toThrow(/action 0 \(\w+\) refused on replay/);
    // as a ReplayRefused that names the move, for the replay screen's plain sentence
    try {
      replayExport("ABCDEF", { ...json, actions: [actions.at(-1), ...actions] });
    } catch (err) {
      expect(err).toBeInstanceOf(ReplayRefused);
      expect((err as ReplayRefused).index).toBe(0);
      expect((err as ReplayRefused).code).toMatch(/^ERR_/);
    }
    expect.assertions(4);
  });
});
