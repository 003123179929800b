/**
 * The phase table: the order a year's phases come in, their timers, when they end early,
 * and which actions each allows, played through the reducer.
 */
import { describe, expect, it } from "vitest";
import { PHASE_TABLE, phasesOf } from "../../shared/rules/phaseTable.ts";
import { ACTION_RULES, ACTION_TYPES } from "../../shared/rules/reducer.ts";
import type { GameState, Phase } from "../../shared/rules/types.ts";
import { PHASES } from "../../shared/rules/types.ts";
import { HUMANS, lobby, miniScenario, must, seatMust, T0, timeout } from "../fixtures/build.ts";

const TIMERS = {
  briefingSeconds: 11,
  firstNegotiationSeconds: 22,
  negotiationSeconds: 33,
  commitSeconds: 44,
  crisisSeconds: 55,
};

const started = (s: GameState) => must(s, { type: "startGame", actor: { kind: "host" }, at: T0 });

/** The phases a game passes through, with the length of each one's timer in seconds. */
function walk(s: GameState, steps: number): [Phase, number, number][] {
  const seen: [Phase, number, number][] = [];
  let t = s;
  for (let i = 0; i < steps && t.phase !== "ended"; i++) {
    const at = t.deadline ?? T0;
    t = timeout(t);
    seen.push([t.phase, t.year, t.deadline === null ? 0 : (t.deadline - at) / 1000]);
  }
  return seen;
}

describe("the phase table", () => {
  it("walks briefing, negotiation, commit, then the next briefing, each with its preset timer", () => {
    const s = started(lobby(miniScenario(), HUMANS, TIMERS));
    expect(s.phase).toBe("briefing");
    expect(s.deadline).toBe(T0 + 11_000);
    expect(walk(s, 4).map(([p, y, sec]) => `${p} ${y - s.year} ${sec}`)).toEqual([
      "negotiation 0 22",
      "commit 0 44",
      "briefing 1 11",
      "negotiation 1 33",
    ]);
  });

  it("skips commit when its timer is 0 and puts a crisis after resolution when tension is high", () => {
    const s = started(
      lobby(miniScenario({ startTension: 95 }), HUMANS, { ...TIMERS, commitSeconds: 0 }),
    );
    expect(walk(s, 4).map(([p, y, sec]) => `${p} ${y - s.year} ${sec}`)).toEqual([
      "negotiation 0 22",
      "crisis 0 55",
      "briefing 1 11",
      "negotiation 1 33",
    ]);
  });

  it("ends the last year in the ended phase, where nothing is allowed", () => {
    let s = started(lobby(miniScenario(), HUMANS, { years: 1 }));
    while (s.phase !== "ended") s = timeout(s);
    expect(s.deadline).toBeNull();
    expect(PHASE_TABLE.ended.actions).toEqual([]);
  });

  it("ends a phase early once every human seat is ready, not before", () => {
    let s = started(lobby());
    const [first, ...rest] = HUMANS.map((h) => h.role);
    s = seatMust(s, first as string, { type: "ready", ready: true });
    expect(s.phase).toBe("briefing");
    for (const r of rest) s = seatMust(s, r, { type: "ready", ready: true });
    expect(s.phase).toBe("negotiation");
  });

  it("never ends early at a table of bots only", () => {
    let s = started(
      lobby(
        miniScenario(),
        HUMANS.map((h) => ({ ...h, controller: "bot" as const })),
      ),
    );
    for (const h of HUMANS) s = seatMust(s, h.role, { type: "ready", ready: true }, "bot");
    expect(s.phase).toBe("briefing");
  });

  it("gives the reducer each action's phases", () => {
    expect(phasesOf("propose")).toEqual(["negotiation"]);
    expect(phasesOf("setOrders")).toEqual(["negotiation", "commit"]);
    expect(phasesOf("crisisChoice")).toEqual(["crisis"]);
    expect(phasesOf("stance")).toEqual(["briefing", "negotiation", "commit"]);
    expect(phasesOf("startGame")).toEqual(["lobby"]);
    expect(phasesOf("chat")).toEqual(["lobby", "briefing", "negotiation", "commit", "crisis"]);
    for (const t of ACTION_TYPES) {
      expect(ACTION_RULES[t].phases, t).toEqual(phasesOf(t));
      expect(ACTION_RULES[t].phases.length, t).toBeGreaterThan(0);
    }
    expect(Object.keys(PHASE_TABLE)).toEqual([...PHASES]);
  });
});
