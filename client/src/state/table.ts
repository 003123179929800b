/**
 * The controller of one table: the public scenario, the current connection (it changes when a
 * spectator or host sits down) and its latest view, re-emitted to the screens whichever
 * connection they came from.
 */
import type { EventsMessage } from "../../../shared/protocol/events.ts";
import type { JobsByMember, TeamJob } from "../../../shared/protocol/jobs.ts";
import type { PlayerView } from "../../../shared/rules/view.ts";
import type { Scenario } from "../../../shared/scenario/schema.ts";
import { api, type GameSummary } from "../net/api.ts";
import { serverNow } from "../net/clock.ts";
import {
  Connection,
  type Outgoing,
  type Rejected,
  type Status,
  type Want,
} from "../net/connection.ts";
import { Stream } from "../net/stream.ts";
import { tokens } from "../net/tokens.ts";

export class Table {
  readonly code: string;
  readonly summary: GameSummary;
  readonly scenario: Scenario;
  readonly viewChanged = new Stream<PlayerView>();
  readonly events = new Stream<EventsMessage>();
  readonly rejected = new Stream<Rejected>();
  readonly status = new Stream<Status>();
  readonly jobsChanged = new Stream<JobsByMember>();
  conn: Connection;

  private constructor(code: string, summary: GameSummary, scenario: Scenario, conn: Connection) {
    this.code = code;
    this.summary = summary;
    this.scenario = scenario;
    this.conn = conn;
    this.wire(conn);
  }

  static async open(code: string): Promise<Table> {
    const [summary, scenario] = await Promise.all([api.game(code), api.scenario(code)]);
    const conn = await Connection.join(code);
    return new Table(code, summary, scenario, conn);
  }

  get view(): PlayerView | null {
    return this.conn.view;
  }

  /** My seat's role, or "" while I watch or host without a seat. */
  get seat(): string {
    return this.conn.identity.seat;
  }

  get staff(): boolean {
    return this.conn.identity.staff;
  }

  /** Now in the server's clock, which the view's deadlines use (net/clock.ts). */
  now(): number {
    return serverNow(this.conn.clockOffset);
  }

  get quick(): boolean {
    return tokens.quick(this.code);
  }

  /** The link to share: the one the server made at creation (LAN address), else this page's. */
  get joinUrl(): string {
    return tokens.joinUrl(this.code) ?? `${location.origin}/?join=${this.code}`;
  }

  /** Takes a seat: a new member joins it, then the old (spectator or host) connection leaves. */
  async sitDown(want: NonNullable<Want>): Promise<void> {
    const next = await Connection.join(this.code, want);
    const old = this.conn;
    this.conn = next;
    this.wire(next);
    await old.leave();
    if (next.view) this.viewChanged.emit(next.view);
    this.jobsChanged.emit(next.jobs);
  }

  /** Every member's team job, by member id. */
  get jobs(): JobsByMember {
    return this.conn.jobs;
  }

  setJob(job: TeamJob) {
    return this.conn.setJob(job);
  }

  send<T extends keyof Outgoing>(type: T, payload: Outgoing[T]) {
    return this.conn.send(type, payload);
  }

  private wire(conn: Connection): void {
    conn.viewChanged.on((v) => {
      if (conn === this.conn) this.viewChanged.emit(v);
    });
    conn.events.on((e) => {
      if (conn === this.conn) this.events.emit(e);
    });
    conn.rejected.on((r) => {
      if (conn === this.conn) this.rejected.emit(r);
    });
    conn.status.on((s) => {
      if (conn === this.conn) this.status.emit(s);
    });
    conn.jobsChanged.on((j) => {
      if (conn === this.conn) this.jobsChanged.emit(j);
    });
  }
}
