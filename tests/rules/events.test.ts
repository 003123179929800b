/**
 * Events per viewer: for every event type, the action that emits it and which viewers receive
 * it after `eventsFor` — a party (or the seat the event is about), a seat not party to it, a
 * spectator, and the facilitator without and with `facilitatorReadsChat`. The expectations are
 * written out from GAME.md's "Information" and docs/PROTOCOL.md, not read from EVENT_AUDIENCE.
 */
import { describe, expect, it } from "vitest";
import { EVENT_AUDIENCE, eventsFor, type GameEventType } from "../../shared/rules/events.ts";
import { applyAction } from "../../shared/rules/reducer.ts";
import type { ActionBody, ApplyResult, GameEvent, GameState } from "../../shared/rules/types.ts";
import type { Viewer } from "../../shared/rules/visibility.ts";
import {
  host,
  lobby,
  miniScenario,
  must,
  negotiating,
  seatMust,
  T0,
  timeout,
} from "../fixtures/build.ts";
import { as, conclude, sale } from "./helpers.ts";

type Who = "party" | "other" | "spectator" | "facilitator" | "reader";
const ALL: Who[] = ["party", "other", "spectator", "facilitator", "reader"];

interface Case {
  name: string;
  type: GameEventType;
  setup: () => GameState;
  run: (s: GameState) => ApplyResult;
  /** The seat the event is for (a party, the sender's channel, the seat itself); `other` is not. */
  party: string;
  other: string;
  /** Who receives the event. */
  receives: Who[];
  /** Fields the emitted event must have. */
  fields?: (before: GameState, after: GameState) => Record<string, unknown>;
}

const PUBLIC = ALL;
const PARTIES: Who[] = ["party", "facilitator", "reader"];
const OWN: Who[] = ["party", "facilitator", "reader"];
/** Who receives a deal without the id of the proposal it came from (not its parties). */
const CUT: Who[] = ["other", "spectator"];

const ok = (r: ApplyResult): GameState => {
  if (!r.ok) throw new Error(`${r.code}: ${r.detail}`);
  return r.state;
};
const staff = (body: ActionBody) => (s: GameState) => host(s, body);
/** What timeout() does, but keeping the result and its events. */
const clock = (s: GameState): ApplyResult =>
  applyAction(s, {
    type: "phaseTimeout",
    phase: s.phase,
    year: s.year,
    actor: { kind: "system" },
    at: s.deadline ?? T0,
  });
const system = (body: ActionBody) => (s: GameState) =>
  applyAction(s, { ...body, actor: { kind: "system" }, at: T0 } as never);

const propose = (
  parties: string[],
  terms: Parameters<typeof conclude>[2],
  replaces: string | null = null,
) => ({ type: "propose", parties, terms, years: 1, replaces, note: "" }) as ActionBody;

/** A game with an open proposal from the US to Russia (2 Soyuz seats at 90). */
const offered = () =>
  seatMust(negotiating(), "us", propose(["us", "russia"], [sale("russia", "us", 2, 90)]));
/** The id of the latest proposal. */
const offerId = (s: GameState) => Object.keys(s.proposals).at(-1) as string;

/** The game's commit phase with a concluded sale Russia cannot fly (4 seats, 3 needed at home). */
const doomedDeal = () =>
  timeout(conclude(negotiating(), ["us", "russia"], [sale("russia", "us", 4, 90)]));

/** A game whose year 1 ends in a crisis, in its crisis phase. */
function inCrisis(): GameState {
  let s = negotiating(miniScenario({ startTension: 95 }));
  while (s.phase !== "crisis") s = timeout(s);
  return s;
}

/** The commit phase of a game in which Russia's covert sale is always detected. */
const covertCommit = () => {
  const sc = miniScenario({ orders: { covertDetection: 1, covertDetectionRepeat: 0 } } as never);
  return timeout(
    seatMust(negotiating(sc), "russia", { type: "setOrders", orders: { covertSale: true } }),
  );
};

const CASES: Case[] = [
  {
    name: "phase changed",
    type: "phaseChanged",
    setup: () => must(lobby(), { type: "startGame", actor: { kind: "host" }, at: T0 }),
    run: clock,
    party: "us",
    other: "russia",
    receives: PUBLIC,
    fields: () => ({ phase: "negotiation", year: 2020 }),
  },
  {
    name: "timer extended",
    type: "timerExtended",
    setup: negotiating,
    run: staff({ type: "extend", seconds: 30 }),
    party: "us",
    other: "russia",
    receives: PUBLIC,
    fields: () => ({ seconds: 30, phase: "negotiation" }),
  },
  {
    name: "paused",
    type: "paused",
    setup: negotiating,
    run: staff({ type: "pause" }),
    party: "us",
    other: "russia",
    receives: PUBLIC,
  },
  {
    name: "resumed",
    type: "resumed",
    setup: () => ok(host(negotiating(), { type: "pause" })),
    run: staff({ type: "resume" }),
    party: "us",
    other: "russia",
    receives: PUBLIC,
  },
  {
    name: "proposal received by its recipient",
    type: "proposalReceived",
    setup: negotiating,
    run: as("us", propose(["us", "russia"], [sale("russia", "us", 2, 90)])),
    party: "russia",
    other: "uae",
    receives: PARTIES,
    fields: (_b, after) => ({
      proposal: offerId(after),
      from: "us",
      parties: ["us", "russia"],
      replaces: null,
    }),
  },
  {
    name: "proposal received by its proposer too",
    type: "proposalReceived",
    setup: negotiating,
    run: as("us", propose(["us", "russia"], [sale("russia", "us", 2, 90)])),
    party: "us",
    other: "spacex",
    receives: PARTIES,
  },
  {
    name: "proposal countered",
    type: "proposalCountered",
    setup: offered,
    run: (s) =>
      as("russia", propose(["us", "russia"], [sale("russia", "us", 2, 120)], offerId(s)))(s),
    party: "us",
    other: "uae",
    receives: PARTIES,
    fields: (before, after) => ({
      proposal: offerId(before),
      by: "russia",
      counter: offerId(after),
      parties: ["us", "russia"],
    }),
  },
  {
    name: "proposal accepted",
    type: "proposalAccepted",
    setup: offered,
    run: (s) => as("russia", { type: "accept", proposal: offerId(s) })(s),
    party: "us",
    other: "uae",
    receives: PARTIES,
    fields: (before) => ({ proposal: offerId(before), by: "russia" }),
  },
  {
    name: "proposal rejected",
    type: "proposalRejected",
    setup: offered,
    run: (s) => as("russia", { type: "reject", proposal: offerId(s) })(s),
    party: "us",
    other: "spacex",
    receives: PARTIES,
    fields: (before) => ({ proposal: offerId(before), by: "russia" }),
  },
  {
    name: "proposal withdrawn",
    type: "proposalWithdrawn",
    setup: offered,
    run: (s) => as("us", { type: "withdraw", proposal: offerId(s) })(s),
    party: "russia",
    other: "uae",
    receives: PARTIES,
    fields: (before) => ({ proposal: offerId(before), by: "us" }),
  },
  {
    name: "proposal expired",
    type: "proposalExpired",
    setup: offered,
    run: clock,
    party: "russia",
    other: "uae",
    receives: PARTIES,
    fields: (before) => ({ proposal: offerId(before) }),
  },
  {
    name: "deal concluded",
    type: "dealConcluded",
    setup: offered,
    run: (s) => as("russia", { type: "accept", proposal: offerId(s) })(s),
    party: "us",
    other: "uae",
    receives: PUBLIC,
    fields: (before, after) => ({
      proposal: offerId(before),
      deal: after.proposals[offerId(before)]?.deal,
      parties: ["us", "russia"],
    }),
  },
  {
    name: "deal failed at resolution",
    type: "dealFailed",
    setup: doomedDeal,
    run: clock,
    party: "us",
    other: "uae",
    receives: PUBLIC,
    fields: (before) => ({
      deal: Object.keys(before.deals).at(-1),
      fault: "russia",
      year: 2020,
      reason: "RU had no 4 seat(s) left",
    }),
  },
  {
    name: "deal cancelled",
    type: "dealCancelled",
    setup: () => conclude(negotiating(), ["us", "russia"], [sale("russia", "us", 2, 90)]),
    run: (s) => as("us", { type: "cancelDeal", deal: Object.keys(s.deals).at(-1) as string })(s),
    party: "russia",
    other: "uae",
    receives: PUBLIC,
    // the cost is what Russia received
    fields: (before, after) => ({
      by: "us",
      cost: (after.seats.russia?.cash ?? 0) - (before.seats.russia?.cash ?? 0),
    }),
  },
  {
    name: "private chat",
    type: "chat",
    setup: negotiating,
    run: as("us", { type: "chat", to: ["russia"], text: "hello" }),
    party: "russia",
    other: "uae",
    receives: ["party", "reader"],
    fields: (_b, after) => ({ id: after.chat.at(-1)?.id, from: "us", channel: ["russia", "us"] }),
  },
  {
    name: "public statement",
    type: "chat",
    setup: negotiating,
    run: as("us", { type: "statement", text: "we stand together" }),
    party: "us",
    other: "uae",
    receives: PUBLIC,
    fields: () => ({ channel: ["*"] }),
  },
  {
    name: "stance chosen (public)",
    type: "stanceChosen",
    setup: () => ok(host(negotiating(), { type: "injectEvent", card: "crisis-on-earth" })),
    run: as("us", { type: "stance", stance: "link" }),
    party: "us",
    other: "russia",
    receives: PUBLIC,
    fields: () => ({ seat: "us", stance: "link" }),
  },
  {
    name: "pledge checked",
    type: "pledgeChecked",
    setup: () =>
      timeout(
        conclude(
          negotiating(),
          ["russia"],
          [
            {
              kind: "pledge",
              by: "russia",
              text: "no diversion",
              check: { order: "diversion", op: "<=", value: 0 },
            },
          ],
        ),
      ),
    run: clock,
    party: "russia",
    other: "uae",
    receives: PUBLIC,
    fields: () => ({ by: "russia", text: "no diversion", kept: true, year: 2020 }),
  },
  {
    name: "covert sale detected",
    type: "covertSaleDetected",
    setup: covertCommit,
    run: clock,
    party: "russia",
    other: "us",
    receives: PUBLIC,
    fields: () => ({ seat: "russia", year: 2020 }),
  },
  {
    name: "crisis started",
    type: "crisisStarted",
    setup: () => {
      let s = negotiating(miniScenario({ startTension: 95 }));
      while (s.phase !== "commit") s = timeout(s);
      return s;
    },
    run: clock,
    party: "us",
    other: "uae",
    receives: PUBLIC,
    fields: () => ({ year: 2020 }),
  },
  {
    name: "crisis choice made (secret)",
    type: "crisisChosen",
    setup: inCrisis,
    run: as("russia", { type: "crisisChoice", choice: "firm" }),
    party: "russia",
    other: "us",
    receives: OWN,
    fields: () => ({ seat: "russia" }),
  },
  {
    name: "crisis decided (choices revealed)",
    type: "crisisDecided",
    setup: () => seatMust(inCrisis(), "russia", { type: "crisisChoice", choice: "firm" }),
    run: as("us", { type: "crisisChoice", choice: "deescalate" }),
    party: "us",
    other: "uae",
    receives: PUBLIC,
    fields: () => ({ choices: { us: "deescalate", russia: "firm" }, escalation: false }),
  },
  {
    name: "year resolved",
    type: "yearResolved",
    setup: () => timeout(negotiating()),
    run: clock,
    party: "us",
    other: "uae",
    receives: PUBLIC,
    fields: () => ({ year: 2020 }),
  },
  {
    name: "event injected",
    type: "eventInjected",
    setup: negotiating,
    run: staff({ type: "injectEvent", card: "tension-up" }),
    party: "us",
    other: "uae",
    receives: PUBLIC,
    fields: () => ({ card: "tension-up" }),
  },
  {
    name: "game over",
    type: "gameOver",
    setup: negotiating,
    run: staff({ type: "endGame" }),
    party: "us",
    other: "uae",
    receives: PUBLIC,
    fields: () => ({ reason: "ended", conflict: false }),
  },
  {
    name: "members changed",
    type: "membersChanged",
    setup: negotiating,
    run: system({ type: "addMember", seat: "us", member: "m-new", name: "New" }),
    party: "us",
    other: "uae",
    receives: PUBLIC,
    fields: () => ({ seat: "us" }),
  },
  {
    name: "seat taken over by its bot when its people left",
    type: "controllerChanged",
    setup: negotiating,
    run: system({ type: "removeMember", seat: "uae", member: "m-uae" }),
    party: "uae",
    other: "us",
    receives: PUBLIC,
    fields: () => ({ seat: "uae", controller: "bot" }),
  },
  {
    name: "seat reclaimed by people",
    type: "controllerChanged",
    setup: () => ok(system({ type: "removeMember", seat: "uae", member: "m-uae" })(negotiating())),
    run: system({ type: "addMember", seat: "uae", member: "m-back", name: "Back" }),
    party: "uae",
    other: "us",
    receives: PUBLIC,
    fields: () => ({ seat: "uae", controller: "human" }),
  },
  {
    name: "seat handed to its bot by staff",
    type: "controllerChanged",
    setup: negotiating,
    run: staff({ type: "setController", seat: "spacex", controller: "bot" }),
    party: "spacex",
    other: "us",
    receives: PUBLIC,
    fields: () => ({ seat: "spacex", controller: "bot" }),
  },
  {
    name: "orders changed (the seat's own)",
    type: "ordersChanged",
    setup: negotiating,
    run: as("us", { type: "setOrders", orders: { sanctions: 1 } }),
    party: "us",
    other: "russia",
    receives: OWN,
    fields: () => ({ seat: "us" }),
  },
  {
    name: "ready changed",
    type: "readyChanged",
    setup: negotiating,
    run: as("us", { type: "ready", ready: true }),
    party: "us",
    other: "russia",
    receives: PUBLIC,
    fields: () => ({ seat: "us", ready: true }),
  },
  {
    name: "committed",
    type: "committed",
    setup: negotiating,
    run: as("us", { type: "commit" }),
    party: "us",
    other: "russia",
    receives: PUBLIC,
    fields: () => ({ seat: "us" }),
  },
];

function viewerOf(c: Case, who: Who): Viewer {
  if (who === "party") return { kind: "seat", seat: c.party };
  if (who === "other") return { kind: "seat", seat: c.other };
  if (who === "spectator") return { kind: "spectator" };
  return { kind: "facilitator" };
}

/** The state as eventsFor reads it, at a table with or without `facilitatorReadsChat`. */
const reading = (s: GameState, reads: boolean): GameState => ({
  ...s,
  config: { ...s.config, facilitatorReadsChat: reads },
});

describe("events per viewer", () => {
  it("every event type has a case", () => {
    expect(new Set(CASES.map((c) => c.type))).toEqual(new Set(Object.keys(EVENT_AUDIENCE)));
  });

  describe.each(CASES)("$name ($type)", (c) => {
    const before = c.setup();
    const r = c.run(before);
    if (!r.ok) throw new Error(`${c.name}: ${r.code} ${r.detail}`);
    const emitted = r.events.filter((e) => e.type === c.type);

    it("is emitted with what a client needs", () => {
      expect(emitted.length).toBeGreaterThan(0);
      if (c.fields) expect(emitted[0]).toMatchObject(c.fields(before, r.state));
    });

    it.each(ALL)("reaches %s: as the table says", (who) => {
      const got = eventsFor(r.events, reading(r.state, who === "reader"), viewerOf(c, who));
      const mine = got.filter((e: GameEvent) => e.type === c.type);
      expect(mine.length > 0, `${who} receives ${c.type}`).toBe(c.receives.includes(who));
      // what a viewer receives is the engine's event, whole (a counter's link aside, and a
      // deal's proposal, which only its parties may know: see the test below)
      const whole =
        c.type !== "proposalCountered" && !(c.type === "dealConcluded" && CUT.includes(who));
      if (mine.length > 0 && whole) expect(mine).toEqual(emitted);
    });
  });
});

describe("a deal concluded", () => {
  it("is public, and names its proposal only to the proposal's parties", () => {
    const before = offered();
    const id = offerId(before);
    const r = as("russia", { type: "accept", proposal: id })(before);
    if (!r.ok) throw new Error(r.detail);
    const deal = (who: Viewer) =>
      eventsFor(r.events, r.state, who).find((e) => e.type === "dealConcluded");
    expect(deal({ kind: "seat", seat: "us" })).toMatchObject({ proposal: id });
    expect(deal({ kind: "facilitator" })).toMatchObject({ proposal: id });
    expect(deal({ kind: "seat", seat: "uae" })).toMatchObject({
      proposal: null,
      parties: ["us", "russia"],
    });
    expect(deal({ kind: "spectator" })).toMatchObject({ proposal: null });
  });
});

describe("a counter-proposal with other parties", () => {
  // the US offers seats to Russia and the UAE; Russia counters with the US alone
  const three = () =>
    seatMust(
      negotiating(),
      "us",
      propose(["us", "russia", "uae"], [sale("russia", "us", 1, 90), sale("russia", "uae", 1, 90)]),
    );

  it("tells a party of the old proposal only that it closed, not which proposal replaced it", () => {
    const s = three();
    const old = offerId(s);
    const r = as("russia", propose(["us", "russia"], [sale("russia", "us", 1, 95)], old))(s);
    if (!r.ok) throw new Error(r.detail);
    const counter = offerId(r.state);
    const forUae = eventsFor(r.events, r.state, { kind: "seat", seat: "uae" });
    expect(forUae).toEqual([
      {
        type: "proposalCountered",
        proposal: old,
        parties: ["us", "russia", "uae"],
        by: "russia",
        counter: null,
      },
    ]);
    const forUs = eventsFor(r.events, r.state, { kind: "seat", seat: "us" });
    expect(forUs.map((e) => e.type)).toEqual(["proposalCountered", "proposalReceived"]);
    expect(forUs[0]).toMatchObject({ counter });
    expect(forUs[1]).toMatchObject({ proposal: counter, replaces: old });
    // the engine's own event keeps the link for the facilitator
    const forStaff = eventsFor(r.events, r.state, { kind: "facilitator" });
    expect(forStaff[0]).toMatchObject({ counter });
  });
});

describe("a counter-proposal that adds a party", () => {
  it("does not tell the new party which proposal it replaces", () => {
    const before = offered();
    const old = offerId(before);
    const r = as(
      "russia",
      propose(
        ["us", "russia", "uae"],
        [sale("russia", "us", 1, 95), sale("russia", "uae", 1, 90)],
        old,
      ),
    )(before);
    if (!r.ok) throw new Error(r.detail);
    const received = (seat: string) =>
      eventsFor(r.events, r.state, { kind: "seat", seat }).find(
        (e) => e.type === "proposalReceived",
      );
    expect(received("uae")).toMatchObject({ replaces: null });
    expect(received("us")).toMatchObject({ replaces: old });
  });
});

describe("no event when nothing changed hands", () => {
  it("setting the controller a seat already has tells nobody anything", () => {
    const r = host(negotiating(), { type: "setController", seat: "us", controller: "human" });
    if (!r.ok) throw new Error(r.detail);
    expect(r.events).toEqual([]);
  });

  it("a member leaving a seat that keeps people is no takeover", () => {
    const s = ok(
      system({ type: "addMember", seat: "us", member: "m-us2", name: "Two" })(negotiating()),
    );
    const r = system({ type: "removeMember", seat: "us", member: "m-us2" })(s);
    if (!r.ok) throw new Error(r.detail);
    expect(r.events).toEqual([{ type: "membersChanged", seat: "us" }]);
  });
});

describe("a year's events arrive in the order they happened", () => {
  it("resolution: deals and pledges, then the year, then the next briefing", () => {
    const r = clock(doomedDeal());
    if (!r.ok) throw new Error(r.detail);
    const types = eventsFor(r.events, r.state, { kind: "spectator" }).map((e) => e.type);
    expect(types).toEqual(["dealFailed", "yearResolved", "phaseChanged"]);
  });
});
