/** Step 1: the effects of the year's event cards. */
import type { EventEffect } from "../../scenario/schema.ts";
import { named } from "../details.ts";
import type { GameState } from "../types.ts";
import { transfer } from "../util.ts";
import { has, type Work } from "./work.ts";

/** Applies one effect of an event card; `card` names it in terms and ledger notes. */
export function applyEffect(
  s: GameState,
  w: Work,
  card: { id: string; title: string },
  e: EventEffect,
): void {
  const title = card.title;
  const role = "role" in e ? e.role : null;
  if (role !== null && !has(s, role)) return; // effects on roles not at this table do nothing
  const st = role !== null ? s.seats[role] : undefined;
  switch (e.kind) {
    case "tension":
      w.tensionTerms.push(named({ cause: "event", event: card.id }, e.amount));
      break;
    case "capacity":
      w.capLoss[e.role] = (w.capLoss[e.role] ?? 0) + e.seats;
      break;
    case "budgetShare": {
      const amount = Math.abs(e.share) * (s.scenario.roles[e.role]?.budgetBase ?? 0);
      if (e.share < 0)
        transfer(s, e.role, "sink:event", Math.min(amount, Math.max(0, st?.cash ?? 0)), title);
      else transfer(s, "source:event", e.role, amount, title);
      w.budgetDelta[e.role] = (w.budgetDelta[e.role] ?? 0) + Math.sign(e.share) * amount;
      break;
    }
    case "budgetFlat":
      if (e.amount < 0)
        transfer(s, e.role, "sink:event", Math.min(-e.amount, Math.max(0, st?.cash ?? 0)), title);
      else transfer(s, "source:event", e.role, e.amount, title);
      w.budgetDelta[e.role] = (w.budgetDelta[e.role] ?? 0) + e.amount;
      break;
    case "marketBuyers":
      break; // added to the public market list when the card was drawn or injected
    case "trust":
      for (let i = 0; i < Math.abs(e.amount); i++)
        s.trustRecords.push({ year: s.year, kept: e.amount > 0 });
      break;
    case "readiness":
      if (st) st.readiness = Math.max(0, st.readiness + e.amount);
      break;
    case "capability":
      if (st) st.capability = Math.max(0, st.capability + e.amount);
      break;
    case "prestige":
      if (st) st.prestige += e.amount;
      break;
    case "reputation":
      if (st) st.reputation += e.amount;
      break;
    case "crisisOnEarth": {
      const t = s.scenario.tension;
      const linked = s.scenario.rivalPair.some((r) => s.seats[r]?.stance === "link");
      for (const r of s.scenario.rivalPair)
        w.report.stance[r] = s.seats[r]?.stance || "compartmentalise";
      w.linked = w.linked || linked;
      w.tensionTerms.push(
        named(
          { cause: "crisisOnEarth", event: card.id, linked },
          linked ? t.crisisOnEarthLink : t.crisisOnEarthCompartmentalise,
        ),
      );
      break;
    }
    case "rescue":
      if (has(s, e.failed) && has(s, e.rescuer)) w.rescue[e.failed] = e.rescuer;
      break;
    case "lifeboatExposure":
      w.lifeboatExposure += e.tensionPerShare;
      break;
    case "outsideOffer":
      w.outsideOffers.push({ name: e.name, seats: e.seats, price: e.price, appeal: e.appeal });
      break;
  }
}
