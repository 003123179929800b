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

/**
 * A room's unused reservations, kept by the room itself (so it is right whichever process
 * answered the HTTP request): whose each is ("" for no credential, else the credential's hash)
 * and when it lapses.
 */
export class ReservationBook {
  private readonly expected = new Map<string, { who: string; until: number }>();

  /** A reservation was made for `sessionId`. */
  expect(sessionId: string, who: string, now: number): void {
    this.expected.set(sessionId, { who, until: now + SEAT_RESERVATION_SECONDS * 1000 });
  }

  /** The reservation became a connection (or its join failed). */
  used(sessionId: string): void {
    this.expected.delete(sessionId);
  }

  /** How many unused, unlapsed reservations `who` holds. */
  held(who: string, now: number): number {
    let n = 0;
    for (const [id, r] of this.expected)
      if (r.until <= now) this.expected.delete(id);
      else if (r.who === who) n++;
    return n;
  }
}

/** Requests of this process still waiting for their reservation, per table and credential. */
const inFlight = new Map<string, number>();

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
    // an unknown code: Colyseus answers it (522) without asking a room
    if (!(await matchMaker.driver.findOne({ roomId: roomName })))
      return invoke(method, roomName, clientOptions, authOptions);
    const who = credentialOf(roomName, clientOptions);
    const key = `${roomName}:${who}`;
    const held = (await matchMaker.remoteRoomCall(roomName, "reservationsHeld", [who])) as number;
    if (held + (inFlight.get(key) ?? 0) >= (who === "" ? ANONYMOUS_PENDING : CREDENTIAL_PENDING))
      throw new ServerError(
        BUSY_CODE,
        "too many people are joining this table at once; try again in a few seconds",
      );
    // counted before waiting, so parallel requests count each other
    inFlight.set(key, (inFlight.get(key) ?? 0) + 1);
    try {
      const reservation = (await invoke(method, roomName, clientOptions, authOptions)) as {
        sessionId: string;
      };
      await matchMaker.remoteRoomCall(roomName, "reservationMade", [reservation.sessionId, who]);
      return reservation;
    } finally {
      const n = (inFlight.get(key) ?? 1) - 1;
      if (n > 0) inFlight.set(key, n);
      else inFlight.delete(key);
    }
  }) as Invoke;
}
