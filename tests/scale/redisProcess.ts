/**
 * What the scale-out needs around the servers, shared by tests/scale and `npm run bench:load
 * -- --processes N`: a throw-away redis-server on a free loopback port (no persistence, output
 * kept in memory) and the environment that puts a server process behind it.
 */
import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";
import { freePort, waitFor } from "../server/helpers.ts";

export interface RedisProcess {
  child: ChildProcess;
  port: number;
  url: string;
  /** stdout and stderr so far. */
  output(): string;
}

const READY_TIMEOUT_MS = 20_000;

/** True once redis answers PING. */
function redisPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    let data = "";
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.on("error", () => done(false));
    socket.on("connect", () => socket.write("PING\r\n"));
    socket.on("data", (chunk) => {
      data += chunk.toString();
      if (data.includes("\r\n")) done(data.startsWith("+PONG"));
    });
  });
}

/**
 * Starts `redis-server` (from PATH) bound to 127.0.0.1 on a free port, without snapshots or an
 * append-only file, and waits until it answers. `onStart` sees the child before the wait, so a
 * caller can register it for its cleanup even if redis never becomes ready.
 */
export async function startRedis(onStart: (child: ChildProcess) => void): Promise<RedisProcess> {
  const port = await freePort();
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let log = "";
  const keep = (chunk: Buffer) => {
    log += chunk.toString();
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  child.on("error", (err) => {
    log += `\nspawn error: ${err.message}`;
  });
  onStart(child);
  const redis: RedisProcess = { child, port, url: `redis://127.0.0.1:${port}`, output: () => log };
  await waitFor(
    async () => {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined)
        throw new Error(`redis-server exited:\n${log}`);
      return redisPing(port);
    },
    READY_TIMEOUT_MS,
    "redis-server",
  );
  return redis;
}

/**
 * The environment of one server process of the scale-out on `port`: Redis for presence and
 * matchmaking, and the address at which the other processes' clients reach its rooms.
 */
export function scaleOutEnv(port: number, redisUrl: string): Record<string, string> {
  return {
    PORT: String(port),
    REDIS_URL: redisUrl,
    PUBLIC_ADDRESS: `127.0.0.1:${port}`,
    PUBLIC_URL: `http://127.0.0.1:${port}`,
  };
}
