/** The working data of one resolution (kept out of the state), the empty report, and small helpers every step uses. */
import type { GameState, RoleId, TensionTerm, YearReport } from "../types.ts";

/** Working data of one resolution; kept out of the state. */
export interface Work {
  report: YearReport;
  capLoss: Record<RoleId, number>;
  seatsLeft: Record<RoleId, number>;
  rescue: Record<RoleId, RoleId>;
  linked: boolean;
  lifeboatExposure: number;
  outsideOffers: { name: string; seats: number; price: number; appeal: number }[];
  budgetDelta: Record<RoleId, number>;
  sanctionsLoss: Record<RoleId, number>;
  failedDeals: number;
  tensionTerms: TensionTerm[];
  crewNeed: Record<RoleId, number>;
  reducedRole: RoleId[];
  ledgerStart: number;
}

export function emptyReport(year: number, tension: number): YearReport {
  return {
    year,
    events: [],
    capacity: {},
    flown: [],
    dealResults: [],
    transfers: [],
    moneyFlows: {},
    dependence: {},
    mutual: {},
    vulnerability: {},
    triangleSeats: 0,
    trust: 1,
    cooperation: 0,
    cooperationTerms: [],
    tensionBefore: tension,
    tension,
    tensionTerms: [],
    diversionEstimate: {},
    civilFunding: {},
    foreignIncome: {},
    pledges: [],
    covertDetected: [],
    brainDrain: false,
    stance: {},
    crisis: null,
    scores: {},
    scoreTerms: {},
    marketSales: [],
  };
}

export const present = (s: GameState) => s.order;
export const has = (s: GameState, role: string) => Object.hasOwn(s.seats, role);
export const short = (s: GameState, role: string) => s.scenario.roles[role]?.short ?? role;

/** The rival that the Realist diversion terms watch: the first member of the pair with a diversion order. */
export function watchedRival(s: GameState): RoleId | null {
  return (
    s.scenario.rivalPair.find(
      (r) => s.scenario.roles[r]?.orders.includes("diversion") && has(s, r),
    ) ?? null
  );
}

/** A fresh working record for the year being resolved. */
export function newWork(s: GameState): Work {
  const w: Work = {
    report: emptyReport(s.year, s.tension),
    capLoss: {},
    seatsLeft: {},
    rescue: {},
    linked: false,
    lifeboatExposure: 0,
    outsideOffers: [],
    budgetDelta: {},
    sanctionsLoss: {},
    failedDeals: 0,
    tensionTerms: [],
    crewNeed: {},
    reducedRole: [],
    ledgerStart: s.ledger.length,
  };
  // the year's budget was credited at its start; include it in this year's transfers
  w.ledgerStart = s.ledger.findIndex((t) => t.year === s.year);
  if (w.ledgerStart < 0) w.ledgerStart = s.ledger.length;

  return w;
}
