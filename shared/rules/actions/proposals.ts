/** Proposals and deals: propose (or counter), accept, reject, withdraw, cancel. */

import { LIMITS } from "../limits.ts";
import { newProposalId, proposalsThisYear } from "../records.ts";
import { cancellationPenalty, checkProposal } from "../terms.ts";
import type { Deal, Proposal } from "../types.ts";
import { copyJson, own, reject, round2, transfer } from "../util.ts";
import { actingSeat } from "./seat.ts";
import type { Handler } from "./types.ts";

export const propose: Handler<"propose"> = (s, a, out) => {
  const st = actingSeat(s, a);
  const note = typeof a.note === "string" ? a.note : "";
  if (note.length > LIMITS.noteText)
    return reject("ERR_TOO_LONG", `a note has at most ${LIMITS.noteText} characters`);
  let open = 0;
  for (const p of proposalsThisYear(s)) if (p.from === st.role && p.status === "open") open++;
  if (open >= LIMITS.openProposalsPerSeat)
    return reject(
      "ERR_NOT_ALLOWED",
      `at most ${LIMITS.openProposalsPerSeat} open proposals at once`,
    );
  const problem = checkProposal(s.scenario, s.order, st.role, a.parties, a.terms, a.years);
  if (problem) return reject(problem.code, problem.detail);
  let replaced: Proposal | null = null;
  if (a.replaces !== null && a.replaces !== undefined) {
    replaced = own(s.proposals, a.replaces) ?? null;
    if (!replaced) return reject("ERR_UNKNOWN_PROPOSAL", "the proposal you counter does not exist");
    if (!replaced.parties.includes(st.role))
      return reject("ERR_NOT_A_PARTY", "you can only counter a proposal you are party to");
    if (replaced.status !== "open")
      return reject("ERR_PROPOSAL_CLOSED", `that proposal is ${replaced.status}`);
  }
  s.counters.proposal++;
  const id = newProposalId(s, a.parties);
  s.proposalOrder.push(id);
  const proposal: Proposal = {
    id,
    from: st.role,
    parties: [...a.parties],
    terms: copyJson(a.terms),
    years: a.years,
    note,
    replaces: replaced ? replaced.id : null,
    status: "open",
    accepted: [st.role],
    year: s.year,
    deal: null,
  };
  s.proposals[id] = proposal;
  if (replaced) {
    replaced.status = "countered";
    out.push({
      type: "proposalCountered",
      proposal: replaced.id,
      parties: [...replaced.parties],
      by: st.role,
      counter: id,
    });
  }
  out.push({
    type: "proposalReceived",
    proposal: id,
    from: st.role,
    parties: [...proposal.parties],
    replaces: proposal.replaces,
  });
  conclude(s, proposal, out);
  return null;
};

/** Turns a proposal every party accepted into a binding deal. */
function conclude(
  s: Parameters<Handler<"propose">>[0],
  p: Proposal,
  out: Parameters<Handler<"propose">>[2],
): void {
  if (!p.parties.every((r) => p.accepted.includes(r))) return;
  s.counters.deal++;
  const id = `d${s.counters.deal}`;
  const deal: Deal = {
    id,
    seq: s.counters.deal,
    fromProposal: true,
    parties: [...p.parties],
    terms: p.terms,
    years: p.years,
    startYear: s.year,
    yearsDone: 0,
    status: "active",
    prepaid: false,
    results: {},
    voidTerms: [],
  };
  s.deals[id] = deal;
  p.status = "concluded";
  p.deal = id;
  out.push({ type: "dealConcluded", deal: id, proposal: p.id, parties: [...deal.parties] });
}

function openProposalFor(s: Parameters<Handler<"accept">>[0], id: unknown, role: string) {
  const p = own(s.proposals, id);
  if (!p) return reject("ERR_UNKNOWN_PROPOSAL", "no such proposal");
  if (!p.parties.includes(role))
    return reject("ERR_NOT_A_PARTY", "you are not a party to that proposal");
  if (p.status !== "open") return reject("ERR_PROPOSAL_CLOSED", `that proposal is ${p.status}`);
  return p;
}

export const accept: Handler<"accept"> = (s, a, out) => {
  const st = actingSeat(s, a);
  const p = openProposalFor(s, a.proposal, st.role);
  if ("ok" in p) return p;
  if (p.accepted.includes(st.role))
    return reject("ERR_ALREADY_ACCEPTED", "you already accepted it");
  p.accepted.push(st.role);
  out.push({ type: "proposalAccepted", proposal: p.id, parties: [...p.parties], by: st.role });
  conclude(s, p, out);
  return null;
};

export const rejectProposal: Handler<"reject"> = (s, a, out) => {
  const st = actingSeat(s, a);
  const p = openProposalFor(s, a.proposal, st.role);
  if ("ok" in p) return p;
  p.status = "rejected";
  out.push({ type: "proposalRejected", proposal: p.id, parties: [...p.parties], by: st.role });
  return null;
};

export const withdraw: Handler<"withdraw"> = (s, a, out) => {
  const st = actingSeat(s, a);
  const p = openProposalFor(s, a.proposal, st.role);
  if ("ok" in p) return p;
  if (p.from !== st.role)
    return reject("ERR_NOT_ALLOWED", "only the proposer can withdraw a proposal");
  p.status = "withdrawn";
  out.push({ type: "proposalWithdrawn", proposal: p.id, parties: [...p.parties], by: st.role });
  return null;
};

export const cancelDeal: Handler<"cancelDeal"> = (s, a, out) => {
  const st = actingSeat(s, a);
  const d = own(s.deals, a.deal);
  if (!d) return reject("ERR_UNKNOWN_DEAL", "no such deal");
  if (!d.parties.includes(st.role))
    return reject("ERR_NOT_A_PARTY", "you are not a party to that deal");
  if (d.status !== "active") return reject("ERR_DEAL_NOT_ACTIVE", `that deal is ${d.status}`);
  const penalty = cancellationPenalty(s.scenario, d);
  if (penalty > st.cash + 1e-9)
    return reject(
      "ERR_INSUFFICIENT_FUNDS",
      `cancelling costs ${penalty}; you have ${Math.round(st.cash)}`,
    );
  const others = d.parties.filter((r) => r !== st.role);
  const each = others.length ? round2(penalty / others.length) : 0;
  for (const r of others) transfer(s, st.role, r, each, `cancellation of deal ${d.id}`);
  d.status = "cancelled";
  d.results[String(s.year)] = `cancelled by ${s.scenario.roles[st.role]?.short ?? st.role}`;
  out.push({
    type: "dealCancelled",
    deal: d.id,
    parties: [...d.parties],
    by: st.role,
    cost: penalty,
  });
  return null;
};
