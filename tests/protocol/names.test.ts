/**
 * Names: one rule at both layers. The join options (the edge) and the engine's
 * addMember count a name the same way (code points, after trimming), so a name
 * passes both or neither: emoji (2 UTF-16 units each) and combining marks included.
 */
import { describe, expect, it } from "vitest";
import { joinOptions } from "../../shared/protocol/lobby.ts";
import { applyAction } from "../../shared/rules/reducer.ts";
import { lobby, T0 } from "../fixtures/build.ts";

const EMOJI = "🚀"; // one code point, two UTF-16 units
const E_ACUTE = "e\u0301"; // two code points: a letter and a combining mark

function edge(name: string): boolean {
  return joinOptions.safeParse({ seat: "us", name }).success;
}
function engine(name: string): boolean {
  return applyAction(lobby(), {
    type: "addMember",
    seat: "us",
    member: "m-new",
    name,
    actor: { kind: "system" },
    at: T0,
  }).ok;
}

const CASES: [label: string, name: string, fits: boolean][] = [
  ["20 emoji", EMOJI.repeat(20), true],
  ["21 emoji", EMOJI.repeat(21), true],
  ["40 emoji", EMOJI.repeat(40), true],
  ["41 emoji", EMOJI.repeat(41), false],
  ["40 letters", "a".repeat(40), true],
  ["41 letters", "a".repeat(41), false],
  ["20 letters with a combining mark (40 code points)", E_ACUTE.repeat(20), true],
  ["21 letters with a combining mark (42 code points)", E_ACUTE.repeat(21), false],
  ["39 letters and an emoji", `${"a".repeat(39)}${EMOJI}`, true],
  ["40 emoji in spaces (trimmed)", `  ${EMOJI.repeat(40)}  `, true],
  ["only spaces", "   ", false],
  ["empty", "", false],
];

describe("one rule for names", () => {
  it.each(CASES)("%s: the edge and the engine agree", (_label, name, fits) => {
    expect(edge(name)).toBe(fits);
    expect(engine(name)).toBe(fits);
  });

  it("a refused name is ERR_TOO_LONG in the engine", () => {
    const r = applyAction(lobby(), {
      type: "addMember",
      seat: "us",
      member: "m-new",
      name: EMOJI.repeat(41),
      actor: { kind: "system" },
      at: T0,
    });
    expect(r).toMatchObject({ ok: false, code: "ERR_TOO_LONG" });
  });
});
