/**
 * Every sentence the client shows, in one place (ready for translation). Functions take the
 * values they mention; nothing here builds HTML.
 */
import type { Phase } from "../../../shared/rules/types.ts";

export { REJECTION_TEXT } from "./rejections.ts";

export const TEXT = {
  title: "Orbital Ties",
  tagline:
    "Space agencies, companies and new space nations trade seats to orbit, subsidies and contracts, while every deal pulls the world towards cooperation or tension.",

  home: {
    quickTitle: "Quick play",
    quickBody: "One click to a table: choose your country, bots play the rest.",
    quickButton: "Play now against bots",
    createTitle: "Create a table",
    createBody: "For a class, a workshop or friends. You get a code to share.",
    scenario: "Scenario",
    preset: "Length",
    advanced: "Advanced settings",
    years: "Years to play",
    optionalRoles: "Optional seats",
    readsChat: "I may read private chat (players are told)",
    negotiationSeconds: "Seconds of negotiation per year",
    createButton: "Create table",
    joinTitle: "Join a table",
    joinBody: "Type the 6-letter code your host gave you.",
    joinCode: "Table code",
    joinButton: "Join",
    badCode: "A code has 6 letters or digits.",
    unknownCode: "There is no table with that code.",
    working: "One moment…",
    failed: (detail: string) => `Something went wrong: ${detail}`,
    loadFailed: "The server did not answer. Is it running?",
  },

  lobby: {
    heading: (code: string) => `Table ${code}`,
    scenario: (name: string) => `Scenario: ${name}`,
    share: "Invite players",
    shareBody: "Send this link, or let them scan the code.",
    copy: "Copy link",
    copied: "Link copied",
    qrLabel: (url: string) => `QR code for ${url}`,
    readsChatNotice:
      "The host of this table can read private chat. Keep that in mind when you negotiate.",
    seatsHeading: "Seats",
    quickHeading: "Choose your country",
    quickBody: "Bots play every other seat. Each phase ends when you press Ready.",
    yourName: "Your first name",
    defaultName: "Player",
    takeSeatAs: (name: string) => ` as ${name}`,
    takeSeatShort: "Take seat",
    bot: "Bot",
    people: (names: string[]) => names.join(", "),
    you: "you",
    yourSeat: (name: string) => `You play ${name}.`,
    hostNoSeat: "You are the host. Take a seat to play, or start the game and watch.",
    start: "Start the game",
    waiting: "Waiting for the host to start the game…",
    nameNeeded: "Type your first name first.",
    connecting: "Connecting…",
    gameRunning: "This game has started. You can still take a seat that a bot is playing.",
    back: "Back to home",
    roleKind: { state: "State", company: "Company" } as Record<string, string>,
    more: "Read the whole briefing",
    less: "Show less",
  },

  board: {
    year: (year: number, last: number) => `${year} (last year ${last})`,
    yearLabel: "Year",
    phaseLabel: "Phase",
    timeLeft: "Time left",
    paused: "Paused",
    noTimer: "—",
    cooperation: "Cooperation",
    tension: "Tension",
    indices: (c: number, t: number) => `Cooperation ${c}, Tension ${t}`,
    you: "Your seat",
    cash: "Cash",
    score: "Score",
    capacity: "Seats this year",
    prestige: "Prestige",
    reputation: "Reputation",
    priority: "Secret priority",
    ready: "I'm ready",
    notReady: "Not ready yet",
    readyHint: "The phase ends early when every player is ready.",
    isReady: "Ready — waiting for the others",
    readyMark: " · ready",
    spectating: "You are watching this table.",
    orders: "Orders",
    ordersHint: "Orders take effect when the year resolves.",
    seats: "Table",
    controller: { human: "Player", bot: "Bot" } as Record<string, string>,
    events: "This year",
    panels: "Your panels",
    tabs: { deals: "Deals", orders: "Orders", report: "Report", table: "Table" },
    noEvents: "No event cards this year.",
    ended: "The game is over.",
    globeLabel: "Globe with launch sites and the space station",
    home: "Home",
    reconnecting: "Connection lost — reconnecting…",
    reconnected: "Back online.",
  },

  report: {
    heading: (year: number) => `What happened in ${year}`,
    flights: (n: number) => `${n} seat${n === 1 ? "" : "s"} flew.`,
    deals: (n: number) => `${n} deal${n === 1 ? "" : "s"} ran.`,
    tension: (before: number, after: number) =>
      `Tension ${before.toFixed(1)} → ${after.toFixed(1)}, because:`,
    cooperation: (c: number) => `Cooperation ${c.toFixed(1)}, from:`,
    score: (s: number) => `Your score this year: ${s.toFixed(1)}, from:`,
    clamp: "Tension stays between 0 and 100",
  },

  /** How the orders form names an order's choices. */
  orderValues: {
    yes: "Yes",
    no: "No",
    none: "None",
    named: { full: "Full", reduced: "Reduced", test: "Test", rush: "Rush" } as Record<
      string,
      string
    >,
  },

  phase: {
    lobby: "Lobby",
    briefing: "Briefing",
    negotiation: "Negotiation",
    commit: "Commit orders",
    crisis: "Crisis",
    ended: "Game over",
  } satisfies Record<Phase, string>,

  announce: {
    phase: (phase: string, year: number) => `${phase}, ${year}`,
    deal: (parties: string[]) => `Deal concluded: ${parties.join(" – ")}`,
    proposal: (from: string) => `New proposal from ${from}`,
    gameOver: "The game is over.",
  },
};
