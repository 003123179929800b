/**
 * Forwards the engine's events to clients, each redacted for its viewer
 * (shared/rules/events.ts `eventsFor`). The table reports every accepted
 * action's events as it applies it; the relay holds them until the patch
 * that shows their effect has gone out, then sends one `events` message per
 * action to each client that may hear something of it (docs/PROTOCOL.md §11).
 */
import type { Client } from "@colyseus/core";
import { EVENTS_MESSAGE, eventsFor, type GameEvent } from "../../shared/protocol/events.ts";
import type { GameState } from "../../shared/rules/types.ts";
import { viewerOf } from "./project.ts";

export class EventRelay {
  /** One entry per accepted action since the last patch, in order. */
  private pending: (readonly GameEvent[])[] = [];

  /** Holds one action's events until the next flush. */
  add(events: readonly GameEvent[]): void {
    if (events.length > 0) this.pending.push(events);
  }

  /** Sends what each viewer may know of the held events (call right after the patch). */
  flush(state: GameState, viewers: readonly (readonly [Client, string])[]): void {
    if (this.pending.length === 0) return;
    const batches = this.pending;
    this.pending = [];
    for (const [client, key] of viewers) {
      const viewer = viewerOf(key);
      for (const events of batches) {
        const mine = eventsFor(events, state, viewer);
        if (mine.length > 0) client.send(EVENTS_MESSAGE, mine);
      }
    }
  }
}
