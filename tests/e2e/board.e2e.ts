/**
 * The board's resolution effects end to end (issue 11, items 3 and 6): a real server process,
 * Debian Chromium with the Canvas renderer. One person plays the UAE against bots at a
 * two-year table, buys a seat from SpaceX, and ends the year: the timeline shows the year with
 * the card that was drawn for it, the Ties tab's dependence graph shows the UAE depending on
 * SpaceX one-sidedly, the resolution's text lists the flights the canvas animated (as many
 * seats as it docked at the station), and the debrief shows the graph at its peak. With
 * reduced motion the same year is drawn in its final state with no animation. axe at both
 * sizes; screenshots under test-results/.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildClient, clientIsStale } from "../../tools/clientBuild.ts";
import { freePort } from "../server/helpers.ts";
import { startServer, stopAll, waitUntilReady } from "../server/serverProcess.ts";
import {
  axeProblems,
  launch,
  newPlayer,
  type Player,
  problems,
  type Size,
  shot,
} from "./browser.ts";

let base = "";
let browser: Awaited<ReturnType<typeof launch>>;
const players: Player[] = [];

beforeAll(async () => {
  if (clientIsStale()) await buildClient();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const server = startServer("e2e-board", { PORT: String(port) });
  await waitUntilReady(server, `${base}/api/health`);
  browser = await launch();
});

afterAll(async () => {
  await Promise.allSettled(players.map((p) => p.context.close()));
  await browser?.close().catch(() => {});
  await stopAll();
});

interface Fx {
  year: number;
  animating: boolean;
  animations: number;
  docked: number;
  money: number;
  flashes: number;
}

const fx = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { __boardFx?: Fx }).__boardFx ?? null);

/** A two-year table of one person against bots, as quick play makes it, seated at the UAE. */
async function soloTable(label: string, size: Size, reduced: boolean): Promise<Player> {
  const res = await fetch(`${base}/api/games`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      years: 2,
      seed: "board-fx",
      preset: "friends",
      timers: {
        briefingSeconds: 600,
        negotiationSeconds: 1800,
        firstNegotiationSeconds: 1800,
        commitSeconds: 0,
      },
    }),
  });
  const made = (await res.json()) as { code: string; hostToken: string };
  const p = await newPlayer(browser, label, size);
  players.push(p);
  if (reduced) await p.page.emulateMedia({ reducedMotion: "reduce" });
  await p.context.addInitScript(
    ([c, t]) => {
      localStorage.setItem(`orbital-ties:host:${c}`, t);
      localStorage.setItem(`orbital-ties:quick:${c}`, "1");
      // the first-year guide (tests/e2e/learn.e2e.ts walks it) would cover the board's shots
      localStorage.setItem("orbital-ties:guide", "done");
    },
    [made.code, made.hostToken] as const,
  );
  await p.page.goto(`${base}/?join=${made.code}&renderer=canvas`);
  await p.page.locator("button[data-seat=uae]").click();
  await p.page.locator("#phase", { hasText: "Briefing" }).waitFor({ timeout: 20_000 });
  await p.page.locator("#stage canvas").waitFor();
  return p;
}

/** The card titles the board's "This year" panel shows (the view's cards, not the timeline's). */
async function thisYearsCards(page: Page): Promise<string[]> {
  await page.locator("#tab-report").click();
  const titles = await page.locator("#events-title ~ .event-card strong").allTextContents();
  await page.locator("#tab-deals").click();
  return titles;
}

/** Buys the seat SpaceX's bot offers the UAE (what the test arranges), then ends the year. */
async function buySeatAndResolve(page: Page): Promise<void> {
  await page.locator("#ready").click();
  await page.locator("#phase", { hasText: "Negotiation" }).waitFor();
  const offer = page.locator("article.proposal", { hasText: "From SpaceX" }).first();
  await offer.waitFor();
  expect(await offer.locator(".terms").textContent()).toContain(
    "SpaceX sells United Arab Emirates",
  );
  await offer.locator("button", { hasText: "Accept" }).click();
  await page.locator("article.proposal.concluded").first().waitFor();
  await page.locator("#ready").click();
  await page.locator("#year", { hasText: "2021" }).waitFor({ timeout: 20_000 });
}

/** Seats the DOM's flight list names, summed. */
async function seatsListed(page: Page): Promise<number> {
  const counts = await page
    .locator("#flights-list li")
    .evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-seats"))));
  return counts.reduce((a, b) => a + b, 0);
}

describe("the board's resolution, timeline and dependence graph", () => {
  it("a resolved year: its card on the timeline, the seat sale in the graph, the flights as text and animated", async () => {
    const { page } = await soloTable("fx-desktop", "desktop", false);
    const cards2020 = await thisYearsCards(page);
    expect(cards2020.length).toBeGreaterThan(0);
    // the year being played is marked on the timeline, with this year's card
    const now = page.locator('#timeline li[data-year="2020"][aria-current="step"]');
    expect(await now.locator(".tl-card").allTextContents()).toEqual(cards2020);
    expect(await page.locator("#timeline li.tl-item").count()).toBe(2);
    await shot(page, "board-fx-timeline-desktop");

    await buySeatAndResolve(page);
    // the resolution animates (started by the yearResolved event) and ends in its final state
    await page.waitForFunction(
      () => (globalThis as { __boardFx?: Fx }).__boardFx?.animating === true,
    );
    await page.waitForTimeout(700);
    await shot(page, "board-fx-flying-desktop");
    await page.waitForFunction(
      () => (globalThis as { __boardFx?: Fx }).__boardFx?.animating === false,
      null,
      { timeout: 15_000 },
    );
    const after = await fx(page);
    expect(after?.year).toBe(2020);
    expect(after?.animations).toBe(1);
    expect(after?.flashes).toBeGreaterThanOrEqual(1); // the deal we concluded
    await shot(page, "board-fx-resolved-desktop");

    // the timeline: 2020 resolved with the card drawn for it, 2021 now being played
    const past = page.locator('#timeline li.past[data-year="2020"]');
    expect(await past.locator(".tl-card").allTextContents()).toEqual(cards2020);
    await page.locator('#timeline li[data-year="2021"][aria-current="step"]').waitFor();

    // the text equivalent of the animation: the UAE's seat on SpaceX's vehicle, and as many
    // seats listed as the canvas docked at the station
    await page.locator("#tab-report").click();
    const uae = page.locator('#flights-list li[data-crew="uae"][data-vehicle="spacex"]');
    expect(await uae.textContent()).toContain(
      "United Arab Emirates crew to the station, flown by SpaceX",
    );
    expect(await seatsListed(page)).toBe(after?.docked);
    expect(after?.docked).toBeGreaterThan(0);
    expect(await page.locator('#money-list li[data-from="uae"][data-to="spacex"]').count()).toBe(1);
    await page.locator("#resolution").scrollIntoViewIfNeeded();
    await shot(page, "board-fx-report-desktop");

    // the dependence graph: the buyer depends on the seller, one-sidedly
    await page.locator("#tab-ties").click();
    const link = page.locator(
      '#dependence .dep-list li.one-sided[data-exposed="uae"][data-over="spacex"]',
    );
    expect(await link.textContent()).toContain("United Arab Emirates depends on SpaceX, one-sided");
    expect(
      await page.locator('#dependence line.dep-arrow[data-from="uae"][data-to="spacex"]').count(),
    ).toBe(1);
    expect(await page.locator('#dependence .dep-node[data-role="uae"] .dep-exposed').count()).toBe(
      1,
    );
    await page.locator("#dependence").scrollIntoViewIfNeeded();
    await shot(page, "board-fx-ties-desktop");
    expect(await axeProblems(page), "axe on the Ties tab, desktop").toEqual([]);

    // a board opened after the resolution (a reload) draws it as it ended: no event, no motion
    const docked = after?.docked;
    await page.reload();
    await page.locator("#stage canvas").waitFor();
    await page.waitForFunction(() => (globalThis as { __boardFx?: Fx }).__boardFx?.year === 2020);
    expect(await fx(page)).toMatchObject({ animations: 0, animating: false, docked });

    // the last year: the debrief shows the graph at its peak
    await page.locator("#ready").click();
    await page.locator("#phase", { hasText: "Negotiation" }).waitFor();
    await page.locator("#ready").click();
    await page.locator("#debrief").waitFor({ timeout: 20_000 });
    const peak = page.locator("#dependence-peak");
    await peak.waitFor();
    expect(await peak.locator("h2").textContent()).toMatch(/at its peak \(202[01]\)/);
    expect(await peak.locator(".dep-list li").count()).toBeGreaterThan(0);
    await peak.scrollIntoViewIfNeeded();
    await page.screenshot({ path: "test-results/debrief-dependence-desktop.png" });
    expect(await axeProblems(page), "axe on the debrief").toEqual([]);
  });

  it("with reduced motion the resolved year is drawn at once, with no animation (phone)", async () => {
    const { page } = await soloTable("fx-phone", "phone", true);
    expect(
      await page.evaluate(
        () =>
          (globalThis as unknown as { matchMedia(q: string): { matches: boolean } }).matchMedia(
            "(prefers-reduced-motion: reduce)",
          ).matches,
      ),
    ).toBe(true);
    await shot(page, "board-fx-timeline-phone");
    await buySeatAndResolve(page);
    await page.waitForFunction(() => (globalThis as { __boardFx?: Fx }).__boardFx?.year === 2020);
    // final state at once: the crews already at the station, nothing animating, now or later
    const at = await fx(page);
    expect(at?.animating).toBe(false);
    expect(at?.animations).toBe(0);
    await page.locator("#tab-report").click();
    expect(at?.docked).toBe(await seatsListed(page));
    expect(at?.docked).toBeGreaterThan(0);
    await page.waitForTimeout(1000);
    expect((await fx(page))?.animations).toBe(0);
    await shot(page, "board-fx-report-phone");
    await page.locator("#tab-ties").click();
    await page.locator('#dependence .dep-list li.one-sided[data-exposed="uae"]').waitFor();
    await page.locator("#dependence").scrollIntoViewIfNeeded();
    await shot(page, "board-fx-ties-phone");
    expect(await axeProblems(page), "axe on the Ties tab, phone").toEqual([]);
  });

  it("no console errors and no request off loopback", () => {
    expect(problems.console).toEqual([]);
    expect(problems.offsite).toEqual([]);
  });
});
