import { listen } from "@colyseus/tools";
import appConfig from "./app.config.ts";

// Colyseus registers its own SIGINT/SIGTERM handlers: they lock and dispose every room,
// close the transport, run onShutdown and exit 0.
const port = Number(process.env.PORT ?? 2567);
const server = await listen(appConfig, port);
server.onShutdown(() => {
  console.log("Orbital Ties server stopped");
});
