/**
 * The browser side of the e2e tests: Debian Chromium through playwright-core with the launch
 * arguments of STACK.md, pages that record console errors and every request (anything not on
 * loopback is refused and recorded), screenshots under test-results/, and axe scans.
 */
import fs from "node:fs";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

export const SIZES = {
  desktop: { width: 1280, height: 720 },
  phone: { width: 390, height: 844 },
} as const;
export type Size = keyof typeof SIZES;

const SHOTS = path.resolve(import.meta.dirname, "../../test-results");
/**
 * Console errors that are expected, filtered by their text (nothing else is): SwiftShader's
 * warning (STACK.md), and Chromium's own line for each request a context makes while a test
 * has taken it offline.
 */
const EXPECTED_CONSOLE = [/GPU stall due to ReadPixels/, /net::ERR_INTERNET_DISCONNECTED/];
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

export const problems = { console: [] as string[], offsite: [] as string[] };

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

function isLoopback(url: string): boolean {
  const u = new URL(url);
  return u.protocol === "data:" || u.protocol === "blob:" || LOOPBACK.has(u.hostname);
}

export interface Player {
  context: BrowserContext;
  page: Page;
  label: string;
}

/** A fresh browser profile (its own localStorage) with one page at `size`. */
export async function newPlayer(browser: Browser, label: string, size: Size): Promise<Player> {
  const context = await browser.newContext({
    viewport: SIZES[size],
    deviceScaleFactor: 1,
    isMobile: size === "phone",
    hasTouch: size === "phone",
    reducedMotion: "no-preference",
  });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (isLoopback(url)) return route.continue();
    problems.offsite.push(`${label}: ${url}`);
    return route.abort();
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on("console", (msg) => {
    if (msg.type() !== "error") return;
    const text = msg.text();
    if (!EXPECTED_CONSOLE.some((re) => re.test(text))) problems.console.push(`${label}: ${text}`);
  });
  page.on("pageerror", (err) => problems.console.push(`${label}: ${err.message}`));
  page.on("websocket", (ws) => {
    if (!isLoopback(ws.url().replace(/^ws/, "http")))
      problems.offsite.push(`${label}: ${ws.url()}`);
  });
  return { context, page, label };
}

/** Saves the screen as the player sees it from the top, and (phones) the whole scrolled page. */
export async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.evaluate(() =>
    (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0),
  );
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  if ((page.viewportSize()?.width ?? 1000) < 600)
    await page.screenshot({ path: path.join(SHOTS, `${name}-full.png`), fullPage: true });
}

/** Serious and critical axe violations on the page (the game loop sleeps during the scan). */
export async function axeProblems(page: Page): Promise<string[]> {
  await page.evaluate(() => {
    (globalThis as { __game?: { loop: { sleep(): void } } }).__game?.loop.sleep();
  });
  const result = await new AxeBuilder({ page }).analyze();
  await page.evaluate(() => {
    (globalThis as { __game?: { loop: { wake(): void } } }).__game?.loop.wake();
  });
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}
