/**
 * The flood limit of a connection: more than `MAX_MESSAGES_PER_SECOND`
 * messages in a second and the connection is closed at once (close code 4002),
 * without a reconnection window, and nothing more it sent is handled.
 * (Colyseus' own `maxMessagesPerSecond` stops reading such a client but closes
 * its socket only after the room's `onDrop` returns, which for a game room is
 * the whole reconnection window.)
 */

import type { Reply } from "../../shared/protocol/messages.ts";

/** Messages one connection may send in a second. */
export const MAX_MESSAGES_PER_SECOND = 40;

/** The answer to a request that arrived over the limit (the connection is being closed). */
export const FLOODED: Reply = { ok: false, code: "ERR_NOT_ALLOWED", detail: "too many messages" };

export class FloodGate {
  private readonly windows = new Map<string, { until: number; count: number }>();
  private readonly flooded = new Set<string>();

  /** Counts a message; false when the connection is over the limit (or was before). */
  admit(sessionId: string, now: number): boolean {
    if (this.flooded.has(sessionId)) return false;
    let w = this.windows.get(sessionId);
    if (!w || now >= w.until) {
      w = { until: now + 1000, count: 0 };
      this.windows.set(sessionId, w);
    }
    if (++w.count <= MAX_MESSAGES_PER_SECOND) return true;
    this.flooded.add(sessionId);
    return false;
  }

  /** Whether the connection was closed for flooding (it gets no reconnection window). */
  isFlooder(sessionId: string): boolean {
    return this.flooded.has(sessionId);
  }

  /** The connection is gone. */
  forget(sessionId: string): void {
    this.windows.delete(sessionId);
    this.flooded.delete(sessionId);
  }
}
