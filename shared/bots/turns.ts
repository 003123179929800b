/**
 * The one bot loop: when a bot is asked, with which random source, and which
 * bot plays a seat nobody chose for. A live table (server/table.ts) and the
 * lab's game runner (play.ts) both call `runBotTurns`, so the lab measures the
 * bots a classroom meets.
 *
 * When a bot is asked: once when a phase begins; in negotiation a second time
 * (for proposals that build on deals just concluded); after that only while a
 * proposal waits for its answer — at most `MAX_BOT_TURNS_PER_PHASE` times per
 * phase, so a table never spins. Bots are asked in rounds over the seats in
 * table order; a round follows another only while some bot acted.
 *
 * Seeding is per turn (`botSeed`), from the game's seed, seat, year, phase and
 * turn: a restored table's bots choose exactly as they would have, whatever
 * happened to the process in between.
 */
import { seatMaySend } from "../rules/legal.ts";
import { makeRng } from "../rules/random.ts";
import { proposalsThisYear } from "../rules/records.ts";
import type { ActionBody, GameState, RoleId } from "../rules/types.ts";
import type { PlayerView } from "../rules/view.ts";
import type { Scenario } from "../scenario/schema.ts";
import { botFor, defaultStrategy } from "./index.ts";
import type { Bot } from "./types.ts";

/** Times a bot is asked per phase at most: enough to answer proposals, bounded so tables never spin. */
export const MAX_BOT_TURNS_PER_PHASE = 6;

/** The seed of a bot's random source for one turn. */
export function botSeed(seed: string, role: RoleId, year: number, phase: string, turn: number) {
  return `${seed}:bot:${role}:${year}:${phase}:${turn}`;
}

/** The bot that plays a seat: the table's choice by name, else the scenario's default mix. */
export function botForSeat(
  scenario: Scenario,
  role: RoleId,
  chosen: Readonly<Record<RoleId, Bot | string | undefined>> = {},
): Bot {
  const pick = Object.hasOwn(chosen, role) ? chosen[role] : undefined;
  if (pick !== undefined && typeof pick !== "string") return pick;
  return botFor(pick ?? defaultStrategy(scenario, role));
}

/**
 * Proposals a bot leaves alone: those that were waiting for the seat's people when
 * the seat went to its bot (a bot does not answer in their name). Per role.
 */
export type Ignored = ReadonlyMap<RoleId, ReadonlySet<string>>;

/** The open proposals of this year that wait for `role`'s answer. */
export function awaitingAnswer(s: GameState, role: RoleId): string[] {
  const out: string[] = [];
  for (const p of proposalsThisYear(s))
    if (p.status === "open" && p.parties.includes(role) && !p.accepted.includes(role))
      out.push(p.id);
  return out;
}

/** Whether a bot is asked at this turn of the phase (see the module comment). */
export function botWantsTurn(
  s: GameState,
  role: RoleId,
  turn: number,
  ignored: ReadonlySet<string> = new Set(),
): boolean {
  if (turn >= MAX_BOT_TURNS_PER_PHASE) return false;
  if (turn === 0) return true;
  if (turn === 1 && s.phase === "negotiation") return true;
  return awaitingAnswer(s, role).some((id) => !ignored.has(id));
}

/** A bot's view without the proposals it leaves alone. */
function withoutIgnored(view: PlayerView, ignored: ReadonlySet<string> | undefined): PlayerView {
  if (!ignored || ignored.size === 0) return view;
  let hit = false;
  for (const id of ignored) if (Object.hasOwn(view.proposals, id)) hit = true;
  if (!hit) return view;
  const proposals: PlayerView["proposals"] = {};
  for (const [id, p] of Object.entries(view.proposals)) if (!ignored.has(id)) proposals[id] = p;
  return { ...view, proposals };
}

/** Times each bot was asked, by `${year}:${phase}:${role}`. */
export type TurnCounts = Map<string, number>;

export interface BotLoop {
  /** The current state (the loop re-reads it after every action). */
  state(): GameState;
  scenario: Scenario;
  seed: string;
  bot(role: RoleId): Bot;
  /** The seat's player view of the current state. */
  view(role: RoleId): PlayerView;
  /** Applies one of the bot's actions; true when the engine accepted it. */
  act(role: RoleId, body: ActionBody): boolean;
  turns: TurnCounts;
  ignored?: Ignored;
}

/**
 * Lets every bot seat take the turns it wants now. Call it after every action
 * that is not a bot's own (a phase starting, a person's action, a timer).
 */
export function runBotTurns(loop: BotLoop): void {
  // a bot's action may end the phase: the bots then take the new phase's turns at once too
  for (let guard = 0; guard < 1000; guard++) {
    const { year, phase } = loop.state();
    runRounds(loop);
    const s = loop.state();
    if (s.year === year && s.phase === phase) return;
  }
  throw new Error("bots kept changing the phase");
}

/** Rounds of bot turns in the current phase, while some bot acted. */
function runRounds(loop: BotLoop): void {
  // (values, not the state object: the lab's runner changes its state in place)
  const { year, phase } = loop.state();
  for (let round = 0; round < MAX_BOT_TURNS_PER_PHASE; round++) {
    let acted = false;
    for (const role of loop.state().order) {
      const s = loop.state();
      if (s.phase === "lobby" || s.phase === "ended" || s.paused) return;
      if (s.phase !== phase || s.year !== year) return;
      if (s.seats[role]?.controller !== "bot") continue;
      const key = `${year}:${phase}:${role}`;
      const turn = loop.turns.get(key) ?? 0;
      const ignored = loop.ignored?.get(role);
      if (!botWantsTurn(s, role, turn, ignored)) continue;
      loop.turns.set(key, turn + 1);
      const bot = loop.bot(role);
      // a bot that promises to pass while none of its action kinds is legal is not asked then
      // (the turn counts as taken: asking it would have passed)
      if (bot.sends && !seatMaySend(s, role, bot.sends(turn))) continue;
      const actions = bot.act(withoutIgnored(loop.view(role), ignored), {
        scenario: loop.scenario,
        random: makeRng(botSeed(loop.seed, role, year, phase, turn)),
        turn,
      });
      for (const body of actions) {
        const now = loop.state();
        if (now.phase !== phase || now.year !== year) break;
        if (loop.act(role, body)) acted = true;
      }
    }
    if (!acted) return;
  }
}
