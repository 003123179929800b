/**
 * createGame: a scenario, a seed and the seats at the table make a game in its lobby.
 */
import type { Scenario } from "../scenario/schema.ts";
import { LIMITS } from "./limits.ts";
import { baseOrders } from "./orders.ts";
import { nextInt, seedState } from "./random.ts";
import type { Deal, GameConfig, GameState, Member, Rejection, RoleId, SeatState } from "./types.ts";
import { own, reject } from "./util.ts";

export interface SeatSetup {
  role: RoleId;
  controller?: "human" | "bot";
  members?: Member[];
  captain?: string | null;
}

export interface GameOptions {
  preset?: string;
  years?: number;
  briefingSeconds?: number;
  negotiationSeconds?: number;
  firstNegotiationSeconds?: number;
  commitSeconds?: number;
  crisisSeconds?: number;
  facilitatorReadsChat?: boolean;
}

/** The roles a table plays when it does not say: every required role and the optional ones included by default. */
export function defaultSeats(scenario: Scenario): SeatSetup[] {
  return Object.entries(scenario.roles)
    .filter(([, r]) => !r.optional || r.defaultIncluded)
    .map(([role]) => ({ role, controller: "bot" as const }));
}

function newSeat(scenario: Scenario, setup: SeatSetup): SeatState {
  const spec = scenario.roles[setup.role];
  if (!spec) throw new Error(`unknown role ${setup.role}`);
  const members: Record<string, Member> = {};
  for (const m of setup.members ?? []) members[m.id] = { id: m.id, name: m.name };
  return {
    role: setup.role,
    controller: setup.controller ?? "bot",
    members,
    captain: setup.captain ?? null,
    ready: false,
    committed: false,
    ordersTouched: false,
    cash: spec.startingCash,
    pool: 0,
    orders: baseOrders(spec),
    score: 0,
    scoreByYear: [],
    priority: null,
    covertUndetected: 0,
    capability: spec.startCapability,
    yearStartCapability: spec.startCapability,
    prestige: spec.startPrestige,
    reputation: spec.startReputation,
    security: 0,
    readiness: spec.vehicle?.startReadiness ?? 0,
    flights: spec.vehicle ? (spec.vehicle.fixedFlights ?? spec.vehicle.startFlights) : 0,
    nextFlights: 0,
    fundedFlights: 0,
    covertSales: 0,
    covertDetected: 0,
    brokenPledges: 0,
    failedDeals: 0,
    lowFundingStreak: 0,
    partners: [],
    vehiclesFlown: [],
    astronautsFlown: 0,
    firstFlightYear: null,
    highestPricePaid: 0,
    stance: "",
    crisisChoice: "",
  };
}

/**
 * Creates a game in its lobby. `seats` lists the roles at the table (required
 * roles are added as bots when missing); the seed is kept secret in the state.
 */
export function createGame(
  scenario: Scenario,
  seed: string,
  seats: SeatSetup[] = defaultSeats(scenario),
  options: GameOptions = {},
): { ok: true; state: GameState } | Rejection {
  const presetName = options.preset ?? scenario.defaultPreset;
  const preset = own(scenario.presets, presetName);
  if (!preset) return reject("ERR_BAD_ACTION", `no preset "${presetName}" in ${scenario.name}`);
  const seen = new Set<string>();
  for (const s of seats) {
    if (!own(scenario.roles, s.role))
      return reject("ERR_UNKNOWN_SEAT", `no role "${s.role}" in ${scenario.name}`);
    if (seen.has(s.role)) return reject("ERR_BAD_ACTION", `role "${s.role}" is listed twice`);
    seen.add(s.role);
  }
  const all = [...seats];
  for (const [role, spec] of Object.entries(scenario.roles)) {
    if (!spec.optional && !seen.has(role)) all.push({ role, controller: "bot" });
  }
  // table order follows the scenario so every view lists seats the same way
  const order = Object.keys(scenario.roles).filter((r) => all.some((s) => s.role === r));
  const years = options.years ?? preset.years;
  if (!Number.isInteger(years) || years < 1 || years > LIMITS.gameYears)
    return reject("ERR_BAD_ACTION", `a game lasts 1 to ${LIMITS.gameYears} years`);
  const config: GameConfig = {
    preset: presetName,
    years,
    briefingSeconds: options.briefingSeconds ?? preset.briefingSeconds,
    negotiationSeconds: options.negotiationSeconds ?? preset.negotiationSeconds,
    firstNegotiationSeconds:
      options.firstNegotiationSeconds ??
      options.negotiationSeconds ??
      preset.firstNegotiationSeconds,
    commitSeconds: options.commitSeconds ?? preset.commitSeconds,
    crisisSeconds: options.crisisSeconds ?? preset.crisisSeconds,
    facilitatorReadsChat: options.facilitatorReadsChat ?? false,
  };
  const rng = seedState(seed);
  const seatStates: Record<string, SeatState> = {};
  for (const role of order) {
    const setup = all.find((s) => s.role === role) as SeatSetup;
    seatStates[role] = newSeat(scenario, setup);
  }
  // secret priorities: drawn without replacement while cards last
  const pool = [...scenario.priorities];
  for (const role of order) {
    if (!scenario.roles[role]?.drawsPriority || scenario.priorities.length === 0) continue;
    if (pool.length === 0) pool.push(...scenario.priorities);
    const card = pool.splice(nextInt(rng, 0, pool.length - 1), 1)[0] ?? null;
    (seatStates[role] as SeatState).priority = card;
  }
  const deals: Record<string, Deal> = {};
  let seq = 0;
  for (const d of scenario.startingDeals) {
    if (!seatStates[d.provider] || !seatStates[d.buyer]) continue;
    seq++;
    const id = `d${seq}`;
    deals[id] = {
      id,
      seq,
      fromProposal: false,
      parties: [d.provider, d.buyer],
      terms: [
        { kind: "seatSale", provider: d.provider, buyer: d.buyer, seats: d.seats, price: d.price },
      ],
      years: 1,
      startYear: scenario.startYear,
      yearsDone: 0,
      status: "active",
      prepaid: d.prepaid,
      results: {},
      voidTerms: [],
    };
  }
  const state: GameState = {
    scenario,
    config,
    seed,
    rng,
    year: scenario.startYear,
    phase: "lobby",
    deadline: null,
    paused: false,
    pausedRemaining: 0,
    seats: seatStates,
    order,
    proposals: {},
    deals,
    chat: [],
    market: [],
    events: [],
    ledger: [],
    trustRecords: [],
    tension: scenario.startTension,
    cooperation: 0,
    reports: [],
    pending: null,
    proposalOrder: [],
    counters: { proposal: 0, deal: seq, byParties: {}, chat: {}, sent: {} },
    outcome: null,
  };
  return { ok: true, state };
}

/** The last year the game plays. */
export function lastYear(s: GameState): number {
  return s.scenario.startYear + s.config.years - 1;
}
