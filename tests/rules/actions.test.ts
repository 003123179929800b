/**
 * Every action kind of the reducer's phase table: one accepted case each, and
 * the rejections, each with its exact code and an unchanged state.
 */
import { describe, expect, it } from "vitest";
import { ACTION_TYPES, applyAction } from "../../shared/rules/reducer.ts";
import type { SeatSetup } from "../../shared/rules/setup.ts";
import type { ActionBody, ApplyResult, GameState } from "../../shared/rules/types.ts";
import {
  HUMANS,
  host,
  lobby,
  miniScenario,
  must,
  negotiating,
  resolveYear,
  seatMust,
  T0,
  timeout,
} from "../fixtures/build.ts";
import { as, cash, conclude, expectRejected, lastDeal, sale } from "./helpers.ts";

/**
 * Proposal ids count within their set of parties: us and russia sit first and second at the
 * mini table (parties key 3), so their first proposals are p3.1 and p3.2.
 */
const P1 = "p3.1";
const P2 = "p3.2";

/** A game in the briefing phase of year 1. */
const briefing = (): GameState =>
  must(lobby(), { type: "startGame", actor: { kind: "host" }, at: T0 });

/** A game in its crisis phase (a start tension high enough that year 1 ends in a crisis). */
const inCrisis = (): GameState => {
  let t = negotiating(miniScenario({ startTension: 95 }));
  while (t.phase !== "crisis") t = timeout(t);
  return t;
};

/** Two members at the US seat, the first one captain. */
const TEAM: SeatSetup[] = HUMANS.map((x) =>
  x.role === "us"
    ? {
        ...x,
        members: [
          { id: "m-us", name: "Captain" },
          { id: "m-us2", name: "Crew" },
        ],
        captain: "m-us",
      }
    : x,
);

const sys = (body: ActionBody) => (s: GameState) =>
  applyAction(s, { ...body, actor: { kind: "system" }, at: T0 } as never);
const hostDo = (body: ActionBody) => (s: GameState) => host(s, body);
const propose = (
  parties: string[],
  terms: Parameters<typeof conclude>[2],
  years = 1,
  replaces: string | null = null,
): ActionBody => ({
  type: "propose",
  parties,
  terms,
  years,
  replaces,
  note: "",
});
const okState = (r: ApplyResult): GameState => {
  if (!r.ok) throw new Error(`${r.code}: ${r.detail}`);
  return r.state;
};

/** One accepted case per action kind: the setup, the action, and what must follow. */
const ACCEPTED: Record<
  string,
  {
    setup: () => GameState;
    run: (s: GameState) => ApplyResult;
    check: (after: GameState, before: GameState) => void;
  }
> = {
  addMember: {
    setup: lobby,
    run: hostDo({ type: "addMember", seat: "us", member: "m-new", name: "New" }),
    check: (s) => expect(s.seats.us?.members["m-new"]?.name).toBe("New"),
  },
  removeMember: {
    setup: lobby,
    run: hostDo({ type: "removeMember", seat: "uae", member: "m-uae" }),
    check: (s) => {
      expect(s.seats.uae?.members).toEqual({});
      expect(s.seats.uae?.controller).toBe("bot");
    },
  },
  setCaptain: {
    setup: lobby,
    run: hostDo({ type: "setCaptain", seat: "us", member: "m-us" }),
    check: (s) => expect(s.seats.us?.captain).toBe("m-us"),
  },
  setController: {
    setup: lobby,
    run: hostDo({ type: "setController", seat: "spacex", controller: "bot" }),
    check: (s) => expect(s.seats.spacex?.controller).toBe("bot"),
  },
  startGame: {
    setup: lobby,
    run: hostDo({ type: "startGame" }),
    check: (s) => {
      expect(s.phase).toBe("briefing");
      expect(s.year).toBe(2020);
      expect(cash(s, "russia")).toBe(2770);
      expect(cash(s, "us")).toBe(1000);
    },
  },
  setOrders: {
    setup: negotiating,
    run: as("us", { type: "setOrders", orders: { sanctions: 1 } }),
    check: (s) => {
      expect(s.seats.us?.orders.sanctions).toBe(1);
      expect(s.seats.us?.ordersTouched).toBe(true);
    },
  },
  ready: {
    setup: negotiating,
    run: as("us", { type: "ready", ready: true }),
    check: (s) => {
      expect(s.seats.us?.ready).toBe(true);
      expect(s.phase).toBe("negotiation");
    },
  },
  commit: {
    setup: negotiating,
    run: as("us", { type: "commit" }),
    check: (s) => {
      expect(s.seats.us?.committed).toBe(true);
      expect(s.seats.us?.ready).toBe(true);
    },
  },
  propose: {
    setup: negotiating,
    run: as("us", propose(["us", "russia"], [sale("russia", "us", 1, 90)])),
    check: (s) => {
      expect(s.proposals[P1]?.status).toBe("open");
      expect(s.proposals[P1]?.accepted).toEqual(["us"]);
    },
  },
  accept: {
    setup: () =>
      seatMust(negotiating(), "us", propose(["us", "russia"], [sale("russia", "us", 1, 90)])),
    run: as("russia", { type: "accept", proposal: P1 }),
    check: (s) => {
      expect(s.proposals[P1]?.status).toBe("concluded");
      expect(s.deals.d1?.status).toBe("active");
      expect(s.deals.d1?.terms).toEqual([sale("russia", "us", 1, 90)]);
    },
  },
  reject: {
    setup: () =>
      seatMust(negotiating(), "us", propose(["us", "russia"], [sale("russia", "us", 1, 90)])),
    run: as("russia", { type: "reject", proposal: P1 }),
    check: (s) => expect(s.proposals[P1]?.status).toBe("rejected"),
  },
  withdraw: {
    setup: () =>
      seatMust(negotiating(), "us", propose(["us", "russia"], [sale("russia", "us", 1, 90)])),
    run: as("us", { type: "withdraw", proposal: P1 }),
    check: (s) => expect(s.proposals[P1]?.status).toBe("withdrawn"),
  },
  cancelDeal: {
    // a 2-year deal worth 270 a year, cancelled before it ran: 50 % of 540 goes to Russia
    setup: () => conclude(negotiating(), ["us", "russia"], [sale("russia", "us", 3, 90)], 2),
    run: as("us", { type: "cancelDeal", deal: "d1" }),
    check: (s, before) => {
      expect(s.deals.d1?.status).toBe("cancelled");
      expect(cash(s, "us")).toBe(cash(before, "us") - 270);
      expect(cash(s, "russia")).toBe(cash(before, "russia") + 270);
    },
  },
  chat: {
    setup: negotiating,
    run: as("us", { type: "chat", to: ["russia"], text: "hello" }),
    check: (s) =>
      expect(s.chat.at(-1)).toMatchObject({ from: "us", channel: ["russia", "us"], text: "hello" }),
  },
  statement: {
    setup: negotiating,
    run: as("russia", { type: "statement", text: "we stand ready" }),
    check: (s) => expect(s.chat.at(-1)).toMatchObject({ from: "russia", channel: ["*"] }),
  },
  stance: {
    setup: () => okState(host(negotiating(), { type: "injectEvent", card: "crisis-on-earth" })),
    run: as("us", { type: "stance", stance: "link" }),
    check: (s) => expect(s.seats.us?.stance).toBe("link"),
  },
  crisisChoice: {
    setup: inCrisis,
    run: as("russia", { type: "crisisChoice", choice: "firm" }),
    check: (s) => {
      expect(s.seats.russia?.crisisChoice).toBe("firm");
      expect(s.phase).toBe("crisis"); // the US has not chosen yet
    },
  },
  phaseTimeout: {
    setup: negotiating,
    run: (s) =>
      sys({ type: "phaseTimeout", phase: "negotiation", year: 2020 })({ ...s, deadline: T0 }),
    check: (s) => expect(s.phase).toBe("commit"),
  },
  pause: {
    setup: negotiating,
    run: hostDo({ type: "pause" }),
    check: (s) => {
      expect(s.paused).toBe(true);
      expect(s.deadline).toBeNull();
      expect(s.pausedRemaining).toBeGreaterThan(0);
    },
  },
  resume: {
    setup: () => okState(host(negotiating(), { type: "pause" })),
    run: hostDo({ type: "resume" }),
    check: (s) => {
      expect(s.paused).toBe(false);
      expect(s.deadline).not.toBeNull();
    },
  },
  extend: {
    setup: negotiating,
    run: hostDo({ type: "extend", seconds: 30 }),
    check: (s, before) => expect(s.deadline).toBe((before.deadline ?? 0) + 30_000),
  },
  skip: {
    setup: negotiating,
    run: hostDo({ type: "skip" }),
    check: (s) => expect(s.phase).toBe("commit"),
  },
  injectEvent: {
    setup: negotiating,
    run: hostDo({ type: "injectEvent", card: "tension-up" }),
    check: (s) =>
      expect(s.events.at(-1)).toMatchObject({ card: { id: "tension-up" }, injected: true }),
  },
  endGame: {
    setup: negotiating,
    run: hostDo({ type: "endGame" }),
    check: (s) => {
      expect(s.phase).toBe("ended");
      expect(s.outcome?.reason).toBe("ended");
      expect(Object.keys(s.outcome?.finalScores ?? {}).sort()).toEqual([
        "russia",
        "spacex",
        "uae",
        "us",
      ]);
      expect(s.outcome?.ranking).toHaveLength(4);
    },
  },
};

describe("accepted actions", () => {
  it("covers every action kind of ACTION_RULES", () => {
    expect(Object.keys(ACCEPTED).sort()).toEqual([...ACTION_TYPES].sort());
  });

  it.each(Object.entries(ACCEPTED))("%s is accepted and applied", (_kind, c) => {
    const before = c.setup();
    const snapshot = JSON.stringify(before);
    const r = c.run(before);
    if (!r.ok) throw new Error(`${r.code}: ${r.detail}`);
    c.check(r.state, before);
    // pure: the input state is untouched
    expect(JSON.parse(JSON.stringify(before))).toEqual(JSON.parse(snapshot));
  });
});

const SUB_PRICE = 90;
const withProposal = (s: GameState = negotiating()) =>
  seatMust(s, "us", propose(["us", "russia"], [sale("russia", "us", 1, SUB_PRICE)]));
const withdrawn = () => seatMust(withProposal(), "us", { type: "withdraw", proposal: P1 });
const committed = () => seatMust(negotiating(), "us", { type: "commit" });
const paused = () => okState(host(negotiating(), { type: "pause" }));
const ended = () => okState(host(negotiating(), { type: "endGame" }));
const teamGame = () => negotiating(miniScenario(), TEAM);
const withDeal = () => conclude(negotiating(), ["us", "russia"], [sale("russia", "us", 1, 90)]);

type Case = [
  name: string,
  setup: () => GameState,
  run: (s: GameState) => ApplyResult,
  code: string,
];

const REJECTIONS: Case[] = [
  // phase and actor
  [
    "propose during briefing",
    briefing,
    as("us", propose(["us", "russia"], [sale("russia", "us", 1, 90)])),
    "ERR_WRONG_PHASE",
  ],
  [
    "setOrders in lobby",
    lobby,
    as("us", { type: "setOrders", orders: { sanctions: 1 } }),
    "ERR_WRONG_PHASE",
  ],
  [
    "crisisChoice outside a crisis",
    negotiating,
    as("us", { type: "crisisChoice", choice: "firm" }),
    "ERR_WRONG_PHASE",
  ],
  ["startGame twice", negotiating, hostDo({ type: "startGame" }), "ERR_WRONG_PHASE"],
  [
    "injectEvent during the crisis",
    inCrisis,
    hostDo({ type: "injectEvent", card: "tension-up" }),
    "ERR_WRONG_PHASE",
  ],
  [
    "acting for another seat",
    negotiating,
    as("us", { type: "setOrders", orders: { sanctions: 1 } }, "m-russia"),
    "ERR_NOT_YOUR_SEAT",
  ],
  ["unknown seat", negotiating, as("mars", { type: "ready", ready: true }), "ERR_UNKNOWN_SEAT"],
  ["a seat pausing the game", negotiating, as("us", { type: "pause" }), "ERR_NOT_ALLOWED"],
  [
    "a host setting orders",
    negotiating,
    hostDo({ type: "setOrders", orders: { sanctions: 1 } }),
    "ERR_NOT_ALLOWED",
  ],
  [
    "any action after the end",
    ended,
    as("us", { type: "chat", to: ["russia"], text: "hi" }),
    "ERR_GAME_OVER",
  ],
  // orders
  [
    "overspending (UAE invests 300 with 200)",
    negotiating,
    as("uae", { type: "setOrders", orders: { programmeInvestment: 300 } }),
    "ERR_INSUFFICIENT_FUNDS",
  ],
  [
    "an order the role lacks",
    negotiating,
    as("us", { type: "setOrders", orders: { diversion: 10 } }),
    "ERR_ORDER_NOT_ALLOWED",
  ],
  [
    "diversion off the levels",
    negotiating,
    as("russia", { type: "setOrders", orders: { diversion: 20 } }),
    "ERR_ORDER_OUT_OF_RANGE",
  ],
  [
    "sanctions 3",
    negotiating,
    as("us", { type: "setOrders", orders: { sanctions: 3 } }),
    "ERR_ORDER_OUT_OF_RANGE",
  ],
  [
    "committed seat changing orders",
    committed,
    as("us", { type: "setOrders", orders: { sanctions: 1 } }),
    "ERR_COMMITTED",
  ],
  ["non-captain commit", teamGame, as("us", { type: "commit" }, "m-us2"), "ERR_NOT_CAPTAIN"],
  [
    "setOrders while paused",
    paused,
    as("us", { type: "setOrders", orders: { sanctions: 1 } }),
    "ERR_PAUSED",
  ],
  [
    "propose while paused",
    paused,
    as("us", propose(["us", "russia"], [sale("russia", "us", 1, 90)])),
    "ERR_PAUSED",
  ],
  ["skip while paused", paused, hostDo({ type: "skip" }), "ERR_PAUSED"],
  ["pause twice", paused, hostDo({ type: "pause" }), "ERR_PAUSED"],
  ["resume when running", negotiating, hostDo({ type: "resume" }), "ERR_NOT_PAUSED"],
  ["extend by 0 s", negotiating, hostDo({ type: "extend", seconds: 0 }), "ERR_BAD_ACTION"],
  [
    "ready not boolean",
    negotiating,
    as("us", { type: "ready", ready: "yes" as never }),
    "ERR_BAD_ACTION",
  ],
  // timers
  [
    "stale timeout (briefing timer in negotiation)",
    negotiating,
    sys({ type: "phaseTimeout", phase: "briefing", year: 2020 }),
    "ERR_STALE_TIMEOUT",
  ],
  [
    "stale timeout (last year's timer)",
    negotiating,
    sys({ type: "phaseTimeout", phase: "negotiation", year: 2019 }),
    "ERR_STALE_TIMEOUT",
  ],
  [
    "early timeout (before the deadline)",
    negotiating,
    (s) =>
      applyAction(s, {
        type: "phaseTimeout",
        phase: "negotiation",
        year: 2020,
        actor: { kind: "system" },
        at: (s.deadline ?? 0) - 1,
      }),
    "ERR_STALE_TIMEOUT",
  ],
  // proposals
  [
    "over capacity (7 Soyuz seats; 6 at most)",
    negotiating,
    as("us", propose(["us", "russia"], [sale("russia", "us", 7, 90)])),
    "ERR_OVER_CAPACITY",
  ],
  [
    "a seller without a vehicle",
    negotiating,
    as("uae", propose(["us", "uae"], [sale("us", "uae", 1, 90)])),
    "ERR_NOT_A_PROVIDER",
  ],
  [
    "a term naming a non-party",
    negotiating,
    as("us", propose(["us", "russia"], [sale("spacex", "us", 1, 55)])),
    "ERR_TERM_PARTY",
  ],
  [
    "a proposal without the proposer",
    negotiating,
    as("us", propose(["russia", "spacex"], [sale("spacex", "russia", 1, 55)])),
    "ERR_NOT_A_PARTY",
  ],
  [
    "a 4-year deal",
    negotiating,
    as("us", propose(["us", "russia"], [sale("russia", "us", 1, 90)], 4)),
    "ERR_BAD_TERM",
  ],
  [
    "a seat price over the maximum",
    negotiating,
    as("us", propose(["us", "russia"], [sale("russia", "us", 1, 301)])),
    "ERR_BAD_TERM",
  ],
  [
    "subsidy over cap (36 > 35)",
    negotiating,
    as(
      "us",
      propose(
        ["us", "russia", "uae"],
        [
          sale("russia", "uae", 1, 90),
          { kind: "subsidy", payer: "us", beneficiary: "uae", perSeat: 36 },
        ],
      ),
    ),
    "ERR_SUBSIDY_OVER_CAP",
  ],
  [
    "subsidy for a state with its own spaceflight",
    negotiating,
    as(
      "uae",
      propose(
        ["uae", "russia", "us"],
        [
          sale("russia", "us", 1, 90),
          { kind: "subsidy", payer: "uae", beneficiary: "us", perSeat: 20 },
        ],
      ),
    ),
    "ERR_SUBSIDY_NOT_ELIGIBLE",
  ],
  [
    "subsidy without a purchase",
    negotiating,
    as(
      "us",
      propose(["us", "uae"], [{ kind: "subsidy", payer: "us", beneficiary: "uae", perSeat: 20 }]),
    ),
    "ERR_SUBSIDY_WITHOUT_PURCHASE",
  ],
  [
    "accepting a withdrawn proposal",
    withdrawn,
    as("russia", { type: "accept", proposal: P1 }),
    "ERR_PROPOSAL_CLOSED",
  ],
  [
    "countering a withdrawn proposal",
    withdrawn,
    as("russia", propose(["us", "russia"], [sale("russia", "us", 1, 95)], 1, P1)),
    "ERR_PROPOSAL_CLOSED",
  ],
  [
    "countering an unknown proposal",
    negotiating,
    as("russia", propose(["us", "russia"], [sale("russia", "us", 1, 95)], 1, "p9")),
    "ERR_UNKNOWN_PROPOSAL",
  ],
  [
    "countering as a non-party",
    withProposal,
    as("spacex", propose(["spacex", "russia"], [sale("spacex", "russia", 1, 55)], 1, P1)),
    "ERR_NOT_A_PARTY",
  ],
  [
    "accepting an unknown proposal",
    negotiating,
    as("russia", { type: "accept", proposal: "p99" }),
    "ERR_UNKNOWN_PROPOSAL",
  ],
  [
    "accepting twice",
    withProposal,
    as("us", { type: "accept", proposal: P1 }),
    "ERR_ALREADY_ACCEPTED",
  ],
  [
    "accepting as a non-party",
    withProposal,
    as("spacex", { type: "accept", proposal: P1 }),
    "ERR_NOT_A_PARTY",
  ],
  [
    "rejecting a withdrawn proposal",
    withdrawn,
    as("russia", { type: "reject", proposal: P1 }),
    "ERR_PROPOSAL_CLOSED",
  ],
  [
    "withdrawing someone else's proposal",
    withProposal,
    as("russia", { type: "withdraw", proposal: P1 }),
    "ERR_NOT_ALLOWED",
  ],
  // deals
  [
    "cancelling an unknown deal",
    negotiating,
    as("us", { type: "cancelDeal", deal: "d99" }),
    "ERR_UNKNOWN_DEAL",
  ],
  [
    "cancelling as a non-party",
    withDeal,
    as("spacex", { type: "cancelDeal", deal: "d1" }),
    "ERR_NOT_A_PARTY",
  ],
  [
    "cancelling a cancelled deal",
    () => seatMust(withDeal(), "us", { type: "cancelDeal", deal: "d1" }),
    as("us", { type: "cancelDeal", deal: "d1" }),
    "ERR_DEAL_NOT_ACTIVE",
  ],
  [
    "cancelling without the money for the penalty",
    () => conclude(negotiating(), ["uae", "russia"], [sale("russia", "uae", 3, 300)], 3),
    as("uae", { type: "cancelDeal", deal: "d1" }),
    "ERR_INSUFFICIENT_FUNDS",
  ],
  // talk
  [
    "too-long chat (501 characters)",
    negotiating,
    as("us", { type: "chat", to: ["russia"], text: "x".repeat(501) }),
    "ERR_TOO_LONG",
  ],
  [
    "too-long statement",
    negotiating,
    as("us", { type: "statement", text: "x".repeat(501) }),
    "ERR_TOO_LONG",
  ],
  [
    "too-long proposal note",
    negotiating,
    as("us", {
      ...propose(["us", "russia"], [sale("russia", "us", 1, 90)]),
      note: "x".repeat(281),
    } as ActionBody),
    "ERR_TOO_LONG",
  ],
  [
    "chat to an absent seat",
    negotiating,
    as("us", { type: "chat", to: ["boeing"], text: "hi" }),
    "ERR_UNKNOWN_SEAT",
  ],
  [
    "empty chat",
    negotiating,
    as("us", { type: "chat", to: ["russia"], text: "  " }),
    "ERR_BAD_ACTION",
  ],
  [
    "stance without a crisis on Earth",
    negotiating,
    as("us", { type: "stance", stance: "link" }),
    "ERR_NOT_ALLOWED",
  ],
  [
    "stance by a non-rival",
    () => okState(host(negotiating(), { type: "injectEvent", card: "crisis-on-earth" })),
    as("uae", { type: "stance", stance: "link" }),
    "ERR_NOT_ALLOWED",
  ],
  [
    "crisis choice by a non-rival",
    inCrisis,
    as("uae", { type: "crisisChoice", choice: "firm" }),
    "ERR_NO_CRISIS_CHOICE",
  ],
  // members
  [
    "removing an unknown member",
    lobby,
    hostDo({ type: "removeMember", seat: "us", member: "m-nobody" }),
    "ERR_UNKNOWN_MEMBER",
  ],
  [
    "captain who is not a member",
    lobby,
    hostDo({ type: "setCaptain", seat: "us", member: "m-russia" }),
    "ERR_UNKNOWN_MEMBER",
  ],
  [
    "adding a member to an absent seat",
    lobby,
    hostDo({ type: "addMember", seat: "boeing", member: "m-b", name: "B" }),
    "ERR_UNKNOWN_SEAT",
  ],
  [
    "a too-long member name",
    lobby,
    hostDo({ type: "addMember", seat: "us", member: "m-x", name: "x".repeat(41) }),
    "ERR_TOO_LONG",
  ],
  // events
  [
    "injecting an unknown card",
    negotiating,
    hostDo({ type: "injectEvent", card: "alien-invasion" }),
    "ERR_UNKNOWN_EVENT",
  ],
  [
    "injecting a custom card out of bounds (+31 T)",
    negotiating,
    hostDo({
      type: "injectEvent",
      card: {
        id: "custom",
        title: "Too much",
        note: "n",
        weight: 0,
        onlyWhenFundingBelow: null,
        effects: [{ kind: "tension", amount: 31 }],
      },
    }),
    "ERR_BAD_EVENT",
  ],
];

describe("rejected actions", () => {
  it.each(REJECTIONS)("%s → %s", (_name, setup, run, code) => {
    expectRejected(setup(), run, code as never);
  });
});

describe("action details", () => {
  it("a counter-proposal replaces the one it counters", () => {
    const s = seatMust(
      withProposal(),
      "russia",
      propose(["us", "russia"], [sale("russia", "us", 1, 95)], 1, P1),
    );
    expect(s.proposals[P1]?.status).toBe("countered");
    expect(s.proposals[P2]).toMatchObject({
      status: "open",
      replaces: P1,
      from: "russia",
      accepted: ["russia"],
    });
    const done = seatMust(s, "us", { type: "accept", proposal: P2 });
    expect(done.deals.d1?.terms).toEqual([sale("russia", "us", 1, 95)]);
  });

  it("a custom card within bounds is accepted", () => {
    const s = okState(
      host(negotiating(), {
        type: "injectEvent",
        card: {
          id: "custom",
          title: "Custom",
          note: "n",
          weight: 0,
          onlyWhenFundingBelow: null,
          effects: [{ kind: "tension", amount: 30 }],
        },
      }),
    );
    expect(s.events.at(-1)?.card.id).toBe("custom");
  });

  it("cancelDeal after a year has run charges 50 % of the remaining year only", () => {
    let s = conclude(negotiating(), ["us", "russia"], [sale("russia", "us", 3, 90)], 2);
    s = resolveYear(s);
    s = timeout(s); // briefing → negotiation of 2021
    const us = cash(s, "us");
    const ru = cash(s, "russia");
    s = seatMust(s, "us", { type: "cancelDeal", deal: lastDeal(s) });
    expect(cash(s, "us")).toBe(us - 135);
    expect(cash(s, "russia")).toBe(ru + 135);
    expect(s.ledger.at(-1)).toMatchObject({ from: "us", to: "russia", amount: 135 });
  });

  it("the penalty is split between the other parties", () => {
    let s = conclude(
      negotiating(),
      ["uae", "russia", "us"],
      [
        sale("russia", "uae", 1, 90),
        { kind: "subsidy", payer: "us", beneficiary: "uae", perSeat: 30 },
      ],
      1,
    );
    const ru = cash(s, "russia");
    const us = cash(s, "us");
    s = seatMust(s, "uae", { type: "cancelDeal", deal: "d1" });
    // value 90 (the subsidy is part of the purchase): 45, 22.5 each
    expect(cash(s, "russia")).toBe(ru + 22.5);
    expect(cash(s, "us")).toBe(us + 22.5);
  });

  it("the phase ends early when every human seat is ready", () => {
    let s = negotiating();
    for (const r of ["us", "russia", "spacex"]) {
      s = seatMust(s, r, { type: "ready", ready: true });
      expect(s.phase).toBe("negotiation");
    }
    s = seatMust(s, "uae", { type: "ready", ready: true });
    expect(s.phase).toBe("commit");
    // readiness resets in the new phase
    expect(Object.values(s.seats).every((x) => !x.ready)).toBe(true);
  });

  it("the briefing ends early too, but not while paused", () => {
    let s = briefing();
    s = okState(host(s, { type: "pause" }));
    for (const r of ["us", "russia", "spacex", "uae"])
      s = seatMust(s, r, { type: "ready", ready: true });
    expect(s.phase).toBe("briefing");
    let t = briefing();
    for (const r of ["us", "russia", "spacex", "uae"])
      t = seatMust(t, r, { type: "ready", ready: true });
    expect(t.phase).toBe("negotiation");
  });

  it("a captain's commit is accepted", () => {
    const s = seatMust(teamGame(), "us", { type: "commit" }, "m-us");
    expect(s.seats.us?.committed).toBe(true);
  });

  it("the crisis ends when both rivals chose", () => {
    let s = seatMust(inCrisis(), "russia", { type: "crisisChoice", choice: "deescalate" });
    s = seatMust(s, "us", { type: "crisisChoice", choice: "deescalate" });
    expect(s.phase).not.toBe("crisis");
    expect(s.reports.at(-1)?.crisis?.outcome).toEqual({ kind: "bothDeescalated" });
  });
});
