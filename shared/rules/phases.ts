/**
 * The phase machine: which phase follows which, deadlines from the game's
 * timers, the start of a year (budgets, event card, market) and its end.
 */
import { decideCrisis, resetCrisisChoices } from "./crisis.ts";
import { PHASE_TABLE, phaseSeconds } from "./phaseTable.ts";
import { nextInt, pickWeighted } from "./random.ts";
import { proposalsThisYear } from "./records.ts";
import { emptyReport, resolveYear } from "./resolve.ts";
import { finishGame, scoreYear } from "./scoring.ts";
import { lastYear } from "./setup.ts";
import type { GameEvent, GameState, Outcome, Phase, YearReport } from "./types.ts";
import { transfer } from "./util.ts";

function enter(s: GameState, phase: Phase, at: number, events: GameEvent[]): void {
  s.phase = phase;
  for (const r of s.order) {
    const st = s.seats[r];
    if (st) st.ready = false;
  }
  const ms = phaseSeconds(s, phase) * 1000;
  if (s.paused) {
    s.deadline = null;
    s.pausedRemaining = ms;
  } else {
    s.deadline = phase === "ended" || phase === "lobby" ? null : at + ms;
  }
  events.push({ type: "phaseChanged", phase, year: s.year });
}

/** Draws this year's card from the cards eligible now. */
function drawCard(s: GameState) {
  const bd = s.scenario.brainDrain;
  const base = s.scenario.roles[bd.role]?.budgetBase ?? 0;
  const last = s.reports[s.reports.length - 1];
  const funding = last?.civilFunding[bd.role];
  const share = base > 0 && funding !== undefined ? funding / base : 1;
  const eligible = s.scenario.deck.filter(
    (c) =>
      c.onlyWhenFundingBelow === null ||
      (s.seats[bd.role] !== undefined && share < c.onlyWhenFundingBelow),
  );
  return pickWeighted(s.rng, eligible, (c) => c.weight);
}

/** Adds a card's market buyers to the public list. */
export function addCardBuyers(s: GameState, card: GameState["events"][number]["card"]): void {
  for (const e of card.effects) {
    if (e.kind !== "marketBuyers") continue;
    for (const maxPrice of e.maxPrices)
      s.market.push({ id: `b${s.year}-${s.market.length + 1}`, maxPrice });
  }
}

/**
 * Starts a year: reset the seats' yearly flags, mark the capability the year's gain counts
 * from, credit budgets, set flights, draw the card and the market.
 */
export function beginYear(s: GameState, year: number, at: number, events: GameEvent[]): void {
  const sc = s.scenario;
  s.year = year;
  s.events = [];
  s.market = [];
  resetCrisisChoices(s);
  for (const r of s.order) {
    const st = s.seats[r];
    const spec = sc.roles[r];
    if (!st || !spec) continue;
    st.committed = false;
    st.ordersTouched = false;
    st.stance = "";
    st.yearStartCapability = st.capability;
    if (spec.budgetBase > 0) transfer(s, "source:budget", r, spec.budgetBase, "yearly budget");
    if (spec.vehicle && year > sc.startYear) {
      st.flights = (spec.vehicle.fixedFlights ?? st.nextFlights) + st.fundedFlights;
      st.fundedFlights = 0;
    }
  }
  const card = drawCard(s);
  if (card) {
    s.events.push({ card, injected: false });
    addCardBuyers(s, card);
  }
  const m = sc.market;
  const n = nextInt(s.rng, m.minBuyers, m.maxBuyers);
  for (let i = 0; i < n; i++) {
    const price =
      Math.round(nextInt(s.rng, m.minPrice, m.maxPrice) / m.priceRounding) * m.priceRounding;
    s.market.push({ id: `b${year}-${s.market.length + 1}`, maxPrice: price });
  }
  enter(s, "briefing", at, events);
}

/** Ends the game with an outcome and closes everything still open. */
export function endGame(
  s: GameState,
  reason: Outcome["reason"],
  at: number,
  events: GameEvent[],
): void {
  for (const p of proposalsThisYear(s)) {
    if (p.status !== "open") continue;
    p.status = "expired";
    events.push({ type: "proposalExpired", proposal: p.id, parties: [...p.parties] });
  }
  s.outcome = finishGame(s, reason);
  enter(s, "ended", at, events);
  events.push({ type: "gameOver", reason, conflict: s.outcome.conflict });
}

/** Step 9: score the year, log it, and go on to the next year or the end. */
function finishYear(s: GameState, at: number, events: GameEvent[], escalation: boolean): void {
  const report = s.pending ?? emptyReport(s.year, s.tension);
  scoreYear(s, report);
  s.reports.push(report);
  s.pending = null;
  events.push({ type: "yearResolved", year: s.year });
  if (escalation) endGame(s, "conflict", at, events);
  else if (s.year >= lastYear(s)) endGame(s, "completed", at, events);
  else beginYear(s, s.year + 1, at, events);
}

/** Expires the proposals still open when negotiation ends. */
function expireOpen(s: GameState, events: GameEvent[]): void {
  for (const p of proposalsThisYear(s)) {
    if (p.status === "open") {
      p.status = "expired";
      events.push({ type: "proposalExpired", proposal: p.id, parties: [...p.parties] });
    }
  }
}

/**
 * Leaves the current phase for the one the phase table names next (on a timeout, a skip, or
 * when the phase ended early): what leaving does (open proposals expire, the crisis is
 * decided), then the next phase, the year's resolution, or the year's end.
 */
export function advance(s: GameState, at: number, events: GameEvent[]): void {
  const next = PHASE_TABLE[s.phase].next;
  if (next === null) return;
  const exit = next(s);
  let escalation = false;
  if (s.phase === "negotiation") expireOpen(s, events);
  if (s.phase === "crisis")
    escalation = decideCrisis(s, s.pending ?? emptyReport(s.year, s.tension), events);
  switch (exit) {
    case "negotiation":
    case "commit":
      enter(s, exit, at, events);
      return;
    case "resolution":
      resolve(s, at, events);
      return;
    case "yearEnd":
      finishYear(s, at, events, escalation);
      return;
  }
}

function resolve(s: GameState, at: number, events: GameEvent[]): void {
  for (const r of s.order) {
    const st = s.seats[r];
    if (st) st.committed = true;
  }
  const crisis = resolveYear(s);
  if (s.pending) resolutionEvents(s, s.pending, events);
  if (crisis) {
    enter(s, "crisis", at, events);
    events.push({ type: "crisisStarted", year: s.year });
    return;
  }
  finishYear(s, at, events, false);
}

/**
 * The public events of a year's resolution, read from its report (deals failed, pledges and
 * contract conditions checked, covert sales detected): all of it is public in every view.
 */
function resolutionEvents(s: GameState, r: YearReport, events: GameEvent[]): void {
  for (const d of r.dealResults) {
    // a deal result has a party at fault exactly when the deal failed
    if (d.fault === null) continue;
    events.push({
      type: "dealFailed",
      deal: d.deal,
      year: r.year,
      parties: [...(s.deals[d.deal]?.parties ?? [])],
      fault: d.fault,
      reason: d.result.replace(/^failed: /, ""),
    });
  }
  for (const p of r.pledges)
    events.push({
      type: "pledgeChecked",
      deal: p.deal,
      year: r.year,
      by: p.by,
      text: p.text,
      kept: p.kept,
    });
  for (const seat of r.covertDetected)
    events.push({ type: "covertSaleDetected", year: r.year, seat });
}
