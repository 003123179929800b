/**
 * The one owner of @colyseus/sdk (docs/PROTOCOL.md sections 2–4, 7, 11). It joins a table by
 * code, remembers the seat token and rejoins with it after a reload or a lost connection,
 * rebuilds the player view from the synced slices, and hands the rest of the client typed
 * streams: the view, the events, rejections and the connection's status. No DOM here.
 */
import { Client, type Room } from "@colyseus/sdk";
import { EVENTS_MESSAGE, type EventsMessage } from "../../../shared/protocol/events.ts";
import { JOBS_MESSAGE, type JobsByMember, type TeamJob } from "../../../shared/protocol/jobs.ts";
import type { Identity, JoinOptions } from "../../../shared/protocol/lobby.ts";
import type { MessageType, Reply } from "../../../shared/protocol/messages.ts";
import {
  assembleView,
  type SyncedSlices,
  syncedSlices,
} from "../../../shared/protocol/viewSlices.ts";
import type { Orders, Term } from "../../../shared/rules/types.ts";
import type { PlayerView } from "../../../shared/rules/view.ts";
import { clockOffset } from "./clock.ts";
import { Stream } from "./stream.ts";
import { tokens } from "./tokens.ts";

/** The synced root state (server/rooms/schema.ts), as far as the client reads it. */
interface SyncedState extends SyncedSlices {
  code: string;
}

/** What the client sends, by message name (payloads as docs/PROTOCOL.md section 5 gives them). */
export interface Outgoing {
  ready: { ready: boolean };
  orders: Partial<Orders>;
  start: Record<string, never>;
  commit: Record<string, never>;
  propose: {
    parties: string[];
    terms: Term[];
    years: number;
    note?: string;
    replaces?: string | null;
  };
  accept: { proposal: string };
  reject: { proposal: string };
  withdraw: { proposal: string };
  statement: { text: string };
  chat: { to: string[]; text: string };
  crisisChoice: { choice: "firm" | "deescalate" };
  // the host's table controls (ui/hostControls.ts)
  pause: Record<string, never>;
  resume: Record<string, never>;
  extend: { seconds: number };
  skip: Record<string, never>;
  endGame: Record<string, never>;
}
// every key is a real message name
const outgoingNamesAreMessages: keyof Outgoing extends MessageType ? true : never = true;
void outgoingNamesAreMessages;

export type Rejected = Extract<Reply, { ok: false }> & { type: keyof Outgoing };
export type Status = "connected" | "reconnecting" | "closed";

/** How to sit down: a seat with a name, or (without one) the stored token, host or spectator. */
export type Want = { seat: string; name: string } | null;

/** A join the server refused: the SDK's code (522, 526, …) and the server's sentence. */
export class JoinError extends Error {
  readonly code: number;
  constructor(code: number, message: string) {
    super(message);
    this.code = code;
  }
}

const REJOIN_TRIES = 15;
const REJOIN_DELAY_MS = 2000;

function endpoint(): string {
  return location.origin;
}

function optionsFor(code: string, want: Want): JoinOptions {
  const hostToken = tokens.host(code) ?? undefined;
  if (want) return { seat: want.seat, name: want.name, ...(hostToken ? { hostToken } : {}) };
  const token = tokens.seat(code);
  // the member keeps its host rights on the server: the seat token is enough
  if (token) return { token };
  if (hostToken) return { hostToken };
  return { spectator: true };
}

async function joinRoom(client: Client, code: string, options: JoinOptions): Promise<Room> {
  try {
    return await client.joinById(code, options);
  } catch (err) {
    const e = err as { code?: number; message?: string };
    throw new JoinError(e.code ?? 0, e.message ?? String(err));
  }
}

export class Connection {
  readonly code: string;
  readonly viewChanged = new Stream<PlayerView>();
  readonly events = new Stream<EventsMessage>();
  readonly rejected = new Stream<Rejected>();
  readonly status = new Stream<Status>();
  /** Every member's team job (the server broadcasts the list on each change). */
  readonly jobsChanged = new Stream<JobsByMember>();
  jobs: JobsByMember = {};
  identity!: Identity;
  /** How far the server's clock is ahead of this browser's (ms), measured at each whoami. */
  clockOffset = 0;
  view: PlayerView | null = null;
  private room: Room;
  private readonly client: Client;
  private leaving = false;

  private constructor(client: Client, code: string, room: Room) {
    this.client = client;
    this.code = code;
    this.room = room;
    // before anything is awaited: the first state may arrive with the next message
    this.attach(room);
  }

  /**
   * Joins table `code`: with `want` as a new member of that seat; otherwise with the seat
   * token stored for this code (a reload keeps the seat), else as host or spectator.
   */
  static async join(code: string, want: Want = null): Promise<Connection> {
    const client = new Client(endpoint());
    let options = optionsFor(code, want);
    let room: Room;
    try {
      room = await joinRoom(client, code, options);
    } catch (err) {
      // a token from an old table of the same code, or one the server forgot: sit down afresh
      if (!(options.token && err instanceof JoinError && /seat token/.test(err.message))) throw err;
      tokens.setSeat(code, null);
      options = optionsFor(code, want);
      room = await joinRoom(client, code, options);
    }
    const conn = new Connection(client, code, room);
    await conn.whoami(room);
    return conn;
  }

  private async whoami(room: Room): Promise<void> {
    // the SDK only retries a dropped room that has been up minUptime ms (default 5 s)
    room.reconnection.minUptime = 0;
    const sentAt = Date.now();
    const identity = (await room.request("whoami", {})) as Identity;
    this.clockOffset = clockOffset(sentAt, identity.serverTime, Date.now());
    if (identity.seat !== "") tokens.setSeat(this.code, identity.token);
    this.identity = identity;
    this.jobs = (await room.request(JOBS_MESSAGE, {})) as JobsByMember;
    this.jobsChanged.emit(this.jobs);
  }

  /** Takes a team job for my member. */
  async setJob(job: TeamJob): Promise<Reply> {
    try {
      return (await this.room.request("job", { job })) as Reply;
    } catch (err) {
      return { ok: false, code: "ERR_SERVER", detail: String(err) };
    }
  }

  private attach(room: Room): void {
    this.room = room;
    const read = (state: SyncedState | undefined) => {
      const slices = syncedSlices(state);
      if (slices.length === 0) return;
      this.view = assembleView(slices);
      this.viewChanged.emit(this.view);
    };
    room.onStateChange(read);
    read(room.state as SyncedState | undefined);
    room.onMessage(EVENTS_MESSAGE, (events: EventsMessage) => this.events.emit(events));
    room.onMessage(JOBS_MESSAGE, (jobs: JobsByMember) => {
      this.jobs = jobs;
      this.jobsChanged.emit(jobs);
    });
    room.onDrop(() => this.status.emit("reconnecting"));
    room.onReconnect(() => this.status.emit("connected"));
    room.onLeave((code: number) => {
      if (this.leaving) return;
      // 4000 is our own leave; anything else (a restart, a window that ran out): rejoin by token
      if (code === 4000) this.status.emit("closed");
      else void this.rejoin();
    });
  }

  private async rejoin(): Promise<void> {
    this.status.emit("reconnecting");
    for (let i = 0; i < REJOIN_TRIES && !this.leaving; i++) {
      await new Promise((r) => setTimeout(r, REJOIN_DELAY_MS));
      try {
        const room = await joinRoom(this.client, this.code, optionsFor(this.code, null));
        this.attach(room);
        await this.whoami(room);
        this.status.emit("connected");
        return;
      } catch {
        // the server may still be restarting: try again
      }
    }
    this.status.emit("closed");
  }

  /** Sends a message as a request; a refusal is also emitted on `rejected`. */
  async send<T extends keyof Outgoing>(type: T, payload: Outgoing[T]): Promise<Reply> {
    let reply: Reply;
    try {
      reply = (await this.room.request(type, payload)) as Reply;
    } catch (err) {
      reply = { ok: false, code: "ERR_SERVER", detail: String(err) };
    }
    if (!reply.ok) this.rejected.emit({ ...reply, type });
    return reply;
  }

  /** Leaves for good (the member leaves its seat once its last connection is gone). */
  async leave(): Promise<void> {
    this.leaving = true;
    this.viewChanged.clear();
    this.events.clear();
    this.rejected.clear();
    this.status.clear();
    this.jobsChanged.clear();
    await this.room.leave(true).catch(() => {});
  }
}
