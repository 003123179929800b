/**
 * `npm run dev`: the game server under `node --watch` (PORT, default 2567) and the Vite dev
 * server with reload (VITE_PORT, default 5173) proxying /api, /matchmake and the room
 * WebSocket to it. Open the Vite address. Ctrl-C stops both.
 */
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const children: ChildProcess[] = [];

function run(args: string[]): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: "inherit", env: process.env });
  children.push(child);
  child.on("exit", (code) => {
    // one side stopped (a crash or Ctrl-C): stop the other too
    stop(code ?? 0);
  });
  return child;
}

let stopping = false;
function stop(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null && c.pid !== undefined) c.kill("SIGTERM");
  setTimeout(() => process.exit(code), 500).unref();
}

process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));

run(["--watch", "server/index.ts"]);
run([path.join(ROOT, "node_modules/vite/bin/vite.js"), "--config", "client/vite.config.ts"]);
