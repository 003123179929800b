/**
 * Every limit of the game's input, in one place: the protocol's schemas (the
 * shape check at the edge), the lobby's join options and the engine's own
 * checks all read these. They are limits (what input a table accepts), not
 * balance: balance numbers live in the scenario.
 */

export const LIMITS = {
  /** A role id, as messages name it. */
  roleId: 32,
  /** A proposal or deal id, as messages name it. */
  recordId: 32,
  /** A member id the server makes. */
  memberId: 64,
  /** A display name, in code points (see nameLength). */
  name: 40,
  /** People who may share one seat. */
  teamSize: 8,
  /** A chat message or public statement. */
  chatText: 500,
  /** A proposal's note and a pledge's text. */
  noteText: 280,
  /** Messages (chat and statements) one seat may send in a game. */
  chatPerSeat: 1000,
  /** Terms in one proposal, parties to one proposal, recipients of one chat message. */
  terms: 8,
  parties: 8,
  chatRecipients: 8,
  /** Open proposals one seat may have at once. */
  openProposalsPerSeat: 20,
  /** Cards the host may inject in one year. */
  injectedPerYear: 5,
  /** A custom card's id, title, note and effects. */
  cardId: 40,
  cardTitle: 80,
  cardNote: 200,
  cardEffects: 6,
  /** Seconds the host may extend a phase by, at once. */
  extendSeconds: 1800,
  /** Years of a game; years a deal may run (the scenario's maxDealYears is at most this). */
  gameYears: 20,
  dealYears: 10,
  /** Roles at one table. */
  tableRoles: 12,
  /** Money and counts in a message (the engine checks the real ranges). */
  money: 1_000_000,
  count: 100,
  /** Phase timers a table may be created with, in seconds. */
  briefingSeconds: { min: 0, max: 3600 },
  negotiationSeconds: { min: 10, max: 7200 },
  commitSeconds: { min: 0, max: 3600 },
  crisisSeconds: { min: 10, max: 3600 },
} as const;

/**
 * A name's length: its code points, so an emoji counts 1 (not its 2 UTF-16
 * units) and a combining mark counts 1 on its own. The one rule the join
 * options and the engine's addMember both apply.
 */
export function nameLength(name: string): number {
  let n = 0;
  for (const _ of name) n++;
  return n;
}

/** Whether a (trimmed) name is acceptable: 1 to LIMITS.name code points. */
export function nameFits(name: string): boolean {
  const n = nameLength(name);
  return n >= 1 && n <= LIMITS.name;
}
