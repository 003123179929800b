/**
 * Liberal: seeks reciprocal and multilateral deals, keeps its pledges,
 * compartmentalises and de-escalates.
 */

import { viewDealsInOrder } from "../rules/records.ts";
import {
  buy,
  buyCrew,
  type Ctx,
  canPay,
  fairSale,
  makeBot,
  type Offer,
  type Policy,
} from "./common.ts";

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
      listPrice: 80,
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
            check: { order: "diversion", op: "<=", value: 10 },
          },
        ],
        years: 3,
        note: "",
      });
    }
    let missing = c.need(me) - c.secured(me);
    if (!c.hasVehicle(me) && missing > 0) {
      // interdependence: part of the crew rides with the rival, the rest with the cheapest others
      if (c.rival && c.spare(c.rival) > 0) {
        const o = buy(c, c.rival, Math.min(missing, Math.ceil(missing / 2)), "flying together", 2);
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
        out.push({
          parties: [me, learner],
          terms: [{ kind: "techTransfer", provider: me, recipient: learner, points: 2, price: 40 }],
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
    if (
      c.hasVehicle(me) ||
      !c.rival ||
      !c.isState(me) ||
      c.secured(me) < 2 ||
      c.view.year === c.view.startYear
    )
      return [];
    const swapped = viewDealsInOrder(c.view.deals).some(
      (d) => d.startYear === c.view.year && d.terms.some((t) => t.kind === "seatSwap"),
    );
    if (swapped) return [];
    return [
      {
        parties: [me, c.rival],
        terms: [{ kind: "seatSwap", a: me, b: c.rival, seats: 1 }],
        years: 1,
        note: "an integrated crew",
      },
    ];
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
    return fairSale(c, p, 10) && canPay(c, p);
  },
  crisis: () => "deescalate",
  stance: () => "compartmentalise",
};

export const liberalBot = makeBot(liberalPolicy);
