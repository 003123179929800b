/**
 * The server→client `events` message: after the patch of every accepted action, each client
 * receives that action's engine events as its viewer may know them (docs/PROTOCOL.md, "Events").
 * Clients animate and notify from events and draw from the view.
 */
import { type EventAudience, eventsFor, type GameEventType } from "../rules/events.ts";
import type { GameEvent } from "../rules/types.ts";

/** The Colyseus message type of the events (`room.onMessage(EVENTS_MESSAGE, …)`). */
export const EVENTS_MESSAGE = "events";

/** The payload of one `events` message: one accepted action's events, in order, never empty. */
export type EventsMessage = GameEvent[];

export { type EventAudience, eventsFor, type GameEvent, type GameEventType };
