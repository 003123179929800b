/**
 * Builds the browser client into dist/client. With --if-stale it builds only when the build is
 * missing or older than any of its sources (client/, shared/, the lock), so `npm start` on a
 * fresh clone builds once and then starts at once.
 */
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
export const CLIENT_DIST = path.join(ROOT, "dist/client");
const STAMP = path.join(CLIENT_DIST, "index.html");
const SOURCES = ["client", "shared", "package-lock.json"];

/** The newest modification time among the client's sources. */
function newestSource(): number {
  let newest = 0;
  const walk = (p: string) => {
    const st = fs.statSync(p, { throwIfNoEntry: false });
    if (!st) return;
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p)) if (name !== "node_modules") walk(path.join(p, name));
    } else if (st.mtimeMs > newest) newest = st.mtimeMs;
  };
  for (const s of SOURCES) walk(path.join(ROOT, s));
  return newest;
}

export function clientIsStale(): boolean {
  const built = fs.statSync(STAMP, { throwIfNoEntry: false });
  return !built || built.mtimeMs < newestSource();
}

export async function buildClient(): Promise<void> {
  const { build } = await import("vite");
  await build({ configFile: path.join(ROOT, "client/vite.config.ts"), logLevel: "warn" });
}

if (import.meta.main) {
  if (process.argv.includes("--if-stale") && !clientIsStale()) process.exit(0);
  console.log("Building the browser client (dist/client)…");
  const started = Date.now();
  await buildClient();
  console.log(`Browser client built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
