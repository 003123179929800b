/**
 * Random-legal: any legal action, chosen at random. For fuzzing and property
 * tests: it exercises every action kind, term kind and order option.
 */

import {
  cancelCost,
  legalActionTypes,
  orderChoices,
  ordersAffordable,
  previewProposal,
} from "../rules/legal.ts";
import type { OrderOption } from "../rules/orders.ts";
import { isCompanyRole, isStateRole, sellsSeats, subsidisable } from "../rules/terms.ts";
import type {
  ActionBody,
  ContractCondition,
  Orders,
  PledgeCheck,
  RoleId,
  Term,
} from "../rules/types.ts";
import { PLEDGE_ORDERS } from "../rules/types.ts";
import type { PlayerView } from "../rules/view.ts";
import type { Scenario } from "../scenario/schema.ts";
import type { Bot, BotContext } from "./types.ts";

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

function randomValue(r: Rand, o: OrderOption): string | number | boolean {
  if (o.type === "choice") return pick(r, o.values);
  const steps = Math.floor((o.max - o.min) / o.step);
  return o.min + int(r, 0, steps) * o.step;
}

/** A random term among those the rules allow between these roles. */
function randomTerm(
  r: Rand,
  view: PlayerView,
  sc: Scenario,
  me: RoleId,
  other: RoleId,
): Term | null {
  // who may take which side: the same tests checkProposal makes (terms.ts)
  const role = (x: RoleId) => sc.roles[x];
  const state = (x: RoleId) => isStateRole(sc, x);
  const vehicle = (x: RoleId) => role(x)?.vehicle ?? null;
  const kinds = ["seatSale", "seatSwap", "contract", "techTransfer", "pledge", "subsidy"] as const;
  const kind = pick(r, kinds);
  const [p, q] = r() < 0.5 ? [me, other] : [other, me];
  switch (kind) {
    case "seatSale": {
      const provider = sellsSeats(sc, p) ? p : sellsSeats(sc, q) ? q : null;
      const buyer = provider === p ? q : p;
      if (!provider || !state(buyer)) return null;
      return { kind, provider, buyer, seats: int(r, 1, 3), price: int(r, 4, 24) * 5 };
    }
    case "seatSwap":
      return state(p) && state(q) ? { kind, a: p, b: q, seats: int(r, 1, 2) } : null;
    case "contract": {
      const st = state(p) ? p : state(q) ? q : null;
      const co = st === p ? q : p;
      if (!st || !isCompanyRole(sc, co)) return null;
      const conditions: (ContractCondition | null)[] = [
        null,
        { kind: "minFlights", flights: int(r, 1, Math.max(1, vehicle(co)?.maxFlights ?? 1)) },
        { kind: "noSeatsTo", role: pick(r, view.order) },
        { kind: "maxListPrice", price: int(r, 8, 20) * 5 },
      ];
      if ((vehicle(co)?.maxFlights ?? 0) === 0) conditions.splice(1, 1);
      return {
        kind,
        state: st,
        company: co,
        value: int(r, 2, 20) * 10,
        condition: pick(r, conditions),
      };
    }
    case "techTransfer":
      return {
        kind,
        provider: p,
        recipient: q,
        points: int(r, 1, sc.prices.maxTechPoints),
        price: int(r, 0, 10) * 10,
      };
    case "pledge": {
      const orders = (role(p)?.orders ?? []).filter((o) =>
        (PLEDGE_ORDERS as readonly string[]).includes(o),
      );
      if (orders.length === 0 || r() < 0.2)
        return { kind, by: p, text: "We will act in good faith.", check: null };
      const order = pick(r, orders) as PledgeCheck["order"];
      const option = orderChoices({ ...view, viewer: { kind: "seat", seat: p } }, sc).find(
        (o) => o.kind === order,
      );
      const value = option ? randomValue(r, option) : 0;
      const op = typeof value === "number" ? pick(r, ["<=", ">=", "=="] as const) : "==";
      return {
        kind,
        by: p,
        text: `We pledge ${order} ${op} ${String(value)}.`,
        check: { order, op, value },
      };
    }
    case "subsidy":
      return null; // built with its purchase below
  }
}

/** A subsidised purchase: a payer, a provider with a vehicle and an eligible beneficiary. */
function subsidisedPurchase(
  r: Rand,
  view: PlayerView,
  sc: Scenario,
  me: RoleId,
): { parties: RoleId[]; terms: Term[] } | null {
  const eligible = view.order.filter((x) => subsidisable(sc, x));
  const providers = view.order.filter((x) => sellsSeats(sc, x));
  if (eligible.length === 0 || providers.length === 0) return null;
  const beneficiary = pick(r, eligible);
  const provider = pick(r, providers);
  const payers = view.order.filter((x) => x !== beneficiary && x !== provider);
  if (payers.length === 0) return null;
  const payer = payers.includes(me) ? me : pick(r, payers);
  const price = int(r, 8, 20) * 5;
  const parties = [...new Set([me, payer, provider, beneficiary])];
  return {
    parties,
    terms: [
      { kind: "seatSale", provider, buyer: beneficiary, seats: 1, price },
      {
        kind: "subsidy",
        payer,
        beneficiary,
        perSeat: Math.min(price, int(r, 1, Math.floor(sc.prices.subsidyCapPerSeat))),
      },
    ],
  };
}

function randomOrders(r: Rand, view: PlayerView, sc: Scenario): Partial<Orders> | null {
  const me = view.viewer.seat;
  const current = view.private[me]?.orders;
  if (!current) return null;
  const options = orderChoices(view, sc);
  if (options.length === 0) return null;
  const changes: Record<string, unknown> = {};
  for (const o of options) if (r() < 0.5) changes[o.kind] = randomValue(r, o);
  const next = { ...current, ...changes } as Orders;
  if (!ordersAffordable(view, sc, next)) return null;
  return Object.keys(changes).length ? (changes as Partial<Orders>) : null;
}

export const randomLegalBot: Bot = {
  name: "random",
  act(view: PlayerView, ctx: BotContext): ActionBody[] {
    const r = ctx.random;
    const sc = ctx.scenario;
    const me = view.viewer.seat;
    const legal = legalActionTypes(view);
    const out: ActionBody[] = [];
    const others = view.order.filter((x) => x !== me);
    if (legal.includes("crisisChoice"))
      out.push({ type: "crisisChoice", choice: r() < 0.5 ? "firm" : "deescalate" });
    if (legal.includes("stance") && r() < 0.7)
      out.push({ type: "stance", stance: r() < 0.5 ? "link" : "compartmentalise" });
    if (legal.includes("setOrders") && r() < 0.6) {
      const orders = randomOrders(r, view, sc);
      if (orders) out.push({ type: "setOrders", orders });
    }
    if (legal.includes("accept") || legal.includes("reject")) {
      for (const p of Object.values(view.proposals)) {
        if (p.status !== "open" || p.accepted.includes(me)) continue;
        const roll = r();
        if (roll < 0.55) out.push({ type: "accept", proposal: p.id });
        else if (roll < 0.7) out.push({ type: "reject", proposal: p.id });
        else if (roll < 0.78 && legal.includes("propose")) {
          out.push({
            type: "propose",
            parties: p.parties,
            terms: p.terms,
            years: 1,
            replaces: p.id,
            note: "counter: one year only",
          });
        }
      }
    }
    if (legal.includes("propose") && others.length > 0 && r() < 0.8) {
      const n = int(r, 1, 2);
      for (let i = 0; i < n; i++) {
        let parties: RoleId[];
        let terms: Term[];
        const sub = r() < 0.25 ? subsidisedPurchase(r, view, sc, me) : null;
        if (sub) ({ parties, terms } = sub);
        else {
          const other = pick(r, others);
          const t = randomTerm(r, view, sc, me, other);
          if (!t) continue;
          parties = t.kind === "pledge" && t.by === me && r() < 0.3 ? [me] : [me, other];
          terms = [t];
        }
        const years = int(r, 1, 3);
        if (previewProposal(view, sc, parties, terms, years).ok)
          out.push({ type: "propose", parties, terms, years, replaces: null, note: "" });
      }
    }
    if (legal.includes("withdraw") && r() < 0.1) {
      const mine = Object.values(view.proposals).find((p) => p.status === "open" && p.from === me);
      if (mine) out.push({ type: "withdraw", proposal: mine.id });
    }
    if (legal.includes("cancelDeal") && r() < 0.04) {
      const cash = view.private[me]?.cash ?? 0;
      const deal = Object.values(view.deals).find(
        (d) => (cancelCost(view, sc, d.id) ?? Infinity) <= cash,
      );
      if (deal) out.push({ type: "cancelDeal", deal: deal.id });
    }
    if (legal.includes("chat") && others.length > 0 && r() < 0.3)
      out.push({ type: "chat", to: [pick(r, others)], text: "Shall we talk?" });
    if (legal.includes("statement") && r() < 0.1)
      out.push({ type: "statement", text: "We stand for open access to space." });
    if (legal.includes("commit") && view.phase === "commit" && r() < 0.3)
      out.push({ type: "commit" });
    if (legal.includes("ready") && r() < 0.3) out.push({ type: "ready", ready: true });
    return out;
  },
};
