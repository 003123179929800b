/**
 * Probe bots for the policy lab's balance study: a strategy with some of its
 * orders held fixed, so that two probes differ in exactly one decision of one
 * role (GAME.md, "Balance targets": "no passive role", "25 % diversion adds
 * at least 5 T a year"). Everything else — offers, answers, crisis choices —
 * is the base strategy's own.
 */
import type { Orders } from "../rules/types.ts";
import { type Ctx, makeBot, type Policy } from "./common.ts";
import { liberalPolicy } from "./liberal.ts";
import { profitPolicy } from "./profit.ts";
import { realistPolicy } from "./realist.ts";
import type { Bot } from "./types.ts";

/** Fixed order values, or a function of the seat's view that gives them each year. */
export type FixedOrders = Partial<Orders> | ((c: Ctx) => Partial<Orders>);

/**
 * The base policy with `fixed` merged over its order wishes every year.
 * (makeBot still keeps only the role's own, legal and affordable orders.)
 */
export function withOrders(base: Policy, fixed: FixedOrders, name?: string): Policy {
  return {
    ...base,
    name: name ?? `${base.name}+fixed`,
    orders(c: Ctx) {
      const f = typeof fixed === "function" ? fixed(c) : fixed;
      return { ...base.orders(c), ...f };
    },
  };
}

/** The largest programme investment the seat can pay this year (in steps of 10, up to the cap). */
function maxInvestment(c: Ctx): number {
  return Math.max(
    0,
    Math.min(c.sc.orders.maxProgrammeInvestment, Math.floor(Math.max(0, c.cash) / 10) * 10),
  );
}

/** The probe policies by name: `<base>+<fixed decision>`. */
export const PROBE_POLICIES: Record<string, Policy> = {
  // Russia: the diversion decision; the "+inspect" probes publish the exact estimate and make no
  // covert sales, so the events-off comparison isolates diversion (GAME.md's balance target)
  "realist+diversion0": withOrders(realistPolicy, { diversion: 0 }, "realist+diversion0"),
  "realist+diversion25": withOrders(realistPolicy, { diversion: 25 }, "realist+diversion25"),
  "realist+diversion0+inspect": withOrders(
    realistPolicy,
    { diversion: 0, acceptInspection: true, covertSale: false },
    "realist+diversion0+inspect",
  ),
  "realist+diversion25+inspect": withOrders(
    realistPolicy,
    { diversion: 25, acceptInspection: true, covertSale: false },
    "realist+diversion25+inspect",
  ),
  "liberal+diversion0": withOrders(liberalPolicy, { diversion: 0 }, "liberal+diversion0"),
  "liberal+diversion25": withOrders(liberalPolicy, { diversion: 25 }, "liberal+diversion25"),
  // SpaceX: flights next year
  "profit+flights1": withOrders(profitPolicy, { flightsNextYear: 1 }, "profit+flights1"),
  "profit+flights3": withOrders(profitPolicy, { flightsNextYear: 3 }, "profit+flights3"),
  // an emerging state: programme investment
  "liberal+invest0": withOrders(liberalPolicy, { programmeInvestment: 0 }, "liberal+invest0"),
  "liberal+investMax": withOrders(
    liberalPolicy,
    (c) => ({ programmeInvestment: maxInvestment(c) }),
    "liberal+investMax",
  ),
  // Boeing: test or rush
  "profit+test": withOrders(profitPolicy, { readinessMode: "test" }, "profit+test"),
  "profit+rush": withOrders(profitPolicy, { readinessMode: "rush" }, "profit+rush"),
};

export const PROBE_BOTS: Record<string, Bot> = Object.fromEntries(
  Object.entries(PROBE_POLICIES).map(([name, p]) => [name, makeBot(p)]),
);

export const PROBE_NAMES = Object.keys(PROBE_BOTS);
