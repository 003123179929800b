/**
 * The engine's term details, crisis outcomes and verdicts as English sentences. The engine
 * writes data (shared/rules/details.ts); this says it. It lives in shared/ because three
 * programs say the same sentences: the client (through client/src/text/details.ts, its one
 * door to them), the server's JSON export and the sim report of tools/. Each Record is
 * exhaustive: a cause added to a detail union without a sentence here fails typecheck.
 */
import type {
  CooperationDetail,
  CrisisOutcome,
  DependenceWhy,
  ScoreDetail,
  TensionDetail,
  Verdicts,
} from "../rules/details.ts";

/** How a sentence names what the engine names by id: a role's short name, an event's title. */
export interface Names {
  role: (id: string) => string;
  event: (id: string) => string;
}

/** The noun for a count: "pledge" for 1, "pledges" for any other number. */
export const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);
/** "1 pledge", "2 pledges": a count and its noun. */
export const count = (n: number, one: string, many: string) => `${n} ${plural(n, one, many)}`;

type Say<D extends { cause: string }> = {
  [C in D["cause"]]: (d: Extract<D, { cause: C }>, n: Names) => string;
};

const round = (x: number) => Math.round(x);

export const CRISIS_OUTCOME_TEXT: {
  [K in CrisisOutcome["kind"]]: (o: Extract<CrisisOutcome, { kind: K }>, n: Names) => string;
} = {
  bothDeescalated: () => "both sides de-escalated",
  escalated: () => "both sides stood firm: the crisis escalated into conflict",
  passed: () => "both sides stood firm; the crisis passed",
  oneFirm: (o, n) => `${n.role(o.firm)} stood firm, ${n.role(o.soft)} de-escalated`,
};

/** How a crisis ended, as a clause ("both sides de-escalated"). */
export function crisisOutcomeText(o: CrisisOutcome, n: Names): string {
  const say = CRISIS_OUTCOME_TEXT[o.kind] as (o: CrisisOutcome, n: Names) => string;
  return say(o, n);
}

/** What each score term counted, as a short phrase ("2 of 3 home providers flew your crew"). */
export const SCORE_TEXT: Say<ScoreDetail> = {
  crewMet: (d) =>
    d.flown < d.need
      ? `${d.flown} of ${d.need} crew flown (ISS gap ${d.need - d.flown})`
      : d.need === 1
        ? "your 1 crew member flown"
        : `all ${d.need} crew flown`,
  moneySaved: (d) => `${d.percent} % of the budget saved`,
  lowVulnerability: (d) => `vulnerability ${d.vulnerability.toFixed(2)}`,
  homeProviders: (d) =>
    `${d.flying} of ${count(d.of, "home provider", "home providers")} flew your crew`,
  lowTension: (d) => `tension ${round(d.tension)}`,
  civilFunding: (d) =>
    `civil funding ${round(d.funding)} of target ${round(d.target)} (${d.target > 0 ? round((100 * d.funding) / d.target) : 0} %)`,
  crewsFlown: (d) => `${count(d.crew, "astronaut", "astronauts")} flown on your vehicle`,
  security: (d) => `+${d.gained} security`,
  prestige: (d) => `prestige ${d.prestige}`,
  profit: (d) => `profit ${round(d.profit)}`,
  seatShare: (d) => `${d.mine} of ${count(d.all, "seat", "seats")} flown`,
  reputation: (d) => `reputation ${d.reputation}`,
  astronautsFlown: (d) =>
    d.counted < d.flown
      ? `${d.flown} astronauts flown (points for ${d.counted}, your ambition a year)`
      : `${count(d.flown, "astronaut", "astronauts")} flown`,
  singleProvider: (d, n) => `${n.role(d.company)} flew ${d.percent} % of ${n.role(d.role)} crew`,
  capabilityGained: (d) => `+${d.gained} capability`,
  newPartners: (d) => count(d.partners, "new partner", "new partners"),
  brokenPledges: (d) => `${count(d.pledges, "pledge", "pledges")} broken`,
  failedDeals: (d) => `${count(d.deals, "deal", "deals")} failed through your fault`,
  crisis: (d, n) =>
    d.part === "leverage"
      ? `exposed to ${n.role(d.over)}'s leverage`
      : d.part === "firm"
        ? "stood firm in the crisis"
        : "backed down in the crisis",
};

const WHY: Record<DependenceWhy, string> = {
  nobody: "(nobody is exposed)",
  rideAndLifeboat: "for the ride and the lifeboat",
  money: "for money",
  crewSeats: "for crew seats",
};

/** What each tension term counted, as a short phrase. */
export const TENSION_TEXT: Say<TensionDetail> = {
  drift: () => "tension drifts back toward its history",
  vulnerability: (d, n) => `${n.role(d.exposed)} depends on ${n.role(d.over)} ${WHY[d.why]}`,
  diversion: (d, n) =>
    `${n.role(d.role)} diverted ~${d.percent} % to the military (${d.inspected ? "inspected" : "published estimate"})`,
  moneyToMilitary: (d, n) => `what ${n.role(d.payer)} pays ${n.role(d.role)} may fund its military`,
  incomeLoss: (d, n) =>
    `${n.role(d.role)}'s civil programme lost ${round(d.lost)} of foreign income`,
  sanctions: (d, n) => `${n.role(d.by)} sanctions level ${d.level}`,
  reducedRole: (d, n) => `${n.role(d.role)} reduced its ISS role`,
  failedDeals: (d) => count(d.deals, "failed deal", "failed deals"),
  cooperation: () => "cooperation restrains tension",
  event: (d, n) => n.event(d.event),
  lifeboatExposure: () => "ISS emergency: crews exposed without a lifeboat of their own",
  crisisOnEarth: (d, n) =>
    `${n.event(d.event)}: ${d.linked ? "space deals linked and suspended" : "space compartmentalised"}`,
  covert: (d, n) => `${n.role(d.role)}'s covert know-how sale detected`,
  brainDrain: (d, n) => `brain drain from ${n.role(d.role)}'s starved civil programme`,
  crisis: (d, n) => `crisis: ${crisisOutcomeText(d.outcome, n)}`,
};

/** What each cooperation term counted, as a short phrase. */
export const COOPERATION_TEXT: Say<CooperationDetail> = {
  rivalMutual: (d, n) => `${n.role(d.a)}–${n.role(d.b)} interdependence`,
  otherMutual: () => "interdependence among other states",
  triangle: (d) =>
    count(d.seats, "multilateral (triangle) seat flown", "multilateral (triangle) seats flown"),
  trust: (d) => `trust: ${d.percent} % of deals and pledges kept`,
};

function say<D extends { cause: string }>(table: Say<D>, d: D, n: Names): string {
  // the Record is exhaustive over the union; a cause from elsewhere (a newer server) is named as is
  const f = Object.hasOwn(table, d.cause)
    ? (table[d.cause as D["cause"]] as (d: D, n: Names) => string)
    : null;
  return f ? f(d, n) : d.cause;
}

/** A score term's detail as a phrase. */
export const scoreText = (d: ScoreDetail, n: Names) => say(SCORE_TEXT, d, n);
/** A tension term's detail as a phrase. */
export const tensionText = (d: TensionDetail, n: Names) => say(TENSION_TEXT, d, n);
/** A cooperation term's detail as a phrase. */
export const cooperationText = (d: CooperationDetail, n: Names) => say(COOPERATION_TEXT, d, n);

const LIBERAL_END: Record<Verdicts["liberal"]["level"], [restrained: string, not: string]> = {
  held: [
    "interdependence held the rivals together",
    "the rivals stayed interdependent, but it did not restrain tension",
  ],
  thin: ["ties were thin, and tension stayed in check", "ties were thin, and tension ran high"],
  apart: [
    "the world drifted apart, though tension stayed in check",
    "the world drifted apart and tension ran high",
  ],
};

/** The three verdicts as sentences (each a full sentence, ending in a full stop). */
export function verdictText(
  v: Verdicts,
  n: Names,
): { liberal: string; realist: string; market: string } {
  const l = v.liberal;
  const after = l.crises > 0 ? ` after ${count(l.crises, "crisis", "crises")}` : "";
  const liberal = `Cooperation ended at ${l.cooperation}/100 with ${count(l.triangleSeats, "multilateral seat", "multilateral seats")} flown and ${l.trustPercent} % of deals and pledges kept, and tension at ${l.tension}${after}: ${LIBERAL_END[l.level][l.restrained ? 0 : 1]}.`;
  const r = v.realist;
  const exposed = r.exposed
    ? `${n.role(r.exposed.role)} ended exposed to ${n.role(r.exposed.to)} (V ${r.exposed.vulnerability.toFixed(2)})`
    : "Neither rival ended exposed to the other";
  const diversion = r.diversion
    ? `; ${n.role(r.diversion.role)} diverted about ${r.diversion.percent} % a year to the military (published estimates)`
    : "";
  const m = v.market;
  const market = `Seats sold for ${m.averagePrice} on average, ${count(m.providers, "provider", "providers")} flew others' crews, and the largest (${m.largest === null ? "none" : n.role(m.largest)}) flew ${m.sharePercent} % of them${m.monopoly ? ": a monopoly risk" : ""}.`;
  return { liberal, realist: `${exposed}${diversion}.`, market };
}

/** Names from a scenario's roles and event cards (ids it does not know stay as they are). */
export function scenarioNames(scenario: {
  roles: Record<string, { short: string }>;
  deck: readonly { id: string; title: string }[];
}): Names {
  const events = new Map(scenario.deck.map((e) => [e.id, e.title]));
  return {
    role: (id) => (Object.hasOwn(scenario.roles, id) ? scenario.roles[id]?.short : undefined) ?? id,
    event: (id) => events.get(id) ?? id,
  };
}
