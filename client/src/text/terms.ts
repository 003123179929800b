/**
 * A proposal's or deal's terms as sentences. Names come from the view's seats; player text
 * (a pledge) is returned as text, never as markup.
 */
import type { ContractCondition, Term } from "../../../shared/rules/types.ts";

type NameOf = (role: string) => string;

const seats = (n: number) => `${n} seat${n === 1 ? "" : "s"}`;

function condition(c: ContractCondition | null, name: NameOf): string {
  if (!c) return "";
  switch (c.kind) {
    case "minFlights":
      return `, if it flies at least ${c.flights} flight${c.flights === 1 ? "" : "s"}`;
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
      return `${name(t.by)} pledges: “${t.text}”`;
  }
}

export const PROPOSAL_TEXT = {
  heading: "Proposals",
  none: "No proposals this year yet.",
  from: (name: string) => `From ${name}`,
  yours: "Your proposal",
  years: (n: number) => `for ${n} year${n === 1 ? "" : "s"}`,
  parties: (names: string[]) => `Between ${names.join(", ")}`,
  accept: "Accept",
  reject: "Reject",
  withdraw: "Withdraw",
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
