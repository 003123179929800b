/**
 * The sentences of the board's resolution animation, its timeline of years and the dependence
 * graph (the board and the debrief): kept beside text/index.ts so each can change on its own.
 */

// a no-break space: "70 %" never breaks before its sign
const share = (x: number) => `${Math.round(x * 100)}\u00a0%`;

export const FX_TEXT = {
  tab: "Ties",

  resolution: {
    heading: (year: number) => `Flights and money in ${year}`,
    flightsTitle: "What flew",
    noFlights: "Nobody flew this year.",
    /** Seats flown alike: how many, whose crew, on whose vehicle, who gave and paid for them. */
    flight: (
      seats: number,
      crew: string,
      vehicle: string,
      provider: string,
      price: number,
      payers: string[],
    ) => {
      const given = provider === vehicle ? "" : `, seats from ${provider}`;
      const paid =
        price > 0 && payers.length
          ? `, ${Math.round(price)} a seat paid by ${payers.join(" and ")}`
          : "";
      return `${seats} × ${crew} crew to the station, flown by ${vehicle}${given}${paid}`;
    },
    /** The crew of seats sold to market buyers ("1 × paying-customer crew to the station"). */
    market: "paying-customer",
    outside: "an outside provider",
    moneyTitle: "What money moved",
    noMoney: "No money moved between seats.",
    money: (from: string, to: string, amount: number) => `${from} paid ${to} ${Math.round(amount)}`,
  },

  timeline: {
    label: "Years of the game",
    heading: "Timeline",
    year: (year: number) => String(year),
    now: "now",
    nowLong: (year: number) => `${year}, the year being played`,
    past: (year: number) => `${year}, resolved`,
    future: (year: number) => `${year}, to come`,
    noCards: "no event card",
    injected: "added by the host",
  },

  graph: {
    heading: (year: number) => `Who depends on whom (${year})`,
    peakHeading: (year: number) => `The dependence graph at its peak (${year})`,
    hint: "Crew seats, the ride home and money, as the year's resolution measured them. A heavy arrow is one-sided dependence: the marked side is exposed. A double line is mutual.",
    peakHint: "The year the table was most tied together.",
    none: "No year has resolved yet: nobody depends on anybody.",
    noLinks: "Nobody depended on anybody this year.",
    label: (year: number) => `Dependence graph, ${year}`,
    listTitle: "The same, as a list",
    oneSided: (exposed: string, over: string, v: number, m: number) =>
      `${exposed} depends on ${over}, one-sided: exposed ${share(v)}${m > 0.005 ? `, mutual ${share(m)}` : ""}`,
    mutual: (a: string, b: string, m: number, exposed: string | null, v: number) =>
      `${a} and ${b} depend on each other: mutual ${share(m)}${exposed && v > 0.005 ? `, ${exposed} a little more (${share(v)})` : ""}`,
    exposedMark: "exposed",
    legendOneSided: "one-sided (vulnerability)",
    legendMutual: "mutual",
    legendExposed: "exposed side",
  },
};
