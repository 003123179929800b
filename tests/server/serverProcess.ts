/**
 * The server as `npm start` runs it: `node server/index.ts` in a child process (the Node that
 * runs the tests, i.e. the `node` devDependency), always with a temp DATA_DIR of its own.
 * Every child started here is stopped by PID in `stopAll`, which a test file's afterAll calls.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs";
import path from "node:path";
import { tempDataDir } from "./helpers.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const running = new Set<ServerProcess>();

export interface ServerProcess {
  child: ChildProcess;
  /** stdout and stderr so far, interleaved. */
  output(): string;
  stderr(): string;
  /** Resolves with the exit code (null after a signal) once the process has exited. */
  exited: Promise<number | null>;
  dataDir: string;
}

/**
 * Starts `node server/index.ts` with PORT and a fresh DATA_DIR (unless `env` names another).
 * `nodeArgs` go before the script (flags NODE_OPTIONS refuses, e.g. `--cpu-prof` for bench:load).
 */
export function startServer(
  label: string,
  env: Record<string, string>,
  nodeArgs: readonly string[] = [],
): ServerProcess {
  const dataDir = env.DATA_DIR ?? tempDataDir(label);
  const child = spawn(process.execPath, [...nodeArgs, "server/index.ts"], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    child.once("exit", (code) => resolve(code));
  });
  const server: ServerProcess = {
    child,
    output: () => output,
    stderr: () => stderr,
    exited,
    dataDir: env.DATA_DIR === undefined ? dataDir : "",
  };
  running.add(server);
  return server;
}

/** Waits for the exit, or fails with the output so far after `ms`. */
export async function exitOf(server: ServerProcess, ms = 15_000): Promise<number | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`still running after ${ms} ms:\n${server.output()}`)),
      ms,
    );
  });
  try {
    return await Promise.race([server.exited, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Polls `url` until it answers 200, or fails with the server's output. */
export async function waitUntilReady(server: ServerProcess, url: string, ms = 15_000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null || server.child.signalCode !== null)
      throw new Error(`server exited early (${server.child.exitCode}):\n${server.output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server not ready after ${ms} ms:\n${server.output()}`);
}

/** Sends `signal` by PID and waits for the exit (SIGKILL after 5 s). */
export async function stopServer(
  server: ServerProcess,
  signal: NodeJS.Signals = "SIGTERM",
): Promise<number | null> {
  const { child } = server;
  if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
    const killer = setTimeout(() => {
      if (child.exitCode === null && child.pid !== undefined) process.kill(child.pid, "SIGKILL");
    }, 5_000);
    process.kill(child.pid, signal);
    await once(child, "exit").catch(() => {});
    clearTimeout(killer);
  }
  running.delete(server);
  if (server.dataDir) fs.rmSync(server.dataDir, { recursive: true, force: true });
  return child.exitCode;
}

/** Stops every server this module started that is still running (for afterAll). */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((s) => stopServer(s)));
}
