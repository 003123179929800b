/**
 * Checking a proposal's terms against the rules. Pure and shared: the engine
 * uses it to accept a proposal, the view helpers to preview one.
 */
import { type Scenario, TERM_KINDS, type TermKind } from "../scenario/schema.ts";
import { LIMITS } from "./limits.ts";
import { PLEDGE_ORDERS, type RejectionCode, type RoleId, type Term } from "./types.ts";

type Problem = { code: RejectionCode; detail: string };

const MAX_TERMS = LIMITS.terms;
const MAX_TEXT = LIMITS.noteText;

function isInt(x: unknown, min: number, max: number): x is number {
  return typeof x === "number" && Number.isInteger(x) && x >= min && x <= max;
}
function isMoney(x: unknown, max: number): x is number {
  return typeof x === "number" && Number.isFinite(x) && x >= 0 && x <= max;
}

// Who may take each side of a term (GAME.md, "Terms"). checkProposal rejects a term whose
// sides break these; the random bot asks them before it builds a term; termKindsBetween
// answers the client's question of what two roles may agree.

/** Sells seats: has a vehicle of its own. */
export function sellsSeats(scenario: Scenario, role: RoleId): boolean {
  return Boolean(scenario.roles[role]?.vehicle);
}
/** Flies crews (buys and swaps seats, gives contracts): a state. */
export function isStateRole(scenario: Scenario, role: RoleId): boolean {
  return scenario.roles[role]?.archetype === "state";
}
/** Takes contracts: a company. */
export function isCompanyRole(scenario: Scenario, role: RoleId): boolean {
  return scenario.roles[role]?.archetype === "company";
}
/** May be subsidised: a state without human spaceflight of its own. */
export function subsidisable(scenario: Scenario, role: RoleId): boolean {
  const r = scenario.roles[role];
  return r?.archetype === "state" && !r.humanSpaceflight;
}

/**
 * The term kinds `a` and `b` may agree between the two of them, either way round (a subsidy
 * also needs a seller: it is listed when one of the two may be subsidised and a third may pay).
 */
export function termKindsBetween(scenario: Scenario, a: RoleId, b: RoleId): TermKind[] {
  const either = (f: (x: RoleId, y: RoleId) => boolean) => f(a, b) || f(b, a);
  const out: TermKind[] = [];
  if (either((p, q) => sellsSeats(scenario, p) && isStateRole(scenario, q))) out.push("seatSale");
  if (isStateRole(scenario, a) && isStateRole(scenario, b)) out.push("seatSwap");
  if (either((p, q) => subsidisable(scenario, q) && p !== q)) out.push("subsidy");
  if (either((p, q) => isStateRole(scenario, p) && isCompanyRole(scenario, q)))
    out.push("contract");
  out.push("techTransfer", "pledge");
  return out;
}

/** The roles a term binds. */
export function termRoles(t: Term): RoleId[] {
  switch (t.kind) {
    case "seatSale":
      return [t.provider, t.buyer];
    case "seatSwap":
      return [t.a, t.b];
    case "subsidy":
      return [t.payer, t.beneficiary];
    case "contract":
      return [t.state, t.company];
    case "techTransfer":
      return [t.provider, t.recipient];
    case "pledge":
      return [t.by];
  }
}

/** Money one year of these terms moves, for cancellation penalties and previews. */
export function termsValuePerYear(scenario: Scenario, terms: readonly Term[]): number {
  let v = 0;
  for (const t of terms) {
    if (t.kind === "seatSale") v += t.seats * t.price;
    else if (t.kind === "seatSwap") v += t.seats * scenario.prices.swapSeatValue;
    else if (t.kind === "contract") v += t.value;
    else if (t.kind === "techTransfer") v += t.price;
    // a subsidy is part of the purchase it covers: counting it again would double the value
  }
  return v;
}

/** What cancelling a deal now costs the canceller: a share of its remaining value. */
export function cancellationPenalty(
  scenario: Scenario,
  deal: { terms: readonly Term[]; years: number; yearsDone: number },
): number {
  const remaining = deal.years - deal.yearsDone;
  return (
    Math.round(
      termsValuePerYear(scenario, deal.terms) *
        remaining *
        scenario.prices.cancelPenaltyShare *
        100,
    ) / 100
  );
}

/**
 * Checks a proposal: parties, every term's fields, and the cross-term rules
 * (subsidies need a purchase by the beneficiary in the same proposal).
 * `present` lists the roles at this table.
 */
export function checkProposal(
  scenario: Scenario,
  present: readonly RoleId[],
  proposer: RoleId,
  parties: readonly RoleId[],
  terms: readonly Term[],
  years: number,
): Problem | null {
  const p = scenario.prices;
  const roles = scenario.roles;
  if (!Array.isArray(parties) || parties.length === 0)
    return { code: "ERR_BAD_ACTION", detail: "a proposal needs parties" };
  for (let i = 1; i < parties.length; i++)
    if (parties.indexOf(parties[i] as RoleId) < i)
      return { code: "ERR_BAD_ACTION", detail: "a party is named twice" };
  for (const r of parties) {
    if (!present.includes(r))
      return { code: "ERR_UNKNOWN_SEAT", detail: `"${r}" is not at this table` };
  }
  if (!parties.includes(proposer))
    return { code: "ERR_NOT_A_PARTY", detail: "you must be a party to your own proposal" };
  if (!isInt(years, 1, scenario.orders.maxDealYears)) {
    return {
      code: "ERR_BAD_TERM",
      detail: `a deal lasts 1 to ${scenario.orders.maxDealYears} years`,
    };
  }
  if (!Array.isArray(terms) || terms.length === 0)
    return { code: "ERR_BAD_TERM", detail: "a proposal needs at least one term" };
  if (terms.length > MAX_TERMS)
    return { code: "ERR_TOO_LONG", detail: `at most ${MAX_TERMS} terms` };

  const short = (r: string) => roles[r]?.short ?? r;
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i] as Term;
    // made only for a message: this check runs for every preview a bot makes
    const where = () => `term ${i + 1} (${t?.kind})`;
    if (!t || typeof t !== "object")
      return { code: "ERR_BAD_TERM", detail: `${where()} is not a term` };
    // a kind someone made up ("constructor", "__proto__") is only an unknown kind
    if (!(TERM_KINDS as readonly string[]).includes(t.kind))
      return { code: "ERR_BAD_TERM", detail: `unknown term kind "${String(t.kind)}"` };
    const bound = termRoles(t);
    for (const r of bound) {
      if (typeof r !== "string" || !parties.includes(r)) {
        return {
          code: "ERR_TERM_PARTY",
          detail: `${where()} names ${short(String(r))}, who is not a party`,
        };
      }
    }
    if (bound.length === 2 && bound[0] === bound[1])
      return { code: "ERR_BAD_TERM", detail: `${where()} names the same party twice` };
    switch (t.kind) {
      case "seatSale": {
        const v = roles[t.provider]?.vehicle;
        if (!v || !sellsSeats(scenario, t.provider))
          return {
            code: "ERR_NOT_A_PROVIDER",
            detail: `${short(t.provider)} has no vehicle to sell seats on`,
          };
        if (!isInt(t.seats, 1, v.seatsPerFlight * Math.max(1, v.maxFlights))) {
          return {
            code: "ERR_OVER_CAPACITY",
            detail: `${where()}: ${v.name} cannot carry that many seats in a year`,
          };
        }
        if (!isMoney(t.price, p.maxSeatPrice))
          return { code: "ERR_BAD_TERM", detail: `${where()}: price must be 0–${p.maxSeatPrice}` };
        if (!isStateRole(scenario, t.buyer))
          return { code: "ERR_BAD_TERM", detail: `${where()}: only states fly crews` };
        break;
      }
      case "seatSwap": {
        if (!isInt(t.seats, 1, scenario.orders.maxSwapSeats))
          return {
            code: "ERR_BAD_TERM",
            detail: `${where()}: swap 1–${scenario.orders.maxSwapSeats} seats`,
          };
        if (!isStateRole(scenario, t.a) || !isStateRole(scenario, t.b)) {
          return { code: "ERR_BAD_TERM", detail: `${where()}: only states swap seats` };
        }
        break;
      }
      case "subsidy": {
        if (!isMoney(t.perSeat, p.subsidyCapPerSeat) || t.perSeat <= 0) {
          return {
            code: "ERR_SUBSIDY_OVER_CAP",
            detail: `${where()}: a subsidy covers 1–${p.subsidyCapPerSeat} a seat`,
          };
        }
        if (!subsidisable(scenario, t.beneficiary)) {
          return {
            code: "ERR_SUBSIDY_NOT_ELIGIBLE",
            detail: `${where()}: only states without human spaceflight of their own may be subsidised`,
          };
        }
        const purchases = terms.filter((x) => x.kind === "seatSale" && x.buyer === t.beneficiary);
        if (purchases.length === 0) {
          return {
            code: "ERR_SUBSIDY_WITHOUT_PURCHASE",
            detail: `${where()}: the proposal must include a seat purchase by ${short(t.beneficiary)}`,
          };
        }
        if (
          purchases.some(
            (x) => x.kind === "seatSale" && (x.provider === t.payer || x.price < t.perSeat),
          )
        ) {
          return {
            code: "ERR_BAD_TERM",
            detail: `${where()}: a subsidy cannot exceed the seat price or pay its own seller`,
          };
        }
        break;
      }
      case "contract": {
        if (!isStateRole(scenario, t.state) || !isCompanyRole(scenario, t.company)) {
          return {
            code: "ERR_BAD_TERM",
            detail: `${where()}: a contract goes from a state to a company`,
          };
        }
        if (!isMoney(t.value, p.maxContractValue) || t.value <= 0) {
          return {
            code: "ERR_BAD_TERM",
            detail: `${where()}: value must be 1–${p.maxContractValue}`,
          };
        }
        const c = t.condition;
        if (c !== null) {
          if (
            c.kind === "minFlights" &&
            !isInt(c.flights, 1, roles[t.company]?.vehicle?.maxFlights ?? 0)
          ) {
            return {
              code: "ERR_BAD_TERM",
              detail: `${where()}: the flights condition is out of range`,
            };
          }
          if (c.kind === "noSeatsTo" && !present.includes(c.role)) {
            return {
              code: "ERR_BAD_TERM",
              detail: `${where()}: the condition names a role not at this table`,
            };
          }
          if (c.kind === "maxListPrice" && !isMoney(c.price, p.maxSeatPrice)) {
            return {
              code: "ERR_BAD_TERM",
              detail: `${where()}: the price condition is out of range`,
            };
          }
          if (!["minFlights", "noSeatsTo", "maxListPrice"].includes(c.kind)) {
            return { code: "ERR_BAD_TERM", detail: `${where()}: unknown condition` };
          }
        }
        break;
      }
      case "techTransfer": {
        if (!isInt(t.points, 1, p.maxTechPoints))
          return {
            code: "ERR_BAD_TERM",
            detail: `${where()}: 1–${p.maxTechPoints} capability points`,
          };
        if (!isMoney(t.price, p.maxContractValue))
          return {
            code: "ERR_BAD_TERM",
            detail: `${where()}: price must be 0–${p.maxContractValue}`,
          };
        break;
      }
      case "pledge": {
        if (typeof t.text !== "string" || t.text.trim() === "" || t.text.length > MAX_TEXT) {
          return {
            code: "ERR_TOO_LONG",
            detail: `${where()}: a pledge says something in 1–${MAX_TEXT} characters`,
          };
        }
        const c = t.check;
        if (c !== null) {
          if (
            !(PLEDGE_ORDERS as readonly string[]).includes(c.order) ||
            !["<=", ">=", "=="].includes(c.op)
          ) {
            return {
              code: "ERR_BAD_TERM",
              detail: `${where()}: a checkable pledge names one of ${PLEDGE_ORDERS.join(", ")}`,
            };
          }
          if (!roles[t.by]?.orders.includes(c.order)) {
            return {
              code: "ERR_BAD_TERM",
              detail: `${where()}: ${short(t.by)} has no "${c.order}" order to pledge on`,
            };
          }
          if (!["number", "string", "boolean"].includes(typeof c.value))
            return { code: "ERR_BAD_TERM", detail: `${where()}: bad value` };
        }
        break;
      }
      default:
        return {
          code: "ERR_BAD_TERM",
          detail: `unknown term kind "${(t as { kind: string }).kind}"`,
        };
    }
  }
  return null;
}
