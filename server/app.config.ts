import config from "@colyseus/tools";
import { mountHealth } from "./http/health.ts";
import { mountHome } from "./http/home.ts";

/**
 * The server declaration: rooms and HTTP routes.
 * No game room yet; it is registered here as `game: defineRoom(GameRoom)`.
 */
export default config({
  options: {
    greet: false,
  },
  rooms: {},
  initializeExpress: (app) => {
    mountHealth(app);
    mountHome(app);
  },
});
