/**
 * The chat cap is per seat: a seat that has sent its share (chat and statements
 * together) is refused with ERR_CHAT_LIMIT, and every other seat still talks.
 */
import { describe, expect, it } from "vitest";
import { LIMITS } from "../../shared/rules/limits.ts";
import { reduceInPlace } from "../../shared/rules/reducer.ts";
import type { Action, ActionBody, GameState } from "../../shared/rules/types.ts";
import { bySeat, lobby, T0 } from "../fixtures/build.ts";
import { expectRejected } from "./helpers.ts";

/** Sends `n` messages from a seat, alternating chat and statements (in place: it is many). */
function send(s: GameState, seat: string, n: number): void {
  for (let i = 0; i < n; i++) {
    const body: ActionBody =
      i % 2 === 0
        ? { type: "chat", to: [seat === "us" ? "russia" : "us"], text: `m${i}` }
        : { type: "statement", text: `s${i}` };
    const r = reduceInPlace(s, {
      ...body,
      actor: { kind: "seat", seat, member: `m-${seat}` },
      at: T0 + i,
    } as Action);
    if (!r.ok) throw new Error(`message ${i} refused: ${r.code}`);
  }
}

describe("chat cap per seat", () => {
  it("a seat that sent its share is refused; the others still talk", () => {
    const s = lobby();
    // the share is the limits module's number, and it is far below the old table-wide 5,000
    expect(LIMITS.chatPerSeat).toBeLessThan(5000 / 4);
    send(s, "russia", LIMITS.chatPerSeat);
    expect(s.chat.filter((m) => m.from === "russia")).toHaveLength(LIMITS.chatPerSeat);
    expectRejected(
      s,
      (x) => bySeat(x, "russia", { type: "chat", to: ["us"], text: "one more" }),
      "ERR_CHAT_LIMIT",
    );
    expectRejected(
      s,
      (x) => bySeat(x, "russia", { type: "statement", text: "one more" }),
      "ERR_CHAT_LIMIT",
    );
    const us = bySeat(s, "us", { type: "chat", to: ["russia"], text: "we can still talk" });
    expect(us.ok).toBe(true);
    const pub = bySeat(s, "uae", { type: "statement", text: "and so can we" });
    expect(pub.ok).toBe(true);
  });

  it("one short of the share is still accepted", () => {
    const s = lobby();
    send(s, "us", LIMITS.chatPerSeat - 1);
    expect(bySeat(s, "us", { type: "statement", text: "the last one" }).ok).toBe(true);
  });
});
