/** The bots a table can seat, by strategy name. */
import { liberalBot } from "./liberal.ts";
import { opportunistBot } from "./opportunist.ts";
import { profitBot } from "./profit.ts";
import { randomLegalBot } from "./randomLegal.ts";
import { realistBot } from "./realist.ts";
import type { Bot } from "./types.ts";

export const BOTS: Record<string, Bot> = {
  realist: realistBot,
  liberal: liberalBot,
  profit: profitBot,
  opportunist: opportunistBot,
  random: randomLegalBot,
};

export const BOT_NAMES = Object.keys(BOTS);

/**
 * A sensible mix for empty seats when a table does not choose: companies play
 * for profit, the rival pair one Realist and one Liberal, everyone else Liberal.
 */
export function defaultStrategy(
  scenario: { roles: Record<string, { archetype: string }>; rivalPair: string[] },
  role: string,
): string {
  if (scenario.roles[role]?.archetype === "company") return "profit";
  if (role === scenario.rivalPair[1]) return "realist";
  return "liberal";
}

export function botFor(name: string | undefined): Bot {
  return (name && BOTS[name]) || (BOTS.liberal as Bot);
}
