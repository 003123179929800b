import { describe, expect, it } from "vitest";
import {
  PROTOCOL_ORDER_KINDS,
  parseMessage,
  SEAT_MESSAGES,
  STAFF_MESSAGES,
  termPayload,
} from "../../shared/protocol/messages.ts";
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
