/**
 * `npm start` that cannot start says why in one line and exits 1: a port already in use
 * (it used to print a stack and hang), a DATA_DIR that cannot be created or opened (it used to
 * print the stack twice, or SQLITE_CANTOPEN without the path).
 */
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, tempDataDir } from "./helpers.ts";
import { exitOf, startServer, stopAll } from "./serverProcess.ts";

const temps: string[] = [];
const blockers: net.Server[] = [];

afterAll(async () => {
  await stopAll();
  await Promise.all(blockers.map((b) => new Promise((resolve) => b.close(resolve))));
  for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
});

/** The lines the server printed about failing to start. */
const failureLines = (stderr: string) =>
  stderr.split("\n").filter((l) => l.includes("cannot start"));

describe("npm start that cannot start", () => {
  it("on a port already in use prints one line naming the port and exits 1", async () => {
    const port = await freePort();
    const blocker = net.createServer();
    blockers.push(blocker);
    await new Promise<void>((resolve) => blocker.listen(port, resolve));
    const srv = startServer("port-in-use", { PORT: String(port) });
    expect(await exitOf(srv)).toBe(1);
    const lines = failureLines(srv.stderr());
    expect(lines, srv.output()).toHaveLength(1);
    expect(lines[0]).toContain(`port ${port} is already in use`);
    expect(srv.output()).not.toMatch(/^\s+at /m);
  });

  const cases: [string, () => string][] = [
    [
      "a regular file",
      () => {
        const dir = tempDataDir("file");
        temps.push(dir);
        fs.writeFileSync(path.join(dir, "file"), "x");
        return path.join(dir, "file");
      },
    ],
    [
      "a path below a regular file",
      () => {
        const dir = tempDataDir("below");
        temps.push(dir);
        fs.writeFileSync(path.join(dir, "file"), "x");
        return path.join(dir, "file", "data");
      },
    ],
    [
      "a directory whose database SQLite cannot open",
      () => {
        const dir = tempDataDir("cantopen");
        temps.push(dir);
        fs.mkdirSync(path.join(dir, "orbital-ties.sqlite"));
        return dir;
      },
    ],
  ];

  it.each(cases)(
    "with DATA_DIR %s prints one line naming the path and exits 1",
    async (_what, make) => {
      const dataDir = make();
      const srv = startServer("bad-data-dir", {
        PORT: String(await freePort()),
        DATA_DIR: dataDir,
      });
      expect(await exitOf(srv)).toBe(1);
      const lines = failureLines(srv.stderr());
      expect(lines, srv.output()).toHaveLength(1);
      expect(lines[0]).toContain(`DATA_DIR ${dataDir} cannot be used: `);
      expect(srv.output()).not.toMatch(/^\s+at /m);
      expect(srv.output()).not.toContain("SqliteError");
    },
  );
});
