/**
 * The policy lab: its statistics on known data, the real command in child
 * processes (same table for one and two workers, the CSV and the
 * self-contained HTML report, escaped text), and the essay's US policy bots.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadScenario } from "../../server/scenarios.ts";
import type { Ctx, Policy } from "../../shared/bots/common.ts";
import { ESSAY_BOTS, ESSAY_NAMES } from "../../shared/bots/essay.ts";
import { BOTS, defaultStrategy } from "../../shared/bots/index.ts";
import { playGame } from "../../shared/bots/play.ts";
import { PROBE_BOTS, PROBE_NAMES, withOrders } from "../../shared/bots/probes.ts";
import type { Bot } from "../../shared/bots/types.ts";
import { defaultSeats } from "../../shared/rules/setup.ts";
import {
  countKinds,
  eventsOff,
  leaderAfter,
  leaderHolds,
  meanScore,
  topShares,
} from "../../tools/labBalance.ts";
import { escapeHtml, type LabMeta, renderHtml } from "../../tools/labReport.ts";
import {
  ci95,
  type GameResult,
  type KindCounts,
  mean,
  percentile,
  sd,
  summarise,
  summarisePolicy,
} from "../../tools/labStats.ts";
import { drawStrategy } from "../../tools/labWorker.ts";
import { ROOT, type Run, runTool } from "./run.ts";

const lab = (...args: string[]) => runTool("lab.ts", args);

describe("labStats", () => {
  const xs = [2, 4, 4, 4, 5, 5, 7, 9];

  it("computes mean and sample standard deviation", () => {
    expect(mean(xs)).toBe(5);
    // Σ(x−5)² = 32, n − 1 = 7
    expect(sd(xs)).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(sd([3])).toBe(0);
    expect(mean([])).toBeNaN();
  });

  it("gives the 95 % confidence interval as mean ± 1.96·sd/√n", () => {
    const c = ci95(xs);
    const half = (1.96 * Math.sqrt(32 / 7)) / Math.sqrt(8);
    expect(c.mean).toBe(5);
    expect(c.low).toBeCloseTo(5 - half, 12);
    expect(c.high).toBeCloseTo(5 + half, 12);
    // a constant sample has a zero-width interval
    expect(ci95([1, 1, 1])).toEqual({ mean: 1, low: 1, high: 1 });
  });

  it("interpolates percentiles between the closest ranks", () => {
    const ys = Array.from({ length: 101 }, (_, i) => 100 - i); // 0..100, unsorted
    expect(percentile(ys, 2.5)).toBeCloseTo(2.5, 12);
    expect(percentile(ys, 97.5)).toBeCloseTo(97.5, 12);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([10, 20], 0)).toBe(10);
    expect(percentile([10, 20], 100)).toBe(20);
    expect(percentile([7], 97.5)).toBe(7);
    const s = summarise([0, 10]);
    expect(s.p025).toBeCloseTo(0.25, 12);
    expect(s.p975).toBeCloseTo(9.75, 12);
    expect(s.n).toBe(2);
  });

  it("summarises a policy: conflict rate, % of par, mean T by year", () => {
    const g = (i: number, T: number, conflict: boolean, tByYear: number[]) => ({
      policy: "p",
      index: i,
      seed: `s:p:${i}`,
      finalT: T,
      finalC: 50,
      conflict,
      percentOfPar: { us: 100 + i, russia: 50 },
      tByYear,
    });
    const s = summarisePolicy(
      "p",
      "P",
      [g(0, 60, false, [50, 55, 60]), g(1, 90, true, [70, 90])],
      ["us", "russia"],
      3,
    );
    expect(s.conflict.mean).toBe(0.5);
    expect(s.percentOfPar).toEqual({ us: 100.5, russia: 50 });
    // the conflict game keeps its last T in the year it did not play
    expect(s.meanTByYear).toEqual([60, 72.5, 75]);
    expect(s.finalT.mean).toBe(75);
  });
});

describe("mixed bots", () => {
  it("draw each state's strategy from the seed (the same every time) and seat companies for profit", () => {
    const sc = loadScenario("crew-dragon-2020");
    const drawn = new Map<string, number>();
    for (let i = 0; i < 300; i++) {
      const s = drawStrategy(sc, "us", `lab:mixed:${i}`);
      expect(drawStrategy(sc, "us", `lab:mixed:${i}`)).toBe(s);
      drawn.set(s, (drawn.get(s) ?? 0) + 1);
      expect(drawStrategy(sc, "spacex", `lab:mixed:${i}`)).toBe("profit");
    }
    expect([...drawn.keys()].sort()).toEqual(["liberal", "opportunist", "realist"]);
    for (const n of drawn.values()) expect(n).toBeGreaterThan(60);
  });
});

describe("balance study arithmetic", () => {
  const g = (i: number, extra: Partial<GameResult>): GameResult => ({
    policy: "p",
    index: i,
    seed: `s:p:${i}`,
    finalT: 50,
    finalC: 50,
    conflict: false,
    percentOfPar: {},
    tByYear: [],
    ...extra,
  });

  it("gives each role's share of games topping the ranking", () => {
    const games = ["us", "us", "russia", "uae"].map((r, i) => g(i, { topRole: r }));
    expect(topShares(games, ["us", "russia", "spacex", "uae"])).toEqual({
      us: 0.5,
      russia: 0.25,
      spacex: 0,
      uae: 0.25,
    });
  });

  it("finds the leader after year 2 by cumulative % of par, and how often it wins", () => {
    const reports = [
      { scores: { us: 10, russia: 12, uae: 6 } },
      { scores: { us: 10, russia: 12, uae: 6 } },
      { scores: { us: 100, russia: 0, uae: 0 } },
    ];
    // us 20/(14·2) = 71 %, russia 24/28 = 86 %, uae 12/(8·2) = 75 %
    expect(leaderAfter(reports, { us: 14, russia: 14, uae: 8 }, ["us", "russia", "uae"])).toBe(
      "russia",
    );
    // by par, not by raw score: uae 12/(4·2) = 150 %
    expect(leaderAfter(reports, { us: 14, russia: 14, uae: 4 }, ["us", "russia", "uae"])).toBe(
      "uae",
    );
    // ties go to the earlier seat; fewer than two years: no leader
    expect(leaderAfter(reports, { us: 12, russia: 14.4, uae: 8 }, ["us", "russia", "uae"])).toBe(
      "us",
    );
    expect(leaderAfter(reports.slice(0, 1), { us: 14, russia: 14, uae: 8 }, ["us"])).toBeNull();
    const h = leaderHolds([
      g(0, { leaderAfter2: "us", topRole: "us" }),
      g(1, { leaderAfter2: "us", topRole: "russia" }),
      g(2, { leaderAfter2: "russia", topRole: "russia" }),
      g(3, { leaderAfter2: null, topRole: "us" }),
    ]);
    expect(h.n).toBe(3);
    expect(h.share).toBeCloseTo(2 / 3, 12);
  });

  it("gives a role's mean score over the games that seated it", () => {
    const a = [g(0, { scores: { us: 40 } }), g(1, { scores: { us: 60 } }), g(2, {})];
    expect(meanScore(a, "us")).toBe(50);
  });

  it("adds up the term and order kinds over chunks", () => {
    const parts: (KindCounts | undefined)[] = [
      { termKinds: { seatSale: 2 }, orderKinds: { diversion: 1 } },
      { termKinds: { seatSale: 1, pledge: 1 }, orderKinds: {} },
      undefined,
    ];
    expect(countKinds(parts, "termKinds")).toEqual({ seatSale: 3, pledge: 1 });
    expect(countKinds(parts, "orderKinds")).toEqual({ diversion: 1 });
  });

  it("turns the events off: only cards without effects can be drawn, in a real game too", () => {
    const sc = loadScenario("crew-dragon-2020");
    const off = eventsOff(sc);
    // the scenario's own deck (left as it was) has live cards with effects: the test would see them
    const withEffects = sc.deck
      .filter((c) => c.weight > 0 && c.effects.length > 0)
      .map((c) => c.id);
    expect(withEffects.length).toBeGreaterThan(0);
    // every card is kept (a facilitator may still inject one), none with an effect is drawable
    for (const c of sc.deck) expect(off.deck.map((x) => x.id)).toContain(c.id);
    const live = off.deck.filter((c) => c.weight > 0);
    expect(live.length).toBeGreaterThan(0);
    for (const c of live) {
      expect(c.effects).toEqual([]);
      expect(c.onlyWhenFundingBelow).toBeNull(); // always eligible: a year never lacks a card
    }
    for (let i = 0; i < 5; i++) {
      const r = playGame(off, `events-off:${i}`, { seats: defaultSeats(off) });
      expect(r.state.reports.length).toBeGreaterThan(0);
      for (const rep of r.state.reports) {
        for (const e of rep.events) expect(withEffects).not.toContain(e.id);
        expect(rep.events.filter((e) => live.some((c) => c.id === e.id))).toHaveLength(1);
        expect(rep.tensionTerms.filter((t) => t.cause === "event")).toEqual([]);
      }
    }
  });
});

describe("probe bots", () => {
  const stub: Policy = {
    name: "stub",
    orders: () => ({ diversion: 10, touristSeats: 1 }),
    offers: () => [],
    accepts: () => false,
    crisis: () => "deescalate",
    stance: () => "link",
  };

  it("withOrders merges the fixed orders over the base's wishes", () => {
    const ctx = {} as Ctx;
    expect(withOrders(stub, { diversion: 25 }).orders(ctx)).toEqual({
      diversion: 25,
      touristSeats: 1,
    });
    expect(withOrders(stub, () => ({ acceptInspection: true })).orders(ctx)).toEqual({
      diversion: 10,
      touristSeats: 1,
      acceptInspection: true,
    });
    expect(withOrders(stub, {}, "named").name).toBe("named");
  });

  it("a probe holds its order every year in a real game (inspection makes the estimate exact)", () => {
    const sc = loadScenario("crew-dragon-2020");
    const seats = defaultSeats(sc);
    for (const [name, diversion] of [
      ["realist+diversion25+inspect", 25],
      ["realist+diversion0+inspect", 0],
    ] as const) {
      const bots = Object.fromEntries(
        seats.map((s) => [s.role, BOTS[defaultStrategy(sc, s.role)] as Bot]),
      );
      const r = playGame(sc, `probe-test:${name}`, {
        seats,
        bots: { ...bots, russia: PROBE_BOTS[name] as Bot },
      });
      expect(r.rejections.filter((x) => x.seat === "russia")).toEqual([]);
      expect(r.state.reports.length).toBeGreaterThan(0);
      for (const rep of r.state.reports) expect(rep.diversionEstimate.russia).toBe(diversion);
    }
    expect(PROBE_NAMES).toContain("profit+flights1");
  });
});

describe("lab report", () => {
  it("escapes every text it puts in HTML", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;",
    );
    const meta: LabMeta = {
      study: "essay",
      seed: "<b>seed</b>",
      scenarioId: "x",
      scenarioName: "<script>alert(1)</script>",
      gamesPerPolicy: 1,
      years: [2020],
      mix: "default",
      overrides: [],
      roles: ["us"],
    };
    const row = summarisePolicy(
      "p",
      "<img src=x onerror=alert(1)>",
      [
        {
          policy: "p",
          index: 0,
          seed: "s",
          finalT: 50,
          finalC: 50,
          conflict: false,
          percentOfPar: { us: 100 },
          tByYear: [50],
        },
      ],
      ["us"],
      1,
    );
    const html = renderHtml(meta, [row], "table <i>text</i>");
    expect(html).not.toMatch(/<script|<img|<b>seed|<i>text/);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });
});

describe("npm run lab", () => {
  const tmp = mkdtempSync(path.join(tmpdir(), "lab-test-"));
  const out1 = path.join(tmp, "w1");
  const out2 = path.join(tmp, "w2");
  const evilName = `<script>alert("x")</script> & <img src="https://example.com/x.png">`;
  let w1: Run;
  let w2: Run;
  let evil: Run;
  let badStrategy: Run;
  let badRole: Run;
  let b1: Run;
  let b2: Run;
  const outB1 = path.join(tmp, "b1");
  const outB2 = path.join(tmp, "b2");

  beforeAll(async () => {
    const sc = JSON.parse(
      readFileSync(path.join(ROOT, "assets", "scenarios", "crew-dragon-2020.json"), "utf8"),
    );
    sc.name = evilName;
    const evilPath = path.join(tmp, "evil.json");
    writeFileSync(evilPath, JSON.stringify(sc));
    const small = ["--study", "essay", "--games", "6", "--years", "2"];
    const balance = ["--study", "balance", "--games", "4", "--years", "3"];
    [w1, w2, evil, badStrategy, badRole, b1, b2] = await Promise.all([
      lab(...small, "--workers", "1", "--out", out1),
      lab(...small, "--workers", "2", "--out", out2),
      lab(
        ...["--study", "none", "--scenario", evilPath, "--games", "2", "--years", "1"],
        ...["--workers", "1", "--seed", "<x>", "--out", path.join(tmp, "evil")],
      ),
      lab("--policy", "russia=nobody", "--games", "1"),
      lab("--policy", "mars=liberal", "--games", "1"),
      lab(...balance, "--workers", "1", "--out", outB1),
      lab(...balance, "--workers", "2", "--out", outB2),
    ]);
  }, 120_000);

  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it("prints the seed first, then the same table for one and two workers", () => {
    expect(w1.code, w1.stderr).toBe(0);
    expect(w2.code, w2.stderr).toBe(0);
    expect(w1.stdout.split("\n")[0]).toBe("seed: lab");
    expect(w1.stdout).toBe(w2.stdout);
    for (const name of ESSAY_NAMES)
      for (const n of [1, 3]) {
        expect(w1.stdout).toContain(`\n${name} / ${n} emerging `);
        expect(w1.stdout).toContain(`\n${name} / ${n} emerging / no triangle `);
      }
    // mixed bots by default, and the paired block under the table
    expect(w1.stdout).toMatch(/other seats: mixed bots/);
    expect(w1.stdout).toMatch(/Paired with the status quo on the same seeds/);
    expect(w1.stdout).toMatch(
      /\ncutTies \/ 3 emerging \/ no triangle +\d+\.\d % +[\d.]+–[\d.]+ +\d+\.\d % +\d+\.\d % +\d+\.\d %\n/,
    );
    expect(w1.stdout).toMatch(/95% CI/);
    expect(w1.stdout).toMatch(/2\.5–97\.5 pct/);
    expect(w1.stdout).toMatch(/conflict %/);
    // non-TTY stderr: no progress bar, but a final line
    expect(w1.stderr).toMatch(/^lab: 96 games \(16 policies × 6\)/m);
  });

  it("writes the CSV (one row per game) and the same files for any worker count", () => {
    const csv1 = readFileSync(path.join(out1, "lab-essay-lab.csv"), "utf8");
    const csv2 = readFileSync(path.join(out2, "lab-essay-lab.csv"), "utf8");
    expect(csv1).toBe(csv2);
    const lines = csv1.trim().split("\n");
    expect(lines[0]).toMatch(
      /^policy,game,seed,final_T,final_C,conflict,pct_par_us,.*T_2020,T_2021$/,
    );
    expect(lines).toHaveLength(1 + 16 * 6);
    // every row of a nation count plays the same seeds: the pairs are game by game
    expect(lines[1]).toMatch(/^statusQuo \/ 1 emerging,0,lab:essay@1:0,/);
    expect(lines[1 + 2 * 6]).toMatch(/^cutTies \/ 1 emerging,0,lab:essay@1:0,/);
  });

  it("writes a self-contained HTML report with inline SVG charts", () => {
    const html = readFileSync(path.join(out1, "lab-essay-lab.html"), "utf8");
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("<title>");
    expect(html).toContain("<svg");
    expect(html).toContain("<polyline");
    expect(html).toContain("subsidise / 3 emerging / no triangle");
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html.trimEnd().endsWith("</html>")).toBe(true);
  });

  it("escapes user-controlled text such as the scenario name and the seed", () => {
    expect(evil.code, evil.stderr).toBe(0);
    const file = path.join(tmp, "evil", "lab-none-_x_.html");
    expect(existsSync(file)).toBe(true);
    const html = readFileSync(file, "utf8");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img");
    expect(html).toContain("&lt;x&gt;");
    expect(html).not.toMatch(/<script|<img|<x>/);
    expect(html).not.toMatch(/src="https?:/);
  });

  it("runs the balance study: nine target blocks and the summary, the same for any worker count", () => {
    expect(b1.code, b1.stderr).toBe(0);
    expect(b2.code, b2.stderr).toBe(0);
    expect(b1.stdout).toBe(b2.stdout);
    const titles = [
      "No dominant seat",
      "Tension moves in a band",
      "Conflict happens, but not usually",
      "Events off: status quo vs cutting ties, and diversion",
      "Not decided early",
      "Every term kind and every order is used",
      "Real decisions",
      "Aggression does not pay by itself",
      "The unlikely path stays unlikely",
    ];
    for (const [i, title] of titles.entries())
      expect(b1.stdout).toMatch(new RegExp(`^\\[${i + 1}\\] ${title} — (PASS|FAIL)$`, "m"));
    expect(b1.stdout).toMatch(/\nbalance: [0-9] of 9 targets met\n$/);
    for (const row of [
      "equal: default mix",
      "equal: all-realist",
      "events off: cutTies, 25 % diversion",
      "decision us: cutTies",
      "decision russia: mixed+diversion=25",
      "decision uae: mixed+rideWith=spacex",
      "decision boeing: profit+readinessMode=rush",
      "aggression: russia realist+diversion=50+firm",
      "unlikely path: russia mixed+extraCrew=2",
      "swapsOnly / 3 emerging / no triangle",
    ])
      expect(b1.stdout).toContain(`\n${row} `);
    // each target prints its figure
    expect(b1.stdout).toMatch(/essay rows' means of final T span [\d.]+ T/);
    expect(b1.stdout).toMatch(
      /us +buy the rival's seats or not: statusQuo wins [\d.]+ %, cutTies wins [\d.]+ %.*effect [\d.]+ %/,
    );
    expect(b1.stdout).toMatch(
      /russia mean score: realist -?[\d.]+, realist\+diversion=50\+firm -?[\d.]+/,
    );
    expect(b1.stdout).toMatch(/extra cosmonauts score less in [\d.]+ % of 4 pairs/);
    const csv1 = readFileSync(path.join(outB1, "lab-balance-lab.csv"), "utf8");
    expect(csv1).toBe(readFileSync(path.join(outB2, "lab-balance-lab.csv"), "utf8"));
    const lines = csv1.trim().split("\n");
    expect(lines[0]).toMatch(/,T_2022,start_T,top_role,leader_after_2,score_us,.*,score_boeing$/);
    expect(b1.stderr).toMatch(/^lab: 152 games \(38 policies × 4\)/m);
    const html = readFileSync(path.join(outB1, "lab-balance-lab.html"), "utf8");
    expect(html).toContain("balance: ");
  });

  it("refuses unknown strategies and roles with exit code 2", () => {
    expect(badStrategy.code).toBe(2);
    expect(badStrategy.stderr).toMatch(/unknown strategy "nobody"/);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toMatch(/unknown role "mars"/);
  });
});

describe("essay policy bots", () => {
  const sc = loadScenario("crew-dragon-2020");
  const seats = defaultSeats(sc);
  const mix = (all?: string): Record<string, Bot> =>
    Object.fromEntries(seats.map((s) => [s.role, BOTS[all ?? defaultStrategy(sc, s.role)] as Bot]));

  function play(name: keyof typeof ESSAY_BOTS, games: number, all?: string) {
    const totals = { rejections: 0, usOnSoyuz: 0, boughtSoyuz: 0, triangle: 0, swaps: 0 };
    for (let i = 0; i < games; i++) {
      const r = playGame(sc, `essay-test:${name}:${i}`, {
        seats,
        bots: { ...mix(all), us: ESSAY_BOTS[name] },
      });
      expect(r.state.phase).toBe("ended");
      totals.rejections += r.rejections.filter((x) => x.seat === "us").length;
      for (const rep of r.state.reports) {
        totals.triangle += rep.triangleSeats;
        // the first year's Soyuz seat was bought before the game starts
        if (rep.year === sc.startYear) continue;
        for (const f of rep.flown) {
          if (f.crew !== "us" || f.vehicle !== "russia") continue;
          totals.usOnSoyuz++;
          if (f.payers.length === 0) totals.swaps++;
          else totals.boughtSoyuz++;
        }
      }
    }
    return totals;
  }

  it.each(ESSAY_NAMES)("%s plays 20 games with zero rejections of its own", (name) => {
    const t = play(name, 20);
    expect(t.rejections).toBe(0);
    if (name === "statusQuo") expect(t.boughtSoyuz).toBeGreaterThan(0);
    else expect(t.boughtSoyuz).toBe(0);
    if (name === "cutTies") expect(t.usOnSoyuz).toBe(0);
    if (name === "subsidise") {
      expect(t.usOnSoyuz).toBe(0);
      expect(t.triangle).toBeGreaterThan(0);
    }
    if (name !== "subsidise") expect(t.triangle).toBe(0);
  });

  it("swapsOnly swaps seats with a Russia that accepts swaps, buying no Soyuz seat", () => {
    const t = play("swapsOnly", 10, "liberal");
    expect(t.rejections).toBe(0);
    expect(t.swaps).toBeGreaterThan(0);
    expect(t.boughtSoyuz).toBe(0);
  });
});
