/**
 * `npm run bench:client`: how fast the built client comes up, in headless Debian Chromium on
 * localhost (a benchmark to read, not a timed test). A quick-play player sits down once; then
 * the page is reloaded N times and each load is timed from navigation start to the board's
 * scene being drawn and live (`__boardReadyAt`), with the DOM's own marks beside it.
 * Also prints the gzip size of the JavaScript the board needs, and the frame times while the
 * resolution animation plays (requestAnimationFrame deltas in the page, from the moment the
 * board's yearResolved animation starts until it ends, over --years resolutions; beside them
 * the same figures for the idle board). Flags: --runs N, --renderer canvas|webgl, --years N.
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
const years = Number(arg("years", "3"));

const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * q))] ?? Number.NaN;
}
const frames = (xs: number[]) =>
  `p50 ${quantile(xs, 0.5).toFixed(1)} ms  p95 ${quantile(xs, 0.95).toFixed(1)} ms  max ${Math.max(...xs).toFixed(1)} ms  (${xs.length} frames)`;

/** The page's frame recorder: rAF deltas, kept apart for frames while the board animates. */
function recordFrames(): void {
  const w = globalThis as unknown as {
    __frames: { busy: number[]; idle: number[] };
    __boardFx?: { animating: boolean };
    requestAnimationFrame(cb: (t: number) => void): number;
  };
  w.__frames = { busy: [], idle: [] };
  let last = 0;
  let wasBusy = false;
  const tick = (t: number) => {
    const busy = w.__boardFx?.animating === true;
    // a delta counts for the state it ended in; the first frame of each state has none
    if (last && busy === wasBusy) (busy ? w.__frames.busy : w.__frames.idle).push(t - last);
    last = t;
    wasBusy = busy;
    w.requestAnimationFrame(tick);
  };
  w.requestAnimationFrame(tick);
}

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

  // frame times while the resolution animates: end `years` years, each with its animation
  const page = p.page;
  await page.evaluate(recordFrames);
  await page.waitForTimeout(3000); // idle frames first
  const phase = () => page.locator("#phase").textContent();
  for (let y = 0; y < years; y++) {
    const year = Number(await page.locator("#year").textContent());
    const started = await page.evaluate(
      () => (globalThis as unknown as { __boardFx: { animations: number } }).__boardFx.animations,
    );
    for (let step = 0; step < 6; step++) {
      if (Number(await page.locator("#year").textContent()) > year) break;
      const before = await phase();
      if (before === "Crisis") await page.locator("#crisis-deescalate").click();
      else await page.locator("#ready").click();
      await page.waitForFunction(
        ([b, yr]) => {
          type Doc = { getElementById(id: string): { textContent: string | null } | null };
          const d = (globalThis as unknown as { document: Doc }).document;
          return (
            d.getElementById("phase")?.textContent !== b ||
            Number(d.getElementById("year")?.textContent) > Number(yr)
          );
        },
        [before, String(year)] as const,
        { timeout: 20_000 },
      );
    }
    await page.waitForFunction(
      (n) => {
        const fx = (
          globalThis as unknown as { __boardFx: { animations: number; animating: boolean } }
        ).__boardFx;
        return fx.animations > n && !fx.animating;
      },
      started,
      { timeout: 20_000 },
    );
  }
  const f = await page.evaluate(
    () => (globalThis as unknown as { __frames: { busy: number[]; idle: number[] } }).__frames,
  );
  console.log(`frame times (requestAnimationFrame deltas), renderer ${renderer}, 1280×720:`);
  console.log(`  while the resolution animates (${years} years)  ${frames(f.busy)}`);
  console.log(`  the rest of the run (globe turning, phases)  ${frames(f.idle)}`);
} finally {
  await browser.close();
  await stopAll();
}
