/**
 * One room hosts one game. The room only adapts the table core (server/table.ts)
 * and the seating (server/seating.ts) to Colyseus: joining and leaving,
 * reconnection, the messages map, the flood limit, and patches of each
 * viewer's projection. Tables are private (server/admission.ts).
 */
import { type Client, CloseCode, Room } from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import { JOBS_MESSAGE } from "../../shared/protocol/jobs.ts";
import type { Reply } from "../../shared/protocol/messages.ts";
import type { GameState } from "../../shared/rules/types.ts";
import { ReservationBook, SEAT_RESERVATION_SECONDS } from "../admission.ts";
import { MESSAGE_TYPES, type Seating, unknownMessage } from "../seating.ts";
import type { Table } from "../table.ts";
import { EventRelay } from "./eventRelay.ts";
import { FLOODED, FloodGate, MAX_MESSAGES_PER_SECOND } from "./flood.ts";
import { openTable } from "./openTable.ts";
import { Projection } from "./project.ts";
import { GameSchema } from "./schema.ts";
import { holdWrites } from "./writeBatch.ts";

export interface GameRoomOptions {
  /** The game's id (its join code): everything else is read from the store. */
  gameId: string;
}

export class GameRoom extends Room<{ state: InstanceType<typeof GameSchema> }> {
  override state = new GameSchema();
  // turn-based: patches go out right after each accepted action, never on a timer
  override patchRate = null;
  // Colyseus' own limit is a backstop behind the flood gate, which closes a flooder at once
  override maxMessagesPerSecond = 2 * MAX_MESSAGES_PER_SECOND;
  override maxClients = 80;
  override seatReservationTimeout = SEAT_RESERVATION_SECONDS;
  override autoDispose = false;

  override messages = {
    ...Object.fromEntries(
      MESSAGE_TYPES.map((type) => [type, (c: Client, p: unknown) => this.onRequest(type, c, p)]),
    ),
    // without a fallback, Colyseus closes a client that `send`s an unknown type (in production
    // mode): answer it with the typed rejection instead
    _: (client: Client, type: unknown) =>
      this.admit(client) && client.send("rejected", unknownMessage(type)),
  };

  private table!: Table;
  private seating!: Seating;
  private projection = new Projection(this.state);
  private flood = new FloodGate();
  private relay = new EventRelay();
  private reservations = new ReservationBook();
  /** Seconds a dropped client keeps its connection slot (RECONNECT_SECONDS, default 120). */
  private reconnectSeconds = Number(process.env.RECONNECT_SECONDS ?? 120);

  override onCreate(options: GameRoomOptions) {
    // only the server opens rooms (clients may not `create`: server/admission.ts)
    const opened = openTable(options?.gameId, {
      clock: { now: Date.now, setTimeout: (fn, ms) => this.clock.setTimeout(fn, ms) },
      view: (s, role, version) => this.projection.viewFor(s, `seat:${role}`, version),
      transport: {
        stateChanged: (s, version) => this.project(s, version),
        events: (events) => this.relay.add(events),
        phaseChanged: (s) => {
          if (s.phase === "ended") this.autoDispose = true;
          this.setMetadata({ phase: s.phase, year: s.year });
        },
      },
    });
    if (!opened) throw new Error("no such game");
    ({ table: this.table, seating: this.seating } = opened);
    this.roomId = this.state.code = this.table.gameId;
    this.setPrivate(true);
    this.setMetadata({ scenario: this.table.state.scenario.id, phase: this.table.state.phase });
    // after a restart, people who do not come back within the window leave their seats to the bots
    if (opened.restored > 0)
      this.clock.setTimeout(() => this.seating.releaseAbsent(), this.reconnectSeconds * 1000);
  }

  /** The hash of the current state and how many actions made it: a restored game must show the same. */
  stateSummary = () => this.table.summary();

  /** Unused reservations of joins by `who`, and a new one (server/admission.ts calls both, from any process). */
  reservationsHeld(who: string): number {
    return this.reservations.held(who, Date.now());
  }
  reservationMade(sessionId: string, who: string): void {
    this.reservations.expect(sessionId, who, Date.now());
  }

  /** The engine state (server-side only; never sent). */
  get engineState(): GameState {
    return this.table.state;
  }

  override onJoin(client: Client, options: unknown) {
    this.reservations.used(client.sessionId);
    const seated = this.seating.join(client.sessionId, options);
    client.view = new StateView();
    this.projection.syncClient(client, this.seating.viewerKey(seated));
    this.broadcastPatch();
  }

  override async onDrop(client: Client, code?: number) {
    try {
      // a flooder gets no window: its socket closes now
      if (this.flood.isFlooder(client.sessionId)) throw new Error("flooded");
      await this.allowReconnection(client, this.reconnectSeconds);
    } catch {
      this.gone(client, code);
    }
  }

  override onReconnect(client: Client) {
    const seated = this.seating.get(client.sessionId);
    if (!seated) return;
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
    this.flood.forget(client.sessionId);
    this.seating.leave(client.sessionId, code === CloseCode.SERVER_SHUTDOWN);
  }

  /** Counts a message against the flood limit; over it, the client is closed at once and nothing more it sends is handled. */
  private admit(client: Client): boolean {
    if (this.flood.admit(client.sessionId, Date.now())) return true;
    if (this.seating.get(client.sessionId)) client.leave(CloseCode.WITH_ERROR, "too many messages");
    return false;
  }

  private project(s: GameState, version: number) {
    // (the first projection comes from the table's constructor, before the seating exists)
    const viewers = this.seating?.viewers((id) => this.clients.getById(id)) ?? [];
    // each viewer's patch, events and (for the sender) reply leave in one write
    holdWrites(this.clients);
    this.projection.update(s, viewers, version);
    this.broadcastPatch();
    this.relay.flush(s, viewers);
  }

  private onRequest(type: string, client: Client, payload: unknown) {
    if (!this.admit(client)) return FLOODED;
    const reply = this.seating.request(client.sessionId, type, payload);
    // a new team job: everyone's seat cards show it
    if (type === "job" && (reply as Reply).ok) this.broadcast(JOBS_MESSAGE, this.seating.jobs());
    return reply;
  }
}
