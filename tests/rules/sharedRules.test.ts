/**
 * The rules that the engine, the bots and the tools share through one helper each
 * (issue 8, "one source for each fact"): each helper answers as the rules say.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { orderOptions, orderSpending, orderText } from "../../shared/rules/orders.ts";
import { runsIn } from "../../shared/rules/records.ts";
import { emptyReport } from "../../shared/rules/resolve.ts";
import type { SeatSetup } from "../../shared/rules/setup.ts";
import { addTension, tensionWaterfall } from "../../shared/rules/tension.ts";
import { checkProposal, termKindsBetween } from "../../shared/rules/terms.ts";
import type { GameState, Orders, TensionTerm, Term } from "../../shared/rules/types.ts";
import { pairKey, pairRoles } from "../../shared/rules/util.ts";
import { parseScenario } from "../../shared/scenario/load.ts";
import { HUMANS, miniScenario, negotiating, report, resolveYear } from "../fixtures/build.ts";
import { orders } from "./helpers.ts";

describe("runsIn: which deals run in a year", () => {
  it.each([
    // status, start, years, year, runs
    ["active", 2020, 2, 2019, false],
    ["active", 2020, 2, 2020, true],
    ["active", 2020, 2, 2021, true],
    ["active", 2020, 2, 2022, false],
    ["active", 2021, 1, 2021, true],
    ["cancelled", 2020, 3, 2021, false],
    ["failed", 2020, 3, 2020, false],
    ["completed", 2020, 1, 2020, false],
  ] as const)(
    "%s deal from %i for %i year(s), in %i: %s",
    (status, startYear, years, year, runs) => {
      expect(runsIn({ status, startYear, years }, year)).toBe(runs);
    },
  );
});

describe("ORDER_COSTS: what setOrders checks is what resolution spends", () => {
  const seats: SeatSetup[] = [
    ...HUMANS,
    { role: "boeing", controller: "human", members: [{ id: "m-boeing", name: "B" }] },
  ];
  const ledgerSum = (s: GameState, from: string, to: string) =>
    s.ledger
      .filter((t) => t.year === 2020 && t.from === from && t.to === to)
      .reduce((a, t) => a + t.amount, 0);
  it.each([
    // seat, orders, cost (mini fixture prices), what resolution spent
    [
      "spacex",
      { flightsNextYear: 3 },
      300,
      (s: GameState) => ledgerSum(s, "spacex", "sink:flights"),
    ],
    ["us", { crewFunding: "spacex" }, 150, (s: GameState) => ledgerSum(s, "us", "spacex")],
    ["us", { subsidyPool: 200 }, 200, (s: GameState) => s.seats.us?.pool ?? 0],
    [
      "uae",
      { programmeInvestment: 100 },
      100,
      (s: GameState) => ledgerSum(s, "uae", "sink:programme"),
    ],
    // two extra cosmonauts at 60 (Soyuz's six seats: three for its own crew, two extra)
    ["russia", { extraCrew: 2 }, 120, (s: GameState) => ledgerSum(s, "russia", "sink:operations")],
    [
      "boeing",
      { readinessMode: "test" },
      40,
      (s: GameState) => ledgerSum(s, "boeing", "sink:testing"),
    ],
  ] as const)("%s %o: costs %d, and that is spent", (seat, o, cost, spent) => {
    let s = negotiating(miniScenario(), seats);
    const ordered = { ...(s.seats[seat]?.orders as Orders), ...o } as Orders;
    s = orders(s, seat, o as Partial<Orders>);
    // the other costly orders of the seat are at their defaults (nothing to spend)
    expect(orderSpending(s.scenario, seat, ordered)).toBe(cost);
    expect(spent(resolveYear(s))).toBe(cost);
  });
});

describe("termKindsBetween: what two roles may agree", () => {
  const sc = miniScenario();
  const all = ["us", "russia", "spacex", "uae", "boeing"];
  it.each([
    ["us", "russia", ["seatSale", "seatSwap", "techTransfer", "pledge"]],
    ["us", "spacex", ["seatSale", "contract", "techTransfer", "pledge"]],
    ["spacex", "boeing", ["techTransfer", "pledge"]],
    ["us", "uae", ["seatSwap", "subsidy", "techTransfer", "pledge"]],
    ["uae", "spacex", ["seatSale", "subsidy", "contract", "techTransfer", "pledge"]],
  ])("%s and %s: %j", (a, b, kinds) => {
    expect(termKindsBetween(sc, a, b)).toEqual(kinds);
    expect(termKindsBetween(sc, b, a)).toEqual(kinds);
  });

  // the engine's proposal check agrees: a plain term of a listed kind passes, one of another fails
  const plain = (kind: string, p: string, q: string): Term | null => {
    if (kind === "seatSale") return { kind, provider: p, buyer: q, seats: 1, price: 90 };
    if (kind === "seatSwap") return { kind, a: p, b: q, seats: 1 };
    if (kind === "contract") return { kind, state: p, company: q, value: 100, condition: null };
    return null;
  };
  it.each(all.flatMap((a) => all.filter((b) => b !== a).map((b) => [a, b] as const)))(
    "checkProposal agrees for %s and %s",
    (a, b) => {
      const listed = termKindsBetween(sc, a, b);
      for (const kind of ["seatSale", "seatSwap", "contract"] as const) {
        const passes = [plain(kind, a, b), plain(kind, b, a)].some(
          (t) => t !== null && checkProposal(sc, all, a, [a, b], [t], 1) === null,
        );
        expect(passes, kind).toBe(listed.includes(kind));
      }
    },
  );
});

describe("tension: addTension and its waterfall", () => {
  it.each([
    [90, [8, 5], 100],
    [3, [-5], 0],
    [50, [1.234, 1.234], 52.47],
    [40, [], 40],
  ])("%d + %j → %d", (before, amounts, after) => {
    expect(
      addTension(
        before,
        amounts.map((amount) => ({ amount })),
      ),
    ).toBe(after);
  });

  const yearOf = (before: number, after: number, terms: [string, number][]) => {
    const r = emptyReport(2020, before);
    r.tension = after;
    r.tensionTerms = terms.map(
      ([cause, amount]) => ({ cause, detail: { cause }, amount }) as TensionTerm,
    );
    return r;
  };
  const shown = (r: ReturnType<typeof yearOf>) =>
    tensionWaterfall(r).lines.map((l) =>
      l.kind === "term" ? `${l.term.cause} ${l.running}` : `${l.kind} ${l.running}`,
    );
  it.each([
    // before, after, terms, the lines (kind or cause, tension after the line), tension the crisis met
    [
      90,
      80,
      [
        ["drift", 8],
        ["event", 5],
        ["crisis", -20],
      ],
      ["start 90", "drift 98", "event 103", "clamp 100", "crisis 80", "end 80"],
      100,
    ],
    [3, 0, [["cooperation", -5]], ["start 3", "cooperation -2", "clamp 0", "end 0"], 0],
    // the report shows terms rounded to cents; the engine added them unrounded
    [
      50,
      52.47,
      [
        ["drift", 1.23],
        ["event", 1.23],
      ],
      ["start 50", "drift 51.23", "event 52.46", "rounding 52.47", "end 52.47"],
      52.46,
    ],
  ] as const)("from %d to %d", (before, after, terms, lines, beforeCrisis) => {
    const r = yearOf(
      before,
      after,
      terms.map(([c, a]) => [c, a]),
    );
    expect(shown(r)).toEqual(lines);
    expect(tensionWaterfall(r).beforeCrisis).toBe(beforeCrisis);
  });
});

describe("pair keys", () => {
  it.each([
    ["us", "russia", "us>russia"],
    ["russia", "us", "russia>us"],
    ["spacex", "sink:operations", "spacex>sink:operations"],
  ])("%s and %s: %s, and back", (a, b, key) => {
    expect(pairKey(a, b)).toBe(key);
    expect(pairRoles(pairKey(a, b))).toEqual([a, b]);
  });

  it("the report's vulnerabilities are keyed by it", () => {
    const s = resolveYear(negotiating(miniScenario()));
    const keys = Object.keys(report(s, 2020).vulnerability);
    expect(keys).toContain("us>russia");
    expect(keys.map(pairRoles)).toContainEqual(["russia", "us"]);
  });
});

describe("orderText: the scenario names and explains every order", () => {
  const label = (sc: ReturnType<typeof miniScenario>, role: string, kind: string) =>
    orderOptions(
      sc,
      role,
      HUMANS.map((h) => h.role),
    ).find((o) => o.kind === kind)?.label;

  it("order forms carry the scenario's label and description, a role's own text first", () => {
    const sc = miniScenario({
      orderText: { readinessMode: { label: "Test or rush", description: "Scenario-wide." } },
      roles: {
        boeing: {
          orderText: { readinessMode: { label: "Starliner", description: "Boeing's own." } },
        },
      },
    } as Parameters<typeof miniScenario>[0]);
    expect(label(sc, "boeing", "readinessMode")).toBe("Starliner");
    expect(orderText(sc, "boeing", "readinessMode").description).toBe("Boeing's own.");
    expect(orderText(sc, "spacex", "readinessMode").label).toBe("Test or rush");
  });

  it("the engine's own words for an order come from it too", () => {
    const sc = miniScenario({
      orderText: { roleLevel: { label: "Gateway role", description: "A lunar station." } },
    } as Parameters<typeof miniScenario>[0]);
    expect(label(sc, "russia", "roleLevel")).toBe("Gateway role");
    const s = resolveYear(negotiating(sc));
    const upkeep = s.ledger.find((t) => t.from === "russia" && t.to === "sink:upkeep");
    expect(upkeep?.reason).toBe("Gateway role full");
  });

  it("a scenario with an order no text names is refused, naming role and order", () => {
    const json = JSON.parse(
      readFileSync(new URL("../fixtures/scenarios/mini.json", import.meta.url), "utf8"),
    );
    delete json.orderText.diversion;
    const r = parseScenario(json);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toContain(
        'roles.russia.orders: "diversion" has no orderText (scenario or role) to show players',
      );
  });
});
