/**
 * The SQLite store: a game is its scenario, seed and seats plus the ordered log
 * of accepted actions (a table is restored by replaying it: see the decision
 * "Snapshots are no longer written" in docs/DECISIONS.md). The store checks nothing
 * about game rules (the engine does) — it only keeps what it is given, durably.
 *
 * Action sequence numbers start at 1: action `seq` is the seq-th accepted action.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { TeamJob } from "../../shared/protocol/jobs.ts";
import type { GameOptions, SeatSetup } from "../../shared/rules/setup.ts";
import type { Action } from "../../shared/rules/types.ts";
import { type Checkpointer, startCheckpointer } from "./checkpointer.ts";

export const DB_FILE = "orbital-ties.sqlite";

/** WAL pages between the writer's own checkpoints when a worker checkpoints (checkpointer.ts). */
const WRITER_CHECKPOINT_PAGES = 10_000;
/** How stale a game's updated_at may be before an appended action moves it (ms). */
export const TOUCH_EVERY_MS = 60_000;

export type GameStatus = "lobby" | "running" | "finished";
export type MemberKind = "player" | "spectator" | "host" | "facilitator";

/**
 * Schema migrations, applied in order, each once. The database's `PRAGMA user_version`
 * is the number applied so far. Append only: never edit an entry that has shipped.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE games (
    id              TEXT PRIMARY KEY,
    scenario_id     TEXT NOT NULL,
    scenario_json   TEXT NOT NULL,
    seed            TEXT NOT NULL,
    seats_json      TEXT NOT NULL,
    options_json    TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('lobby', 'running', 'finished')),
    owner           TEXT NOT NULL,
    host_token_hash TEXT NOT NULL,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    finished_at     INTEGER,
    result_json     TEXT
  ) STRICT;
  CREATE INDEX games_status_owner ON games (status, owner);

  CREATE TABLE members (
    game_id    TEXT NOT NULL REFERENCES games (id) ON DELETE CASCADE,
    member_id  TEXT NOT NULL,
    seat       TEXT NOT NULL DEFAULT '',
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('player', 'spectator', 'host', 'facilitator')),
    token_hash TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (game_id, member_id)
  ) STRICT;

  CREATE TABLE actions (
    game_id     TEXT NOT NULL REFERENCES games (id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL CHECK (seq >= 1),
    action_json TEXT NOT NULL,
    PRIMARY KEY (game_id, seq)
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE snapshots (
    game_id    TEXT NOT NULL REFERENCES games (id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL CHECK (seq >= 0),
    year       INTEGER NOT NULL,
    phase      TEXT NOT NULL,
    state_hash TEXT NOT NULL,
    state_json TEXT NOT NULL,
    PRIMARY KEY (game_id, seq)
  ) STRICT;
  `,
  // 2: snapshots were written at every phase change and never read (issue 8): gone
  `DROP TABLE snapshots;`,
  // 3: the host's rights belong to the member (a host who sits at a seat keeps them when
  // rejoining with the seat token alone); rows from before were staff exactly by their kind
  `ALTER TABLE members ADD COLUMN staff INTEGER NOT NULL DEFAULT 0 CHECK (staff IN (0, 1));
   UPDATE members SET staff = 1 WHERE kind IN ('host', 'facilitator');`,
  // 4: a member's team job (shared/protocol/jobs.ts), '' until chosen; changes no rule
  `ALTER TABLE members ADD COLUMN job TEXT NOT NULL DEFAULT ''
     CHECK (job IN ('', 'negotiator', 'treasurer', 'intelligence', 'press'));`,
];

/** A table's options as stored: the engine's options plus the bot strategy per role. */
export interface TableOptions extends GameOptions {
  bots?: Record<string, string>;
}

/** The engine's part of a table's options (what createGame and replay take). */
export function engineOptions(options: TableOptions): GameOptions {
  const { bots: _bots, ...rest } = options;
  return rest;
}

export interface NewGame {
  /** The 6-character join code. */
  id: string;
  scenarioId: string;
  /** The scenario exactly as played: JSON text (kept verbatim) or a value (stringified). */
  scenarioJson: string | object;
  seed: string;
  seats: SeatSetup[];
  options: TableOptions;
  hostTokenHash: string;
  /** Id of the server process that runs the game. */
  owner: string;
  now: number;
}

export interface GameRecord {
  id: string;
  scenarioId: string;
  /** The stored scenario text, and the same parsed. */
  scenarioJson: string;
  scenario: unknown;
  seed: string;
  seats: SeatSetup[];
  options: TableOptions;
  status: GameStatus;
  owner: string;
  hostTokenHash: string;
  createdAt: number;
  updatedAt: number;
  finishedAt: number | null;
  result: unknown | null;
}

export interface MemberRecord {
  gameId: string;
  memberId: string;
  /** Role id, or "" for members without a seat (spectators, host, facilitator). */
  seat: string;
  name: string;
  kind: MemberKind;
  /** May pause, resume, extend, skip and end (granted by the host token when the member joined). */
  staff: boolean;
  /** The member's team job, "" until chosen. */
  job: TeamJob | "";
  tokenHash: string;
  createdAt: number;
}

export interface NewMember extends Omit<MemberRecord, "createdAt" | "seat" | "staff" | "job"> {
  seat?: string;
  /** False when left out. */
  staff?: boolean;
  now: number;
}

export interface Store {
  readonly db: Database.Database;
  readonly file: string;
  createGame(game: NewGame): void;
  getGame(id: string): GameRecord | null;
  setStatus(id: string, status: GameStatus, now: number): void;
  setOwner(id: string, owner: string, now: number): void;
  /**
   * Appends action `seq` at `now` (default Date.now()), moving updated_at to it when that is
   * TOUCH_EVERY_MS or more behind; throws unless seq === actionCount(id) + 1.
   */
  appendAction(id: string, seq: number, action: Action, now?: number): void;
  /** Appends actions firstSeq, firstSeq+1, … atomically; throws unless firstSeq is the next seq. */
  appendActions(id: string, firstSeq: number, actions: readonly Action[], now?: number): void;
  /** Highest stored seq (0 when none): the next action's seq is this + 1. */
  actionCount(id: string): number;
  /** All actions in seq order, or those with seq > afterSeq. */
  loadActions(id: string, afterSeq?: number): Action[];
  finishGame(id: string, result: string | object, now: number): void;
  /** Ids of games not finished, oldest first; only those owned by `owner` when given. */
  listUnfinished(owner?: string): string[];
  addMember(member: NewMember): void;
  memberByTokenHash(gameId: string, tokenHash: string): MemberRecord | null;
  members(gameId: string): MemberRecord[];
  /** Sets a member's team job; false when there is no such member. */
  setJob(gameId: string, memberId: string, job: TeamJob): boolean;
  /** True when a member was removed. */
  removeMember(gameId: string, memberId: string): boolean;
  close(): void;
}

interface GameRow {
  id: string;
  scenario_id: string;
  scenario_json: string;
  seed: string;
  seats_json: string;
  options_json: string;
  status: GameStatus;
  owner: string;
  host_token_hash: string;
  created_at: number;
  updated_at: number;
  finished_at: number | null;
  result_json: string | null;
}

interface MemberRow {
  game_id: string;
  member_id: string;
  seat: string;
  name: string;
  kind: MemberKind;
  staff: number;
  job: TeamJob | "";
  token_hash: string;
  created_at: number;
}

const toJson = (v: string | object): string => (typeof v === "string" ? v : JSON.stringify(v));

function migrate(db: Database.Database): void {
  const current = db.pragma("user_version", { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(
      `database schema version ${current} is newer than this server (${MIGRATIONS.length})`,
    );
  }
  if (current === MIGRATIONS.length) return;
  db.transaction(() => {
    // read the version again under the write lock: another process may have migrated meanwhile
    const locked = db.pragma("user_version", { simple: true }) as number;
    for (let v = locked; v < MIGRATIONS.length; v++) {
      db.exec(MIGRATIONS[v] as string);
      db.pragma(`user_version = ${v + 1}`);
    }
  }).immediate();
}

function gameFromRow(r: GameRow): GameRecord {
  return {
    id: r.id,
    scenarioId: r.scenario_id,
    scenarioJson: r.scenario_json,
    scenario: JSON.parse(r.scenario_json),
    seed: r.seed,
    seats: JSON.parse(r.seats_json) as SeatSetup[],
    options: JSON.parse(r.options_json) as TableOptions,
    status: r.status,
    owner: r.owner,
    hostTokenHash: r.host_token_hash,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    finishedAt: r.finished_at,
    result: r.result_json === null ? null : JSON.parse(r.result_json),
  };
}

function memberFromRow(r: MemberRow): MemberRecord {
  return {
    gameId: r.game_id,
    memberId: r.member_id,
    seat: r.seat,
    name: r.name,
    kind: r.kind,
    staff: r.staff === 1,
    job: r.job,
    tokenHash: r.token_hash,
    createdAt: r.created_at,
  };
}

export interface StoreOptions {
  /**
   * Checkpoint the WAL from a worker thread (checkpointer.ts), off the event loop: the server's
   * store does; a short-lived store (a test, a tool) needs no thread of its own.
   */
  backgroundCheckpoints?: boolean;
}

/** Opens (creating if needed) `dir/orbital-ties.sqlite` and brings its schema up to date. */
export function openStore(dir: string, options: StoreOptions = {}): Store {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, DB_FILE);
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
    // NORMAL (in WAL mode): a commit is written to the WAL before it returns, but synced to the
    // disk only at a checkpoint. A killed process loses nothing (its writes are in the OS's page
    // cache); a power loss or kernel crash can lose the transactions since the last checkpoint
    // (docs/DECISIONS.md, 2026-12-01). FULL cost an fsync per action, a quarter of its time.
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    db.pragma("busy_timeout = 5000");
    migrate(db);
  } catch (err) {
    db.close();
    throw err;
  }
  let checkpointer: Checkpointer | null = null;
  if (options.backgroundCheckpoints) {
    checkpointer = startCheckpointer(file);
    // the writer's own checkpoint (which must sync while no commit appends, so that the WAL can
    // start over) comes ten times less often, and finds the worker has copied nearly everything
    db.pragma(`wal_autocheckpoint = ${WRITER_CHECKPOINT_PAGES}`);
  }

  const q = {
    insertGame: db.prepare(
      `INSERT INTO games (id, scenario_id, scenario_json, seed, seats_json, options_json, status,
         owner, host_token_hash, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'lobby', ?, ?, ?, ?)`,
    ),
    getGame: db.prepare<[string], GameRow>("SELECT * FROM games WHERE id = ?"),
    setStatus: db.prepare("UPDATE games SET status = ?, updated_at = ? WHERE id = ?"),
    setOwner: db.prepare("UPDATE games SET owner = ?, updated_at = ? WHERE id = ?"),
    // a game's last activity to the minute: an action a second rewriting the games row would
    // add a page to every commit (and to every checkpoint) for a time nobody reads that finely
    touch: db.prepare("UPDATE games SET updated_at = ? WHERE id = ? AND updated_at <= ?"),
    maxSeq: db.prepare<[string], { n: number }>(
      "SELECT COALESCE(MAX(seq), 0) AS n FROM actions WHERE game_id = ?",
    ),
    insertAction: db.prepare("INSERT INTO actions (game_id, seq, action_json) VALUES (?, ?, ?)"),
    loadActions: db
      .prepare<[string, number], string>(
        "SELECT action_json FROM actions WHERE game_id = ? AND seq > ? ORDER BY seq",
      )
      .pluck(),
    finish: db.prepare(
      `UPDATE games SET status = 'finished', result_json = ?, finished_at = ?, updated_at = ?
       WHERE id = ?`,
    ),
    unfinished: db
      .prepare<[], string>(
        "SELECT id FROM games WHERE status != 'finished' ORDER BY created_at, id",
      )
      .pluck(),
    unfinishedByOwner: db
      .prepare<[string], string>(
        "SELECT id FROM games WHERE status != 'finished' AND owner = ? ORDER BY created_at, id",
      )
      .pluck(),
    addMember: db.prepare(
      `INSERT INTO members (game_id, member_id, seat, name, kind, staff, token_hash, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    memberByToken: db.prepare<[string, string], MemberRow>(
      "SELECT * FROM members WHERE game_id = ? AND token_hash = ?",
    ),
    members: db.prepare<[string], MemberRow>(
      "SELECT * FROM members WHERE game_id = ? ORDER BY created_at, member_id",
    ),
    removeMember: db.prepare("DELETE FROM members WHERE game_id = ? AND member_id = ?"),
    setJob: db.prepare("UPDATE members SET job = ? WHERE game_id = ? AND member_id = ?"),
  };

  const mustUpdate = (changes: number, id: string): void => {
    if (changes !== 1) throw new Error(`no game ${id}`);
  };

  const append = db.transaction(
    (id: string, firstSeq: number, actions: readonly Action[], now: number) => {
      const next = (q.maxSeq.get(id)?.n ?? 0) + 1;
      if (firstSeq !== next) {
        throw new Error(`game ${id}: action seq ${firstSeq} is not the next one (${next})`);
      }
      let seq = firstSeq;
      // (the actions' foreign key already refuses an unknown game)
      for (const action of actions) q.insertAction.run(id, seq++, JSON.stringify(action));
      q.touch.run(now, id, now - TOUCH_EVERY_MS);
    },
  );

  let open = true;

  return {
    db,
    file,

    createGame(g) {
      q.insertGame.run(
        g.id,
        g.scenarioId,
        toJson(g.scenarioJson),
        g.seed,
        JSON.stringify(g.seats),
        JSON.stringify(g.options),
        g.owner,
        g.hostTokenHash,
        g.now,
        g.now,
      );
    },

    getGame(id) {
      const row = q.getGame.get(id);
      return row ? gameFromRow(row) : null;
    },

    setStatus(id, status, now) {
      mustUpdate(q.setStatus.run(status, now, id).changes, id);
    },

    setOwner(id, owner, now) {
      mustUpdate(q.setOwner.run(owner, now, id).changes, id);
    },

    appendAction(id, seq, action, now = Date.now()) {
      append.immediate(id, seq, [action], now);
    },

    appendActions(id, firstSeq, actions, now = Date.now()) {
      append.immediate(id, firstSeq, actions, now);
    },

    actionCount(id) {
      return q.maxSeq.get(id)?.n ?? 0;
    },

    loadActions(id, afterSeq = 0) {
      return q.loadActions.all(id, afterSeq).map((text) => JSON.parse(text) as Action);
    },

    finishGame(id, result, now) {
      mustUpdate(q.finish.run(toJson(result), now, now, id).changes, id);
    },

    listUnfinished(owner) {
      return owner === undefined ? q.unfinished.all() : q.unfinishedByOwner.all(owner);
    },

    addMember(m) {
      q.addMember.run(
        m.gameId,
        m.memberId,
        m.seat ?? "",
        m.name,
        m.kind,
        m.staff ? 1 : 0,
        m.tokenHash,
        m.now,
      );
    },

    memberByTokenHash(gameId, tokenHash) {
      const r = q.memberByToken.get(gameId, tokenHash);
      return r ? memberFromRow(r) : null;
    },

    members(gameId) {
      return q.members.all(gameId).map(memberFromRow);
    },

    setJob(gameId, memberId, job) {
      return q.setJob.run(job, gameId, memberId).changes > 0;
    },

    removeMember(gameId, memberId) {
      return q.removeMember.run(gameId, memberId).changes > 0;
    },

    close() {
      if (!open) return;
      open = false;
      checkpointer?.stop();
      db.close();
    },
  };
}
