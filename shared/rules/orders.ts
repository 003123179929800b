/**
 * Orders: their defaults, their ranges and what they commit a seat to spend.
 * Used by the reducer (to accept or reject setOrders) and by the view helpers
 * (to shape the order forms and the bots' choices).
 */
import type { OrderKind, OrderText, RoleSpec, Scenario } from "../scenario/schema.ts";
import { ORDER_KINDS } from "../scenario/schema.ts";
import type { Orders, RejectionCode } from "./types.ts";

/** Neutral orders; a role's scenario defaults are laid over them. */
export function baseOrders(spec: RoleSpec): Orders {
  return {
    sanctions: 0,
    sanctionsCarveOut: false,
    crewFunding: "",
    subsidyPool: 0,
    diversion: 0,
    touristSeats: 0,
    covertSale: false,
    roleLevel: "full",
    extraCrew: 0,
    acceptInspection: false,
    flightsNextYear: spec.vehicle?.startFlights ?? 0,
    listPrice: 0,
    privateSeats: 0,
    programmeInvestment: 0,
    readinessMode: "test",
    ...spec.defaultOrders,
  };
}

/** The values one order may take: a list of choices, or an integer/money range. */
export type OrderValues =
  | { kind: OrderKind; type: "choice"; values: (string | number | boolean)[] }
  | { kind: OrderKind; type: "range"; min: number; max: number; step: number };

/** An order's form as a client shows it: its values and the scenario's text for it. */
export type OrderOption = OrderValues & OrderText;

/** What a role's order is called and does, in the scenario's words (the role's own, if it has one). */
export function orderText(scenario: Scenario, role: string, kind: OrderKind): OrderText {
  return (
    scenario.roles[role]?.orderText?.[kind] ??
    scenario.orderText[kind] ?? { label: kind, description: kind }
  );
}

/** What each order of a role may be set to at a table with these roles present. */
export function orderOptions(
  scenario: Scenario,
  role: string,
  present: readonly string[],
): OrderOption[] {
  const spec = scenario.roles[role];
  if (!spec) return [];
  const out: OrderOption[] = [];
  for (const kind of spec.orders) {
    const option = orderOption(scenario, role, present, kind);
    if (option) out.push(option);
  }
  return out;
}

/** An order's form: its values and its text. */
function orderOption(
  scenario: Scenario,
  role: string,
  present: readonly string[],
  kind: OrderKind,
): OrderOption | null {
  const values = orderValues(scenario, role, present, kind);
  return values ? { ...values, ...orderText(scenario, role, kind) } : null;
}

/** What one order kind may be set to (null for a kind without an order form). */
function orderValues(
  scenario: Scenario,
  role: string,
  present: readonly string[],
  kind: OrderKind,
): OrderValues | null {
  const o = scenario.orders;
  const v = scenario.roles[role]?.vehicle;
  const ints = (n: number) => Array.from({ length: n + 1 }, (_, i) => i);
  switch (kind) {
    case "sanctions":
      return { kind, type: "choice", values: ints(o.maxSanctions) };
    case "sanctionsCarveOut":
    case "covertSale":
    case "acceptInspection":
      return { kind, type: "choice", values: [false, true] };
    case "crewFunding":
      return {
        kind,
        type: "choice",
        values: [
          "",
          ...present.filter(
            (r) =>
              scenario.roles[r]?.archetype === "company" && scenario.roles[r]?.homeState === role,
          ),
        ],
      };
    case "subsidyPool":
      return { kind, type: "range", min: 0, max: o.maxSubsidyPool, step: 5 };
    case "diversion":
      return { kind, type: "choice", values: [...o.diversionLevels] };
    case "touristSeats":
      return { kind, type: "choice", values: ints(o.maxTouristSeats) };
    case "roleLevel":
      return { kind, type: "choice", values: ["full", "reduced"] };
    case "extraCrew":
      return { kind, type: "choice", values: ints(o.maxExtraCrew) };
    case "flightsNextYear":
      return { kind, type: "choice", values: ints(v?.maxFlights ?? 0) };
    case "listPrice":
      return { kind, type: "range", min: 0, max: scenario.prices.maxSeatPrice, step: 5 };
    case "privateSeats":
      return { kind, type: "choice", values: ints(o.maxPrivateSeats) };
    case "programmeInvestment":
      return { kind, type: "range", min: 0, max: o.maxProgrammeInvestment, step: 10 };
    case "readinessMode":
      return { kind, type: "choice", values: ["test", "rush"] };
    default:
      return null;
  }
}

/**
 * The option checkOrder reads. Only crew funding depends on who is at the table; the others
 * depend on the scenario alone (never changed once loaded), so they are made once.
 */
const optionCache = new WeakMap<Scenario, Map<string, Map<OrderKind, OrderValues | null>>>();
function checkedOption(
  scenario: Scenario,
  role: string,
  present: readonly string[],
  kind: OrderKind,
): OrderValues | null {
  if (kind === "crewFunding") return orderValues(scenario, role, present, kind);
  let byRole = optionCache.get(scenario);
  if (!byRole) {
    byRole = new Map();
    optionCache.set(scenario, byRole);
  }
  // by role, then by kind: no key string is made per call (bots check orders for every wish)
  let byKind = byRole.get(role);
  if (!byKind) {
    byKind = new Map();
    byRole.set(role, byKind);
  }
  let option = byKind.get(kind);
  if (option === undefined) {
    option = orderValues(scenario, role, present, kind);
    byKind.set(kind, option);
  }
  return option;
}

/** Checks one order value; returns a rejection code and sentence, or null when fine. */
export function checkOrder(
  scenario: Scenario,
  role: string,
  present: readonly string[],
  kind: string,
  value: unknown,
): { code: RejectionCode; detail: string } | null {
  const spec = scenario.roles[role];
  if (
    !spec ||
    !(ORDER_KINDS as readonly string[]).includes(kind) ||
    !spec.orders.includes(kind as OrderKind)
  ) {
    return {
      code: "ERR_ORDER_NOT_ALLOWED",
      detail: `${spec?.short ?? role} has no "${kind}" order`,
    };
  }
  // the role has this order (checked above), so its option is the one orderOptions lists
  const option = checkedOption(scenario, role, present, kind as OrderKind);
  if (!option) return { code: "ERR_ORDER_NOT_ALLOWED", detail: `no "${kind}" order here` };
  if (option.type === "choice") {
    if (!option.values.includes(value as never)) {
      return {
        code: "ERR_ORDER_OUT_OF_RANGE",
        detail: `${kind} must be one of ${option.values.map((x) => JSON.stringify(x)).join(", ")}`,
      };
    }
  } else if (
    typeof value !== "number" ||
    !Number.isFinite(value) ||
    value < option.min ||
    value > option.max
  ) {
    return {
      code: "ERR_ORDER_OUT_OF_RANGE",
      detail: `${kind} must be a number from ${option.min} to ${option.max}`,
    };
  }
  return null;
}

/** What one order that spends money costs: the price of a unit and the units the orders ask for. */
interface OrderCost {
  unit(scenario: Scenario, spec: RoleSpec): number;
  units(orders: Orders): number;
}

/**
 * Every order that spends money, and what it costs. `orderSpending` adds these up when a seat
 * sets its orders (it may not commit more than its cash); resolution spends the same amounts,
 * as far as cash allows when the year comes (GAME.md, "Orders").
 */
export const ORDER_COSTS = {
  flightsNextYear: {
    unit: (_sc, spec) => spec.vehicle?.flightCost ?? 0,
    units: (o) => o.flightsNextYear,
  },
  crewFunding: {
    unit: (sc) => sc.prices.crewFundingAmount,
    units: (o) => (o.crewFunding !== "" ? 1 : 0),
  },
  subsidyPool: { unit: () => 1, units: (o) => o.subsidyPool },
  programmeInvestment: { unit: () => 1, units: (o) => o.programmeInvestment },
  extraCrew: { unit: (sc) => sc.prices.extraCrewCost, units: (o) => o.extraCrew },
  readinessMode: {
    unit: (sc) => sc.prices.readinessTestCost,
    units: (o) => (o.readinessMode === "test" ? 1 : 0),
  },
} as const satisfies Partial<Record<OrderKind, OrderCost>>;
export type CostlyOrder = keyof typeof ORDER_COSTS;

/** The price of one unit of a costly order for a role (a flight, a cosmonaut, a test campaign). */
export function orderUnitCost(scenario: Scenario, role: string, kind: CostlyOrder): number {
  const spec = scenario.roles[role];
  return spec ? ORDER_COSTS[kind].unit(scenario, spec) : 0;
}

/** What one costly order asks a role to spend, in full. */
export function orderCost(
  scenario: Scenario,
  role: string,
  kind: CostlyOrder,
  orders: Orders,
): number {
  return ORDER_COSTS[kind].units(orders) * orderUnitCost(scenario, role, kind);
}

const COSTLY = Object.keys(ORDER_COSTS) as CostlyOrder[];

/** Money the orders commit a seat to spend at resolution (deals not counted). */
export function orderSpending(scenario: Scenario, role: string, orders: Orders): number {
  const spec = scenario.roles[role];
  if (!spec) return 0;
  let total = 0;
  for (const kind of COSTLY)
    if (spec.orders.includes(kind)) total += orderCost(scenario, role, kind, orders);
  return total;
}
