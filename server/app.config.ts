import { defineRoom, matchMaker } from "@colyseus/core";
import { RedisDriver } from "@colyseus/redis-driver";
import { RedisPresence } from "@colyseus/redis-presence";
import config from "@colyseus/tools";
import { WebSocketTransport } from "@colyseus/ws-transport";
import { installAdmission } from "./admission.ts";
import { mountClient } from "./http/client.ts";
import { mountGames } from "./http/games.ts";
import { mountHealth } from "./http/health.ts";
import { metricsEnabled, mountMetrics } from "./http/metrics.ts";
import { restoreGames } from "./restore.ts";
import { GameRoom } from "./rooms/GameRoom.ts";

/** Largest WebSocket message accepted; bigger ones close the connection (a hostile client). */
const MAX_PAYLOAD_BYTES = 64 * 1024;

const redisUrl = process.env.REDIS_URL;
const publicAddress = process.env.PUBLIC_ADDRESS;

// With several processes each one restores only the games whose owner is its PUBLIC_ADDRESS
// (server/owner.ts), and clients of other processes reach its rooms at that address: without
// it every process would call itself "local" and restore everybody's games.
if (redisUrl && !publicAddress) {
  throw new Error(
    "REDIS_URL needs PUBLIC_ADDRESS (host:port at which other processes' clients reach this one)",
  );
}

// tables are private and reservations cannot lock them (server/admission.ts)
installAdmission();

/**
 * The server declaration: rooms and HTTP routes. With REDIS_URL (and
 * PUBLIC_ADDRESS) several processes share one set of tables.
 */
export default config({
  options: {
    greet: false,
    ...(redisUrl
      ? {
          presence: new RedisPresence(redisUrl),
          driver: new RedisDriver(redisUrl),
          publicAddress,
          // A game's room opens on the process that stored it (its owner), never on the
          // least loaded one: the owner is the process that restores it after a restart.
          selectProcessIdToCreateRoom: async () => matchMaker.processId,
        }
      : {}),
  },
  initializeTransport: (options) =>
    new WebSocketTransport({ ...options, maxPayload: MAX_PAYLOAD_BYTES }),
  rooms: {
    game: defineRoom(GameRoom),
  },
  initializeExpress: (app) => {
    mountHealth(app);
    mountGames(app);
    if (metricsEnabled()) mountMetrics(app);
    // last: its fallback answers every other page path with the client
    mountClient(app);
  },
  beforeListen: async () => {
    await restoreGames();
  },
});
