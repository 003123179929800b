/**
 * Runs one of the command-line programs in tools/ as a child process (Node 22,
 * the runtime vitest itself runs on), the way `npm run …` does, and collects
 * its exit code and output.
 */
import { execFile } from "node:child_process";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `node [nodeArgs] tools/<file> args…` from the repository root. */
export function runTool(file: string, args: string[], nodeArgs: string[] = []): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...nodeArgs, path.join(ROOT, "tools", file), ...args],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, encoding: "utf8" },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === "number" ? err.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
