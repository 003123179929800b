/**
 * `GET /api/games/:code/scenario` over the real server: the game's scenario as a player may
 * read it. It carries nothing of the game's state (no seed, no priority card drawn by a seat),
 * and the engine's helpers give the same answers with it as with the full scenario.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadScenario } from "../../server/scenarios.ts";
import { cancelCost, orderChoices, previewProposal } from "../../shared/rules/legal.ts";
import { createGame as engineGame } from "../../shared/rules/setup.ts";
import type { GameState, Term } from "../../shared/rules/types.ts";
import { playerView } from "../../shared/rules/view.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { bootServer, createGame, type TestServer } from "./helpers.ts";

const full = loadScenario("crew-dragon-2020");
const SEED_A = "public-scenario-seed-A";
let srv: TestServer;
let seedB = "";
const served: Record<string, { status: number; text: string }> = {};

/** The engine's game for a seed: which priority card each seat drew. */
function stateOf(seed: string): GameState {
  const made = engineGame(full, seed);
  if (!made.ok) throw new Error(made.detail);
  return made.state;
}
const priorities = (s: GameState) =>
  Object.fromEntries(Object.entries(s.seats).map(([r, seat]) => [r, seat.priority?.id ?? null]));

async function fetchScenario(code: string) {
  const res = await fetch(`${srv.base}/api/games/${code}/scenario`);
  return { status: res.status, text: await res.text() };
}

/** Every key of a JSON value, at any depth. */
function keysOf(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysOf(v, out);
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      keysOf(v, out);
    }
  return out;
}

beforeAll(async () => {
  // a second seed under which the seats draw other priority cards than under SEED_A
  const drawnA = JSON.stringify(priorities(stateOf(SEED_A)));
  for (let i = 0; !seedB; i++)
    if (JSON.stringify(priorities(stateOf(`public-scenario-seed-${i}`))) !== drawnA)
      seedB = `public-scenario-seed-${i}`;
  srv = await bootServer("public-scenario");
  for (const seed of [SEED_A, seedB]) {
    const game = await createGame(srv.base, { scenario: "crew-dragon-2020", seed });
    served[seed] = await fetchScenario(game.code);
  }
});

afterAll(async () => {
  await srv?.stop();
});

const scenarioOf = (seed: string) =>
  (JSON.parse(served[seed]?.text ?? "{}") as { scenario: Scenario }).scenario;

describe("GET /api/games/:code/scenario", () => {
  it("answers 200 JSON with the game's scenario: roles, prices, deck, presets, orders", () => {
    const got = JSON.parse(served[SEED_A]?.text ?? "{}");
    expect(served[SEED_A]?.status).toBe(200);
    expect(got.ok).toBe(true);
    for (const key of ["roles", "prices", "deck", "presets", "orders", "scoring", "market"])
      expect(got.scenario[key], key).toEqual(JSON.parse(JSON.stringify(full))[key]);
  });

  it("lists the priority cards a seat might hold, never which one it holds", () => {
    // the two games' seats drew different cards, yet what they serve is the same
    expect(priorities(stateOf(SEED_A))).not.toEqual(priorities(stateOf(seedB)));
    expect(served[SEED_A]?.text.replace(/"code":"[^"]+"/, "")).toBe(
      served[seedB]?.text.replace(/"code":"[^"]+"/, ""),
    );
    const ids = scenarioOf(SEED_A).priorities.map((p) => p.id);
    expect(ids).toEqual(full.priorities.map((p) => p.id));
  });

  it("carries no seed, random state or seat state", () => {
    for (const seed of [SEED_A, seedB]) {
      const text = served[seed]?.text ?? "";
      expect(text).not.toContain(seed);
      const keys = keysOf(JSON.parse(text));
      for (const secret of [
        "seed",
        "rng",
        "random",
        "priority",
        "cash",
        "members",
        "actions",
        "hostTokenHash",
      ])
        expect(keys.has(secret), secret).toBe(false);
    }
  });

  it("an unknown code answers 404 JSON with ERR_UNKNOWN_GAME", async () => {
    for (const code of ["ZZZZZZ", "__proto__", "..%2F..%2Fetc"]) {
      const res = await fetch(`${srv.base}/api/games/${code}/scenario`);
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toContain("application/json");
      expect(await res.json()).toMatchObject({ ok: false, code: "ERR_UNKNOWN_GAME" });
    }
  });

  it("previewProposal, orderChoices and cancelCost answer the same with it as with the full scenario", () => {
    const pub = scenarioOf(SEED_A);
    const state = stateOf(SEED_A);
    const proposals: { parties: string[]; terms: Term[]; years: number }[] = [
      {
        parties: ["spacex"],
        terms: [{ kind: "seatSale", provider: "spacex", buyer: "us", seats: 2, price: 60 }],
        years: 2,
      },
      {
        parties: ["russia", "uae"],
        terms: [
          { kind: "seatSale", provider: "russia", buyer: "uae", seats: 1, price: 80 },
          { kind: "subsidy", payer: "us", beneficiary: "uae", perSeat: 40 },
        ],
        years: 3,
      },
      {
        parties: ["uae"],
        terms: [{ kind: "subsidy", payer: "us", beneficiary: "uae", perSeat: 9_999 }],
        years: 1,
      },
      {
        parties: ["spacex"],
        terms: [
          {
            kind: "contract",
            state: "us",
            company: "spacex",
            value: 100,
            condition: { kind: "minFlights", flights: 1 },
          },
        ],
        years: 2,
      },
    ];
    let previewsOk = 0;
    let previewsRefused = 0;
    let choices = 0;
    let costs = 0;
    for (const seat of state.order) {
      const view = playerView(state, { kind: "seat", seat });
      expect(orderChoices(view, pub)).toEqual(orderChoices(view, full));
      choices += orderChoices(view, full).length;
      for (const dealId of Object.keys(view.deals)) {
        expect(cancelCost(view, pub, dealId)).toEqual(cancelCost(view, full, dealId));
        if (cancelCost(view, full, dealId) !== null) costs++;
      }
      for (const p of proposals) {
        const parties = [seat, ...p.parties.filter((r) => r !== seat)];
        const withFull = previewProposal(view, full, parties, p.terms, p.years);
        expect(previewProposal(view, pub, parties, p.terms, p.years)).toEqual(withFull);
        if (withFull.ok) previewsOk++;
        else previewsRefused++;
      }
    }
    // the comparison covered real answers, not only refusals and empty lists
    expect(previewsOk).toBeGreaterThan(0);
    expect(previewsRefused).toBeGreaterThan(0);
    expect(choices).toBeGreaterThan(0);
    expect(costs).toBeGreaterThan(0);
  });
});
