/**
 * The loop of a live table, free of Colyseus (in the manner of boardgame.io's
 * `Master`): apply an action through the engine, append it to the log, let the
 * bots take their turns (shared/bots/turns.ts, the loop the lab runs too), arm
 * the phase timer, and tell the transport what happened. The store, the clock
 * and the transport are injected, so the room adapts it to Colyseus and tests
 * drive it directly.
 *
 * Restoring replays the log through the same loop: after each action that is
 * not a bot's, the bots are asked again and must choose what the log says they
 * chose (they are seeded per turn), so the turn counts and the proposals a
 * taken-over seat leaves alone come back exactly as they were, and bots never
 * replay a turn.
 */
import { awaitingAnswer, botForSeat, type Ignored, runBotTurns } from "../shared/bots/turns.ts";
import type { Reply } from "../shared/protocol/messages.ts";
import { applyAction, reduceInPlace } from "../shared/rules/reducer.ts";
import { replay } from "../shared/rules/replay.ts";
import { createGame, type GameOptions, type SeatSetup } from "../shared/rules/setup.ts";
import {
  type Action,
  type ActionBody,
  type Actor,
  BOT_MEMBER,
  type GameEvent,
  type GameState,
  type RoleId,
} from "../shared/rules/types.ts";
import { type PlayerView, playerView } from "../shared/rules/view.ts";
import type { Scenario } from "../shared/scenario/schema.ts";
import type { GameStatus } from "./store/db.ts";
import { canonicalJson, stateHash } from "./store/hash.ts";

/** What the table writes (the SQLite store in production). */
export interface TableStore {
  appendAction(gameId: string, seq: number, action: Action): void;
  /** The stored log (read to undo an action the store could not append: see Table.commit). */
  loadActions(gameId: string): Action[];
  setStatus(gameId: string, status: GameStatus, now: number): void;
  finishGame(gameId: string, result: string | object, now: number): void;
}

/** Time, injected: the room passes its Colyseus clock and Date.now. */
export interface TableClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): { clear(): void };
}

/** Where the table reports what happened. */
export interface TableTransport {
  /**
   * The state changed (after an action and the bots' turns): project it. `version` counts the
   * accepted actions: the state is changed in place, so its identity does not tell.
   */
  stateChanged(state: GameState, version: number): void;
  /** The engine's events of one accepted action — people's, bots' and timers' alike. */
  events(events: readonly GameEvent[], action: Action, state: GameState): void;
  /** The phase or year changed. */
  phaseChanged?(state: GameState): void;
}

export interface TableSetup {
  gameId: string;
  scenario: Scenario;
  seed: string;
  seats: SeatSetup[];
  options: GameOptions;
  /** The bot strategy per role chosen at creation; others play the default mix. */
  bots?: Record<RoleId, string>;
}

export interface TableDeps {
  store: TableStore;
  clock: TableClock;
  transport: TableTransport;
  /** A seat's view of the state at `version` (the room shares its projection's); playerView by default. */
  view?(state: GameState, role: RoleId, version: number): PlayerView;
}

/** Thrown inside a restore when a bot chooses other than the log says (its code changed). */
class Diverged extends Error {}

export class Table {
  readonly gameId: string;
  private game: GameState;
  private seq = 0;
  private busy = false;
  private readonly turns = new Map<string, number>();
  private readonly ignored = new Map<RoleId, Set<string>>();
  private timer: { clear(): void } | null = null;
  private timerKey = "";
  /** While restoring: the log and the next entry a bot must match. */
  private restoring: { log: readonly Action[]; next: number } | null = null;
  private readonly setup: TableSetup;
  private readonly deps: TableDeps;

  /** A table at its creation (`log` empty) or restored from its log. */
  constructor(setup: TableSetup, deps: TableDeps, log: readonly Action[] = []) {
    this.setup = setup;
    this.deps = deps;
    this.gameId = setup.gameId;
    const created = createGame(
      setup.scenario,
      setup.seed,
      setup.seats.length ? setup.seats : undefined,
      setup.options,
    );
    if (!created.ok) throw new Error(`${created.code}: ${created.detail}`);
    this.game = created.state;
    // (no bot turns here: the restore asked the bots after each action, as the live table did,
    // and asking them once more would give them rounds they never had)
    if (log.length > 0) this.restore(log);
    this.armTimer();
    this.deps.transport.stateChanged(this.game, this.seq);
  }

  get state(): GameState {
    return this.game;
  }

  /** How many actions made the state. */
  get actionCount(): number {
    return this.seq;
  }

  /** The hash of the current state and how many actions made it: a restored table must show the same. */
  summary() {
    const s = this.game;
    return {
      stateHash: stateHash(s),
      actions: this.seq,
      phase: s.phase,
      year: s.year,
      deadline: s.deadline,
    };
  }

  /** Applies an action (a person's, the host's or the system's), then lets bots move, re-arms the timer and reports. */
  act(actor: Actor, body: ActionBody, at = this.deps.clock.now()): Reply {
    const r = this.commit({ ...body, actor, at } as Action);
    if (r.ok && !this.busy) this.afterChange();
    return r;
  }

  /** Stops the timer (the room is going away). */
  dispose(): void {
    this.timer?.clear();
    this.timer = null;
  }

  // ------------------------------------------------------------------ internals

  /**
   * Engine, then log; reports the action's events. The table owns its state, so the engine
   * changes it in place instead of copying it per action (issue 9): every handler checks the
   * rules before it changes anything (tests/property/inPlace.test.ts), so a rejection leaves
   * it as it was. An action the store cannot append is undone by replaying the stored log.
   */
  private commit(action: Action, stored = false): Reply {
    const s = this.game;
    const { phase, year } = s;
    const controllers = s.order.map((role) => s.seats[role]?.controller);
    const r = reduceInPlace(s, action);
    if (!r.ok) return r;
    if (!stored) {
      try {
        this.deps.store.appendAction(this.gameId, this.seq + 1, action);
      } catch (err) {
        console.error(`game ${this.gameId}: could not store action`, err);
        this.undoUnstored();
        return {
          ok: false,
          code: "ERR_SERVER",
          detail: "the server could not save that; try again",
        };
      }
    }
    this.seq++;
    this.noteTakeovers(controllers);
    if (this.restoring) return { ok: true };
    if (phase !== s.phase || year !== s.year) this.phaseChanged();
    if (r.events.length > 0) this.deps.transport.events(r.events, action, s);
    return { ok: true };
  }

  /** The state as the stored log makes it (the action applied in place was not stored). */
  private undoUnstored() {
    const log = this.deps.store.loadActions(this.gameId);
    if (log.length !== this.seq)
      throw new Error(
        `game ${this.gameId}: the store holds ${log.length} actions, not ${this.seq}`,
      );
    const { scenario, seed, seats, options } = this.setup;
    this.game = replay(scenario, seed, seats, options, log);
  }

  /** A seat that goes to its bot leaves alone the proposals then waiting for its people; one that gets people back forgets that. */
  private noteTakeovers(before: readonly (string | undefined)[]) {
    for (const [i, role] of this.game.order.entries()) {
      const was = before[i];
      const is = this.game.seats[role]?.controller;
      if (was === is) continue;
      if (is === "bot") this.ignored.set(role, new Set(awaitingAnswer(this.game, role)));
      else this.ignored.delete(role);
    }
  }

  private phaseChanged() {
    const s = this.game;
    const now = this.deps.clock.now();
    if (s.phase === "ended")
      this.deps.store.finishGame(
        this.gameId,
        JSON.stringify({ outcome: s.outcome, reports: s.reports.length }),
        now,
      );
    else if (s.phase !== "lobby") this.deps.store.setStatus(this.gameId, "running", now);
    this.deps.transport.phaseChanged?.(s);
  }

  private afterChange() {
    this.busy = true;
    try {
      this.runBots();
    } finally {
      this.busy = false;
    }
    this.armTimer();
    this.deps.transport.stateChanged(this.game, this.seq);
  }

  private runBots() {
    runBotTurns({
      state: () => this.game,
      scenario: this.game.scenario,
      seed: this.setup.seed,
      turns: this.turns,
      ignored: this.ignored as Ignored,
      bot: (role) => botForSeat(this.game.scenario, role, this.setup.bots),
      view: (role) =>
        this.deps.view?.(this.game, role, this.seq) ??
        playerView(this.game, { kind: "seat", seat: role }),
      act: (role, body) => this.botAct(role, body),
    });
  }

  /** A bot's action: live, it is an ordinary action; while restoring, it must be the log's next entry. */
  private botAct(role: RoleId, body: ActionBody): boolean {
    const actor: Actor = { kind: "seat", seat: role, member: BOT_MEMBER };
    const r = this.restoring;
    if (r && r.next < r.log.length) {
      const logged = r.log[r.next] as Action;
      const action = { ...body, actor, at: logged.at } as Action;
      if (!applyAction(this.game, action).ok) return false; // refused live too: nothing was logged
      if (!sameAction(logged, action)) throw new Diverged(`${role} chose ${body.type}`);
      r.next++;
      return this.commit(logged, true).ok;
    }
    // live (or past the log's end: the process stopped while its bots were moving)
    this.restoring = null;
    return this.commit({ ...body, actor, at: this.deps.clock.now() } as Action).ok;
  }

  /** Replays the log through the bot loop; falls back to a plain replay if the bots now choose otherwise. */
  private restore(log: readonly Action[]) {
    const r = { log, next: 0 };
    this.restoring = r;
    try {
      while (r.next < log.length) {
        const action = log[r.next] as Action;
        // every bot action follows a turn the loop below asked for: one left over means the bots diverged
        if (isBotAction(action)) throw new Diverged(`an unasked ${action.type}`);
        r.next++;
        this.mustCommit(action);
        this.busy = true;
        try {
          this.runBots();
        } finally {
          this.busy = false;
        }
        // the bots went live past the end of the log
        if (this.restoring === null) return;
      }
    } catch (err) {
      if (!(err instanceof Diverged)) throw err;
      console.warn(
        `game ${this.gameId}: bots now choose differently (${err.message}); replaying the rest as logged`,
      );
      for (; r.next < log.length; r.next++) {
        const action = log[r.next] as Action;
        if (isBotAction(action)) {
          // counts as a turn taken, so restored bots do not play this phase again
          const key = `${this.game.year}:${this.game.phase}:${action.actor.kind === "seat" ? action.actor.seat : ""}`;
          this.turns.set(key, Math.max(1, this.turns.get(key) ?? 0));
        }
        this.mustCommit(action);
      }
    } finally {
      this.restoring = null;
    }
  }

  private mustCommit(action: Action) {
    const r = this.commit(action, true);
    if (!r.ok)
      throw new Error(`action ${this.seq + 1} (${action.type}) refused on replay: ${r.detail}`);
  }

  /** One timer for the current phase's deadline; it fires an ordinary engine action. */
  private armTimer() {
    const s = this.game;
    const key = `${s.year}:${s.phase}:${s.deadline}:${s.paused}`;
    if (key === this.timerKey) return;
    this.timerKey = key;
    this.timer?.clear();
    this.timer = null;
    if (s.deadline === null || s.paused || s.phase === "ended" || s.phase === "lobby") return;
    const { phase, year, deadline } = s;
    const { clock } = this.deps;
    this.timer = clock.setTimeout(
      () => {
        this.timer = null;
        this.timerKey = "";
        this.act(
          { kind: "system" },
          { type: "phaseTimeout", phase, year },
          Math.max(clock.now(), deadline),
        );
      },
      Math.max(0, deadline - clock.now()),
    );
  }
}

function isBotAction(a: Action): boolean {
  return a.actor.kind === "seat" && a.actor.member === BOT_MEMBER;
}

/** The same action but for its time (a bot's time is the wall clock's when it moved). */
function sameAction(a: Action, b: Action): boolean {
  return canonicalJson({ ...a, at: 0 }) === canonicalJson({ ...b, at: 0 });
}
