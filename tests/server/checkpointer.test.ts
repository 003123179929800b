/**
 * The server's store checkpoints the WAL from a worker thread (server/store/checkpointer.ts):
 * what the writer commits reaches the database file without the writer's own checkpoint, which
 * now waits for 10,000 WAL pages. 150 appends stay far below either threshold of the
 * writer, so the file grows only if the worker copied them.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openStore, type Store } from "../../server/store/db.ts";
import type { Action } from "../../shared/rules/types.ts";

let dir = "";
let store: Store | undefined;

afterEach(() => {
  store?.close();
  store = undefined;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Appends `n` chat actions of ≈ 1 KB each (150 of them make ≈ 500 WAL pages: half the writer's default threshold). */
function append(s: Store, n: number) {
  s.createGame({
    id: "G",
    scenarioId: "mini",
    scenarioJson: "{}",
    seed: "s",
    seats: [],
    options: {},
    hostTokenHash: "h",
    owner: "o",
    now: 1,
  });
  for (let seq = 1; seq <= n; seq++)
    s.appendAction("G", seq, { type: "chat", text: "x".repeat(1000), at: seq } as Action, seq);
}

async function until(ok: () => boolean, ms: number) {
  const end = Date.now() + ms;
  while (!ok() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return ok();
}

describe("the store's background checkpoints", () => {
  it("copy committed actions into the database file while the writer goes on", async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "orbital-ckpt-"));
    store = openStore(dir, { backgroundCheckpoints: true });
    const file = store.file;
    const before = fs.statSync(file).size;
    append(store, 150);
    expect(await until(() => fs.statSync(file).size > before + 100_000, 5000)).toBe(true);
    // and everything is there, read through the writer's own connection
    expect(store.loadActions("G")).toHaveLength(150);
  });

  it("are not made by a store that does not ask for them (the control)", async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "orbital-ckpt-"));
    store = openStore(dir);
    const file = store.file;
    const before = fs.statSync(file).size;
    append(store, 150);
    await new Promise((r) => setTimeout(r, 1000));
    expect(fs.statSync(file).size).toBe(before);
  });
});
