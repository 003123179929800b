/**
 * The noise control of `npm run bench:load`: a WebSocket server with no logic at all, in a
 * process of its own, that sends every message back. Its round trip, measured by the same
 * driver processes at the same time as the game server's, is what the machine itself costs
 * (scheduling, loopback, the driver's own event loop); the game's latency is read beside it.
 * Prints `port <n>` once it listens on 127.0.0.1.
 */
import { WebSocketServer } from "ws";

const wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
wss.on("connection", (socket) => {
  socket.on("message", (data, isBinary) => socket.send(data, { binary: isBinary }));
});
wss.on("listening", () => {
  const address = wss.address();
  if (address === null || typeof address === "string") throw new Error("no TCP port");
  process.stdout.write(`port ${address.port}\n`);
});
// the bench stops it by PID; it also goes when the bench's pipe does
process.stdin.on("end", () => process.exit(0));
process.stdin.resume();
