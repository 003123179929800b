/**
 * Fuzz: arbitrary (well-shaped, badly-valued) seat actions thrown at states
 * taken from random-legal games. applyAction must never throw, never change
 * its input, and whatever it accepts must keep the money, bounds and
 * finiteness invariants through the rest of the game. The lab's in-place form,
 * reduceInPlace, must agree with it and leave the state untouched on a rejection.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyAction, reduceInPlace } from "../../shared/rules/reducer.ts";
import {
  type Action,
  type ActionBody,
  type GameState,
  PLEDGE_ORDERS,
  type Term,
} from "../../shared/rules/types.ts";
import { cloneState } from "../../shared/rules/util.ts";
import { ORDER_KINDS } from "../../shared/scenario/schema.ts";
import {
  badValues,
  boundsProblems,
  MINI,
  MINI_SEATS,
  moneyProblems,
  playMemo,
  snapshots,
} from "./helpers.ts";

const ROLES = [...MINI_SEATS.map((s) => s.role), "nobody"];
const role = fc.constantFrom(...ROLES);
const num = fc.oneof(
  fc.integer({ min: -5, max: 400 }),
  fc.double({ min: -10, max: 400 }),
  fc.constantFrom(0, 0.005, 1.005, 2.675, 1e-9, Number.NaN, Number.POSITIVE_INFINITY, -0),
);
const scalar = fc.oneof(
  num,
  fc.boolean(),
  fc.constantFrom("", "full", "reduced", "rush", "spacex"),
);

const term: fc.Arbitrary<Term> = fc.oneof(
  fc.record({
    kind: fc.constant("seatSale" as const),
    provider: role,
    buyer: role,
    seats: num,
    price: num,
  }),
  fc.record({ kind: fc.constant("seatSwap" as const), a: role, b: role, seats: num }),
  fc.record({
    kind: fc.constant("subsidy" as const),
    payer: role,
    beneficiary: role,
    perSeat: num,
  }),
  fc.record({
    kind: fc.constant("contract" as const),
    state: role,
    company: role,
    value: num,
    condition: fc.oneof(
      fc.constant(null),
      fc.record({ kind: fc.constant("minFlights" as const), flights: num }),
      fc.record({ kind: fc.constant("noSeatsTo" as const), role }),
      fc.record({ kind: fc.constant("maxListPrice" as const), price: num }),
    ),
  }),
  fc.record({
    kind: fc.constant("techTransfer" as const),
    provider: role,
    recipient: role,
    points: num,
    price: num,
  }),
  fc.record({
    kind: fc.constant("pledge" as const),
    by: role,
    text: fc.string({ maxLength: 10 }),
    check: fc.oneof(
      fc.constant(null),
      fc.record({
        order: fc.constantFrom(...PLEDGE_ORDERS),
        op: fc.constantFrom("<=", ">=", "==") as fc.Arbitrary<"<=">,
        value: scalar,
      }),
    ),
  }),
);

const id = (prefix: string) =>
  fc.oneof(
    fc.integer({ min: 1, max: 30 }).map((n) => `${prefix}${n}`),
    fc.constant("zzz"),
  );

const body: fc.Arbitrary<ActionBody> = fc.oneof(
  fc.record({
    type: fc.constant("setOrders" as const),
    orders: fc.dictionary(fc.constantFrom(...ORDER_KINDS), scalar, { maxKeys: 4 }),
  }),
  fc.record({
    type: fc.constant("propose" as const),
    parties: fc.uniqueArray(role, { minLength: 1, maxLength: 4 }),
    terms: fc.array(term, { minLength: 1, maxLength: 3 }),
    years: num,
    replaces: fc.oneof(fc.constant(null), id("p")),
    note: fc.string({ maxLength: 10 }),
  }),
  fc.record({ type: fc.constantFrom("accept" as const, "reject" as const), proposal: id("p") }),
  fc.record({ type: fc.constant("withdraw" as const), proposal: id("p") }),
  fc.record({ type: fc.constant("cancelDeal" as const), deal: id("d") }),
  fc.record({
    type: fc.constant("chat" as const),
    to: fc.uniqueArray(role, { maxLength: 3 }),
    text: fc.string({ maxLength: 10 }),
  }),
  fc.record({ type: fc.constant("statement" as const), text: fc.string({ maxLength: 10 }) }),
  fc.record({
    type: fc.constant("stance" as const),
    stance: fc.constantFrom("link", "compartmentalise") as fc.Arbitrary<"link">,
  }),
  fc.record({
    type: fc.constant("crisisChoice" as const),
    choice: fc.constantFrom("firm", "deescalate") as fc.Arbitrary<"firm">,
  }),
  fc.record({ type: fc.constantFrom("ready" as const), ready: fc.boolean() }),
  fc.record({ type: fc.constant("commit" as const) }),
);

const seatAction = fc.record({ seat: fc.constantFrom(...MINI_SEATS.map((s) => s.role)), body });

/** Runs the clock to the end of the game. */
function runOut(state: GameState): GameState {
  let s = state;
  for (let guard = 0; s.phase !== "ended" && guard < 100; guard++) {
    const r = applyAction(s, {
      type: "phaseTimeout",
      phase: s.phase,
      year: s.year,
      actor: { kind: "system" },
      at: s.deadline ?? 0,
    } as Action);
    if (!r.ok) throw new Error(`timeout refused: ${r.code} ${r.detail}`);
    s = r.state;
  }
  return s;
}

describe("fuzzed actions", () => {
  let accepted = 0;
  it("never throw, never change their input, and keep the invariants", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }),
        fc.nat(),
        fc.array(seatAction, { minLength: 1, maxLength: 25 }),
        (game, pick, actions) => {
          const result = playMemo(MINI, `fuzz:${game}`, MINI_SEATS);
          // a state from the game: prefer negotiation, where most actions apply
          const negotiation = result.log
            .map((a, i) => ({ a, i }))
            .filter(({ a }) => a.type === "phaseTimeout" && a.phase === "briefing")
            .map(({ i }) => i);
          const at = negotiation.length
            ? (negotiation[pick % negotiation.length] as number)
            : pick % result.log.length;
          let [s] = snapshots(MINI, result, [at]) as [GameState];
          for (const { seat, body: b } of actions) {
            const action = {
              ...b,
              actor: { kind: "seat", seat, member: "bot" },
              at: (s.deadline ?? 1) - 1,
            } as Action;
            const before = JSON.stringify(s);
            const r = applyAction(s, action);
            expect(JSON.stringify(s), `${b.type} changed its input`).toBe(before);
            // every handler checks before it changes anything: playGame relies on it
            const draft = cloneState(s);
            const inPlace = reduceInPlace(draft, action);
            expect(inPlace.ok, `${b.type}: reduceInPlace disagrees`).toBe(r.ok);
            expect(JSON.stringify(draft), `${b.type} in place`).toBe(
              JSON.stringify(r.ok ? r.state : s),
            );
            if (!r.ok) continue;
            accepted++;
            s = r.state;
            expect(badValues(s), `after ${JSON.stringify(b)}`).toEqual([]);
            expect(moneyProblems(s), `after ${JSON.stringify(b)}`).toEqual([]);
          }
          const end = runOut(s);
          expect(badValues(end)).toEqual([]);
          expect(moneyProblems(end)).toEqual([]);
          expect(boundsProblems(end)).toEqual([]);
        },
      ),
      { numRuns: 100, seed: 1957, endOnFailure: true },
    );
    // the fuzz is not vacuous: some odd-valued actions get through
    expect(accepted).toBeGreaterThan(0);
  }, 60_000);
});
