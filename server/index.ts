import { listen } from "@colyseus/tools";
import appConfig from "./app.config.ts";
import { dataDirProblem, listenProblem, portProblem } from "./startup.ts";
import { dataDir } from "./store/instance.ts";

/** A startup failure: one line on stderr, exit 1 (no stack: the line names what to fix). */
function quit(problem: string): never {
  console.error(`Orbital Ties server cannot start: ${problem}`);
  process.exit(1);
}

const port = Number(process.env.PORT ?? 2567);
// checked before Colyseus starts: it would restore games from DATA_DIR first, then fail to
// listen with a stack trace and keep running without a port
const problem = (await portProblem(port)) ?? dataDirProblem();
if (problem) quit(problem);

// Colyseus registers its own SIGINT/SIGTERM handlers: they lock and dispose every room,
// close the transport, run onShutdown and exit 0.
let server: Awaited<ReturnType<typeof listen>>;
try {
  server = await listen(appConfig, port);
} catch (err) {
  // the port was taken between the check and the listen
  quit(listenProblem(err, port));
}
console.log(
  `Orbital Ties server on port ${port} (Node ${process.versions.node}, data in ${dataDir()})`,
);
server.onShutdown(() => {
  console.log("Orbital Ties server stopped");
});
