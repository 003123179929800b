/**
 * The shapes of orders and terms, as zod schemas: the protocol checks messages
 * with them at the edge, and the engine's TypeScript types (Orders, Term, …)
 * are inferred from them, so the two cannot drift apart. The bounds here are
 * the shape's (see limits.ts); the engine checks each scenario's real ranges.
 */
import { z } from "zod";
import { LIMITS } from "./limits.ts";

const roleId = z.string().min(1).max(LIMITS.roleId);
const money = z.number().finite().min(0).max(LIMITS.money);
const count = z.number().int().min(0).max(LIMITS.count);

/** Every order a seat may set (GAME.md, "Orders"). Only the role's own kinds apply. */
export const ordersShape = z
  .object({
    sanctions: count,
    sanctionsCarveOut: z.boolean(),
    /** Role id of a company to fund this year, or "" for none. */
    crewFunding: z.string().max(LIMITS.roleId),
    subsidyPool: money,
    diversion: count,
    touristSeats: count,
    covertSale: z.boolean(),
    roleLevel: z.enum(["full", "reduced"]),
    extraCrew: count,
    acceptInspection: z.boolean(),
    flightsNextYear: count,
    listPrice: money,
    privateSeats: count,
    programmeInvestment: money,
    readinessMode: z.enum(["test", "rush"]),
  })
  .strict();

/** The orders a checkable pledge may name: the engine compares them at resolution. */
export const PLEDGE_ORDERS = [
  "sanctions",
  "diversion",
  "roleLevel",
  "covertSale",
  "touristSeats",
  "listPrice",
  "flightsNextYear",
] as const;

export const pledgeCheckSchema = z
  .object({
    order: z.enum(PLEDGE_ORDERS),
    op: z.enum(["<=", ">=", "=="]),
    value: z.union([z.number().finite(), z.string().max(LIMITS.roleId), z.boolean()]),
  })
  .strict();

export const contractConditionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("minFlights"), flights: count }).strict(),
  z.object({ kind: z.literal("noSeatsTo"), role: roleId }).strict(),
  z.object({ kind: z.literal("maxListPrice"), price: money }).strict(),
]);

/** One term of a proposal. */
export const termSchema = z.discriminatedUnion("kind", [
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
      condition: contractConditionSchema.nullable(),
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
      text: z.string().max(LIMITS.noteText),
      check: pledgeCheckSchema.nullable(),
    })
    .strict(),
]);
