/** The bots a table can seat, by strategy name. */
import { randomLegalBot } from "./randomLegal.ts";
import type { Bot } from "./types.ts";

export const BOTS: Record<string, Bot> = {
  random: randomLegalBot,
};

/** The strategy used when a table does not name one. */
export const DEFAULT_BOT = "random";

export function botFor(name: string | undefined): Bot {
  return BOTS[name ?? DEFAULT_BOT] ?? (BOTS[DEFAULT_BOT] as Bot);
}
