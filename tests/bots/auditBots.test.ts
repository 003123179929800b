/**
 * Issue 10's bot findings, fixed seeds on the mini fixture: aggression no longer pays against
 * a Liberal (it reciprocates), the Realist is threatened by what GAME.md names and never by
 * "T above 65", its covert sale is weighed by its score, and the Liberal proposes only deals
 * it can see are executable.
 */
import { describe, expect, it } from "vitest";
import { makeBot, makeCtx } from "../../shared/bots/common.ts";
import { ESSAY_BOTS } from "../../shared/bots/essay.ts";
import { liberalBot, liberalPolicy } from "../../shared/bots/liberal.ts";
import { playGame } from "../../shared/bots/play.ts";
import { profitBot } from "../../shared/bots/profit.ts";
import { realistPolicy } from "../../shared/bots/realist.ts";
import type { Bot } from "../../shared/bots/types.ts";
import { executableProblem } from "../../shared/rules/legal.ts";
import type { SeatSetup } from "../../shared/rules/setup.ts";
import type { GameState } from "../../shared/rules/types.ts";
import { playerView } from "../../shared/rules/view.ts";
import { miniScenario, negotiating, resolveYear, timeout } from "../fixtures/build.ts";
import { conclude, orders, sale } from "../rules/helpers.ts";

type Over = Parameters<typeof miniScenario>[0];

const BOT_SEATS: SeatSetup[] = ["us", "russia", "spacex", "uae"].map((role) => ({
  role,
  controller: "bot",
}));
const alwaysFirm = makeBot({ ...realistPolicy, name: "alwaysFirm", crisis: () => "firm" });
const view = (s: GameState, seat: string) => playerView(s, { kind: "seat", seat });
const ctx = (s: GameState, seat: string, over: Over = {}) =>
  makeCtx(view(s, seat), miniScenario(over), () => 0.5);

describe("Firm against a reciprocating Liberal stops paying after the first crisis", () => {
  // a crisis every year (threshold 0) that never escalates (escalation base 100: p = 0)
  const sc = miniScenario({
    startTension: 90,
    crisis: { threshold: 0, escalationBase: 100 },
  } as Over);

  it.each([
    ["the Liberal", liberalBot],
    ["the essay's cut-ties US", ESSAY_BOTS.cutTies],
    ["the essay's status-quo US", ESSAY_BOTS.statusQuo],
  ] as const)("against %s", (_name, us: Bot) => {
    const r = playGame(sc, "firm-vs-liberal", {
      seats: BOT_SEATS,
      bots: { us, russia: alwaysFirm, spacex: profitBot, uae: liberalBot },
      years: 3,
    });
    const [y1, y2, y3] = r.state.reports;
    const firmPoints = (rep: typeof y1) =>
      (rep?.scoreTerms.russia ?? []).filter(
        (t) => t.detail.cause === "crisis" && t.detail.part === "firm",
      );
    // first crisis: the Liberal de-escalates and Russia collects the firm side's +4
    expect(y1?.crisis?.choices).toEqual({ us: "deescalate", russia: "firm" });
    expect(firmPoints(y1).map((t) => t.amount)).toEqual([4]);
    // after it: Firm against Firm, and the +4 is gone
    for (const y of [y2, y3]) {
      expect(y?.crisis?.choices).toEqual({ us: "firm", russia: "firm" });
      expect(firmPoints(y)).toEqual([]);
    }
  });

  it("and a Liberal that met de-escalation keeps de-escalating", () => {
    const r = playGame(sc, "liberal-vs-liberal", {
      seats: BOT_SEATS,
      bots: { us: liberalBot, russia: liberalBot, spacex: profitBot, uae: liberalBot },
      years: 3,
    });
    for (const y of r.state.reports)
      expect(y.crisis?.choices).toEqual({ us: "deescalate", russia: "deescalate" });
  });
});

describe("the Realist's threat: exposed, sanctioned, armed against, or T 20 above its start", () => {
  // start T 60: "T above 65" alone is no threat; 80 (60 + threatTensionRise 20) is
  const at = (t: number) => {
    const s = negotiating(miniScenario({ startTension: 60 } as Over));
    s.tension = t;
    return s;
  };

  it.each([
    [66, "deescalate", 10],
    [79, "deescalate", 10],
    [80, "firm", 25],
  ] as const)("at T %i (start 60) it chooses %s and diverts %i %%", (t, choice, diversion) => {
    const c = ctx(at(t), "russia", { startTension: 60 } as Over);
    expect(realistPolicy.crisis(c)).toBe(choice);
    expect(realistPolicy.orders(c).diversion).toBe(diversion);
  });

  it("sanctioned by its rival last year, it is threatened at the start tension", () => {
    const calm = resolveYear(negotiating(miniScenario()));
    const sanctioned = resolveYear(orders(negotiating(miniScenario()), "us", { sanctions: 1 }));
    expect(realistPolicy.crisis(ctx(timeout(calm), "russia"))).toBe("deescalate");
    expect(realistPolicy.crisis(ctx(timeout(sanctioned), "russia"))).toBe("firm");
  });

  it("exposed to its rival (V ≥ the crisis's leverage level, 0.2) it is threatened", () => {
    // the US flies 3 of 4 on Soyuz: V(US→RU) = 0.525 − 0.3 · 270/277 = 0.233
    const s = resolveYear(
      conclude(negotiating(miniScenario()), ["us", "russia"], [sale("russia", "us", 3, 90)]),
    );
    expect(realistPolicy.crisis(ctx(timeout(s), "us"))).toBe("firm");
    expect(realistPolicy.crisis(ctx(timeout(s), "russia"))).toBe("deescalate");
  });
});

describe("the Realist's covert sale is weighed by its score, not by a bot's income threshold", () => {
  // no risk at all (never detected, no audit tension): it sells exactly when money scores
  const SAFE = { orders: { covertDetection: 0, covertDetectionRepeat: 0, auditTensionPerSale: 0 } };
  it.each([
    // at its target (before year 1) with cap 1.2 more civil funding still scores: it sells
    [1.2, true],
    // with cap 1 civil funding above the target is worth nothing: it does not
    [1, false],
  ])("civilFunding cap %d: sells covertly: %s", (cap, sells) => {
    const over = {
      ...SAFE,
      roles: { russia: { objectives: [{ kind: "civilFunding", points: 6, cap }] } },
    } as Over;
    const s = negotiating(miniScenario(over));
    expect(realistPolicy.orders(ctx(s, "russia", over)).covertSale).toBe(sells);
  });

  it("with the detection risk it does not sell while tension still costs it points", () => {
    // mini: detection 30 %, +20 T when detected, +5 T at the audit; 6 · 100/3040 = 0.197
    // points of civil funding against more than that in low-tension points and peace dividend
    const s = negotiating(miniScenario());
    expect(realistPolicy.orders(ctx(s, "russia")).covertSale).toBe(false);
  });
});

describe("the Liberal proposes only deals it can see are executable", () => {
  it("no integrated-crew swap when the rival's Soyuz is full", () => {
    // Russia: 6 seats, 3 own crew, 3 sold to the US: nothing left to swap
    let s = negotiating(miniScenario());
    s = conclude(s, ["us", "russia"], [sale("russia", "us", 3, 90)]);
    s = conclude(s, ["us", "spacex"], [sale("spacex", "us", 1, 55)]);
    const swap = [{ kind: "seatSwap", a: "us", b: "russia", seats: 1 } as const];
    expect(executableProblem(view(s, "us"), s.scenario, swap)).toBe("RU has no 1 seat(s) to swap");
    expect(liberalPolicy.followUps?.(ctx(s, "us"))).toEqual([]);
  });

  it("proposes the swap when the rival has a seat, and it executes", () => {
    let s = negotiating(miniScenario());
    s = conclude(s, ["us", "russia"], [sale("russia", "us", 1, 90)]);
    s = conclude(s, ["us", "spacex"], [sale("spacex", "us", 3, 55)]);
    const offers = liberalPolicy.followUps?.(ctx(s, "us")) ?? [];
    expect(offers.map((o) => o.terms)).toEqual([
      [{ kind: "seatSwap", a: "us", b: "russia", seats: 1 }],
    ]);
    const o = offers[0];
    if (!o) throw new Error("no swap offered");
    s = resolveYear(conclude(s, o.parties, o.terms));
    expect(s.reports[0]?.dealResults.every((d) => d.result === "executed")).toBe(true);
  });

  it("over 100 seeded all-Liberal games, no deal a Liberal proposed fails for want of seats", () => {
    let failed = 0;
    for (let i = 0; i < 100; i++) {
      const r = playGame(miniScenario(), `liberal-exec-${i}`, {
        seats: BOT_SEATS,
        bots: { us: liberalBot, russia: liberalBot, spacex: profitBot, uae: liberalBot },
        years: 3,
      });
      for (const rep of r.state.reports)
        failed += rep.dealResults.filter((d) => /seat/.test(d.result)).length;
    }
    expect(failed).toBe(0);
  });
});
