/**
 * `npm run bench:client`: how fast the built client comes up, in headless Debian Chromium on
 * localhost (a benchmark to read, not a timed test). A quick-play player sits down once; then
 * the page is reloaded N times and each load is timed from navigation start to the board's
 * scene being drawn and live (`__boardReadyAt`), with the DOM's own marks beside it.
 * Also prints the gzip size of the JavaScript the board needs. Flags: --runs N, --renderer
 * canvas|webgl.
 */
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { launch, newPlayer } from "../tests/e2e/browser.ts";
import { freePort } from "../tests/server/helpers.ts";
import { startServer, stopAll, waitUntilReady } from "../tests/server/serverProcess.ts";
import { buildClient, CLIENT_DIST, clientIsStale } from "./clientBuild.ts";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const runs = Number(arg("runs", "7"));
const renderer = arg("renderer", "canvas");

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

if (clientIsStale()) await buildClient();
const assets = path.join(CLIENT_DIST, "assets");
/** Chunks only the debrief and the replay load (ui/debrief.ts, its lazy chart, ui/replay.ts): not the board's. */
const DEBRIEF_ONLY = /^(debrief|chart|replay)-/;
let js = 0;
let debriefJs = 0;
for (const f of fs.readdirSync(assets)) {
  if (!f.endsWith(".js")) continue;
  const size = gzipSync(fs.readFileSync(path.join(assets, f)), { level: 9 }).length;
  if (DEBRIEF_ONLY.test(f)) debriefJs += size;
  else js += size;
}
console.log(`JavaScript for the board: ${(js / 1024).toFixed(0)} KiB gzip (${js} bytes, gzip -9)`);
console.log(
  `JavaScript the debrief adds (lazy): ${(debriefJs / 1024).toFixed(0)} KiB gzip (${debriefJs} bytes)`,
);

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = startServer("bench-client", { PORT: String(port) });
const browser = await launch();
try {
  await waitUntilReady(server, `${base}/api/health`);
  const p = await newPlayer(browser, "bench", "desktop");
  await p.page.goto(`${base}/?renderer=${renderer}`);
  await p.page.locator("#quick-play").click();
  await p.page.locator("button[data-seat=uae]").click();
  await p.page.locator("#stage canvas").waitFor();
  const ready: number[] = [];
  const dom: number[] = [];
  for (let i = 0; i < runs; i++) {
    await p.page.reload();
    await p.page.waitForFunction(
      () => (globalThis as { __boardReadyAt?: number }).__boardReadyAt,
      null,
      {
        timeout: 20_000,
      },
    );
    const t = await p.page.evaluate(() => {
      // runs in the page (DOM types are not in the tools' tsconfig)
      const perf = globalThis.performance as unknown as {
        getEntriesByType(t: string): { domContentLoadedEventEnd: number }[];
      };
      const nav = perf.getEntriesByType("navigation")[0] ?? { domContentLoadedEventEnd: 0 };
      return {
        ready: (globalThis as unknown as { __boardReadyAt: number }).__boardReadyAt,
        dom: nav.domContentLoadedEventEnd,
      };
    });
    ready.push(t.ready);
    dom.push(t.dom);
  }
  const fmt = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(", ");
  console.log(`renderer ${renderer}, ${runs} reloads of a seated player's page:`);
  console.log(`  DOMContentLoaded      median ${median(dom).toFixed(0)} ms  (${fmt(dom)})`);
  console.log(`  board drawn and live  median ${median(ready).toFixed(0)} ms  (${fmt(ready)})`);
} finally {
  await browser.close();
  await stopAll();
}
