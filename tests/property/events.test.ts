/**
 * Property tests of the events clients receive: over whole games of random-legal play, after
 * every accepted action and for every viewer, the redacted events name only what that viewer's
 * `playerView` shows (before or after the action), and a party hears of every change to every
 * proposal it is in, of every deal concluded, and of every chat message it reads.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { eventsFor } from "../../shared/rules/events.ts";
import { applyAction } from "../../shared/rules/reducer.ts";
import { createGame, type SeatSetup } from "../../shared/rules/setup.ts";
import type { GameEvent, GameState, Proposal, RoleId } from "../../shared/rules/types.ts";
import { type PlayerView, playerView, type Viewer } from "../../shared/rules/view.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { CREW_DRAGON, MINI, MINI_SEATS, playMemo } from "./helpers.ts";

const params = (numRuns: number) => ({ numRuns, seed: 20261201, endOnFailure: true });

/** A viewer, and whether the table lets the facilitator read private chat. */
type Looker = { viewer: Viewer; readsChat: boolean; name: string };

function lookers(order: RoleId[]): Looker[] {
  return [
    ...order.map((seat) => ({
      viewer: { kind: "seat", seat } as Viewer,
      readsChat: false,
      name: `seat:${seat}`,
    })),
    { viewer: { kind: "spectator" }, readsChat: false, name: "spectator" },
    { viewer: { kind: "facilitator" }, readsChat: false, name: "facilitator" },
    { viewer: { kind: "facilitator" }, readsChat: true, name: "facilitator reading chat" },
  ];
}

const withChat = (s: GameState, reads: boolean): GameState =>
  s.config.facilitatorReadsChat === reads
    ? s
    : { ...s, config: { ...s.config, facilitatorReadsChat: reads } };

/** Every proposal id a view names: its proposals and the ones they counter. */
function proposalIds(v: PlayerView, into: Set<string>): void {
  for (const p of Object.values(v.proposals)) {
    into.add(p.id);
    if (p.replaces !== null) into.add(p.replaces);
  }
}

/** What an event names that the viewer must be able to see, as problems when it cannot. */
function leaks(events: GameEvent[], before: PlayerView, after: PlayerView): string[] {
  const proposals = new Set<string>();
  proposalIds(before, proposals);
  proposalIds(after, proposals);
  const chat = new Set(after.chat.map((m) => m.id));
  const problems: string[] = [];
  const need = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  for (const e of events) {
    switch (e.type) {
      case "proposalReceived":
        need(proposals.has(e.proposal), `proposal ${e.proposal}`);
        if (e.replaces !== null) need(proposals.has(e.replaces), `countered ${e.replaces}`);
        break;
      case "proposalCountered":
        need(proposals.has(e.proposal), `proposal ${e.proposal}`);
        if (e.counter !== null) need(proposals.has(e.counter), `counter ${e.counter}`);
        break;
      case "proposalAccepted":
      case "proposalRejected":
      case "proposalWithdrawn":
      case "proposalExpired":
        need(proposals.has(e.proposal), `${e.type} ${e.proposal}`);
        break;
      case "dealConcluded":
        need(e.deal in after.deals, `deal ${e.deal}`);
        if (e.proposal !== null) need(proposals.has(e.proposal), `deal's proposal ${e.proposal}`);
        break;
      case "dealFailed":
      case "dealCancelled":
        need(e.deal in after.deals, `deal ${e.deal}`);
        break;
      case "chat":
        need(chat.has(e.id), `chat ${e.id}`);
        break;
      case "ordersChanged":
      case "crisisChosen":
        need(e.seat in after.private, `${e.type} of ${e.seat}`);
        break;
      case "crisisDecided":
        // decided: the choices are in the (pending or last) report of every view
        need(
          after.reports.some((r) => r.crisis !== null && r.year === e.year),
          `crisis choices of ${e.year}`,
        );
        break;
      default:
        break;
    }
  }
  return problems;
}

/** What a party must have heard of: every change to its proposals and every new message it reads. */
function missing(
  events: GameEvent[],
  before: GameState,
  after: GameState,
  viewer: Viewer,
  beforeView: PlayerView,
  afterView: PlayerView,
): string[] {
  const problems: string[] = [];
  const has = (pred: (e: GameEvent) => boolean, what: string) => {
    if (!events.some(pred)) problems.push(what);
  };
  if (viewer.kind === "seat") {
    for (const p of Object.values(after.proposals) as Proposal[]) {
      if (!p.parties.includes(viewer.seat)) continue;
      const was = Object.hasOwn(before.proposals, p.id) ? before.proposals[p.id] : undefined;
      if (!was)
        has((e) => e.type === "proposalReceived" && e.proposal === p.id, `received ${p.id}`);
      const from = was?.status ?? "open";
      if (from === p.status) {
        for (const role of p.accepted)
          if (was && !was.accepted.includes(role))
            has(
              (e) => e.type === "proposalAccepted" && e.proposal === p.id && e.by === role,
              `${role} accepted ${p.id}`,
            );
        continue;
      }
      const closed: Record<string, GameEvent["type"]> = {
        countered: "proposalCountered",
        withdrawn: "proposalWithdrawn",
        rejected: "proposalRejected",
        expired: "proposalExpired",
        concluded: "dealConcluded",
      };
      const type = closed[p.status];
      if (!type) problems.push(`no event for ${p.id} ${from} → ${p.status}`);
      else
        has(
          (e) => e.type === type && "proposal" in e && e.proposal === p.id,
          `${p.id} ${p.status}`,
        );
      if (p.status === "countered") {
        // the counter's parties that were in the old proposal learn which proposal replaced it
        const counter = Object.values(after.proposals).find((q) => q.replaces === p.id);
        if (counter?.parties.includes(viewer.seat))
          has(
            (e) => e.type === "proposalCountered" && e.counter === counter.id,
            `${p.id} countered by ${counter.id}`,
          );
      }
    }
  }
  for (const d of Object.values(after.deals))
    if (!Object.hasOwn(before.deals, d.id))
      has((e) => e.type === "dealConcluded" && e.deal === d.id, `deal ${d.id}`);
  const seen = new Set(beforeView.chat.map((m) => m.id));
  for (const m of afterView.chat)
    if (!seen.has(m.id)) has((e) => e.type === "chat" && e.id === m.id, `chat ${m.id}`);
  return problems;
}

/** Replays a random-legal game and checks every viewer's events after every action. */
function checkGame(
  scenario: Scenario,
  seed: string,
  seats?: SeatSetup[],
  seen: Map<string, number> = new Map(),
): void {
  const result = playMemo(scenario, seed, seats);
  const { seats: setup, options } = result.setup;
  const created = createGame(
    scenario,
    result.setup.seed,
    setup.length ? setup : undefined,
    options,
  );
  if (!created.ok) throw new Error(created.detail);
  let state = created.state;
  const who = lookers(state.order);
  let views = who.map((l) => playerView(withChat(state, l.readsChat), l.viewer));
  result.log.forEach((action, i) => {
    const r = applyAction(state, action);
    if (!r.ok) throw new Error(`action ${i} refused: ${r.code}`);
    const next = who.map((l) => playerView(withChat(r.state, l.readsChat), l.viewer));
    who.forEach((l, k) => {
      const events = eventsFor(r.events, withChat(r.state, l.readsChat), l.viewer);
      const before = views[k] as PlayerView;
      const after = next[k] as PlayerView;
      const where = `${seed} action ${i} (${action.type}) for ${l.name}`;
      expect(leaks(events, before, after), `${where}: events name what the view hides`).toEqual([]);
      expect(
        missing(events, state, r.state, l.viewer, before, after),
        `${where}: events missed`,
      ).toEqual([]);
      for (const e of events) seen.set(e.type, (seen.get(e.type) ?? 0) + 1);
    });
    // the facilitator who reads chat hears of everything the engine emitted
    expect(eventsFor(r.events, withChat(r.state, true), { kind: "facilitator" })).toEqual(r.events);
    state = r.state;
    views = next;
  });
}

describe("events a viewer receives", () => {
  it("name only what the viewer's view shows, and miss nothing of a party's (mini)", () => {
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (n) => {
        checkGame(MINI, `events:${n}`, MINI_SEATS, seen);
      }),
      params(12),
    );
    // the games really produced the events the properties are about
    for (const type of [
      "proposalReceived",
      "proposalCountered",
      "proposalAccepted",
      "proposalRejected",
      "proposalWithdrawn",
      "proposalExpired",
      "crisisChosen",
      "dealConcluded",
      "chat",
      "ordersChanged",
    ])
      expect(seen.get(type) ?? 0, type).toBeGreaterThan(0);
  }, 120_000);

  it("the same over crew-dragon-2020 games", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (n) => {
        checkGame(CREW_DRAGON, `events-crew:${n}`);
      }),
      params(2),
    );
  }, 120_000);
});
