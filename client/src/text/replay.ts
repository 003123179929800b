/** The replay's and the closed room's debrief sentences (a module of its own, beside index.ts). */
const signed = (x: number) => {
  const n = Math.round(x * 10) / 10;
  return `${n > 0 ? "+" : n < 0 ? "−" : "±"}${Math.abs(n).toFixed(1)}`;
};

export const REPLAY_TEXT = {
  watch: "Watch the replay",
  watchHome: "Watch a finished game",
  watchBody: "Step through a game that is over, year by year: its deals, crises and scores.",
  watchCode: "Code of the finished game",
  watchButton: "Watch the replay",
  fromRecord: "The game is over: this debrief is rebuilt from the game's record.",
  title: (name: string) => `Replay · ${name}`,
  heading: "Replay, year by year",
  loading: "Replaying the game…",
  notFinished: "This game is still running: its replay opens once it is over.",
  unknown: "There is no game with that code.",
  malformed:
    "This game's record could not be read: the file is not a complete Orbital Ties export, so there is nothing to replay.",
  /** A logged move the rules refuse: the record comes from another version of the game. */
  refused: (move: number) =>
    `This game's record does not replay: its move ${move} is not allowed by the rules of this version of Orbital Ties, so the game cannot be shown. The record may come from an older or newer version.`,
  failed: "The game could not be replayed. Try again later, or ask the host for the game's file.",
  /** The folded part under the plain sentence, for whoever looks into it. */
  technical: "Technical details",
  malformedDetail: (issues: string[]) => `What is wrong: ${issues.join("; ")}.`,
  years: "Years",
  previous: "Previous year",
  next: "Next year",
  keys: "Arrow keys step through the years; Home and End jump to the first and the last.",
  yearOf: (year: number, i: number, n: number) => `${year} · year ${i} of ${n}`,
  crisis: "crisis",
  announce: (year: number, t: number, c: number) =>
    `${year}: Tension ${t.toFixed(1)}, Cooperation ${c.toFixed(1)}`,
  indices: "The indices",
  tension: (before: number, after: number) =>
    `Tension ${before.toFixed(1)} → ${after.toFixed(1)} (${signed(after - before)})`,
  cooperation: (before: number, after: number) =>
    `Cooperation ${before.toFixed(1)} → ${after.toFixed(1)} (${signed(after - before)})`,
  tensionWhy: "Why Tension moved",
  cooperationWhy: "What Cooperation is made of",
  events: "Events and crisis",
  noEvents: "No event cards this year.",
  injected: " (added by the host)",
  deals: "Deals",
  concluded: "Concluded this year",
  noneConcluded: "No new deal this year.",
  ran: "Deals that ran",
  noneRan: "No deal ran this year.",
  scores: "Scores",
  seat: "Seat",
  thisYear: "This year",
  total: "Total",
  termsOf: (name: string) => `${name}: this year's terms`,
  debrief: "Open the debrief",
  signed,
};
