/**
 * Who may reach a table through Colyseus' matchmaking routes.
 *
 * - Tables are private: clients may only `joinById` (by the table's code) and
 *   `reconnect`. `join`, `joinOrCreate` and `create` are not exposed, so no
 *   client finds someone's table without its code, and no client opens a room
 *   (the server opens a table's room itself, on creation and on restore).
 * - A seat reservation that no WebSocket consumes would hold one of the
 *   table's places until it expires; enough of them lock the table for everyone
 *   (`room is locked`). So joins without a credential (a new player, a
 *   spectator, or anything else) may hold at most `ANONYMOUS_PENDING` unconsumed
 *   reservations per table at a time, and every reservation expires after
 *   `SEAT_RESERVATION_SECONDS`. Joins with this table's seat token or host token
 *   never wait behind them; each such credential may itself hold at most
 *   `CREDENTIAL_PENDING` unused reservations. No per-address limit: a classroom
 *   joins from behind one address.
 */
import { matchMaker, ServerError } from "@colyseus/core";
import { joinCredentials } from "./seating.ts";
import { getStore } from "./store/instance.ts";
import { hashToken } from "./store/tokens.ts";

/** Unconsumed reservations by joins without a credential, per table. */
export const ANONYMOUS_PENDING = 20;
/** Unconsumed reservations per seat token or host token (a person's tabs, retries). */
export const CREDENTIAL_PENDING = 4;
/** Seconds a reservation waits for its WebSocket (Colyseus' default is 15). */
export const SEAT_RESERVATION_SECONDS = 5;
/** The HTTP status (and error code) of a join turned away while the table is busy. */
export const BUSY_CODE = 503;

/** The matchmaking methods a client may call. */
const EXPOSED = ["joinById", "reconnect"];

/**
 * Per table, the unused reservations: when each stops counting (ms) and whose it is ("" for joins
 * without a credential, else the credential's hash), by a placeholder key until its session id
 * is known.
 */
const pending = new Map<string, Map<string, { until: number; who: string }>>();
let nextKey = 0;

/** The hash of this table's seat token or host token in the join options, or "" without one. */
function credentialOf(code: string, options: unknown): string {
  const { token, hostToken } = joinCredentials(options);
  const store = getStore();
  if (hostToken !== undefined) {
    const game = store.getGame(code);
    const hash = hashToken(hostToken);
    if (game && game.hostTokenHash === hash) return hash;
  }
  if (token !== undefined) {
    const hash = hashToken(token);
    if (store.memberByTokenHash(code, hash)) return hash;
  }
  return "";
}

/** The table's unused reservations, without the lapsed ones. */
function held(code: string, now: number): Map<string, { until: number; who: string }> {
  let map = pending.get(code);
  if (!map) {
    map = new Map();
    pending.set(code, map);
  }
  for (const [key, r] of map) if (r.until <= now) map.delete(key);
  return map;
}

function countOf(map: Map<string, { who: string }>, who: string): number {
  let n = 0;
  for (const r of map.values()) if (r.who === who) n++;
  return n;
}

/** A reservation became a connection (or its join failed): it no longer holds a place. */
export function reservationUsed(code: string, sessionId: string): void {
  const map = pending.get(code);
  map?.delete(sessionId);
  if (map?.size === 0) pending.delete(code);
}

type Invoke = typeof matchMaker.controller.invokeMethod;

/**
 * Restricts the matchmaking routes (see the module comment). Installing again replaces the
 * earlier wrapper (a test process may load the server more than once), never stacks on it.
 */
export function installAdmission(): void {
  const controller = matchMaker.controller as typeof matchMaker.controller & {
    __colyseusInvoke?: Invoke;
  };
  controller.__colyseusInvoke ??= controller.invokeMethod.bind(controller);
  const invoke: Invoke = controller.__colyseusInvoke;
  controller.exposedMethods = EXPOSED;
  controller.invokeMethod = (async (method, roomName, clientOptions, authOptions) => {
    if (method !== "joinById") return invoke(method, roomName, clientOptions, authOptions);
    const who = credentialOf(roomName, clientOptions);
    const now = Date.now();
    const map = held(roomName, now);
    if (countOf(map, who) >= (who === "" ? ANONYMOUS_PENDING : CREDENTIAL_PENDING))
      throw new ServerError(
        BUSY_CODE,
        "too many people are joining this table at once; try again in a few seconds",
      );
    // hold the place before waiting, so parallel requests count each other
    const key = `?${nextKey++}`;
    const until = now + SEAT_RESERVATION_SECONDS * 1000;
    map.set(key, { until, who });
    try {
      const reservation = (await invoke(method, roomName, clientOptions, authOptions)) as {
        sessionId?: string;
      };
      map.delete(key);
      if (reservation?.sessionId) map.set(reservation.sessionId, { until, who });
      return reservation;
    } catch (err) {
      map.delete(key);
      throw err;
    }
  }) as Invoke;
}
