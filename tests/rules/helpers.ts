/**
 * Shared helpers for the table-driven rule tests: concluding deals, setting
 * orders, and asserting that a rejection left the state untouched.
 */
import { expect } from "vitest";
import type {
  ActionBody,
  ApplyResult,
  GameState,
  Orders,
  RejectionCode,
  Term,
} from "../../shared/rules/types.ts";
import { bySeat, seatMust } from "../fixtures/build.ts";

/** A seatSale term. */
export function sale(provider: string, buyer: string, seats: number, price: number): Term {
  return { kind: "seatSale", provider, buyer, seats, price };
}

/** Proposes by the first party and has every other party accept; returns the state with the deal. */
export function conclude(s: GameState, parties: string[], terms: Term[], years = 1): GameState {
  const [from, ...rest] = parties as [string, ...string[]];
  let out = seatMust(s, from, {
    type: "propose",
    parties,
    terms,
    years,
    replaces: null,
    note: "",
  });
  const id = lastProposal(out);
  for (const r of rest) out = seatMust(out, r, { type: "accept", proposal: id });
  if (out.proposals[id]?.status !== "concluded") throw new Error("deal not concluded");
  return out;
}

/** The id of the latest proposal. */
export function lastProposal(s: GameState): string {
  const id = s.proposalOrder.at(-1);
  if (id === undefined) throw new Error("no proposal yet");
  return id;
}

/** The id of the latest deal. */
export function lastDeal(s: GameState): string {
  return `d${s.counters.deal}`;
}

/** Sets a seat's orders (must be accepted). */
export function orders(s: GameState, seat: string, o: Partial<Orders>): GameState {
  return seatMust(s, seat, { type: "setOrders", orders: o });
}

/** Applies an action expected to be rejected and checks the code and that nothing changed. */
export function expectRejected(
  s: GameState,
  run: (s: GameState) => ApplyResult,
  code: RejectionCode,
): void {
  const before = JSON.stringify(s);
  const r = run(s);
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.code).toBe(code);
  expect("state" in r).toBe(false);
  expect(JSON.parse(JSON.stringify(s))).toEqual(JSON.parse(before));
}

/** A seat action body run as the given seat. */
export const as =
  (seat: string, body: ActionBody, member?: string) =>
  (s: GameState): ApplyResult =>
    bySeat(s, seat, body, member);

/** Cash of a seat. */
export const cash = (s: GameState, r: string): number => s.seats[r]?.cash ?? Number.NaN;
