/**
 * The text report of `npm run sim`: a pure function from a played game to a
 * string. Year by year: events, flights, deals, money, cooperation C with its
 * terms, tension T as a waterfall of named causes, crises and scores; then the
 * outcome (audit, peace dividend, final scores, % of par, ranking, verdicts).
 * Deterministic: no clock, no locale, no randomness.
 */
import type { PlayResult } from "../shared/bots/play.ts";
import { tensionWaterfall } from "../shared/rules/tension.ts";
import type { Deal, GameState, RoleId, Term, YearReport } from "../shared/rules/types.ts";
import { pairRoles } from "../shared/rules/util.ts";
import type { Scenario } from "../shared/scenario/schema.ts";
import {
  cooperationText,
  crisisOutcomeText,
  scenarioNames,
  scoreText,
  tensionText,
  verdictText,
} from "../shared/text/details.ts";

export interface SimReportOptions {
  /** The bot that played every seat, for the header. */
  botName?: string;
}

const RULE = "=".repeat(72);

/** "+5.30" / "-1.96" / "+0.00". */
function signed(x: number): string {
  const v = Math.round(x * 100) / 100;
  return `${v < 0 ? "-" : "+"}${Math.abs(v).toFixed(2)}`;
}

/** Two decimals without a sign. */
function fixed(x: number): string {
  const v = Math.round(x * 100) / 100;
  return (Object.is(v, -0) ? 0 : v).toFixed(2);
}

/** Money: whole numbers plain, otherwise two decimals. */
function money(x: number): string {
  const v = Math.round(x * 100) / 100;
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function padRight(s: string, n: number): string {
  return s.length >= n ? s : s + " ".repeat(n - s.length);
}

function padLeft(s: string, n: number): string {
  return s.length >= n ? s : " ".repeat(n - s.length) + s;
}

/** Formats the played game as a readable report. */
export function formatSimReport(result: PlayResult, opts: SimReportOptions = {}): string {
  const s = result.state;
  const sc = s.scenario;
  const short = (r: string): string => {
    if (r === "market") return "market";
    if (r === "outside") return "outside";
    return sc.roles[r]?.short ?? r;
  };
  const lines: string[] = [];
  const out = (line = "") => lines.push(line);

  // ---------------------------------------------------------------- header
  const first = sc.startYear;
  const last = first + s.config.years - 1;
  out(`Orbital Ties simulation: ${sc.name} (${sc.id})`);
  out(
    `Seed ${result.setup.seed}, preset ${s.config.preset}, ${plural(s.config.years, "year")} (${first}-${last}), ${opts.botName ?? "bot"} in every seat`,
  );
  out(
    `Seats: ${s.order.map((r) => `${short(r)} = ${sc.roles[r]?.name ?? r} (${sc.roles[r]?.archetype ?? "?"})`).join("; ")}`,
  );
  const [r0, r1] = sc.rivalPair;
  out(`Rival pair: ${short(r0)} and ${short(r1)}. Tension starts at ${fixed(sc.startTension)}.`);
  const saving = homeRideSaving(sc);
  if (saving)
    out(
      `Saving per seat when ${short(saving.buyer)} moves from ${saving.from.vehicle} to ${saving.to.vehicle} (scenario list prices): ${money(saving.from.price)} -> ${money(saving.to.price)} = ${money(saving.perSeat)} a seat, ${money(saving.perSeat * saving.seats)} a year for ${plural(saving.seats, "seat")}`,
    );
  for (const role of s.order) {
    const p = s.seats[role]?.priority;
    if (p) out(`Secret priority of ${short(role)}: ${p.text} (${p.points} points)`);
  }

  const totals: Record<RoleId, number> = {};
  for (const r of s.order) totals[r] = 0;
  for (const report of s.reports) {
    out();
    out(RULE);
    out(`${report.year}`);
    out(RULE);
    yearSection(s, report, short, out, totals);
  }

  // ---------------------------------------------------------------- outcome
  out();
  out(RULE);
  out("Outcome");
  out(RULE);
  const o = s.outcome;
  if (!o) {
    out("The game did not end.");
    return `${lines.join("\n")}\n`;
  }
  const played = s.reports.length;
  const endYear = s.reports[played - 1]?.year ?? first;
  out(
    o.conflict
      ? `CONFLICT: the crisis of ${endYear} escalated; every score is halved.`
      : o.reason === "ended"
        ? `The game was ended early after ${plural(played, "year")}: no conflict.`
        : `The game ran its ${plural(played, "year")} (${first}-${endYear}): no conflict.`,
  );
  const undetected = s.order.reduce((n, r) => n + (s.seats[r]?.covertUndetected ?? 0), 0);
  out(
    `Audit: ${plural(undetected, "undetected covert sale")} revealed, ${signed(o.auditTension)} T; final tension ${fixed(o.finalTension)}`,
  );
  out(`Peace dividend: ${fixed(o.peaceDividend)} points to every seat`);
  out();
  out("Final scores");
  out(
    `  ${padRight("rank", 6)}${padRight("seat", 8)}${padLeft("score", 9)}${padLeft("% of par", 11)}`,
  );
  o.ranking.forEach((role, i) => {
    out(
      `  ${padRight(String(i + 1), 6)}${padRight(short(role), 8)}${padLeft(fixed(o.finalScores[role] ?? 0), 9)}${padLeft(`${fixed(o.percentOfPar[role] ?? 0)} %`, 11)}`,
    );
  });
  for (const role of s.order) {
    const st = s.seats[role];
    const p = st?.priority;
    if (!st || !p) continue;
    // the priority's points are in the final score when met: compare with the yearly sum
    const base = (totals[role] ?? 0) + o.peaceDividend;
    const factor = o.conflict ? sc.scoring.conflictFactor : 1;
    const final = o.finalScores[role] ?? 0;
    const met =
      Math.abs(final - (base + p.points) * factor) < Math.abs(final - base * factor) - 1e-9;
    out(`  ${short(role)}'s secret priority "${p.text}": ${met ? "met" : "not met"}`);
  }
  out(`Ranking: ${o.ranking.map(short).join(" > ")}`);
  out(`Conflict: ${o.conflict ? "yes" : "no"}`);
  out();
  out("Verdicts");
  const verdicts = verdictText(o.verdicts, scenarioNames(sc));
  out(`  Liberal: ${verdicts.liberal}`);
  out(`  Realist: ${verdicts.realist}`);
  out(`  Market:  ${verdicts.market}`);
  return `${lines.join("\n")}\n`;
}

function yearSection(
  s: GameState,
  r: YearReport,
  short: (r: string) => string,
  out: (line?: string) => void,
  totals: Record<RoleId, number>,
): void {
  const sc = s.scenario;
  const year = r.year;
  const names = scenarioNames(sc);

  // events
  if (r.events.length === 0) out("Event: none");
  for (const e of r.events) out(`Event: ${e.title}${e.injected ? " (injected)" : ""} - ${e.note}`);
  const stances = Object.entries(r.stance);
  if (stances.length > 0) {
    const linked = stances.some(([, v]) => v === "link");
    out(
      `Crisis on Earth: ${stances.map(([role, v]) => `${short(role)} ${v}`).join(", ")}; ${
        linked ? "space deals between the rivals are void this year" : "space goes on"
      }`,
    );
  }

  // flights
  out("Flights");
  const vehicles = s.order.filter((role) => sc.roles[role]?.vehicle);
  for (const v of vehicles) {
    const spec = sc.roles[v]?.vehicle;
    if (!spec) continue;
    const flown = r.flown.filter((f) => f.vehicle === v);
    const cap = r.capacity[v] ?? 0;
    const groups = new Map<string, number>();
    for (const f of flown) {
      const via = f.crew !== "market" && f.providedBy !== v ? ` via ${short(f.providedBy)}` : "";
      const key = `${short(f.crew)}${via}`;
      groups.set(key, (groups.get(key) ?? 0) + 1);
    }
    const crews = [...groups.entries()].map(([k, n]) => `${k} x${n}`).join(", ");
    const ready = spec.readinessNeeded === 0 || cap > 0 ? "" : " (not ready)";
    out(
      `  ${padRight(`${spec.name} (${short(v)})`, 24)} ${flown.length} of ${plural(cap, "seat")}${ready}${crews ? `: ${crews}` : ""}`,
    );
  }
  const outside = r.marketSales.filter(
    (m) => !vehicles.some((v) => sc.roles[v]?.vehicle?.name === m.vehicle),
  );
  for (const m of outside) out(`  ${padRight(m.vehicle, 24)} 1 seat: market`);
  const buyers = r.marketSales.length;
  out(
    `Market: ${plural(buyers, "seat")} sold${buyers ? ` (${r.marketSales.map((m) => `${m.vehicle} at ${money(m.price)}`).join(", ")})` : ""}`,
  );

  // deals
  const cancelled = Object.values(s.deals).filter((d) =>
    (d.results[String(year)] ?? "").startsWith("cancelled"),
  );
  if (r.dealResults.length === 0 && cancelled.length === 0) out("Deals: none");
  else out("Deals");
  for (const dr of r.dealResults) {
    const d = s.deals[dr.deal];
    const what = d ? describeDeal(d, year, short) : dr.deal;
    const fault = dr.fault ? ` (fault: ${short(dr.fault)})` : "";
    out(`  ${what}`);
    out(`    -> ${dr.result}${fault}`);
  }
  for (const d of cancelled) {
    out(`  ${describeDeal(d, year, short)}`);
    out(`    -> ${d.results[String(year)]}`);
  }
  if (r.pledges.length > 0) {
    out("Pledges and contract conditions");
    for (const p of r.pledges)
      out(`  ${short(p.by)}: "${p.text}" (${p.deal}): ${p.kept ? "kept" : "BROKEN"}`);
  }

  // money
  out("Money between seats");
  const flows = Object.entries(r.moneyFlows).sort(([a], [b]) => pairOrder(s, a) - pairOrder(s, b));
  if (flows.length === 0) out("  none");
  for (const [key, amount] of flows) {
    const [from, to] = pairRoles(key);
    out(`  ${padRight(`${short(from)} -> ${short(to)}`, 20)} ${padLeft(money(amount), 8)}`);
  }
  const market: Record<string, number> = {};
  for (const t of r.transfers)
    if (t.from === "source:market") market[t.to] = (market[t.to] ?? 0) + t.amount;
  for (const role of s.order) {
    const m = market[role];
    if (m) out(`  ${padRight(`market -> ${short(role)}`, 20)} ${padLeft(money(m), 8)}`);
  }
  for (const [role, est] of Object.entries(r.diversionEstimate)) {
    const civil = r.civilFunding[role];
    const base = sc.roles[role]?.budgetBase ?? 0;
    const civilText =
      civil !== undefined && base > 0
        ? `; civil funding ${money(civil)} (${Math.round((100 * civil) / base)} % of base)`
        : "";
    out(`Published diversion estimate: ${short(role)} ${est} %${civilText}`);
  }
  // the rival with a vehicle lives partly on selling rides: how much of its budget is foreign money
  for (const [role, income] of Object.entries(r.foreignIncome ?? {})) {
    const base = sc.roles[role]?.budgetBase ?? 0;
    if (base > 0 && sc.rivalPair.includes(role) && sc.roles[role]?.vehicle)
      out(
        `Foreign civil income: ${short(role)} ${money(income)} (${fixed((100 * income) / base)} % of its ${money(base)} budget)`,
      );
  }
  for (const role of r.covertDetected) out(`Covert know-how sale by ${short(role)} detected`);
  if (r.brainDrain) out(`Brain drain: ${short(sc.brainDrain.role)}'s engineers leave`);

  // cooperation
  out(`Cooperation C = ${fixed(r.cooperation)}`);
  for (const t of r.cooperationTerms)
    out(`  ${padLeft(signed(t.amount), 7)}  ${cooperationText(t.detail, names)}`);

  // tension waterfall
  out(`Tension ${fixed(r.tensionBefore)} -> ${fixed(r.tension)}`);
  // the engine's own waterfall (shared/rules/tension.ts): its clamping and rounding
  const { lines: waterfall, beforeCrisis } = tensionWaterfall(r);
  for (const line of waterfall) {
    if (line.kind === "start") out(`  ${padLeft(fixed(line.running), 7)}  start`);
    else if (line.kind === "term")
      out(`  ${padLeft(signed(line.term.amount), 7)}  ${tensionText(line.term.detail, names)}`);
    else if (line.kind === "clamp") out(`  ${padLeft(signed(line.amount), 7)}  clamped to 0-100`);
    else if (line.kind === "rounding") out(`  ${padLeft(signed(line.amount), 7)}  rounding`);
    else out(`  ${padLeft(fixed(line.running), 7)}  end`);
  }

  // crisis
  if (r.crisis) {
    const choices = Object.entries(r.crisis.choices)
      .map(([role, c]) => `${short(role)} ${c === "firm" ? "firm" : "de-escalate"}`)
      .join(", ");
    out(
      `Crisis (tension ${fixed(beforeCrisis)} >= ${fixed(sc.crisis.threshold)}): ${choices}: ${crisisOutcomeText(r.crisis.outcome, names)}${r.crisis.escalation ? " -- CONFLICT" : ""}`,
    );
  }

  // the seats' own rides this year: what the buyer paid on each vehicle
  const saving = homeRideSaving(sc);
  if (saving) {
    const paid = new Map<string, { n: number; sum: number }>();
    for (const f of r.flown) {
      if (f.crew !== saving.buyer || f.vehicle === saving.buyer) continue;
      const x = paid.get(f.vehicle) ?? { n: 0, sum: 0 };
      paid.set(f.vehicle, { n: x.n + 1, sum: x.sum + f.price });
    }
    if (paid.size > 0)
      out(
        `${short(saving.buyer)}'s crew seats: ${[...paid.entries()].map(([v, x]) => `${x.n} on ${sc.roles[v]?.vehicle?.name ?? v} at ${money(x.sum / x.n)} each`).join(", ")}`,
      );
  }

  // scores, each with its named terms
  out("Scores (each seat's named score terms)");
  for (const role of s.order) {
    const pts = r.scores[role];
    if (pts === undefined) continue;
    totals[role] = (totals[role] ?? 0) + pts;
    out(
      `  ${padRight(short(role), 8)}${padLeft(signed(pts), 7)}  (total ${fixed(totals[role] ?? 0)})`,
    );
    for (const t of r.scoreTerms[role] ?? [])
      out(`    ${padLeft(signed(t.amount), 7)}  ${scoreText(t.detail, names)}`);
  }
}

/**
 * What the rival pair's vehicle-less state saves on each crew seat when it
 * moves from the rival's vehicle to its first home provider's, at the
 * scenario's list prices (crew-dragon-2020: Soyuz 90 -> Dragon 55). Null
 * when the scenario has no such pair.
 */
export function homeRideSaving(sc: Scenario): {
  buyer: RoleId;
  from: { role: RoleId; vehicle: string; price: number };
  to: { role: RoleId; vehicle: string; price: number };
  perSeat: number;
  seats: number;
} | null {
  const buyer = sc.rivalPair.find((r) => sc.roles[r] && !sc.roles[r]?.vehicle);
  const rival = sc.rivalPair.find((r) => r !== buyer);
  if (!buyer || !rival) return null;
  const home = Object.entries(sc.roles).find(
    ([, x]) => x.homeState === buyer && x.vehicle && x.vehicle.readinessNeeded === 0,
  );
  const rivalSpec = sc.roles[rival];
  if (!home || !rivalSpec?.vehicle) return null;
  const price = (role: RoleId) => Number(sc.roles[role]?.defaultOrders.listPrice ?? 0);
  const from = { role: rival, vehicle: rivalSpec.vehicle.name, price: price(rival) };
  const to = { role: home[0], vehicle: home[1].vehicle?.name ?? home[0], price: price(home[0]) };
  return {
    buyer,
    from,
    to,
    perSeat: from.price - to.price,
    seats: sc.roles[buyer]?.crewNeed ?? 0,
  };
}

/** Sorts "a>b" money flows by the table order of payer, then payee. */
function pairOrder(s: GameState, key: string): number {
  const [a, b] = pairRoles(key);
  const n = s.order.length + 1;
  const ia = s.order.indexOf(a);
  const ib = s.order.indexOf(b);
  return (ia < 0 ? n : ia) * n + (ib < 0 ? n : ib);
}

function describeDeal(d: Deal, year: number, short: (r: string) => string): string {
  const span =
    d.years > 1 ? `, year ${year - d.startYear + 1} of ${d.years}` : d.prepaid ? ", prepaid" : "";
  const terms = d.terms
    .map((t, i) => `${describeTerm(t, short)}${d.voidTerms.includes(i) ? " [void]" : ""}`)
    .join("; ");
  return `${d.id} (${d.parties.map(short).join(", ")}${span}): ${terms}`;
}

/** One line per term, as a player would read it. */
export function describeTerm(t: Term, short: (r: string) => string): string {
  switch (t.kind) {
    case "seatSale":
      return `${short(t.provider)} sells ${short(t.buyer)} ${plural(t.seats, "seat")} at ${money(t.price)}`;
    case "seatSwap":
      return `${short(t.a)} and ${short(t.b)} swap ${plural(t.seats, "seat")}`;
    case "subsidy":
      return `${short(t.payer)} subsidises ${short(t.beneficiary)}'s seats by ${money(t.perSeat)} each`;
    case "contract": {
      const c = t.condition;
      const cond =
        c === null
          ? ""
          : c.kind === "minFlights"
            ? ` if at least ${plural(c.flights, "flight")} next year`
            : c.kind === "noSeatsTo"
              ? ` if no seats go to ${short(c.role)}`
              : ` if the list price stays at most ${money(c.price)}`;
      return `${short(t.state)} gives ${short(t.company)} a contract worth ${money(t.value)}${cond}`;
    }
    case "techTransfer":
      return `${short(t.provider)} passes ${t.points} capability to ${short(t.recipient)} for ${money(t.price)}`;
    case "pledge": {
      const c = t.check;
      const check = c ? ` [checked: ${c.order} ${c.op} ${String(c.value)}]` : " [words only]";
      return `${short(t.by)} pledges "${t.text}"${check}`;
    }
  }
}
