/**
 * Every sentence the client shows, in one place (ready for translation). Functions take the
 * values they mention; nothing here builds HTML.
 */
import type { ScoreCause } from "../../../shared/rules/details.ts";
import type { Phase } from "../../../shared/rules/types.ts";
import { count } from "./details.ts";

export { REJECTION_TEXT } from "./rejections.ts";

const signedInt = (n: number) => `${n > 0 ? "+" : n < 0 ? "−" : "±"}${Math.abs(n)}`;

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
    presetChoice: (label: string, years: number) => `${label} · ${count(years, "year", "years")}`,
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
    /** The lobby's h1 before its code (the code is set apart in its own span). */
    headingWord: "Table",
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
    /** A guest's status card before sitting down (it was an empty card). */
    takeSeatFirst: "Type your first name and take a seat. The host starts the game.",
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
    tabs: { deals: "Deals", chat: "Chat", orders: "Orders", report: "Report", table: "Table" },
    unread: (n: number) => `${n} unread`,
    noEvents: "No event cards this year.",
    ended: "The game is over.",
    globeLabel: "Globe with launch sites and the space station",
    home: "Home",
    reconnecting: "Connection lost — reconnecting…",
    reconnected: "Back online.",
  },

  chat: {
    heading: "Chat",
    channels: "Conversations",
    public: "Public statements",
    publicHint: "Everyone at the table reads these.",
    privateHint: (names: string[]) => `Only ${names.join(", ")} and you read this.`,
    with: (names: string[]) => names.join(", "),
    newChannel: "New private conversation",
    newChannelHint: "Pick the seats to talk with in private.",
    open: "Open conversation",
    pickSomeone: "Pick at least one seat.",
    message: (to: string[] | null) =>
      to === null ? "Your public statement" : `Your message to ${to.join(", ")}`,
    send: "Send",
    empty: "Nothing said here yet.",
    readOnly: "Only seated players can write here.",
    unread: (n: number) => `${n} new`,
    from: (seat: string, member: string) => (member ? `${seat} (${member})` : seat),
    readsChatNotice: "The host of this table can read private conversations too.",
  },

  crisis: {
    heading: "Crisis",
    intro: (rival: string) =>
      `Tension has reached the crisis point. You and ${rival} each choose in secret; both choices are shown when the crisis ends.`,
    firm: "Stand firm",
    deescalate: "De-escalate",
    firmMeans: (points: number, oneFirm: number, bothFirm: number, chance: number) =>
      `If the other side de-escalates, you gain ${points} points and they lose ${points}; Tension ${signedInt(oneFirm)}. If both stand firm, there is a ${chance}% chance the crisis escalates into conflict and ends the game; otherwise Tension ${signedInt(bothFirm)}.`,
    deescalateMeans: (both: number, points: number) =>
      `If both de-escalate, Tension ${signedInt(both)}. If the other stands firm, you lose ${points} points. Not choosing counts as de-escalating.`,
    leverage: (points: number, rival: string) =>
      `You depend on ${rival}'s seats: if ${rival} stands firm you lose ${points} more points.`,
    chosen: (choice: string) => `Your choice: ${choice}. You may change it until the crisis ends.`,
    watching: (a: string, b: string) =>
      `A crisis is under way: ${a} and ${b} are choosing in secret whether to stand firm or de-escalate.`,
    outcome: (result: string) => `Crisis: ${result}.`,
    choices: (list: string[]) => list.join(" · "),
    choiceName: { firm: "stood firm", deescalate: "de-escalated" } as Record<string, string>,
  },

  debrief: {
    title: (name: string) => `Debrief · ${name}`,
    heading: "The game is over",
    /** The years played; a game ended in its first year is one year, not "2020–2020". */
    years: (first: number, last: number) => (first === last ? String(first) : `${first}–${last}`),
    ranking: "Ranking",
    rankingHint: "Ranked by each seat's score as a share of its par (what a good game scores).",
    place: "Place",
    seat: "Seat",
    percent: "% of par",
    finalScore: "Final score",
    you: " (you)",
    world: "The world at the end",
    reason: {
      completed: "Every year was played.",
      conflict: "A crisis escalated into conflict: the game ended early.",
      ended: "The host ended the game.",
    } as Record<string, string>,
    finalTension: (t: number) => `Final Tension ${t.toFixed(1)}`,
    finalCooperation: (c: number) => `Final Cooperation ${c.toFixed(1)}`,
    peace: (p: number) =>
      `Peace dividend for every seat: ${p >= 0 ? "+" : "−"}${Math.abs(p).toFixed(1)}`,
    verdicts: "Three ways to read it",
    verdict: { liberal: "Liberal", realist: "Realist", market: "Market" } as Record<string, string>,
    verdictHint: {
      liberal: "Did ties between nations restrain tension?",
      realist: "Who ended up depending on whom?",
      market: "Did the seat market work?",
    } as Record<string, string>,
    chart: "Cooperation and Tension, year by year",
    chartLabel:
      "Line chart of Cooperation and Tension per year; the table below has the same figures.",
    chartTable: "The figures, with each year's largest cause of Tension",
    yearCol: "Year",
    mainCause: "Largest cause",
    scores: "Each seat's score, term by term",
    scoresHint: "Every term added up over the game, then the end of the game's own points.",
    termYears: (name: string, years: number) => (years > 1 ? `${name} (${years} years)` : name),
    peaceTerm: "Peace dividend (low final Tension)",
    endTerm: (conflict: boolean) =>
      conflict ? "Secret priority, then the conflict's cost" : "Secret priority met",
    /** Names for a score term's cause, when a seat scored it in several years. */
    causes: {
      crewMet: "Crew flown",
      moneySaved: "Budget saved",
      lowVulnerability: "Low vulnerability",
      homeProviders: "Flown by home providers",
      lowTension: "Low Tension",
      civilFunding: "Civil funding",
      crewsFlown: "Crews flown on your vehicle",
      security: "Security gained",
      prestige: "Prestige",
      profit: "Profit",
      seatShare: "Share of the seats flown",
      reputation: "Reputation",
      astronautsFlown: "Astronauts flown",
      capabilityGained: "Capability gained",
      newPartners: "New partners",
      singleProvider: "Depending on one provider",
      brokenPledges: "Broken pledges",
      failedDeals: "Failed deals",
      crisis: "The crisis",
    } satisfies Record<ScoreCause, string>,
    deals: "The deal ledger",
    noDeals: "No deals were made.",
    dealCols: { parties: "Parties", terms: "Terms", years: "Years", status: "Status" },
    dealYears: (start: number, years: number) =>
      years === 1 ? String(start) : `${start}–${start + years - 1}`,
    dealStatus: {
      active: "Running",
      completed: "Completed",
      failed: "Failed",
      cancelled: "Cancelled",
    } as Record<string, string>,
    starting: "Starting deal",
    export: "Take the game with you",
    exportJson: "Download the whole game (JSON)",
    exportCsv: "Download the indices and scores (CSV)",
    again: "Play again",
  },

  report: {
    heading: (year: number) => `What happened in ${year}`,
    flights: (n: number) => `${count(n, "seat", "seats")} flew.`,
    deals: (n: number) => `${count(n, "deal", "deals")} ran.`,
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
    /** A diversion level is a share of civil funding: "10 %", not a bare "10". */
    percent: (n: number) => `${n} %`,
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

  notices: {
    dismiss: "Dismiss this notice",
    /** The phone's one-line notices: the button that shows the others (n in all). */
    more: (n: number) => `+${n - 1}`,
    /** Said after the visible "+1" (a screen reader's name keeps the visible text first). */
    moreHint: (n: number) => `: show all ${n} notices`,
    fewer: "Hide",
    fewerHint: " the older notices",
  },

  announce: {
    phase: (phase: string, year: number) => `${phase}, ${year}`,
    deal: (parties: string[]) => `Deal concluded: ${parties.join(" – ")}`,
    proposal: (from: string) => `New proposal from ${from}`,
    counter: (from: string) => `Counter-proposal from ${from}`,
    gameOver: "The game is over.",
  },
};
