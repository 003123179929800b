/**
 * Ids that reveal nothing: what one viewer can see (its view, its slices, the ids
 * of its own messages and proposals) is the same whether or not other seats talked
 * or bargained in private. Chat ids count within their channel, proposal ids within
 * their set of parties, and a deal does not carry its proposal's id.
 */
import { describe, expect, it } from "vitest";
import { sliceView } from "../../shared/protocol/viewSlices.ts";
import type { ActionBody, GameState } from "../../shared/rules/types.ts";
import { playerView, type Viewer } from "../../shared/rules/view.ts";
import { negotiating, seatMust } from "../fixtures/build.ts";
import { conclude, lastProposal, sale } from "./helpers.ts";

const propose = (parties: string[], terms: Extract<ActionBody, { type: "propose" }>["terms"]) =>
  ({ type: "propose", parties, terms, years: 1, replaces: null, note: "" }) as ActionBody;

/** us and russia talk and bargain in private: chat, a proposal left open, a deal. */
function privateTraffic(s: GameState): GameState {
  let out = s;
  for (let i = 0; i < 3; i++) {
    out = seatMust(out, "us", { type: "chat", to: ["russia"], text: `secret ${i}` });
    out = seatMust(out, "russia", { type: "chat", to: ["us"], text: `reply ${i}` });
  }
  out = seatMust(out, "us", propose(["us", "russia"], [sale("russia", "us", 1, 90)]));
  out = seatMust(out, "russia", propose(["us", "russia"], [sale("russia", "us", 1, 80)]));
  return out;
}

/** What uae does in both tables: a private message, a public statement, a proposal. */
function uaeTraffic(s: GameState): GameState {
  let out = seatMust(s, "uae", { type: "chat", to: ["spacex"], text: "hello SpaceX" });
  out = seatMust(out, "uae", { type: "statement", text: "hello all" });
  out = seatMust(out, "uae", propose(["uae", "spacex"], [sale("spacex", "uae", 1, 60)]));
  return out;
}

const VIEWERS: Viewer[] = [
  { kind: "seat", seat: "uae" },
  { kind: "seat", seat: "spacex" },
  { kind: "spectator" },
];

describe("ids that reveal nothing", () => {
  const quiet = uaeTraffic(negotiating());
  const busy = uaeTraffic(privateTraffic(negotiating()));

  it("the tables did differ: us and russia talked in one of them", () => {
    expect(busy.chat.length - quiet.chat.length).toBe(6);
    expect(Object.keys(busy.proposals).length - Object.keys(quiet.proposals).length).toBe(2);
  });

  for (const viewer of VIEWERS) {
    it(`${viewer.kind} ${"seat" in viewer ? viewer.seat : ""}: the same view and the same slices`, () => {
      expect(playerView(busy, viewer)).toEqual(playerView(quiet, viewer));
      expect([...sliceView(playerView(busy, viewer))]).toEqual([
        ...sliceView(playerView(quiet, viewer)),
      ]);
    });
  }

  it("uae's own message and proposal ids are the same in both tables", () => {
    const mine = (s: GameState) => s.chat.filter((m) => m.from === "uae").map((m) => m.id);
    expect(mine(busy)).toEqual(mine(quiet));
    expect(lastProposal(busy)).toBe(lastProposal(quiet));
  });

  it("a deal shows no proposal id: a concluded one looks the same whatever came before it", () => {
    const deal = (s: GameState) =>
      conclude(s, ["uae", "spacex"], [sale("spacex", "uae", 1, 60)]).deals;
    const lastDeal = (deals: GameState["deals"]) => Object.values(deals).at(-1);
    expect(lastDeal(deal(busy))).toEqual(lastDeal(deal(quiet)));
  });

  it("a counter that adds a party does not show it the id of the proposal it counters", () => {
    // russia's open offer to us, countered by us with uae added
    const russiaOpen = busy.proposalOrder.find((id) => busy.proposals[id]?.from === "russia");
    expect(busy.proposals[russiaOpen as string]?.status).toBe("open");
    const s = seatMust(busy, "us", {
      type: "propose",
      parties: ["us", "russia", "uae"],
      terms: [sale("russia", "uae", 1, 70)],
      years: 1,
      replaces: russiaOpen as string,
      note: "",
    });
    const id = lastProposal(s);
    expect(s.proposals[id]?.replaces).not.toBeNull();
    expect(playerView(s, { kind: "seat", seat: "us" }).proposals[id]?.replaces).toBe(
      s.proposals[id]?.replaces,
    );
    expect(playerView(s, { kind: "seat", seat: "uae" }).proposals[id]?.replaces).toBeNull();
  });
});
