/**
 * Every key a player, a host or a client chooses (a seat, a member, a proposal,
 * a deal, a card, a term kind, an order, a preset, a message type) is looked up
 * as an own key: names that objects inherit (`__proto__`, `constructor`, …) are
 * just unknown ids with their typed code, and nothing changes.
 */
import { describe, expect, it } from "vitest";
import { parseMessage } from "../../shared/protocol/messages.ts";
import { cancelCost } from "../../shared/rules/legal.ts";
import { applyAction } from "../../shared/rules/reducer.ts";
import { createGame } from "../../shared/rules/setup.ts";
import type { Action, ActionBody, GameState, RejectionCode } from "../../shared/rules/types.ts";
import { hasSeat } from "../../shared/rules/util.ts";
import { playerView } from "../../shared/rules/view.ts";
import { HUMANS, miniScenario, negotiating, T0 } from "../fixtures/build.ts";
import { sale } from "./helpers.ts";

/** Names every plain object answers to without having them. */
const HOSTILE = [
  "__proto__",
  "constructor",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "isPrototypeOf",
  "__defineGetter__",
] as const;

/** An object with `key` as its own property (the way JSON.parse or a decoder makes one). */
function ownKey(key: string, value: unknown): Record<string, unknown> {
  return JSON.parse(`{${JSON.stringify(key)}: ${JSON.stringify(value)}}`);
}

type Case = {
  name: string;
  action: (key: string) => Action;
  code: RejectionCode;
};

const asSeat = (body: ActionBody, seat = "us", member = "m-us"): Action =>
  ({ ...body, actor: { kind: "seat", seat, member }, at: T0 + 1 }) as Action;
const asHost = (body: ActionBody): Action => ({ ...body, actor: { kind: "host" }, at: T0 + 1 });
const asSystem = (body: ActionBody): Action =>
  ({ ...body, actor: { kind: "system" }, at: T0 + 1 }) as Action;
const proposal = (over: Partial<Extract<ActionBody, { type: "propose" }>>): ActionBody => ({
  type: "propose",
  parties: ["us", "spacex"],
  terms: [sale("spacex", "us", 1, 50)],
  years: 1,
  replaces: null,
  note: "",
  ...over,
});

const CASES: Case[] = [
  {
    name: "accept",
    action: (k) => asSeat({ type: "accept", proposal: k }),
    code: "ERR_UNKNOWN_PROPOSAL",
  },
  {
    name: "reject",
    action: (k) => asSeat({ type: "reject", proposal: k }),
    code: "ERR_UNKNOWN_PROPOSAL",
  },
  {
    name: "withdraw",
    action: (k) => asSeat({ type: "withdraw", proposal: k }),
    code: "ERR_UNKNOWN_PROPOSAL",
  },
  {
    name: "propose replaces",
    action: (k) => asSeat(proposal({ replaces: k })),
    code: "ERR_UNKNOWN_PROPOSAL",
  },
  {
    name: "propose parties",
    action: (k) => asSeat(proposal({ parties: ["us", k] })),
    code: "ERR_UNKNOWN_SEAT",
  },
  {
    name: "propose term kind",
    action: (k) =>
      asSeat(proposal({ terms: [{ ...sale("spacex", "us", 1, 50), kind: k } as never] })),
    code: "ERR_BAD_TERM",
  },
  {
    name: "propose term role",
    action: (k) => asSeat(proposal({ terms: [sale(k, "us", 1, 50)] })),
    code: "ERR_TERM_PARTY",
  },
  {
    name: "propose contract condition role",
    action: (k) =>
      asSeat(
        proposal({
          terms: [
            {
              kind: "contract",
              state: "us",
              company: "spacex",
              value: 10,
              condition: { kind: "noSeatsTo", role: k },
            },
          ],
        }),
      ),
    code: "ERR_BAD_TERM",
  },
  {
    name: "cancelDeal",
    action: (k) => asSeat({ type: "cancelDeal", deal: k }),
    code: "ERR_UNKNOWN_DEAL",
  },
  {
    name: "chat to",
    action: (k) => asSeat({ type: "chat", to: [k], text: "hi" }),
    code: "ERR_UNKNOWN_SEAT",
  },
  {
    name: "setOrders kind",
    action: (k) => asSeat({ type: "setOrders", orders: ownKey(k, 1) as never }),
    code: "ERR_ORDER_NOT_ALLOWED",
  },
  {
    name: "injectEvent card id",
    action: (k) => asHost({ type: "injectEvent", card: k }),
    code: "ERR_UNKNOWN_EVENT",
  },
  {
    name: "injectEvent custom card effect role",
    action: (k) =>
      asHost({
        type: "injectEvent",
        card: {
          id: "custom",
          title: "Custom",
          note: "A card the host made.",
          weight: 0,
          onlyWhenFundingBelow: null,
          effects: [{ kind: "budgetFlat", role: k, amount: -100 }],
        },
      }),
    code: "ERR_UNKNOWN_SEAT",
  },
  {
    name: "acting seat",
    action: (k) => asSeat({ type: "ready", ready: true }, k, "m-us"),
    code: "ERR_UNKNOWN_SEAT",
  },
  {
    name: "acting member",
    action: (k) => asSeat({ type: "ready", ready: true }, "us", k),
    code: "ERR_NOT_YOUR_SEAT",
  },
  {
    name: "addMember seat",
    action: (k) => asSystem({ type: "addMember", seat: k, member: "m-new", name: "New" }),
    code: "ERR_UNKNOWN_SEAT",
  },
  {
    name: "removeMember seat",
    action: (k) => asSystem({ type: "removeMember", seat: k, member: "m-us" }),
    code: "ERR_UNKNOWN_SEAT",
  },
  {
    name: "removeMember member",
    action: (k) => asSystem({ type: "removeMember", seat: "us", member: k }),
    code: "ERR_UNKNOWN_MEMBER",
  },
  {
    name: "setCaptain member",
    action: (k) => asSystem({ type: "setCaptain", seat: "us", member: k }),
    code: "ERR_UNKNOWN_MEMBER",
  },
  {
    name: "setController seat",
    action: (k) => asSystem({ type: "setController", seat: k, controller: "bot" }),
    code: "ERR_UNKNOWN_SEAT",
  },
  {
    name: "action type",
    action: (k) => ({ type: k, actor: { kind: "host" }, at: T0 + 1 }) as unknown as Action,
    code: "ERR_BAD_ACTION",
  },
];

describe("player-chosen keys named like Object.prototype's members", () => {
  const start: GameState = negotiating();
  const before = JSON.stringify(start);

  for (const c of CASES) {
    for (const key of HOSTILE) {
      it(`${c.name} "${key}" → ${c.code}, nothing changes`, () => {
        const r = applyAction(start, c.action(key));
        expect(r).toMatchObject({ ok: false, code: c.code });
        expect(JSON.stringify(start)).toBe(before);
        // nothing leaked onto the prototype every object shares
        expect(Object.keys(Object.prototype)).toEqual([]);
        expect(({} as Record<string, unknown>).cash).toBeUndefined();
      });
    }
  }

  it("a game still plays on after all of them", () => {
    let s = start;
    for (const c of CASES)
      for (const key of HOSTILE) expect(applyAction(s, c.action(key)).ok).toBe(false);
    const r = applyAction(s, asSeat({ type: "chat", to: ["russia"], text: "still here" }));
    expect(r.ok).toBe(true);
    if (r.ok) s = r.state;
    expect(s.chat.at(-1)?.channel).toEqual(["russia", "us"]);
  });

  for (const key of HOSTILE) {
    it(`hasSeat, createGame, parseMessage and cancelCost treat "${key}" as unknown`, () => {
      expect(hasSeat(start, key)).toBe(false);
      expect(hasSeat(start, "us")).toBe(true);
      const roles = createGame(miniScenario(), "x", [...HUMANS, { role: key }]);
      expect(roles).toMatchObject({ ok: false, code: "ERR_UNKNOWN_SEAT" });
      const preset = createGame(miniScenario(), "x", HUMANS, { preset: key });
      expect(preset).toMatchObject({ ok: false, code: "ERR_BAD_ACTION" });
      expect(parseMessage(key, {})).toMatchObject({ ok: false, code: "ERR_MALFORMED" });
      const view = playerView(start, { kind: "seat", seat: "us" });
      expect(cancelCost(view, start.scenario, key)).toBeNull();
    });
  }
});
