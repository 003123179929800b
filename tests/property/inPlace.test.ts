/**
 * The server's table applies actions in place (reduceInPlace: no copy of the
 * state per action), which is safe only if every handler checks the rules
 * before it changes anything. Here any action a table can receive — a seat's,
 * the host's, the facilitator's or the system's, well or badly valued, by
 * anyone — is thrown at states from every phase of random-legal games: a
 * rejection in place must leave the state exactly as it was, and an
 * acceptance must give what the pure applyAction gives.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyAction, reduceInPlace } from "../../shared/rules/reducer.ts";
import type { Action, ActionBody, Actor, GameState } from "../../shared/rules/types.ts";
import { BOT_MEMBER } from "../../shared/rules/types.ts";
import { cloneState } from "../../shared/rules/util.ts";
import { ORDER_KINDS } from "../../shared/scenario/schema.ts";
import { MINI, MINI_SEATS, playMemo, snapshots } from "./helpers.ts";

const ROLES = [...MINI_SEATS.map((s) => s.role), "nobody", "__proto__"];
const role = fc.constantFrom(...ROLES);
const num = fc.oneof(
  fc.integer({ min: -5, max: 400 }),
  fc.constantFrom(0, 0.5, Number.NaN, Number.POSITIVE_INFINITY, -0, 1e9),
);
const member = fc.constantFrom(BOT_MEMBER, "m1", "m2", "", "__proto__");
const id = (prefix: string) =>
  fc.oneof(
    fc.integer({ min: 1, max: 20 }).map((n) => `${prefix}${n}`),
    fc.constant("zzz"),
  );

const body: fc.Arbitrary<ActionBody> = fc.oneof(
  // what the staff, the seating and the clock send
  fc.record({
    type: fc.constant("addMember" as const),
    seat: role,
    member,
    name: fc.string({ maxLength: 4 }),
  }),
  fc.record({ type: fc.constant("removeMember" as const), seat: role, member }),
  fc.record({ type: fc.constant("setCaptain" as const), seat: role, member }),
  fc.record({
    type: fc.constant("setController" as const),
    seat: role,
    controller: fc.constantFrom("human", "bot") as fc.Arbitrary<"human">,
  }),
  fc.record({ type: fc.constantFrom("startGame", "pause", "resume", "skip", "endGame") }),
  fc.record({ type: fc.constant("extend" as const), seconds: num }),
  fc.record({
    type: fc.constant("injectEvent" as const),
    card: fc.constantFrom("zzz", "", "__proto__"),
  }),
  fc.record({
    type: fc.constant("phaseTimeout" as const),
    phase: fc.constantFrom("lobby", "briefing", "negotiation", "commit", "crisis", "ended"),
    year: fc.integer({ min: 2019, max: 2024 }),
  }),
  // what seats send
  fc.record({
    type: fc.constant("setOrders" as const),
    orders: fc.dictionary(fc.constantFrom(...ORDER_KINDS), num, { maxKeys: 3 }),
  }),
  fc.record({
    type: fc.constant("propose" as const),
    parties: fc.uniqueArray(role, { minLength: 1, maxLength: 3 }),
    terms: fc.array(
      fc.record({
        kind: fc.constant("seatSale" as const),
        provider: role,
        buyer: role,
        seats: num,
        price: num,
      }),
      { minLength: 1, maxLength: 2 },
    ),
    years: num,
    replaces: fc.oneof(fc.constant(null), id("p")),
    note: fc.string({ maxLength: 4 }),
  }),
  fc.record({
    type: fc.constantFrom("accept" as const, "reject" as const, "withdraw" as const),
    proposal: id("p"),
  }),
  fc.record({ type: fc.constant("cancelDeal" as const), deal: id("d") }),
  fc.record({
    type: fc.constant("chat" as const),
    to: fc.uniqueArray(role, { maxLength: 3 }),
    text: fc.string({ maxLength: 6 }),
  }),
  fc.record({ type: fc.constant("statement" as const), text: fc.string({ maxLength: 6 }) }),
  fc.record({
    type: fc.constant("stance" as const),
    stance: fc.constantFrom("link", "compartmentalise") as fc.Arbitrary<"link">,
  }),
  fc.record({
    type: fc.constant("crisisChoice" as const),
    choice: fc.constantFrom("firm", "deescalate") as fc.Arbitrary<"firm">,
  }),
  fc.record({ type: fc.constant("ready" as const), ready: fc.boolean() }),
  fc.record({ type: fc.constant("commit" as const) }),
) as fc.Arbitrary<ActionBody>;

const actor: fc.Arbitrary<Actor> = fc.oneof(
  fc.record({ kind: fc.constant("seat" as const), seat: role, member }),
  fc.constantFrom<Actor>({ kind: "host" }, { kind: "facilitator" }, { kind: "system" }),
);

describe("applying in place (the server's table)", () => {
  it("a rejected action leaves the state as it was; an accepted one gives what applyAction gives", () => {
    let rejected = 0;
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }),
        fc.nat(),
        fc.array(fc.record({ actor, body, late: fc.boolean() }), { minLength: 1, maxLength: 30 }),
        (game, pick, actions) => {
          const result = playMemo(MINI, `inplace:${game}`, MINI_SEATS);
          // a state from anywhere in the game, the lobby and the end included
          let [s] = snapshots(MINI, result, [pick % result.log.length]) as [GameState];
          for (const { actor, body: b, late } of actions) {
            const action = {
              ...b,
              actor,
              at: late ? (s.deadline ?? 0) + 1 : (s.deadline ?? 1) - 1,
            } as Action;
            const before = JSON.stringify(s);
            const pure = applyAction(s, action);
            const inPlace = reduceInPlace(s, action);
            expect(inPlace.ok, `${b.type} by ${actor.kind}: in place disagrees`).toBe(pure.ok);
            if (!inPlace.ok) {
              rejected++;
              expect(JSON.stringify(s), `${b.type} by ${actor.kind} rejected in place`).toBe(
                before,
              );
              continue;
            }
            accepted++;
            expect(JSON.stringify(s), `${b.type} by ${actor.kind} in place`).toBe(
              JSON.stringify(pure.ok ? pure.state : null),
            );
            // go on from a fresh copy now and then, as the table never does, to vary the sharing
            if (accepted % 7 === 0) s = cloneState(s);
          }
        },
      ),
      { numRuns: 150, seed: 2026, endOnFailure: true },
    );
    expect(rejected).toBeGreaterThan(500);
    expect(accepted).toBeGreaterThan(50);
  }, 120_000);
});
