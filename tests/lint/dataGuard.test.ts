/** The ./data guard (tests/setup/dataGuard.ts) sees a directory appear, change and vanish. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { changes, fingerprint } from "../setup/dataGuard.ts";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "orbital-guard-"));
const data = path.join(tmp, "data");
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("the ./data guard", () => {
  it("is quiet while nothing exists or nothing changes", () => {
    expect(changes(fingerprint(data), fingerprint(data))).toEqual([]);
    fs.mkdirSync(data);
    fs.writeFileSync(path.join(data, "a.sqlite"), "one");
    expect(changes(fingerprint(data), fingerprint(data))).toEqual([]);
  });

  it("sees the directory appear, a file grow or be added, and the directory go", () => {
    fs.rmSync(data, { recursive: true, force: true });
    const none = fingerprint(data);
    fs.mkdirSync(data);
    fs.writeFileSync(path.join(data, "a.sqlite"), "one");
    expect(changes(none, fingerprint(data))).toEqual([
      expect.stringMatching(/^\.\/data appeared: a\.sqlite 3 /),
    ]);
    const one = fingerprint(data);
    fs.writeFileSync(path.join(data, "a.sqlite"), "three");
    fs.writeFileSync(path.join(data, "b.sqlite-wal"), "");
    const found = changes(one, fingerprint(data));
    expect(found.some((l) => l.startsWith("./data changed or lost: a.sqlite 3 "))).toBe(true);
    expect(found.some((l) => l.startsWith("./data gained or rewrote: b.sqlite-wal 0 "))).toBe(true);
    fs.rmSync(data, { recursive: true });
    expect(changes(one, fingerprint(data))).toEqual(["./data was removed"]);
  });
});
