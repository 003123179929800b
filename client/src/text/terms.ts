/**
 * A proposal's or deal's terms as sentences. Names come from the view's seats; player text
 * (a pledge) is returned as text, never as markup.
 */
import type { ContractCondition, Term } from "../../../shared/rules/types.ts";
import type { TermKind } from "../../../shared/scenario/schema.ts";
import { CONDITION_TEXT } from "./conditions.ts";
import { count } from "./details.ts";

/** The checkable orders' names where no scenario is at hand (a deal's line in a list). */
const ORDER_NAMES: Record<string, string> = {
  sanctions: "sanctions level",
  diversion: "diversion to the military (%)",
  roleLevel: "ISS role",
  covertSale: "covert sale",
  touristSeats: "tourist seats",
  listPrice: "list price",
  flightsNextYear: "flights next year",
};

type NameOf = (role: string) => string;

const seats = (n: number) => count(n, "seat", "seats");

function condition(c: ContractCondition | null, name: NameOf): string {
  if (!c) return "";
  switch (c.kind) {
    case "minFlights":
      return `, if it flies at least ${count(c.flights, "flight", "flights")}`;
    case "noSeatsTo":
      return `, if it sells no seats to ${name(c.role)}`;
    case "maxListPrice":
      return `, if its list price stays at most ${c.price}`;
  }
}

export function termText(t: Term, name: NameOf): string {
  switch (t.kind) {
    case "seatSale":
      return `${name(t.provider)} sells ${name(t.buyer)} ${seats(t.seats)} at ${t.price} each`;
    case "seatSwap":
      return `${name(t.a)} and ${name(t.b)} swap ${seats(t.seats)}`;
    case "subsidy":
      return `${name(t.payer)} pays ${t.perSeat} towards each seat ${name(t.beneficiary)} buys`;
    case "contract":
      return `${name(t.state)} pays ${name(t.company)} ${t.value} a year${condition(t.condition, name)}`;
    case "techTransfer":
      return `${name(t.provider)} passes ${name(t.recipient)} ${t.points} points of know-how for ${t.price}`;
    case "pledge":
      return `${name(t.by)} pledges: “${t.text}”${
        t.check
          ? CONDITION_TEXT.checkText(
              ORDER_NAMES[t.check.order] ?? t.check.order,
              t.check.op,
              typeof t.check.value === "boolean"
                ? t.check.value
                  ? "yes"
                  : "no"
                : String(t.check.value),
            )
          : ""
      }`;
  }
}

export const PROPOSAL_TEXT = {
  heading: "Proposals",
  none: "No proposals this year yet.",
  from: (name: string) => `From ${name}`,
  yours: "Your proposal",
  years: (n: number) => `for ${count(n, "year", "years")}`,
  parties: (names: string[]) => `Between ${names.join(", ")}`,
  accept: "Accept",
  reject: "Reject",
  withdraw: "Withdraw",
  counter: "Counter",
  counterHint: (from: string) => `Counter ${from}'s proposal: its terms go to the builder below`,
  acceptedBy: (names: string[]) => `Accepted by ${names.join(", ")}`,
  status: {
    open: "Open",
    concluded: "Deal concluded",
    rejected: "Rejected",
    withdrawn: "Withdrawn",
    countered: "Countered",
    expired: "Expired",
  } as Record<string, string>,
  waiting: "Waiting for the others",
};

export type FieldName = "role" | "number" | "text";

/** The fields of each term kind as the builder asks for them (conditions and checks: later). */
export const TERM_FIELDS: Record<TermKind, { key: string; type: FieldName }[]> = {
  seatSale: [
    { key: "provider", type: "role" },
    { key: "buyer", type: "role" },
    { key: "seats", type: "number" },
    { key: "price", type: "number" },
  ],
  seatSwap: [
    { key: "a", type: "role" },
    { key: "b", type: "role" },
    { key: "seats", type: "number" },
  ],
  subsidy: [
    { key: "payer", type: "role" },
    { key: "beneficiary", type: "role" },
    { key: "perSeat", type: "number" },
  ],
  contract: [
    { key: "state", type: "role" },
    { key: "company", type: "role" },
    { key: "value", type: "number" },
  ],
  techTransfer: [
    { key: "provider", type: "role" },
    { key: "recipient", type: "role" },
    { key: "points", type: "number" },
    { key: "price", type: "number" },
  ],
  pledge: [
    { key: "by", type: "role" },
    { key: "text", type: "text" },
  ],
};

export const BUILDER_TEXT = {
  heading: "Make a proposal",
  partners: "With",
  kind: "Add a term",
  add: "Add term",
  years: "Years the deal runs",
  note: "Note (optional)",
  send: "Send proposal",
  sent: "Proposal sent.",
  countering: (from: string) =>
    `Your counter-proposal to ${from}: change what you like and send it. Theirs closes once yours is sent.`,
  cancelCounter: "Start a new proposal instead",
  counterTitle: "Make a counter-proposal",
  incomplete: "Choose at least one partner and add a term.",
  remove: (kind: string) => `Remove this ${kind.toLowerCase()}`,
  effect: (name: string, pays: number, receives: number, crew: number) =>
    `${name}: pays ${pays}, receives ${receives}${crew ? `, flies ${crew}` : ""} a year.`,
  kinds: {
    seatSale: "Seat sale",
    seatSwap: "Seat swap",
    subsidy: "Subsidy",
    contract: "Contract",
    techTransfer: "Know-how transfer",
    pledge: "Pledge",
  } satisfies Record<TermKind, string>,
  fields: {
    provider: "Seller",
    buyer: "Buyer",
    seats: "Seats",
    price: "Price",
    a: "One side",
    b: "Other side",
    payer: "Payer",
    beneficiary: "For the purchases of",
    perSeat: "Subsidy per seat",
    state: "State",
    company: "Company",
    value: "Value per year",
    recipient: "Recipient",
    points: "Know-how points",
    by: "Who pledges",
    text: "Pledge",
  } as Record<string, string>,
  defaults: { seats: 1, price: 50, perSeat: 10, value: 100, points: 1 } as Record<string, number>,
};
