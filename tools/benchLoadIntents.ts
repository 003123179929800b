/**
 * What one bench:load client sends and how it knows the intent took effect: a realistic mix of
 * seat messages (orders, private chat, public statements, proposals, answers), each with a
 * check that reads the client's own synced slices and is true once the patch that carries the
 * intent's effect has arrived. Intents are chosen from the client's view so that nearly all of
 * them are legal; the ones the engine still refuses (races between players) count by code.
 */

import { orderChoices, previewProposalBy } from "../shared/rules/legal.ts";
import { orderSpending } from "../shared/rules/orders.ts";
import type { Orders, Proposal, RoleId, Term } from "../shared/rules/types.ts";
import type { PlayerView, PrivateSeat } from "../shared/rules/view.ts";
import type { Scenario } from "../shared/scenario/schema.ts";

import type { Slices } from "./benchTable.ts";

export type IntentKind = "orders" | "chat" | "statement" | "propose" | "accept" | "reject";

export interface Intent {
  kind: IntentKind;
  /** Message type and payload, as `room.request` takes them. */
  type: string;
  payload: unknown;
  /** True once the client's slices show the intent's effect. */
  shows(slices: Slices): boolean;
}

/** A seat's open proposals at most before it stops proposing (the engine allows 20). */
const OPEN_PROPOSALS_CAP = 15;

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

function parsed<T>(slices: Slices, path: string): T | undefined {
  const json = slices.get(path);
  return json === undefined ? undefined : (JSON.parse(json) as T);
}

function proposalsOf(slices: Slices): Proposal[] {
  const out: Proposal[] = [];
  for (const [path, json] of slices)
    if (path.startsWith("proposals/")) out.push(JSON.parse(json) as Proposal);
  return out;
}

/** Whether a slice under `prefix` holds `nonce` (a chat text or a proposal's note). */
function holds(slices: Slices, prefix: string, nonce: string): boolean {
  for (const [path, json] of slices)
    if (path.startsWith(prefix) && json.includes(nonce)) return true;
  return false;
}

/** A change of one of the seat's own orders to a value it does not have now and can afford. */
function ordersIntent(r: Rand, sc: Scenario, me: RoleId, order: RoleId[], slices: Slices) {
  const mine = parsed<PrivateSeat>(slices, `private/${me}`);
  if (!mine) return null;
  const view = { viewer: { kind: "seat", seat: me }, order } as unknown as PlayerView;
  const options = orderChoices(view, sc);
  if (options.length === 0) return null;
  const o = pick(r, options);
  const now = mine.orders[o.kind];
  const values = o.type === "choice" ? o.values : [o.min, Math.min(o.max, o.min + o.step)];
  const others = values.filter((v) => v !== now);
  if (others.length === 0) return null;
  const value = pick(r, others);
  const next = { ...mine.orders, [o.kind]: value } as Orders;
  if (orderSpending(sc, me, next) > mine.cash + 1e-9) return null;
  return {
    kind: "orders",
    type: "orders",
    payload: { [o.kind]: value },
    shows: (s) => parsed<PrivateSeat>(s, `private/${me}`)?.orders[o.kind] === value,
  } satisfies Intent;
}

/** A two-party proposal: a pledge by the proposer (legal between any two seats). */
function proposeIntent(
  r: Rand,
  sc: Scenario,
  me: RoleId,
  order: RoleId[],
  slices: Slices,
  nonce: string,
): Intent | null {
  const open = proposalsOf(slices).filter((p) => p.from === me && p.status === "open").length;
  if (open >= OPEN_PROPOSALS_CAP) return null;
  const other = pick(
    r,
    order.filter((x) => x !== me),
  );
  const terms: Term[] = [
    { kind: "pledge", by: me, text: "We will act in good faith.", check: null },
  ];
  const years = 1;
  if (!previewProposalBy(order, me, sc, [me, other], terms, years).ok) return null;
  return {
    kind: "propose",
    type: "propose",
    payload: { parties: [me, other], terms, years, note: nonce },
    shows: (s) => holds(s, "proposals/", nonce),
  };
}

/** Accept (mostly) or reject a proposal waiting for this seat. */
function answerIntent(r: Rand, me: RoleId, slices: Slices): Intent | null {
  const waiting = proposalsOf(slices).filter(
    (p) => p.status === "open" && p.from !== me && !p.accepted.includes(me),
  );
  if (waiting.length === 0) return null;
  const p = pick(r, waiting);
  const path = `proposals/${p.id}`;
  if (r() < 0.7)
    return {
      kind: "accept",
      type: "accept",
      payload: { proposal: p.id },
      shows: (s) => {
        const now = parsed<Proposal>(s, path);
        return !!now && (now.accepted.includes(me) || now.status === "concluded");
      },
    };
  return {
    kind: "reject",
    type: "reject",
    payload: { proposal: p.id },
    shows: (s) => parsed<Proposal>(s, path)?.status === "rejected",
  };
}

/**
 * The next intent of seat `me`: orders 25 %, private chat 20 %, public statement 10 %,
 * proposal 20 %, answer 25 %; when the drawn kind has nothing legal to do (no proposal waiting,
 * too many open), a private chat message goes instead.
 */
export function nextIntent(
  r: Rand,
  sc: Scenario,
  me: RoleId,
  order: RoleId[],
  slices: Slices,
  nonce: string,
): Intent {
  const roll = r();
  let intent: Intent | null = null;
  if (roll < 0.25) intent = ordersIntent(r, sc, me, order, slices);
  else if (roll < 0.35) {
    const text = `statement ${nonce}`;
    intent = {
      kind: "statement",
      type: "statement",
      payload: { text },
      shows: (s) => holds(s, "chat/", nonce),
    };
  } else if (roll < 0.55) intent = proposeIntent(r, sc, me, order, slices, nonce);
  else if (roll < 0.8) intent = answerIntent(r, me, slices);
  if (intent) return intent;
  const to = pick(
    r,
    order.filter((x) => x !== me),
  );
  return {
    kind: "chat",
    type: "chat",
    payload: { to: [to], text: `shall we talk? ${nonce}` },
    shows: (s) => holds(s, "chat/", nonce),
  };
}
