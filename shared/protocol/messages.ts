/**
 * Every client→server message, defined once: its zod schema (the shape check at
 * the edge) and the engine action it becomes. The acting seat is never in a
 * payload: the server takes it from the connection. Rule checks stay in the
 * engine, which answers with a typed rejection.
 */
import { z } from "zod";
import { type ActionBody, PLEDGE_ORDERS, type RejectionCode } from "../rules/types.ts";
import { own } from "../rules/util.ts";
import type { ORDER_KINDS } from "../scenario/schema.ts";

const roleId = z.string().min(1).max(32);
const shortText = z.string().max(500);
const money = z.number().finite().min(0).max(1_000_000);
const count = z.number().int().min(0).max(100);

export const ordersPayload = z
  .object({
    sanctions: count,
    sanctionsCarveOut: z.boolean(),
    crewFunding: z.string().max(32),
    subsidyPool: money,
    diversion: count,
    touristSeats: count,
    covertSale: z.boolean(),
    issRole: z.enum(["full", "reduced"]),
    extraCrew: count,
    acceptInspection: z.boolean(),
    flightsNextYear: count,
    listPrice: money,
    privateSeats: count,
    programmeInvestment: money,
    boeingMode: z.enum(["test", "rush"]),
  })
  .partial()
  .strict();

const pledgeCheck = z
  .object({
    order: z.enum(PLEDGE_ORDERS),
    op: z.enum(["<=", ">=", "=="]),
    value: z.union([z.number().finite(), z.string().max(32), z.boolean()]),
  })
  .strict();

const contractCondition = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("minFlights"), flights: count }).strict(),
  z.object({ kind: z.literal("noSeatsTo"), role: roleId }).strict(),
  z.object({ kind: z.literal("maxListPrice"), price: money }).strict(),
]);

export const termPayload = z.discriminatedUnion("kind", [
  z
    .object({
      kind: z.literal("seatSale"),
      provider: roleId,
      buyer: roleId,
      seats: count,
      price: money,
    })
    .strict(),
  z.object({ kind: z.literal("seatSwap"), a: roleId, b: roleId, seats: count }).strict(),
  z
    .object({ kind: z.literal("subsidy"), payer: roleId, beneficiary: roleId, perSeat: money })
    .strict(),
  z
    .object({
      kind: z.literal("contract"),
      state: roleId,
      company: roleId,
      value: money,
      condition: contractCondition.nullable(),
    })
    .strict(),
  z
    .object({
      kind: z.literal("techTransfer"),
      provider: roleId,
      recipient: roleId,
      points: count,
      price: money,
    })
    .strict(),
  z
    .object({
      kind: z.literal("pledge"),
      by: roleId,
      text: z.string().max(280),
      check: pledgeCheck.nullable(),
    })
    .strict(),
]);

const proposalId = z.object({ proposal: z.string().min(1).max(32) }).strict();

const customCard = z
  .object({
    id: z.string().min(1).max(40),
    title: z.string().min(1).max(80),
    note: z.string().min(1).max(200),
    weight: z.number().min(0).max(0).default(0),
    onlyWhenFundingBelow: z.null().default(null),
    effects: z.array(z.record(z.string(), z.unknown())).max(6),
  })
  .strict();

/** Messages any seated member may send, with their payload schema. */
export const SEAT_MESSAGES = {
  orders: ordersPayload,
  ready: z.object({ ready: z.boolean() }).strict(),
  commit: z.object({}).strict(),
  propose: z
    .object({
      parties: z.array(roleId).min(1).max(8),
      terms: z.array(termPayload).min(1).max(8),
      years: z.number().int().min(1).max(10),
      replaces: z.string().max(32).nullable().default(null),
      note: z.string().max(280).default(""),
    })
    .strict(),
  accept: proposalId,
  reject: proposalId,
  withdraw: proposalId,
  cancelDeal: z.object({ deal: z.string().min(1).max(32) }).strict(),
  chat: z.object({ to: z.array(roleId).min(1).max(8), text: shortText.min(1) }).strict(),
  statement: z.object({ text: shortText.min(1) }).strict(),
  stance: z.object({ stance: z.enum(["link", "compartmentalise"]) }).strict(),
  crisisChoice: z.object({ choice: z.enum(["firm", "deescalate"]) }).strict(),
} as const;

/** Messages only the host or facilitator may send. */
export const STAFF_MESSAGES = {
  start: z.object({}).strict(),
  pause: z.object({}).strict(),
  resume: z.object({}).strict(),
  extend: z.object({ seconds: z.number().int().min(1).max(1800) }).strict(),
  skip: z.object({}).strict(),
  inject: z.object({ card: z.union([z.string().min(1).max(40), customCard]) }).strict(),
  endGame: z.object({}).strict(),
} as const;

export type SeatMessageType = keyof typeof SEAT_MESSAGES;
export type StaffMessageType = keyof typeof STAFF_MESSAGES;
export type MessageType = SeatMessageType | StaffMessageType;
export type Payload<T extends MessageType> = T extends SeatMessageType
  ? z.infer<(typeof SEAT_MESSAGES)[T]>
  : T extends StaffMessageType
    ? z.infer<(typeof STAFF_MESSAGES)[T]>
    : never;

/** What the server answers to a request: accepted, or the engine's (or the edge's) typed rejection. */
export type Reply =
  | { ok: true }
  | { ok: false; code: RejectionCode | "ERR_MALFORMED" | "ERR_SERVER"; detail: string };

/** Turns a validated message into the engine action body it stands for. */
export function toActionBody(type: MessageType, payload: unknown): ActionBody {
  const p = payload as Record<string, never>;
  switch (type) {
    case "orders":
      return { type: "setOrders", orders: payload as z.infer<typeof ordersPayload> };
    case "ready":
      return { type: "ready", ready: p.ready };
    case "commit":
      return { type: "commit" };
    case "propose":
      return {
        type: "propose",
        parties: p.parties,
        terms: p.terms,
        years: p.years,
        replaces: p.replaces,
        note: p.note,
      };
    case "accept":
      return { type: "accept", proposal: p.proposal };
    case "reject":
      return { type: "reject", proposal: p.proposal };
    case "withdraw":
      return { type: "withdraw", proposal: p.proposal };
    case "cancelDeal":
      return { type: "cancelDeal", deal: p.deal };
    case "chat":
      return { type: "chat", to: p.to, text: p.text };
    case "statement":
      return { type: "statement", text: p.text };
    case "stance":
      return { type: "stance", stance: p.stance };
    case "crisisChoice":
      return { type: "crisisChoice", choice: p.choice };
    case "start":
      return { type: "startGame" };
    case "pause":
      return { type: "pause" };
    case "resume":
      return { type: "resume" };
    case "extend":
      return { type: "extend", seconds: p.seconds };
    case "skip":
      return { type: "skip" };
    case "inject":
      return { type: "injectEvent", card: p.card };
    case "endGame":
      return { type: "endGame" };
  }
}

/** Checks a message's shape; the answer names every bad field. */
export function parseMessage(
  type: string,
  payload: unknown,
): { ok: true; body: ActionBody } | { ok: false; code: "ERR_MALFORMED"; detail: string } {
  const schema =
    own(SEAT_MESSAGES as Record<string, z.ZodType>, type) ??
    own(STAFF_MESSAGES as Record<string, z.ZodType>, type);
  if (!schema) return { ok: false, code: "ERR_MALFORMED", detail: `unknown message "${type}"` };
  const r = schema.safeParse(payload ?? {});
  if (!r.success) {
    return {
      ok: false,
      code: "ERR_MALFORMED",
      detail: r.error.issues
        .map((i) => `${i.path.join(".") || "(payload)"}: ${i.message}`)
        .join("; "),
    };
  }
  return { ok: true, body: toActionBody(type as MessageType, r.data) };
}

/** Order kinds the payload schema knows: kept in step with the scenario's list. */
export const PROTOCOL_ORDER_KINDS = Object.keys(
  ordersPayload.shape,
) as (typeof ORDER_KINDS)[number][];
