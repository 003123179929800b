/**
 * vitest globalSetup: tests never touch the repository's ./data (a developer's real games).
 * Every test that starts a server gives it a temp DATA_DIR; this guard fails the run if
 * ./data appears, disappears or changes (a file added, removed, resized or rewritten) while
 * the tests run.
 */
import fs from "node:fs";
import path from "node:path";

const DATA = path.resolve(import.meta.dirname, "../../data");

/** Each file under `dir` as `path size mtime`, sorted; null when `dir` does not exist. */
export function fingerprint(dir: string): string[] | null {
  if (!fs.existsSync(dir)) return null;
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((f) => {
      const st = fs.statSync(path.join(dir, f));
      return `${f} ${st.isDirectory() ? "dir" : st.size} ${st.mtimeMs}`;
    })
    .sort();
}

/** What changed between two fingerprints, in words; empty when nothing did. */
export function changes(before: string[] | null, after: string[] | null): string[] {
  if (before === null && after === null) return [];
  if (before === null) return [`./data appeared: ${(after ?? []).join(", ") || "(empty)"}`];
  if (after === null) return ["./data was removed"];
  const a = new Set(after);
  const b = new Set(before);
  return [
    ...before.filter((x) => !a.has(x)).map((x) => `./data changed or lost: ${x}`),
    ...after.filter((x) => !b.has(x)).map((x) => `./data gained or rewrote: ${x}`),
  ];
}

export default function setup(): () => void {
  const before = fingerprint(DATA);
  return () => {
    const found = changes(before, fingerprint(DATA));
    if (found.length > 0)
      throw new Error(
        `a test touched the repository's ./data (give every server a temp DATA_DIR):\n  ${found.join("\n  ")}`,
      );
  };
}
