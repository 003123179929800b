/**
 * Every client→server message, defined once: each is an engine action a client
 * may send, with the zod schema of its payload (the shape check at the edge).
 * Its name is the action's type, but for three names the protocol has used from
 * the start (WIRE_NAMES); whether a seat or the staff sends it comes from the
 * reducer's actor table (ACTION_RULES), not from a list here. The acting seat is
 * never in a payload: the server takes it from the connection. Rule checks stay
 * in the engine, which answers with a typed rejection.
 */
import { z } from "zod";
import { LIMITS } from "../rules/limits.ts";
import { ACTION_RULES } from "../rules/reducer.ts";
import { ordersShape, termSchema } from "../rules/schemas.ts";
import type { ActionBody, ActionType, RejectionCode } from "../rules/types.ts";
import { own } from "../rules/util.ts";
import type { ORDER_KINDS } from "../scenario/schema.ts";

const roleId = z.string().min(1).max(LIMITS.roleId);
const text = (max: number) => z.string().max(max);
const none = z.object({}).strict();

/** A partial set of orders: the kinds a message changes. */
export const ordersPayload = ordersShape.partial().strict();
/** One term of a proposal (the rules' own schema). */
export const termPayload = termSchema;

const proposalId = z.object({ proposal: z.string().min(1).max(LIMITS.recordId) }).strict();

const customCard = z
  .object({
    id: z.string().min(1).max(LIMITS.cardId),
    title: z.string().min(1).max(LIMITS.cardTitle),
    note: z.string().min(1).max(LIMITS.cardNote),
    weight: z.number().min(0).max(0).default(0),
    onlyWhenFundingBelow: z.null().default(null),
    // the engine checks each effect against the scenario's card schema (ERR_BAD_EVENT)
    effects: z.array(z.record(z.string(), z.unknown())).max(LIMITS.cardEffects),
  })
  .strict();

/**
 * The payload of every action a client may send, keyed by the action's type. Parsing
 * gives the rest of the action body (setOrders' payload is the orders themselves).
 */
const PAYLOADS = {
  setOrders: ordersPayload.transform((orders) => ({ orders })),
  ready: z.object({ ready: z.boolean() }).strict(),
  commit: none,
  propose: z
    .object({
      parties: z.array(roleId).min(1).max(LIMITS.parties),
      terms: z.array(termPayload).min(1).max(LIMITS.terms),
      years: z.number().int().min(1).max(LIMITS.dealYears),
      replaces: z.string().max(LIMITS.recordId).nullable().default(null),
      note: text(LIMITS.noteText).default(""),
    })
    .strict(),
  accept: proposalId,
  reject: proposalId,
  withdraw: proposalId,
  cancelDeal: z.object({ deal: z.string().min(1).max(LIMITS.recordId) }).strict(),
  chat: z
    .object({
      to: z.array(roleId).min(1).max(LIMITS.chatRecipients),
      text: text(LIMITS.chatText).min(1),
    })
    .strict(),
  statement: z.object({ text: text(LIMITS.chatText).min(1) }).strict(),
  stance: z.object({ stance: z.enum(["link", "compartmentalise"]) }).strict(),
  crisisChoice: z.object({ choice: z.enum(["firm", "deescalate"]) }).strict(),
  startGame: none,
  pause: none,
  resume: none,
  extend: z.object({ seconds: z.number().int().min(1).max(LIMITS.extendSeconds) }).strict(),
  skip: none,
  injectEvent: z
    .object({ card: z.union([z.string().min(1).max(LIMITS.cardId), customCard]) })
    .strict(),
  endGame: none,
} satisfies Partial<Record<ActionType, z.ZodType>>;

/** The actions a client may send. */
export type ClientAction = keyof typeof PAYLOADS;

/** Message names that differ from their action's type: the protocol's names since its first version. */
export const WIRE_NAMES = {
  setOrders: "orders",
  startGame: "start",
  injectEvent: "inject",
} as const satisfies Partial<Record<ClientAction, string>>;

type WireName<A extends ClientAction> = A extends keyof typeof WIRE_NAMES
  ? (typeof WIRE_NAMES)[A]
  : A;
export type MessageType = { [A in ClientAction]: WireName<A> }[ClientAction];

/** The message name of an action a client may send. */
export function messageName(action: ClientAction): MessageType {
  return (own(WIRE_NAMES as Record<string, MessageType>, action) ?? action) as MessageType;
}

/** Message name → the action it stands for. */
export const MESSAGE_ACTIONS = Object.fromEntries(
  (Object.keys(PAYLOADS) as ClientAction[]).map((a) => [messageName(a), a]),
) as Record<MessageType, ClientAction>;

/** The messages whose action one of these actors may take (by the reducer's actor table), with their schemas. */
function messagesFor(actors: readonly string[]): Record<string, z.ZodType> {
  const out: Record<string, z.ZodType> = {};
  for (const a of Object.keys(PAYLOADS) as ClientAction[]) {
    const rule = ACTION_RULES[a] as { actors: readonly string[] };
    if (rule.actors.some((k) => actors.includes(k))) out[messageName(a)] = PAYLOADS[a];
  }
  return out;
}

/** Messages any seated member may send, with their payload schema (actions a "seat" may take). */
export const SEAT_MESSAGES = messagesFor(["seat"]);

/** Messages only the host or facilitator may send (actions "host" or "facilitator" may take). */
export const STAFF_MESSAGES = messagesFor(["host", "facilitator"]);

export type SeatMessageType = MessageType;
export type StaffMessageType = MessageType;
/** What a message's payload holds once parsed (setOrders: `{ orders }`). */
export type Payload<T extends MessageType> = z.output<
  (typeof PAYLOADS)[(typeof MESSAGE_ACTIONS)[T]]
>;

/**
 * Compile-time check: every message's parsed payload is the body of the action it stands for
 * (a custom card's effects excepted: the engine checks them against the scenario's schema).
 */
type Mismatch = {
  [A in ClientAction]: A extends "injectEvent"
    ? never
    : { type: A } & z.output<(typeof PAYLOADS)[A]> extends Extract<ActionBody, { type: A }>
      ? never
      : A;
}[ClientAction];
const bodiesMatch: [Mismatch] extends [never] ? true : Mismatch = true;
void bodiesMatch;

/** What the server answers to a request: accepted, or the engine's (or the edge's) typed rejection. */
export type Reply =
  | { ok: true }
  | { ok: false; code: RejectionCode | "ERR_MALFORMED" | "ERR_SERVER"; detail: string };

/** Checks a message's shape; the answer names every bad field. */
export function parseMessage(
  type: string,
  payload: unknown,
): { ok: true; body: ActionBody } | { ok: false; code: "ERR_MALFORMED"; detail: string } {
  const action = own(MESSAGE_ACTIONS as Record<string, ClientAction>, type);
  if (!action) return { ok: false, code: "ERR_MALFORMED", detail: `unknown message "${type}"` };
  const r = (PAYLOADS[action] as z.ZodType).safeParse(payload ?? {});
  if (!r.success) {
    return {
      ok: false,
      code: "ERR_MALFORMED",
      detail: r.error.issues
        .map((i) => `${i.path.join(".") || "(payload)"}: ${i.message}`)
        .join("; "),
    };
  }
  return { ok: true, body: { type: action, ...(r.data as object) } as ActionBody };
}

/** Order kinds the payload schema knows: kept in step with the scenario's list. */
export const PROTOCOL_ORDER_KINDS = Object.keys(
  ordersShape.shape,
) as (typeof ORDER_KINDS)[number][];
