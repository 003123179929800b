/**
 * Liberal: seeks reciprocal and multilateral deals it can see are executable, keeps its
 * pledges, compartmentalises, de-escalates the first time and then reciprocates (Firm
 * against a rival that was Firm in the last crisis), so it cannot be milked.
 */

import { viewDealsInOrder } from "../rules/records.ts";
import {
  buy,
  buyCrew,
  type Ctx,
  canPay,
  diversionSteps,
  fairSale,
  makeBot,
  type Offer,
  type Policy,
  priceStep,
  rivalsLastCrisisChoice,
  scenarioListPrice,
} from "./common.ts";

/** Know-how it shares with an emerging programme each year, in capability points. */
const TECH_POINTS = 2;

export const liberalPolicy: Policy = {
  name: "liberal",
  orders(c: Ctx) {
    const home =
      c.view.order.find((r) => c.sc.roles[r]?.homeState === c.me && c.hasVehicle(r)) ?? "";
    const emerging = c.view.order.filter(
      (r) => c.isState(r) && !c.sc.roles[r]?.humanSpaceflight,
    ).length;
    return {
      sanctions: 0,
      sanctionsCarveOut: true,
      crewFunding: home,
      subsidyPool: Math.min(c.sc.orders.maxSubsidyPool, emerging * c.sc.prices.subsidyCapPerSeat),
      diversion: 0,
      touristSeats: 1,
      covertSale: false,
      roleLevel: "full",
      extraCrew: 0,
      acceptInspection: true,
      // a step below the scenario's list price: a fair, friendly price
      listPrice: Math.max(0, scenarioListPrice(c) - priceStep(c)),
      programmeInvestment: Math.min(
        c.sc.orders.maxProgrammeInvestment,
        Math.floor((c.cash * 0.3) / 10) * 10,
      ),
    };
  },
  offers(c: Ctx) {
    const out: Offer[] = [];
    const me = c.me;
    // a public pledge it will keep
    const mine = c.sc.roles[me]?.orders ?? [];
    if (mine.includes("sanctions") && c.view.year === c.view.startYear) {
      out.push({
        parties: [me],
        terms: [
          {
            kind: "pledge",
            by: me,
            text: "No sanctions on space.",
            check: { order: "sanctions", op: "<=", value: 0 },
          },
        ],
        years: 3,
        note: "",
      });
    }
    if (mine.includes("diversion") && c.view.year === c.view.startYear) {
      out.push({
        parties: [me],
        terms: [
          {
            kind: "pledge",
            by: me,
            text: "Civil money stays civil.",
            check: { order: "diversion", op: "<=", value: diversionSteps(c)[0] ?? 0 },
          },
        ],
        years: 3,
        note: "",
      });
    }
    let missing = c.need(me) - c.secured(me);
    if (!c.hasVehicle(me) && missing > 0) {
      // interdependence: part of the crew rides with the rival, the rest with the cheapest
      // others; one of the rival's seats is left for the integrated-crew swap it proposes
      // next (followUps), which flies the same crew member reciprocally
      const reserve = c.rival && c.hasVehicle(c.rival) ? 1 : 0;
      const fromRival = c.rival
        ? Math.min(missing, Math.ceil(missing / 2) - reserve, c.spare(c.rival) - reserve)
        : 0;
      if (c.rival && fromRival > 0) {
        const o = buy(c, c.rival, fromRival, "flying together", 2);
        if (o) {
          out.push(o);
          missing -= (o.terms[0] as { seats: number }).seats;
        }
      }
      out.push(...buyCrew(c, c.rival ? [c.rival] : [], missing, "a fair price"));
    }
    // multilateral: subsidise an emerging nation's seat on another state's vehicle
    const pool = c.view.seats[me]?.pool ?? 0;
    const cap = c.sc.prices.subsidyCapPerSeat;
    if (c.isState(me) && !c.hasVehicle(me) && pool + c.cash * 0.2 >= cap) {
      for (const b of c.view.order) {
        if (b === me || !c.isState(b) || c.sc.roles[b]?.humanSpaceflight || c.secured(b) > 0)
          continue;
        const provider = c.view.order.find(
          (p) => p !== me && p !== b && c.isState(p) && c.hasVehicle(p) && c.spare(p) > 0,
        );
        if (!provider) break;
        const price = Math.max(c.price(provider), cap);
        out.push({
          parties: [me, provider, b],
          terms: [
            { kind: "seatSale", provider, buyer: b, seats: 1, price },
            { kind: "subsidy", payer: me, beneficiary: b, perSeat: cap },
          ],
          years: 1,
          note: "we cover part of the ride",
        });
        break;
      }
    }
    // share civil know-how with an emerging programme, for a fee
    if (c.hasVehicle(me) && c.isState(me)) {
      const learner = c.view.order.find(
        (r) => r !== me && c.isState(r) && !c.sc.roles[r]?.humanSpaceflight,
      );
      if (learner) {
        // priced at what the learner would pay to build the same capability itself
        const points = Math.min(TECH_POINTS, c.sc.prices.maxTechPoints);
        const price = Math.min(
          c.sc.prices.maxContractValue,
          Math.round(points / c.sc.prices.capabilityPerInvestment),
        );
        out.push({
          parties: [me, learner],
          terms: [{ kind: "techTransfer", provider: me, recipient: learner, points, price }],
          years: 1,
          note: "training and know-how",
        });
      }
    }
    return out;
  },
  followUps(c: Ctx) {
    // an integrated crew: once it holds seats of its own this year, swap one with the rival
    const me = c.me;
    if (c.hasVehicle(me) || !c.rival || !c.isState(me) || c.secured(me) < 2) return [];
    const swapped = viewDealsInOrder(c.view.deals).some(
      (d) => d.startYear === c.view.year && d.terms.some((t) => t.kind === "seatSwap"),
    );
    if (swapped) return [];
    // only a swap the rival has the seats for (makeBot also checks it: onlyExecutable)
    const terms = [{ kind: "seatSwap" as const, a: me, b: c.rival, seats: 1 }];
    if (c.unexecutable(terms) !== null) return [];
    return [{ parties: [me, c.rival], terms, years: 1, note: "an integrated crew" }];
  },
  accepts(c: Ctx, p) {
    for (const t of p.terms) {
      if (
        t.kind === "subsidy" &&
        t.payer === c.me &&
        t.perSeat * 3 > c.cash + (c.view.seats[c.me]?.pool ?? 0)
      )
        return false;
      if (
        t.kind === "pledge" &&
        t.by === c.me &&
        t.check &&
        !["sanctions", "diversion", "roleLevel"].includes(t.check.order)
      )
        return false;
      if (
        t.kind === "pledge" &&
        t.by === c.me &&
        t.check?.order === "diversion" &&
        Number(t.check.value) < 0
      )
        return false;
      if (t.kind === "seatSwap" && !c.hasVehicle(c.me) && c.secured(c.me) < t.seats) return false;
    }
    return fairSale(c, p, 2) && canPay(c, p);
  },
  // de-escalates first, then answers in kind: Firm against a rival that was Firm last time
  crisis: (c: Ctx) => (rivalsLastCrisisChoice(c) === "firm" ? "firm" : "deescalate"),
  stance: () => "compartmentalise",
  onlyExecutable: true,
};

export const liberalBot = makeBot(liberalPolicy);
