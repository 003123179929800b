/**
 * How a deal's year went, as a sentence (the replay's "Deals that ran"). The Record is
 * exhaustive: a new DealResultKind in shared/rules/types.ts without a sentence fails typecheck.
 * `who` is the party at fault, named; a result without one never reads it.
 */
import type { DealResultKind } from "../../../shared/rules/types.ts";

export const DEAL_RESULT_TEXT: Record<DealResultKind, (who: string) => string> = {
  executed: () => "Ran as agreed this year.",
  void: () =>
    "Void this year: space deals between the two rivals were suspended by the crisis on Earth; nobody was at fault.",
  noSeatsLeft: (who) => `Failed: ${who} had no seats left to fly the buyer's crew.`,
  subsidyUnpaid: (who) => `Failed: ${who} could not pay the promised subsidy.`,
  seatsUnpaid: (who) => `Failed: ${who} could not pay for the seats.`,
  noSeatsToSwap: (who) => `Failed: ${who} had no seats left on its own vehicle for the swap.`,
  noHeldSeatsToSwap: (who) => `Failed: ${who} held no bought seats to give in the swap.`,
  contractUnpaid: (who) => `Failed: ${who} could not pay its cash share of the contract.`,
  noKnowHow: (who) => `Failed: ${who} did not have the know-how it promised to transfer.`,
  knowHowUnpaid: (who) => `Failed: ${who} could not pay for the know-how.`,
};

/** The mark before each result (hidden from screen readers: the sentence says it). */
export const DEAL_RESULT_MARK = { executed: "✓", void: "–", failed: "✗" } as const;
