/**
 * Who sits where at one table: joining by seat, seat token, host token or as a
 * spectator; member ids and tokens (kept only as hashes); a returning player
 * sitting down again; and releasing, after a restart, the seats of people who
 * did not come back. Free of Colyseus: connections are named by session id.
 */
import { randomBytes } from "node:crypto";
import { type JobsByMember, setJobPayload } from "../shared/protocol/jobs.ts";
import { type Identity, joinOptions } from "../shared/protocol/lobby.ts";
import {
  type MessageType,
  parseMessage,
  type Reply,
  SEAT_MESSAGES,
  STAFF_MESSAGES,
} from "../shared/protocol/messages.ts";
import type { ActionBody, Actor } from "../shared/rules/types.ts";
import type { MemberRecord, NewMember } from "./store/db.ts";
import { hashToken, newToken } from "./store/tokens.ts";
import type { Table } from "./table.ts";

/** One connection's member. */
export interface Seated {
  memberId: string;
  /** Role id, or "" for spectators and hosts without a seat. */
  seat: string;
  kind: Identity["kind"];
  staff: boolean;
  name: string;
  /** The member's own token (sent to it by `whoami`, to no one else). */
  token: string;
}

const SEAT_TYPES = new Set(Object.keys(SEAT_MESSAGES));
/** Every message a member may send: the seats' and staff's actions, `whoami`, and the team jobs' `job` (pick mine) and `jobs` (everyone's). */
export const MESSAGE_TYPES = [
  ...SEAT_TYPES,
  ...Object.keys(STAFF_MESSAGES),
  "whoami",
  "job",
  "jobs",
];

/** The rejection a client gets for a message type no handler knows. */
export function unknownMessage(type: unknown): Reply {
  return { ok: false, code: "ERR_MALFORMED", detail: `unknown message "${String(type)}"` };
}

/** The members the seating keeps (the SQLite store in production). */
export interface SeatingStore {
  addMember(member: NewMember): void;
  memberByTokenHash(gameId: string, tokenHash: string): MemberRecord | null;
  members(gameId: string): MemberRecord[];
  setJob(gameId: string, memberId: string, job: NonNullable<JobsByMember[string]>): boolean;
}

/** Options a joining client may pass that decide whether it may have a seat reserved at all. */
export function joinCredentials(raw: unknown): { token?: string; hostToken?: string } {
  const parsed = joinOptions.safeParse(raw ?? {});
  if (!parsed.success) return {};
  return { token: parsed.data.token, hostToken: parsed.data.hostToken };
}

export class Seating {
  private readonly conns = new Map<string, Seated>();
  private readonly table: Table;
  private readonly store: SeatingStore;
  private readonly hostTokenHash: string;
  private readonly now: () => number;

  constructor(table: Table, store: SeatingStore, hostTokenHash: string, now = Date.now) {
    this.table = table;
    this.store = store;
    this.hostTokenHash = hostTokenHash;
    this.now = now;
  }

  /** The member of a connection, if it joined. */
  get(sessionId: string): Seated | undefined {
    return this.conns.get(sessionId);
  }

  /** Every connection still open (`find` gives its client) with the viewer it sees the table as. */
  viewers<C>(find: (sessionId: string) => C | undefined): [C, string][] {
    const out: [C, string][] = [];
    for (const [id, seated] of this.conns) {
      const client = find(id);
      if (client) out.push([client, this.viewerKey(seated)]);
    }
    return out;
  }

  /** Whether a host token is this table's. */
  isHostToken(token: string): boolean {
    return hashToken(token) === this.hostTokenHash;
  }

  /** Whether a seat token belongs to a member of this table. */
  isMemberToken(token: string): boolean {
    return this.store.memberByTokenHash(this.table.gameId, hashToken(token)) !== null;
  }

  /** Seats a new connection from its join options; throws an Error whose message the client sees. */
  join(sessionId: string, rawOptions: unknown): Seated {
    const parsed = joinOptions.safeParse(rawOptions ?? {});
    if (!parsed.success)
      throw new Error(
        `bad join options: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
      );
    const o = parsed.data;
    const game = this.table.state;
    const staff = o.hostToken !== undefined && this.isHostToken(o.hostToken);
    if (o.hostToken !== undefined && !staff)
      throw new Error("that host token is not valid for this game");
    let seated: Seated;
    if (o.token) {
      const member = this.store.memberByTokenHash(this.table.gameId, hashToken(o.token));
      if (!member) throw new Error("that seat token is not valid for this game");
      seated = {
        memberId: member.memberId,
        seat: member.seat,
        kind: member.kind,
        // the member's own flag: a host who sat down keeps the rights without the host token
        staff: staff || member.staff,
        name: member.name,
        token: o.token,
      };
    } else if (o.seat) {
      if (!Object.hasOwn(game.seats, o.seat))
        throw new Error(`there is no seat "${o.seat}" at this table`);
      if (!o.name) throw new Error("type your name to take a seat");
      const memberId = `m${randomBytes(6).toString("hex")}`;
      const token = newToken();
      seated = { memberId, seat: o.seat, kind: "player", staff, name: o.name, token };
      this.mustAct({ type: "addMember", seat: o.seat, member: memberId, name: o.name });
      this.remember(seated);
    } else if (staff || o.spectator) {
      const memberId = `${staff ? "h" : "s"}${randomBytes(6).toString("hex")}`;
      const kind = staff ? "host" : "spectator";
      const name = o.name ?? (staff ? "Host" : "Spectator");
      seated = { memberId, seat: "", kind, staff, name, token: newToken() };
      this.remember(seated);
    } else {
      throw new Error("choose a seat, or join as a spectator");
    }
    // a returning player whose member left the engine (all tabs closed) sits down again
    if (seated.seat !== "" && !this.table.state.seats[seated.seat]?.members[seated.memberId])
      this.mustAct({
        type: "addMember",
        seat: seated.seat,
        member: seated.memberId,
        name: seated.name,
      });
    this.conns.set(sessionId, seated);
    return seated;
  }

  /**
   * A connection is gone for good: when it was its member's last one, the member leaves the
   * seat (its bot takes over). A server shutting down keeps its people seated: after the
   * restart they get a window to return (`releaseAbsent`).
   */
  leave(sessionId: string, shuttingDown: boolean): void {
    const seated = this.conns.get(sessionId);
    if (!seated) return;
    this.conns.delete(sessionId);
    if (shuttingDown) return;
    const stillHere = [...this.conns.values()].some((c) => c.memberId === seated.memberId);
    const game = this.table.state;
    if (
      !stillHere &&
      seated.seat !== "" &&
      game.phase !== "ended" &&
      game.seats[seated.seat]?.members[seated.memberId]
    )
      this.system({ type: "removeMember", seat: seated.seat, member: seated.memberId });
  }

  /** Removes engine members with no connection (restored from the log, never reconnected). */
  releaseAbsent(): void {
    if (this.table.state.phase === "ended") return;
    const here = new Set([...this.conns.values()].map((c) => c.memberId));
    for (const role of this.table.state.order)
      for (const member of Object.keys(this.table.state.seats[role]?.members ?? {}))
        if (!here.has(member)) this.system({ type: "removeMember", seat: role, member });
  }

  /** The viewer a member sees the table as: "seat:<role>", "facilitator" or "spectator". */
  viewerKey(seated: Seated): string {
    if (seated.seat !== "") return `seat:${seated.seat}`;
    return seated.staff ? "facilitator" : "spectator";
  }

  /** What `whoami` answers a member. */
  identity(seated: Seated): Identity {
    return {
      code: this.table.gameId,
      memberId: seated.memberId,
      seat: seated.seat,
      kind: seated.kind,
      staff: seated.staff,
      token: seated.token,
      name: seated.name,
      facilitatorReadsChat: this.table.state.config.facilitatorReadsChat,
      serverTime: this.now(),
    };
  }

  /** Answers one message of a connection: its identity, or the engine's reply to its action. */
  request(sessionId: string, type: string, payload: unknown): Reply | Identity | JobsByMember {
    const seated = this.conns.get(sessionId);
    if (!seated) return { ok: false, code: "ERR_NOT_ALLOWED", detail: "join the game first" };
    if (type === "whoami") return this.identity(seated);
    if (type === "jobs") return this.jobs();
    if (type === "job") return this.setJob(seated, payload);
    const parsed = parseMessage(type as MessageType, payload);
    if (!parsed.ok) return parsed;
    const actor = this.actorFor(seated, SEAT_TYPES.has(type));
    if ("ok" in actor) return actor;
    const r = this.table.act(actor, parsed.body);
    return r.ok ? { ok: true } : r;
  }

  /** Every member's team job at this table (members without one left out). */
  jobs(): JobsByMember {
    const out: JobsByMember = {};
    for (const m of this.store.members(this.table.gameId)) if (m.job) out[m.memberId] = m.job;
    return out;
  }

  /** A seated member picks its team job (zod: an unknown job is ERR_MALFORMED and changes nothing). */
  private setJob(seated: Seated, payload: unknown): Reply {
    const parsed = setJobPayload.safeParse(payload);
    if (!parsed.success)
      return {
        ok: false,
        code: "ERR_MALFORMED",
        detail: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
      };
    if (seated.seat === "")
      return { ok: false, code: "ERR_NOT_ALLOWED", detail: "only a seat's members have team jobs" };
    if (!this.store.setJob(this.table.gameId, seated.memberId, parsed.data.job))
      return { ok: false, code: "ERR_UNKNOWN_MEMBER", detail: "that member is not stored" };
    return { ok: true };
  }

  /** The engine actor of a member's message, or the rejection when it may not send it. */
  actorFor(seated: Seated, seatMessage: boolean): Actor | Reply {
    if (seatMessage) {
      if (seated.seat === "")
        return {
          ok: false,
          code: "ERR_NOT_ALLOWED",
          detail: "spectators and hosts without a seat cannot play",
        };
      return { kind: "seat", seat: seated.seat, member: seated.memberId };
    }
    if (!seated.staff)
      return { ok: false, code: "ERR_NOT_ALLOWED", detail: "only the host can do that" };
    return { kind: seated.kind === "facilitator" ? "facilitator" : "host" };
  }

  private remember(seated: Seated) {
    this.store.addMember({
      gameId: this.table.gameId,
      memberId: seated.memberId,
      seat: seated.seat,
      name: seated.name,
      kind: seated.kind,
      staff: seated.staff,
      tokenHash: hashToken(seated.token),
      now: this.now(),
    });
  }

  private system(body: ActionBody): Reply {
    return this.table.act({ kind: "system" }, body);
  }

  private mustAct(body: ActionBody) {
    const r = this.system(body);
    if (!r.ok) throw new Error(r.detail);
  }
}
