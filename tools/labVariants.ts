/**
 * Bot variants for the policy lab's paired comparisons: "this strategy, but
 * with one decision forced". A variant wraps a strategy's policy (its orders,
 * offers, answers and crisis choice stay its own) and changes exactly the
 * named decision, so two variants played on the same seeds differ in that
 * decision alone. Nothing here changes a bot's logic.
 *
 * A variant name is `<base>+<change>+<change>…`:
 * - base: a policy name (realist, liberal, profit, opportunist, an essay
 *   policy) or `mixed` (the strategy the seat draws for the game, so the
 *   comparison runs over the same distribution as the mixed table);
 * - `<order>=<value>`: that order held at the value every year (a number,
 *   true/false, or text such as `reduced`);
 * - `firm`: always Firm in a crisis;
 * - `rideWith=<role>`: buys its crew's seats only from that provider (offers
 *   it and refuses seat sales from any other).
 */
import { buy, makeBot, type Offer, type Policy } from "../shared/bots/common.ts";
import { ESSAY_POLICIES } from "../shared/bots/essay.ts";
import { liberalPolicy } from "../shared/bots/liberal.ts";
import { opportunistPolicy } from "../shared/bots/opportunist.ts";
import { withOrders } from "../shared/bots/probes.ts";
import { profitPolicy } from "../shared/bots/profit.ts";
import { realistPolicy } from "../shared/bots/realist.ts";
import type { Bot } from "../shared/bots/types.ts";
import type { Orders, Proposal, RoleId } from "../shared/rules/types.ts";
import { ORDER_KINDS } from "../shared/scenario/schema.ts";

/** The policies a variant can wrap, by strategy name. */
export const VARIANT_BASES: Record<string, Policy> = {
  realist: realistPolicy,
  liberal: liberalPolicy,
  profit: profitPolicy,
  opportunist: opportunistPolicy,
  ...ESSAY_POLICIES,
};

/** The base a variant draws per game, as the mixed table does. */
export const MIXED_BASE = "mixed";

export interface VariantSpec {
  base: string;
  orders: Partial<Orders>;
  firm: boolean;
  rideWith: RoleId | null;
}

function orderValue(text: string): string | number | boolean {
  if (text === "true") return true;
  if (text === "false") return false;
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
}

/** Parses a variant name; null if it is not one (no `+`, an unknown base or change). */
export function parseVariant(name: string): VariantSpec | null {
  const [base, ...changes] = name.split("+");
  if (!base || changes.length === 0) return null;
  if (base !== MIXED_BASE && !Object.hasOwn(VARIANT_BASES, base)) return null;
  const spec: VariantSpec = { base, orders: {}, firm: false, rideWith: null };
  for (const ch of changes) {
    if (ch === "firm") {
      spec.firm = true;
      continue;
    }
    const m = /^([A-Za-z]+)=(.+)$/.exec(ch);
    if (!m) return null;
    const [, key, value] = m as unknown as [string, string, string];
    if (key === "rideWith") spec.rideWith = value;
    else if ((ORDER_KINDS as readonly string[]).includes(key))
      (spec.orders as Record<string, unknown>)[key] = orderValue(value);
    else return null;
  }
  return spec;
}

/** Seats a proposal or offer buys for `me` from a provider other than `provider`. */
function buysElsewhere(p: Pick<Proposal, "terms">, me: RoleId, provider: RoleId): boolean {
  return p.terms.some((t) => t.kind === "seatSale" && t.buyer === me && t.provider !== provider);
}

/** The policy buying its crew's seats from `provider` only. */
function rideWith(base: Policy, provider: RoleId): Policy {
  return {
    ...base,
    offers(c) {
      const out: Offer[] = base.offers(c).filter((o) => !buysElsewhere(o, c.me, provider));
      let wanted = c.need(c.me) - c.secured(c.me);
      for (const o of out)
        for (const t of o.terms) if (t.kind === "seatSale" && t.buyer === c.me) wanted -= t.seats;
      if (wanted > 0 && !c.hasVehicle(c.me) && provider !== c.me) {
        const o = buy(c, provider, wanted, `a ride with ${provider}`);
        if (o) out.push(o);
      }
      return out;
    },
    accepts: (c, p) => !buysElsewhere(p, c.me, provider) && base.accepts(c, p),
  };
}

/** The policy a spec describes, on top of a base policy. */
export function variantPolicy(base: Policy, spec: VariantSpec, name: string): Policy {
  let p: Policy = Object.keys(spec.orders).length ? withOrders(base, spec.orders, name) : base;
  if (spec.firm) p = { ...p, crisis: () => "firm" };
  if (spec.rideWith) p = rideWith(p, spec.rideWith);
  return { ...p, name };
}

const cache = new Map<string, Bot>();

/**
 * The bot of a variant name. `drawn` is the base strategy when the variant's
 * base is `mixed` (the seat's draw for the game). Null if `name` is no variant
 * or the drawn base cannot be wrapped (random-legal).
 */
export function variantBot(name: string, drawn?: string): Bot | null {
  const spec = parseVariant(name);
  if (!spec) return null;
  const baseName = spec.base === MIXED_BASE ? drawn : spec.base;
  if (!baseName || !Object.hasOwn(VARIANT_BASES, baseName)) return null;
  const key = `${baseName}|${name}`;
  let bot = cache.get(key);
  if (!bot) {
    bot = makeBot(variantPolicy(VARIANT_BASES[baseName] as Policy, spec, name));
    cache.set(key, bot);
  }
  return bot;
}
