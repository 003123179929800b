/**
 * The sentences of "learning to play": the first-year guide, each screen's help, the Rules
 * panel's frame, the notes that explain the gauges and score terms, and what ends a crisis.
 * Kept apart from index.ts so the screens' text and this can change independently.
 */
import type { ScoreCause } from "../../../shared/rules/details.ts";

export const LEARN = {
  help: {
    button: "Help",
    buttonLabel: (screen: string) => `Help for the ${screen}`,
    close: "Close",
    rules: "Rules",
    rulesLabel: "Rules of this scenario",
    rulesHeading: (scenario: string) => `Rules · ${scenario}`,
    rulesIntro: "Every number here comes from the scenario this table plays.",
    guideAgain: "Show the first-year guide again",
    screens: {
      home: {
        name: "home page",
        heading: "How to start",
        lines: [
          "Orbital Ties is a negotiation game: each player runs a space agency, a company or a new space nation, and makes deals for seats to orbit.",
          "Quick play puts you at a table at once: you choose a country and bots play the others. Each phase ends when you press Ready.",
          "Create a table to play with a class or friends: you get a code and a link to share. Join a table by typing the 6-letter code you were given.",
          "Watch a finished game by typing its code: its replay steps through the years, and its debrief shows how it ended.",
        ],
      },
      lobby: {
        name: "lobby",
        heading: "Before the game",
        lines: [
          "Type your first name, then take a seat: that is the country or company you play. Several people may share a seat as a team.",
          "Seats nobody takes are played by bots. The host starts the game when everyone is seated.",
          "Share the link or the QR code to invite more players. The Rules button shows how this scenario scores.",
        ],
      },
      board: {
        name: "board",
        heading: "How a year works",
        lines: [
          "Each year has a briefing (read what changed), a negotiation (make and answer proposals, chat), and a last call for orders. Then the year resolves.",
          "Deals: build a proposal, see its effect, send it; answer offers in the inbox. Chat: talk in public or in private. Orders: your own secret decisions for the year. Report: what happened last year and why your score moved.",
          "The two gauges over the globe are Cooperation (higher is better for everyone) and Tension (if it reaches the crisis point, the rivals face a crisis).",
          "Press Ready when you are done with a phase: it ends early once every player is ready.",
        ],
      },
      debrief: {
        name: "debrief",
        heading: "Reading the debrief",
        lines: [
          "The ranking compares each seat's score with its par (what a good game scores), so different seats can be ranked together.",
          "The three verdicts read the same game in three ways: did ties restrain tension, who depended on whom, did the seat market work.",
          "The chart and its table show Cooperation and Tension year by year with their largest cause. Download the game to keep it.",
        ],
      },
      replay: {
        name: "replay",
        heading: "Reading the replay",
        lines: [
          "The replay steps through a finished game one year at a time: Previous and Next, a year's button, or the arrow keys (Home and End jump to the first and the last year).",
          "Each year shows how Tension and Cooperation moved and why, the event cards and any crisis, the deals concluded and the deals that ran, and every seat's score with its terms.",
          "Open the debrief for the ranking and the three ways of reading the whole game.",
        ],
      },
      error: {
        name: "page",
        heading: "When a table cannot be shown",
        lines: [
          "The sentence in red says what went wrong: a code nobody has made, a game that is not over yet, or a record this version cannot read.",
          "Check the 6-letter code with whoever gave it to you: letters are not case-sensitive, and a game that is still running opens its table, not its replay.",
          "Back to home takes you to quick play, a new table, or another code.",
        ],
      },
    },
  },

  guide: {
    label: "First-year guide",
    step: (n: number, of: number) => `Step ${n} of ${of}`,
    next: "Next",
    back: "Back",
    done: "Done",
    skip: "Skip the guide",
    announce: (step: string, title: string, body: string) => `${step}: ${title}. ${body}`,
    steps: {
      seat: {
        title: "This is you",
        body: (name: string) =>
          `You play ${name}. Your cash, score and secret priority are shown here. Each year you score points for these goals:`,
      },
      proposal: {
        title: "Make a first proposal",
        body: "Tick who the deal is with, add a term (a seat sale, a subsidy, a contract…), read the preview of what it does to each side, then send it. Offers made to you appear in the inbox above.",
        later:
          "Proposals are made during the negotiation, which follows this briefing: then this tab holds the proposal builder. You tick who the deal is with, add terms (a seat sale, a subsidy, a contract…), read the preview and send it. Offers made to you appear here.",
      },
      orders: {
        title: "Set your orders",
        body: "Orders are your own decisions for the year, each with its one-line rule. Nobody else sees them; they take effect when the year resolves.",
      },
      ready: {
        title: "Press Ready when you are done",
        body: "The phase ends when every player is ready, or when the clock runs out. You can find this guide again under Help.",
      },
    },
  },

  gauges: {
    coopAtZero:
      "Cooperation is 0 until the first year ends. Deals between rivals, seats shared by three nations and kept promises raise it.",
  },

  crisis: {
    endsWhen: (a: string, b: string) =>
      `The crisis ends as soon as ${a} and ${b} have both chosen, or when the clock runs out. Ready does not end it.`,
    endsWhenMine: (rival: string) =>
      `The crisis ends as soon as you and ${rival} have both chosen, or when the clock runs out. Ready does not end it.`,
  },

  notices: {
    repeated: (n: number) => `×${n}`,
    repeatedLabel: (n: number) => `${n} times`,
  },

  /** What each score term means, as a sentence around what the engine counted. */
  scoreTerm: {
    lowTension: (t: number) =>
      `Low Tension: Tension ended the year at ${Math.round(t)} of 100; the lower it is, the more you score.`,
    withMeaning: (name: string, counted: string, meaning: string) =>
      `${name}: ${counted} — ${meaning}`,
    meaning: {
      crewMet: "points for your astronauts who reached the station.",
      moneySaved: "points for the share of your budget you kept.",
      lowVulnerability: "0 means you do not depend on your rival; 1 that you depend on it fully.",
      homeProviders: "points when your own companies fly your crew.",
      civilFunding: "points for civil money against its target.",
      crewsFlown: "points for each astronaut your vehicle flew.",
      security: "points for security gained this year.",
      prestige: "points for the prestige you hold.",
      profit: "points for what you earned minus what you spent.",
      seatShare: "points for your share of all seats flown.",
      reputation: "points for the reputation you hold.",
      astronautsFlown: "points for each of your astronauts who flew.",
      capabilityGained: "points for the capability you gained.",
      newPartners: "points for each new partner who flew your crew.",
      singleProvider: "points lost for depending on one company.",
      brokenPledges: "points lost for promises not kept.",
      failedDeals: "points lost for deals that failed through your fault.",
      crisis: "points won or lost in the crisis.",
    } satisfies Record<Exclude<ScoreCause, "lowTension">, string>,
  },
};
