/**
 * The bot interface. A bot is a function of its seat's view (plus the public
 * scenario and its own random source): it never sees the game state.
 */

import type { ActionBody, ActionType } from "../rules/types.ts";
import type { PlayerView } from "../rules/view.ts";
import type { Scenario } from "../scenario/schema.ts";

export interface BotContext {
  scenario: Scenario;
  /** The bot's own seeded random source (derived from the game's seed by whoever runs the bot). */
  random: () => number;
  /** How many times this bot has been asked in the current phase (0 first). */
  turn: number;
}

export interface Bot {
  name: string;
  /** The actions the seat takes now; an empty list passes. */
  act(view: PlayerView, ctx: BotContext): ActionBody[];
  /**
   * Optional promise: while none of the action kinds it lists for this turn (`BotContext.turn`)
   * is legal for the seat (legalActionTypes), `act` returns [] without drawing from its random
   * source, so a runner may skip asking it (and making it a view). A bot without it is always
   * asked.
   */
  sends?(turn: number): readonly ActionType[];
}
