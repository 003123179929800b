/**
 * One room hosts one game. The room only adapts the table core (server/table.ts)
 * and the seating (server/seating.ts) to Colyseus: joining and leaving,
 * reconnection, the messages map, and patches of each viewer's projection.
 */
import { type Client, CloseCode, Room } from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import {
  type MessageType,
  parseMessage,
  type Reply,
  SEAT_MESSAGES,
  STAFF_MESSAGES,
} from "../../shared/protocol/messages.ts";
import type { GameState } from "../../shared/rules/types.ts";
import { requireScenario } from "../../shared/scenario/load.ts";
import { Seating } from "../seating.ts";
import { engineOptions } from "../store/db.ts";
import { stateHash } from "../store/hash.ts";
import { getStore } from "../store/instance.ts";
import { Table } from "../table.ts";
import { Projection } from "./project.ts";
import { GameSchema } from "./schema.ts";

export interface GameRoomOptions {
  /** The game's id (its join code): everything else is read from the store. */
  gameId: string;
}

const SEAT_TYPES = new Set(Object.keys(SEAT_MESSAGES));
const STAFF_TYPES = new Set(Object.keys(STAFF_MESSAGES));

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
    // Without a fallback, Colyseus closes a client that `send`s an unknown type (in production
    // mode): answer it with the typed rejection instead.
    _: (client: Client, type: unknown) => {
      client.send("rejected", {
        ok: false,
        code: "ERR_MALFORMED",
        detail: `unknown message "${String(type)}"`,
      });
    },
  };

  private table!: Table;
  private seating!: Seating;
  private projection!: Projection;
  private sockets = new Map<string, Client>();
  /** Seconds a dropped client keeps its connection slot (RECONNECT_SECONDS, default 120). */
  private reconnectSeconds = Number(process.env.RECONNECT_SECONDS ?? 120);

  override onCreate(options: GameRoomOptions) {
    const store = getStore();
    const row = store.getGame(options.gameId);
    if (!row) throw new Error(`no game ${options.gameId}`);
    this.roomId = row.id;
    const scenario = requireScenario(row.scenario, `game ${row.id}`);
    this.projection = new Projection(this.state);
    this.state.code = row.id;
    // restore: the table replays the accepted actions (the engine is deterministic)
    const log = store.loadActions(row.id);
    const setup = {
      gameId: row.id,
      scenario,
      seed: row.seed,
      seats: row.seats,
      bots: row.options.bots,
    };
    this.table = new Table(
      { ...setup, options: engineOptions(row.options) },
      {
        store,
        clock: { now: Date.now, setTimeout: (fn, ms) => this.clock.setTimeout(fn, ms) },
        view: (s, role) => this.projection.viewFor(s, `seat:${role}`),
        transport: {
          stateChanged: (s) => this.project(s),
          events: () => {},
          phaseChanged: (s) => {
            if (s.phase === "ended") this.autoDispose = true;
            this.setMetadata({ phase: s.phase, year: s.year });
          },
        },
      },
      log,
    );
    this.seating = new Seating(this.table, store, row.hostTokenHash);
    this.setMetadata({ scenario: scenario.id, phase: this.table.state.phase });
    // after a restart, people who do not come back within the window leave their seats to the bots
    if (log.length > 0)
      this.clock.setTimeout(() => this.seating.releaseAbsent(), this.reconnectSeconds * 1000);
  }

  /** The hash of the current state and how many actions made it: a restored game must show the same. */
  stateSummary() {
    const s = this.table.state;
    return {
      stateHash: stateHash(s),
      actions: this.table.actionCount,
      phase: s.phase,
      year: s.year,
      deadline: s.deadline,
    };
  }

  /** The engine state (server-side only; never sent). */
  get engineState(): GameState {
    return this.table.state;
  }

  override onJoin(client: Client, options: unknown) {
    const seated = this.seating.join(client.sessionId, options);
    this.sockets.set(client.sessionId, client);
    client.view = new StateView();
    this.projection.syncClient(client, this.seating.viewerKey(seated));
    this.broadcastPatch();
  }

  override async onDrop(client: Client, code?: number) {
    try {
      await this.allowReconnection(client, this.reconnectSeconds);
    } catch {
      this.gone(client, code);
    }
  }

  override onReconnect(client: Client) {
    const seated = this.seating.get(client.sessionId);
    if (!seated) return;
    this.sockets.set(client.sessionId, client);
    client.view = client.view ?? new StateView();
    this.projection.syncClient(client, this.seating.viewerKey(seated), true);
    this.broadcastPatch();
  }

  override onLeave(client: Client, code?: number) {
    this.gone(client, code);
  }

  override onDispose() {
    this.table?.dispose();
  }

  private gone(client: Client, code?: number) {
    this.sockets.delete(client.sessionId);
    this.seating.leave(client.sessionId, code === CloseCode.SERVER_SHUTDOWN);
  }

  private project(s: GameState) {
    const viewers: [Client, string][] = [];
    // (the first projection comes from the table's constructor, before the seating exists)
    for (const [id, seated] of this.seating?.entries() ?? []) {
      const client = this.sockets.get(id);
      if (client) viewers.push([client, this.seating.viewerKey(seated)]);
    }
    this.projection.update(s, viewers);
    this.broadcastPatch();
  }

  private onRequest(type: string, client: Client, payload: unknown) {
    const seated = this.seating.get(client.sessionId);
    if (!seated)
      return { ok: false, code: "ERR_NOT_ALLOWED", detail: "join the game first" } satisfies Reply;
    if (type === "whoami") return this.seating.identity(seated);
    const parsed = parseMessage(type as MessageType, payload);
    if (!parsed.ok) return parsed;
    const actor = this.seating.actorFor(seated, SEAT_TYPES.has(type));
    if ("ok" in actor) return actor;
    const r = this.table.act(actor, parsed.body);
    return r.ok ? { ok: true } : r;
  }
}
