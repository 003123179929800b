/**
 * One room hosts one game. The room is thin: it checks a message's shape,
 * attaches the sender's seat, asks the engine, persists the accepted action,
 * and projects the result. Timers on the room clock fire ordinary engine
 * actions; bots play empty seats through the same path.
 */
import { randomBytes } from "node:crypto";
import { type Client, CloseCode, Room } from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import { botFor, defaultStrategy } from "../../shared/bots/index.ts";
import { botWantsTurn } from "../../shared/bots/schedule.ts";
import type { Bot } from "../../shared/bots/types.ts";
import { type Identity, joinOptions } from "../../shared/protocol/lobby.ts";
import {
  type MessageType,
  parseMessage,
  type Reply,
  SEAT_MESSAGES,
  STAFF_MESSAGES,
} from "../../shared/protocol/messages.ts";
import { makeRng } from "../../shared/rules/random.ts";
import { applyAction } from "../../shared/rules/reducer.ts";
import { replay } from "../../shared/rules/replay.ts";
import {
  type Action,
  type ActionBody,
  type Actor,
  BOT_MEMBER,
  type GameState,
} from "../../shared/rules/types.ts";
import { requireScenario } from "../../shared/scenario/load.ts";
import { engineOptions } from "../store/db.ts";
import { stateHash } from "../store/hash.ts";
import { getStore } from "../store/instance.ts";
import { hashToken, newToken } from "../store/tokens.ts";
import { Projection } from "./project.ts";
import { GameSchema } from "./schema.ts";

export interface GameRoomOptions {
  /** The game's id (its join code): everything else is read from the store. */
  gameId: string;
}

interface Conn {
  client: Client;
  memberId: string;
  seat: string;
  kind: Identity["kind"];
  staff: boolean;
  name: string;
  token: string;
}

const SEAT_TYPES = new Set(Object.keys(SEAT_MESSAGES));
const STAFF_TYPES = new Set(Object.keys(STAFF_MESSAGES));
/** Times a bot is asked per phase at most: enough to answer proposals, bounded so tables never spin. */
const BOT_TURNS_PER_PHASE = 6;

export class GameRoom extends Room<{ state: InstanceType<typeof GameSchema> }> {
  override state = new GameSchema();
  // turn-based: patches go out right after each accepted action, never on a timer
  override patchRate = null;
  override maxMessagesPerSecond = 40;
  override maxClients = 80;
  override autoDispose = false;

  override messages = {
    ...Object.fromEntries(
      [...SEAT_TYPES, ...STAFF_TYPES, "whoami"].map((type) => [
        type,
        (client: Client, payload: unknown) => this.onRequest(type, client, payload),
      ]),
    ),
    // Fix (server tests): without a fallback, Colyseus closes a client that `send`s an
    // unknown type (in production mode). Answer it with the typed rejection instead.
    // (A `request` of an unknown type is answered by Colyseus itself with an error reply.)
    _: (client: Client, type: unknown) => {
      client.send("rejected", {
        ok: false,
        code: "ERR_MALFORMED",
        detail: `unknown message "${String(type)}"`,
      });
    },
  };

  private game!: GameState;
  private gameId = "";
  private seq = 0;
  private hostTokenHash = "";
  private botNames: Record<string, string> = {};
  private botSeed = "";
  private botTurns = new Map<string, number>();
  private conns = new Map<string, Conn>();
  private projection!: Projection;
  private timer: { clear(): void } | null = null;
  private timerKey = "";
  private busy = false;
  /** Seconds a dropped client keeps its connection slot (RECONNECT_SECONDS, default 120). */
  private reconnectSeconds = Number(process.env.RECONNECT_SECONDS ?? 120);

  override onCreate(options: GameRoomOptions) {
    const store = getStore();
    const row = store.getGame(options.gameId);
    if (!row) throw new Error(`no game ${options.gameId}`);
    this.roomId = row.id;
    this.gameId = row.id;
    this.hostTokenHash = row.hostTokenHash;
    const scenario = requireScenario(row.scenario, `game ${row.id}`);
    // restore: replay the accepted actions; the engine is deterministic, so this is the game as it was
    const actions = store.loadActions(row.id);
    const state = replay(
      scenario,
      row.seed,
      row.seats,
      engineOptions(row.options),
      actions,
      (s, action) => {
        // remember that a bot already took its turn in a phase: otherwise a restored room lets every
        // bot play the current phase again, adding actions on boot (and changing the state hash)
        if (action.actor.kind === "seat" && action.actor.member === BOT_MEMBER) {
          const key = `${s.year}:${s.phase}:${action.actor.seat}`;
          this.botTurns.set(key, Math.max(1, this.botTurns.get(key) ?? 0));
        }
      },
    );
    this.seq = actions.length;
    this.game = state;
    this.botNames = row.options.bots ?? {};
    this.botSeed = row.seed;
    this.projection = new Projection(this.state);
    this.state.code = row.id;
    this.setMetadata({ scenario: scenario.id, phase: state.phase });
    this.afterChange();
    // after a restart, people who do not come back within the window leave their seats to the bots
    if (actions.length > 0)
      this.clock.setTimeout(() => this.releaseAbsentMembers(), this.reconnectSeconds * 1000);
  }

  /** Removes engine members with no connection (restored from the log, never reconnected). */
  private releaseAbsentMembers() {
    if (this.game.phase === "ended") return;
    const here = new Set([...this.conns.values()].map((c) => c.memberId));
    for (const role of this.game.order) {
      for (const member of Object.keys(this.game.seats[role]?.members ?? {})) {
        if (!here.has(member))
          this.act({ kind: "system" }, { type: "removeMember", seat: role, member });
      }
    }
  }

  /** The hash of the current state and how many actions made it: a restored game must show the same. */
  stateSummary(): {
    stateHash: string;
    actions: number;
    phase: string;
    year: number;
    deadline: number | null;
  } {
    return {
      stateHash: stateHash(this.game),
      actions: this.seq,
      phase: this.game.phase,
      year: this.game.year,
      deadline: this.game.deadline,
    };
  }

  /** The engine state (server-side only; never sent). */
  get engineState(): GameState {
    return this.game;
  }

  // ------------------------------------------------------------------ joining

  override onJoin(client: Client, rawOptions: unknown) {
    const parsed = joinOptions.safeParse(rawOptions ?? {});
    if (!parsed.success)
      throw new Error(
        `bad join options: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
      );
    const o = parsed.data;
    const store = getStore();
    const staff = o.hostToken !== undefined && hashToken(o.hostToken) === this.hostTokenHash;
    if (o.hostToken !== undefined && !staff)
      throw new Error("that host token is not valid for this game");
    let conn: Conn;
    if (o.token) {
      const member = store.memberByTokenHash(this.gameId, hashToken(o.token));
      if (!member) throw new Error("that seat token is not valid for this game");
      conn = {
        client,
        memberId: member.memberId,
        seat: member.seat,
        kind: member.kind,
        staff: staff || member.kind === "host" || member.kind === "facilitator",
        name: member.name,
        token: o.token,
      };
    } else if (o.seat) {
      if (!this.game.seats[o.seat]) throw new Error(`there is no seat "${o.seat}" at this table`);
      if (!o.name) throw new Error("type your name to take a seat");
      const memberId = `m${randomBytes(6).toString("hex")}`;
      const token = newToken();
      conn = { client, memberId, seat: o.seat, kind: "player", staff, name: o.name, token };
      const added = this.act(
        { kind: "system" },
        { type: "addMember", seat: o.seat, member: memberId, name: o.name },
      );
      if (!added.ok) throw new Error(added.detail);
      store.addMember({
        gameId: this.gameId,
        memberId,
        seat: o.seat,
        name: o.name,
        kind: "player",
        tokenHash: hashToken(token),
        now: Date.now(),
      });
    } else if (staff || o.spectator) {
      const memberId = `${staff ? "h" : "s"}${randomBytes(6).toString("hex")}`;
      const token = newToken();
      const kind = staff ? "host" : "spectator";
      const name = o.name ?? (staff ? "Host" : "Spectator");
      conn = { client, memberId, seat: "", kind, staff, name, token };
      store.addMember({
        gameId: this.gameId,
        memberId,
        seat: "",
        name,
        kind,
        tokenHash: hashToken(token),
        now: Date.now(),
      });
    } else {
      throw new Error("choose a seat, or join as a spectator");
    }
    // a returning player whose member left the engine (all tabs closed) sits down again
    if (conn.seat !== "" && !this.game.seats[conn.seat]?.members[conn.memberId]) {
      const back = this.act(
        { kind: "system" },
        { type: "addMember", seat: conn.seat, member: conn.memberId, name: conn.name },
      );
      if (!back.ok) throw new Error(back.detail);
    }
    this.conns.set(client.sessionId, conn);
    client.view = new StateView();
    this.projection.syncClient(client, this.viewerKey(conn));
    this.broadcastPatch();
  }

  override async onDrop(client: Client, code?: number) {
    try {
      await this.allowReconnection(client, this.reconnectSeconds);
    } catch {
      this.dropConnection(client, code);
    }
  }

  override onReconnect(client: Client) {
    const conn = this.conns.get(client.sessionId);
    if (conn) {
      conn.client = client;
      client.view = client.view ?? new StateView();
      this.projection.syncClient(client, this.viewerKey(conn), true);
      this.broadcastPatch();
    }
  }

  override onLeave(client: Client, code?: number) {
    this.dropConnection(client, code);
  }

  override onDispose() {
    this.timer?.clear();
  }

  /** A connection is gone for good: when it was its member's last one, the member leaves the seat (its bot takes over). */
  private dropConnection(client: Client, code?: number) {
    const conn = this.conns.get(client.sessionId);
    if (!conn) return;
    this.conns.delete(client.sessionId);
    // a server shutting down keeps its people seated: after the restart they get a window to return
    if (code === CloseCode.SERVER_SHUTDOWN) return;
    const stillHere = [...this.conns.values()].some((c) => c.memberId === conn.memberId);
    if (
      !stillHere &&
      conn.seat !== "" &&
      this.game.phase !== "ended" &&
      this.game.seats[conn.seat]?.members[conn.memberId]
    ) {
      this.act(
        { kind: "system" },
        { type: "removeMember", seat: conn.seat, member: conn.memberId },
      );
    }
  }

  private viewerKey(conn: Conn): string {
    if (conn.seat !== "") return `seat:${conn.seat}`;
    return conn.staff ? "facilitator" : "spectator";
  }

  // ------------------------------------------------------------------ messages

  private onRequest(type: string, client: Client, payload: unknown): Reply | Identity {
    const conn = this.conns.get(client.sessionId);
    if (!conn) return { ok: false, code: "ERR_NOT_ALLOWED", detail: "join the game first" };
    if (type === "whoami") {
      return {
        code: this.gameId,
        memberId: conn.memberId,
        seat: conn.seat,
        kind: conn.kind,
        staff: conn.staff,
        token: conn.token,
        name: conn.name,
        facilitatorReadsChat: this.game.config.facilitatorReadsChat,
      };
    }
    const parsed = parseMessage(type as MessageType, payload);
    if (!parsed.ok) return parsed;
    let actor: Actor;
    if (SEAT_TYPES.has(type)) {
      if (conn.seat === "")
        return {
          ok: false,
          code: "ERR_NOT_ALLOWED",
          detail: "spectators and hosts without a seat cannot play",
        };
      actor = { kind: "seat", seat: conn.seat, member: conn.memberId };
    } else {
      if (!conn.staff)
        return { ok: false, code: "ERR_NOT_ALLOWED", detail: "only the host can do that" };
      actor = { kind: conn.kind === "facilitator" ? "facilitator" : "host" };
    }
    const r = this.act(actor, parsed.body);
    return r.ok ? { ok: true } : r;
  }

  // ------------------------------------------------------------------ the one write path

  /** Applies an action through the engine, persists it, then lets bots move, re-arms the timer and projects. */
  act(actor: Actor, body: ActionBody, at = Date.now()): Reply {
    const action = { ...body, actor, at } as Action;
    const r = applyAction(this.game, action);
    if (!r.ok) return r;
    try {
      getStore().appendAction(this.gameId, this.seq + 1, action);
    } catch (err) {
      console.error(`game ${this.gameId}: could not store action`, err);
      return { ok: false, code: "ERR_SERVER", detail: "the server could not save that; try again" };
    }
    this.seq++;
    const before = this.game;
    this.game = r.state;
    if (before.phase !== this.game.phase || before.year !== this.game.year) this.onPhaseChanged();
    if (!this.busy) this.afterChange();
    return { ok: true };
  }

  private onPhaseChanged() {
    const store = getStore();
    const s = this.game;
    store.putSnapshot({
      gameId: this.gameId,
      seq: this.seq,
      year: s.year,
      phase: s.phase,
      stateHash: stateHash(s),
      stateJson: JSON.stringify(s),
    });
    if (s.phase === "ended") {
      store.finishGame(
        this.gameId,
        JSON.stringify({ outcome: s.outcome, reports: s.reports.length }),
        Date.now(),
      );
      this.autoDispose = true;
    } else if (s.phase !== "lobby") {
      store.setStatus(this.gameId, "running", Date.now());
    }
    this.setMetadata({ phase: s.phase, year: s.year });
  }

  private afterChange() {
    this.busy = true;
    try {
      this.runBots();
    } finally {
      this.busy = false;
    }
    this.armTimer();
    this.projection.update(
      this.game,
      [...this.conns.values()].map((c) => [c.client, this.viewerKey(c)] as const),
    );
    this.broadcastPatch();
  }

  /** Bots act for every seat without people, a bounded number of times per phase. */
  private runBots() {
    for (let round = 0; round < BOT_TURNS_PER_PHASE; round++) {
      let acted = false;
      for (const role of this.game.order) {
        const s = this.game;
        if (s.phase === "lobby" || s.phase === "ended" || s.paused) return;
        if (s.seats[role]?.controller !== "bot") continue;
        const key = `${s.year}:${s.phase}:${role}`;
        const turn = this.botTurns.get(key) ?? 0;
        if (turn >= BOT_TURNS_PER_PHASE) continue;
        if (!botWantsTurn(s, role, turn)) continue;
        this.botTurns.set(key, turn + 1);
        const bot: Bot = botFor(this.botNames[role] ?? defaultStrategy(s.scenario, role));
        const view = this.projection.viewFor(s, `seat:${role}`);
        const actions = bot.act(view, {
          scenario: s.scenario,
          // seeded by seat, year, phase and turn: a restored room's bots choose as they would have
          random: makeRng(`${this.botSeed}:bot:${role}:${s.year}:${s.phase}:${turn}`),
          turn,
        });
        for (const body of actions) {
          if (this.game.phase !== s.phase || this.game.year !== s.year) break;
          if (this.act({ kind: "seat", seat: role, member: BOT_MEMBER }, body).ok) acted = true;
        }
      }
      if (!acted) return;
    }
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
    this.timer = this.clock.setTimeout(
      () => {
        this.timer = null;
        this.timerKey = "";
        this.act(
          { kind: "system" },
          { type: "phaseTimeout", phase, year },
          Math.max(Date.now(), deadline),
        );
      },
      Math.max(0, deadline - Date.now()),
    );
  }
}
