/** Orders, readiness and the captain's commit. */
import { checkOrder, orderSpending } from "../orders.ts";
import type { Orders } from "../types.ts";
import { reject } from "../util.ts";
import { actingSeat } from "./seat.ts";
import type { Handler } from "./types.ts";

export const setOrders: Handler<"setOrders"> = (s, a, out) => {
  const st = actingSeat(s, a);
  if (st.committed) return reject("ERR_COMMITTED", "your captain has committed this year's orders");
  if (!a.orders || typeof a.orders !== "object" || Array.isArray(a.orders))
    return reject("ERR_BAD_ACTION", "orders must be an object");
  const entries = Object.entries(a.orders);
  if (entries.length === 0) return reject("ERR_BAD_ACTION", "no orders given");
  for (const [kind, value] of entries) {
    const problem = checkOrder(s.scenario, st.role, s.order, kind, value);
    if (problem) return reject(problem.code, problem.detail);
  }
  const next: Orders = { ...st.orders, ...(a.orders as Partial<Orders>) };
  const cost = orderSpending(s.scenario, st.role, next);
  if (cost > st.cash + 1e-9) {
    return reject(
      "ERR_INSUFFICIENT_FUNDS",
      `these orders cost ${Math.round(cost)} but you have ${Math.round(st.cash)}`,
    );
  }
  st.orders = next;
  st.ordersTouched = true;
  out.push({ type: "ordersChanged", seat: st.role });
  return null;
};

export const ready: Handler<"ready"> = (s, a, out) => {
  const st = actingSeat(s, a);
  if (typeof a.ready !== "boolean") return reject("ERR_BAD_ACTION", "ready is true or false");
  st.ready = a.ready;
  out.push({ type: "readyChanged", seat: st.role, ready: a.ready });
  return null;
};

export const commit: Handler<"commit"> = (s, a, out) => {
  const st = actingSeat(s, a);
  if (a.actor.kind === "seat" && st.captain !== null && a.actor.member !== st.captain) {
    return reject(
      "ERR_NOT_CAPTAIN",
      "only your captain can commit the orders; mark yourself ready instead",
    );
  }
  st.committed = true;
  st.ready = true;
  out.push({ type: "committed", seat: st.role });
  return null;
};
