import { describe, expect, it } from "vitest";
import {
  MESSAGE_ACTIONS,
  PROTOCOL_ORDER_KINDS,
  parseMessage,
  SEAT_MESSAGES,
  STAFF_MESSAGES,
  termPayload,
  WIRE_NAMES,
} from "../../shared/protocol/messages.ts";
import { ACTION_RULES, ACTION_TYPES } from "../../shared/rules/reducer.ts";
import { ORDER_KINDS, TERM_KINDS } from "../../shared/scenario/schema.ts";
import { bySeat, host, negotiating } from "../fixtures/build.ts";

describe("protocol: every message is defined once and maps to an engine action", () => {
  it("knows every order kind and every term kind of the rules", () => {
    expect([...PROTOCOL_ORDER_KINDS].sort()).toEqual([...ORDER_KINDS].sort());
    const kinds = termPayload.options.map((o) => o.shape.kind.value);
    expect([...kinds].sort()).toEqual([...TERM_KINDS].sort());
  });

  const valid: [string, unknown, string][] = [
    ["orders", { sanctions: 1 }, "setOrders"],
    ["ready", { ready: true }, "ready"],
    ["commit", {}, "commit"],
    [
      "propose",
      {
        parties: ["us", "russia"],
        terms: [{ kind: "seatSale", provider: "russia", buyer: "us", seats: 1, price: 90 }],
        years: 1,
      },
      "propose",
    ],
    ["accept", { proposal: "p1" }, "accept"],
    ["reject", { proposal: "p1" }, "reject"],
    ["withdraw", { proposal: "p1" }, "withdraw"],
    ["cancelDeal", { deal: "d1" }, "cancelDeal"],
    ["chat", { to: ["russia"], text: "hello" }, "chat"],
    ["statement", { text: "hello all" }, "statement"],
    ["stance", { stance: "link" }, "stance"],
    ["crisisChoice", { choice: "firm" }, "crisisChoice"],
    ["start", {}, "startGame"],
    ["pause", {}, "pause"],
    ["resume", {}, "resume"],
    ["extend", { seconds: 60 }, "extend"],
    ["skip", {}, "skip"],
    ["inject", { card: "tension-up" }, "injectEvent"],
    ["endGame", {}, "endGame"],
  ];
  it("covers every message type in the table", () => {
    expect(valid.map((v) => v[0]).sort()).toEqual(
      [...Object.keys(SEAT_MESSAGES), ...Object.keys(STAFF_MESSAGES)].sort(),
    );
  });
  it.each(valid)("%s parses into the %s action", (type, payload, action) => {
    const r = parseMessage(type, payload);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.body.type).toBe(action);
  });

  it("parsed seat messages are accepted by the engine", () => {
    const s = negotiating();
    const r = parseMessage("propose", valid[3]?.[1]);
    if (!r.ok) throw new Error(r.detail);
    const applied = bySeat(s, "us", r.body);
    expect(applied.ok).toBe(true);
    const o = parseMessage("orders", { sanctions: 1 });
    if (!o.ok) throw new Error(o.detail);
    expect(bySeat(s, "us", o.body).ok).toBe(true);
    const p = parseMessage("pause", {});
    if (!p.ok) throw new Error(p.detail);
    expect(host(s, p.body).ok).toBe(true);
  });

  const malformed: [string, unknown, string][] = [
    ["nope", {}, "unknown message"],
    ["orders", { sanctions: "two" }, "sanctions"],
    ["orders", { seat: "russia", sanctions: 1 }, "seat"],
    ["orders", { flyToMars: true }, "flyToMars"],
    ["ready", {}, "ready"],
    ["propose", { parties: ["us"], terms: [], years: 1 }, "terms"],
    [
      "propose",
      { parties: ["us", "russia"], terms: [{ kind: "bribe", amount: 5 }], years: 1 },
      "terms",
    ],
    [
      "propose",
      {
        parties: ["us"],
        terms: [{ kind: "pledge", by: "us", text: "x".repeat(281), check: null }],
        years: 1,
      },
      "terms.0.text",
    ],
    ["chat", { to: ["russia"], text: "x".repeat(501) }, "text"],
    ["chat", { to: ["russia"], text: "" }, "text"],
    ["extend", { seconds: 1e9 }, "seconds"],
    ["accept", { proposal: 42 }, "proposal"],
    ["crisisChoice", { choice: "nuke" }, "choice"],
    ["statement", { text: "hi", actor: { kind: "host" } }, "actor"],
  ];
  it.each(malformed)("%s %j is malformed and names %s", (type, payload, field) => {
    const r = parseMessage(type, payload);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe("ERR_MALFORMED");
      expect(r.detail).toContain(field);
    }
  });
});

describe("protocol: one source for the message list and who may send what", () => {
  /** The actions only the server itself takes (seating people, the phase clock). */
  const SERVER_ONLY = ["addMember", "removeMember", "setCaptain", "setController", "phaseTimeout"];
  const messages = [...Object.keys(SEAT_MESSAGES), ...Object.keys(STAFF_MESSAGES)];

  it("every action has a message, or is one the server alone takes; and every message is an action", () => {
    const sent = new Set<string>(Object.values(MESSAGE_ACTIONS));
    for (const a of ACTION_TYPES) expect(sent.has(a) !== SERVER_ONLY.includes(a), a).toBe(true);
    for (const m of messages) expect(ACTION_TYPES).toContain(MESSAGE_ACTIONS[m as never]);
    expect(new Set(messages).size).toBe(messages.length);
  });

  it("a message's name is its action's type, but for the renamed few", () => {
    for (const [m, a] of Object.entries(MESSAGE_ACTIONS))
      expect(m).toBe((WIRE_NAMES as Record<string, string>)[a] ?? a);
  });

  it("the seat/staff split is the reducer's actor table", () => {
    for (const m of messages) {
      const rule = ACTION_RULES[MESSAGE_ACTIONS[m as keyof typeof MESSAGE_ACTIONS]];
      const actors: readonly string[] = rule.actors;
      expect(m in SEAT_MESSAGES, m).toBe(actors.includes("seat"));
      expect(m in STAFF_MESSAGES, m).toBe(
        actors.includes("host") || actors.includes("facilitator"),
      );
    }
  });

  it("the engine refuses a seat message from the host and a staff message from a seat", () => {
    const s = negotiating();
    for (const [m, payload] of [
      ["ready", { ready: true }],
      ["pause", {}],
    ] as const) {
      const r = parseMessage(m, payload);
      if (!r.ok) throw new Error(r.detail);
      const wrong = m in SEAT_MESSAGES ? host(s, r.body) : bySeat(s, "us", r.body);
      expect(wrong).toMatchObject({ ok: false, code: "ERR_NOT_ALLOWED" });
    }
  });
});
