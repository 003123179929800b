/**
 * Property tests: whole games of random-legal play keep the engine's
 * invariants (money, bounds, finiteness, replay, determinism, hidden information).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type PlayResult, playGame } from "../../shared/bots/play.ts";
import { randomLegalBot } from "../../shared/bots/randomLegal.ts";
import { newChatId } from "../../shared/rules/records.ts";
import { replay } from "../../shared/rules/replay.ts";
import type { GameState, Orders, RoleId } from "../../shared/rules/types.ts";
import { copyJson } from "../../shared/rules/util.ts";
import { playerView, type Viewer } from "../../shared/rules/view.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import {
  badValues,
  boundsProblems,
  CREW_DRAGON,
  json,
  MINI,
  MINI_SEATS,
  moneyProblems,
  playMemo,
  secretKeys,
  snapshots,
} from "./helpers.ts";

// fixed runner seeds make each property reproducible and let the properties share played games
const RUNS = { mini: 40, crew: 4, hidden: 12, hiddenCrew: 2 };
const params = (numRuns: number) => ({ numRuns, seed: 20200530, endOnFailure: true });

const miniSeed = fc.string({ minLength: 0, maxLength: 12 }).map((x) => `mini:${x}`);
const crewSeed = fc.integer({ min: 0, max: 1_000_000 }).map((n) => `crew:${n}`);

type Case = { scenario: Scenario; result: PlayResult };
const mini = (seed: string): Case => ({
  scenario: MINI,
  result: playMemo(MINI, seed, MINI_SEATS),
});
const crew = (seed: string): Case => ({
  scenario: CREW_DRAGON,
  result: playMemo(CREW_DRAGON, seed),
});

/** Runs a check over mini games and a few crew-dragon-2020 games. */
function forGames(name: string, check: (c: Case) => void, timeout = 60_000) {
  it(
    `${name} (mini fixture)`,
    () => {
      fc.assert(
        fc.property(miniSeed, (seed) => check(mini(seed))),
        params(RUNS.mini),
      );
    },
    timeout,
  );
  it(
    `${name} (crew-dragon-2020)`,
    () => {
      fc.assert(
        fc.property(crewSeed, (seed) => check(crew(seed))),
        params(RUNS.crew),
      );
    },
    timeout,
  );
}

describe("random-legal play", () => {
  forGames("never throws and always ends", ({ result }) => {
    expect(result.state.phase).toBe("ended");
    expect(result.state.outcome).not.toBeNull();
  });

  forGames(
    "conserves money; every transfer names its accounts, a reason and a positive amount",
    ({ result }) => {
      expect(moneyProblems(result.state)).toEqual([]);
      // the same holds for the money recorded in the reports
      for (const r of result.state.reports)
        expect(r.transfers.every((t) => t.amount > 0)).toBe(true);
    },
  );

  forGames("keeps C and T in [0, 100] in every report and the final state", ({ result }) => {
    expect(boundsProblems(result.state)).toEqual([]);
  });

  forGames("leaves no NaN, Infinity, undefined or non-JSON value in the state", ({ result }) => {
    expect(badValues(result.state)).toEqual([]);
  });

  forGames("scores each year as the sum of its score terms, and nothing else", ({ result }) => {
    for (const r of result.state.reports)
      for (const [role, terms] of Object.entries(r.scoreTerms)) {
        // each term is rounded to cents on its own, the score once
        const sum = terms.reduce((a, t) => a + t.amount, 0);
        const slack = 0.005 * (terms.length + 1);
        expect(Math.abs(sum - (r.scores[role] ?? 0)), `${role} in ${r.year}`).toBeLessThan(slack);
      }
  });

  forGames(
    "replays from a JSON round-trip of its log to the identical state",
    ({ scenario, result }) => {
      const { seed, seats, options } = result.setup;
      const log = JSON.parse(JSON.stringify(result.log));
      const again = replay(scenario, seed, seats, options, log);
      expect(json(again)).toEqual(json(result.state));
    },
  );

  forGames(
    "is deterministic: same scenario and seed give the same game",
    ({ scenario, result }) => {
      const { seed, seats } = result.setup;
      const twice = playGame(scenario, seed, {
        defaultBot: randomLegalBot,
        ...(seats.length ? { seats } : {}),
      });
      expect(JSON.stringify(twice.state)).toBe(JSON.stringify(result.state));
      expect(JSON.stringify(twice.log)).toBe(JSON.stringify(result.log));
    },
  );
});

// ---------------------------------------------------------------- hidden information

const SECRET = "SECRET-SEED-xyz";

/** A copy of the state where `role`'s private data differs, including what it says and proposes away from `viewer`. */
function perturb(s: GameState, role: RoleId, viewer: RoleId | null): GameState {
  const out = copyJson(s);
  const st = out.seats[role];
  if (!st) throw new Error(`no seat ${role}`);
  st.cash += 12_345.67;
  const o = st.orders;
  const orders: Orders = {
    ...o,
    sanctions: o.sanctions === 1 ? 2 : 1,
    sanctionsCarveOut: !o.sanctionsCarveOut,
    crewFunding: o.crewFunding === "" ? "secret-co" : "",
    subsidyPool: o.subsidyPool + 5,
    diversion: o.diversion === 25 ? 50 : 25,
    touristSeats: o.touristSeats + 1,
    covertSale: !o.covertSale,
    roleLevel: o.roleLevel === "full" ? "reduced" : "full",
    extraCrew: o.extraCrew + 1,
    acceptInspection: !o.acceptInspection,
    flightsNextYear: o.flightsNextYear + 1,
    // listPrice is public: the market sees it
    privateSeats: o.privateSeats + 1,
    programmeInvestment: o.programmeInvestment + 10,
    readinessMode: o.readinessMode === "test" ? "rush" : "test",
  };
  st.orders = orders;
  st.ordersTouched = !st.ordersTouched;
  st.priority = {
    id: "secret-priority",
    text: "A secret",
    points: 99,
    check: { kind: "astronautsAtLeast", count: 9 },
  } as GameState["seats"][string]["priority"];
  st.covertUndetected += 1;
  st.covertSales += 1;
  st.score += 7;
  st.scoreByYear = [...st.scoreByYear, 7];
  st.security += 1;
  st.crisisChoice = st.crisisChoice === "firm" ? "deescalate" : "firm";
  // its private channels and proposals that the viewer is not in
  const hidden = (parties: string[]) => viewer === null || !parties.includes(viewer);
  for (const m of out.chat)
    if (m.channel[0] !== "*" && m.channel.includes(role) && hidden(m.channel))
      m.text = `${m.text} (secret)`;
  const third = out.order.find((r) => r !== role && r !== viewer);
  if (third) {
    out.chat.push({
      id: newChatId(out, [role, third].sort()),
      year: out.year,
      from: role,
      member: "bot",
      channel: [role, third].sort(),
      text: "a secret message",
      at: 0,
    });
  }
  for (const p of Object.values(out.proposals))
    if (p.parties.includes(role) && hidden(p.parties)) p.note = `${p.note} (secret)`;
  return out;
}

function viewText(s: GameState, v: Viewer): string {
  return JSON.stringify(playerView(s, v));
}

function expectSameView(a: GameState, b: GameState, v: Viewer, why: string): void {
  const x = viewText(a, v);
  const y = viewText(b, v);
  if (x !== y) expect(JSON.parse(y), why).toEqual(JSON.parse(x));
}

/** Checks one state: perturbing any seat's private data leaves every other viewer's view unchanged. */
function checkHidden(s: GameState, seed: string): void {
  const seats = s.order;
  const viewers: Viewer[] = [
    ...seats.map((seat) => ({ kind: "seat" as const, seat })),
    { kind: "spectator" },
    { kind: "facilitator" },
  ];
  const rngText = JSON.stringify(s.rng);
  for (const v of viewers) {
    const view = playerView(s, v);
    const text = JSON.stringify(view);
    expect(text.includes(seed), `${JSON.stringify(v)} view contains the seed`).toBe(false);
    expect(text.includes(rngText), `${JSON.stringify(v)} view contains the rng state`).toBe(false);
    expect(secretKeys(view), `${JSON.stringify(v)} view has seed/rng keys`).toEqual([]);
    if (v.kind === "facilitator") {
      if (!s.config.facilitatorReadsChat)
        expect(view.chat.every((m) => m.channel[0] === "*")).toBe(true);
      continue;
    }
    const me = v.kind === "seat" ? v.seat : null;
    const over = s.phase === "ended";
    for (const r of [...view.reports, ...(view.pending ? [view.pending] : [])]) {
      for (const t of r.transfers) {
        // undetected covert income and the true diversion stay with their seat
        if (t.from === "source:covert")
          expect(t.to === me || r.covertDetected.includes(t.to), `covert sale of ${t.to}`).toBe(
            true,
          );
        if (t.to === "sink:military") expect(t.from, "diversion shown").toBe(me);
      }
      const mine = (keys: string[]) => keys.every((k) => k === me);
      if (!over) {
        expect(mine(Object.keys(r.civilFunding)), `civil funding in ${r.year}`).toBe(true);
        expect(mine(Object.keys(r.scores)), `scores in ${r.year}`).toBe(true);
        expect(mine(Object.keys(r.scoreTerms)), `score terms in ${r.year}`).toBe(true);
      }
    }
    expect(Object.keys(view.private)).toEqual(me ? [me] : []);
    for (const p of Object.values(view.proposals))
      expect(me !== null && p.parties.includes(me), `proposal ${p.id} shown to ${me}`).toBe(true);
    for (const m of view.chat)
      expect(
        m.channel[0] === "*" || (me !== null && m.channel.includes(me)),
        `chat ${m.id} on [${m.channel}] shown to ${me ?? "spectator"}`,
      ).toBe(true);
  }
  for (const role of seats) {
    for (const other of seats) {
      if (other === role) continue;
      const changed = perturb(s, role, other);
      expectSameView(
        s,
        changed,
        { kind: "seat", seat: other },
        `${other} sees ${role}'s private data (${s.phase} ${s.year})`,
      );
    }
    const changed = perturb(s, role, null);
    expectSameView(
      s,
      changed,
      { kind: "spectator" },
      `a spectator sees ${role}'s private data (${s.phase} ${s.year})`,
    );
    // the perturbation is real: the seat itself sees it
    expect(viewText(changed, { kind: "seat", seat: role })).not.toBe(
      viewText(s, { kind: "seat", seat: role }),
    );
  }
}

/** Action indices to look at: some random ones, the first crisis choice, the first commit phase, the end. */
function pickIndices(result: PlayResult, picks: number[]): number[] {
  const n = result.log.length;
  const out = new Set(picks.map((p) => p % n));
  const crisis = result.log.findIndex((a) => a.type === "crisisChoice");
  if (crisis >= 0) out.add(crisis);
  const commit = result.log.findIndex(
    (a) => a.type === "phaseTimeout" && a.phase === "negotiation",
  );
  if (commit >= 0) out.add(commit);
  out.add(n - 1);
  return [...out].sort((a, b) => a - b);
}

describe("hidden information", () => {
  const picks = fc.array(fc.nat(), { minLength: 3, maxLength: 6 });

  it("no view leaks the seed, the rng or another seat's private data (mini fixture)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), picks, (suffix, ps) => {
        const seed = `${SECRET}-${suffix}`;
        const result = playMemo(MINI, seed, MINI_SEATS);
        for (const s of snapshots(MINI, result, pickIndices(result, ps))) checkHidden(s, seed);
      }),
      params(RUNS.hidden),
    );
  }, 60_000);

  it("no view leaks the seed, the rng or another seat's private data (crew-dragon-2020)", () => {
    fc.assert(
      fc.property(fc.nat(), picks, (n, ps) => {
        const seed = `${SECRET}-${n}`;
        const result = playMemo(CREW_DRAGON, seed);
        for (const s of snapshots(CREW_DRAGON, result, pickIndices(result, ps)))
          checkHidden(s, seed);
      }),
      params(RUNS.hiddenCrew),
    );
  }, 60_000);
});
