/**
 * The host's table controls in the browser, against a real server process: a host who sits at a
 * seat pauses (every board shows it), extends (the remaining time grows), ends the phase (the
 * phase advances) and ends the game behind a confirm step; a player who is not the host sees no
 * controls. A laptop whose clock runs 3 minutes fast still counts down the server's remaining
 * time. axe on the board with the controls, screenshots at both sizes.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildClient, clientIsStale } from "../../tools/clientBuild.ts";
import { createGame, freePort, getHash, LONG_TIMERS } from "../server/helpers.ts";
import {
  type ServerProcess,
  startServer,
  stopAll,
  waitUntilReady,
} from "../server/serverProcess.ts";
import {
  axeProblems,
  launch,
  newPlayer,
  type Player,
  problems,
  SIZES,
  type Size,
  shot,
} from "./browser.ts";

const SKEW_MS = 3 * 60_000;

let server: ServerProcess;
let browser: Browser;
let base = "";
const players: Player[] = [];

beforeAll(async () => {
  if (clientIsStale()) await buildClient();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = startServer("e2e-host", { PORT: String(port) });
  await waitUntilReady(server, `${base}/api/health`);
  browser = await launch();
});

afterAll(async () => {
  await Promise.allSettled(players.map((p) => p.context.close()));
  await browser?.close().catch(() => {});
  await stopAll();
});

async function player(label: string, size: Size): Promise<Player> {
  const p = await newPlayer(browser, label, size);
  // the first-year guide (learn.e2e walks it) counts as done: docked on a phone it covered
  // the host's controls in this file's screenshots
  await p.context.addInitScript(() => localStorage.setItem("orbital-ties:guide", "done"));
  players.push(p);
  return p;
}

const url = (path: string) => `${base}${path}${path.includes("?") ? "&" : "?"}renderer=canvas`;

async function sitDown(page: Page, name: string, role: string): Promise<void> {
  await page.locator("#player-name").fill(name);
  await page.locator(`button[data-seat="${role}"]`).click();
  await page.locator(`li.seat.mine[data-role="${role}"]`).waitFor();
}

async function onBoard(page: Page, phase: string): Promise<void> {
  await page.locator("#phase", { hasText: phase }).waitFor({ timeout: 20_000 });
  await page.locator("#stage canvas").waitFor();
}

/** The board's countdown in seconds ("9:58" → 598; "Paused 9:58" → 598). */
async function shownSeconds(page: Page): Promise<number> {
  const text = (await page.locator("#timer").textContent()) ?? "";
  const m = /(\d+):(\d{2})/.exec(text);
  if (!m) throw new Error(`no time in the timer: "${text}"`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Presses Tab until `selector` has the focus. */
async function tabTo(page: Page, selector: string, most = 60): Promise<void> {
  for (let i = 0; i < most; i++) {
    await page.keyboard.press("Tab");
    if (await page.locator(selector).evaluate((el) => el === el.ownerDocument.activeElement))
      return;
  }
  throw new Error(`${selector} not reached with ${most} presses of Tab`);
}

describe("the host's controls on the board", () => {
  let code = "";
  let hostToken = "";
  let host: Player;
  let boris: Player;
  let skewed: Player;

  /** What the server says is left of the phase, in seconds, by this (unskewed) process's clock. */
  async function serverSeconds(): Promise<number> {
    const { deadline } = await getHash(base, code, hostToken);
    if (deadline === null) throw new Error("no deadline");
    return (deadline - Date.now()) / 1000;
  }

  it("a seated host, a player and a player with a fast clock reach the board", async () => {
    ({ code, hostToken } = await createGame(base, {
      scenario: "crew-dragon-2020",
      seed: "host-e2e",
      years: 2,
      timers: LONG_TIMERS,
    }));
    host = await player("host", "desktop");
    // the table's creator: the browser holds its host token, as the home page leaves it
    await host.context.addInitScript(
      ([c, t]) => localStorage.setItem(`orbital-ties:host:${c}`, t as string),
      [code, hostToken],
    );
    await host.page.goto(url(`/?join=${code}`));
    await sitDown(host.page, "Ada", "uae");

    boris = await player("boris", "phone");
    await boris.page.goto(url(`/?join=${code}`));
    await sitDown(boris.page, "Boris", "russia");

    skewed = await player("skewed", "desktop");
    // this laptop's clock runs three minutes fast
    await skewed.context.addInitScript((shift: number) => {
      const Real = Date;
      class Shifted extends Real {
        constructor(...args: unknown[]) {
          if (args.length === 0) super(Real.now() + shift);
          else super(...(args as [string]));
        }
        static override now(): number {
          return Real.now() + shift;
        }
      }
      globalThis.Date = Shifted as DateConstructor;
    }, SKEW_MS);
    await skewed.page.goto(url(`/?join=${code}`));
    expect(await skewed.page.evaluate(() => Date.now())).toBeGreaterThan(Date.now() + 170_000);
    await sitDown(skewed.page, "Cleo", "spacex");
  });

  it("in the lobby a member picks a team job with its brief; it is kept on reload and shown on the seat card", async () => {
    const { page } = boris;
    await page.locator("#team-jobs").waitFor();
    await shot(page, "host-lobby-jobs-phone");
    // by keyboard: the radio group takes the arrow keys
    await page.locator("#job-negotiator").focus();
    await page.keyboard.press("ArrowDown");
    await page.locator("#job-result", { hasText: "treasurer" }).waitFor();
    expect(await page.locator("#job-treasurer").isChecked()).toBe(true);
    await host.page
      .locator('li.seat[data-role="russia"] .who', { hasText: "Boris (treasurer)" })
      .waitFor();
    await page.reload();
    await page.locator("#team-jobs").waitFor();
    await page.waitForFunction(
      () =>
        (
          globalThis as unknown as {
            document: { getElementById(id: string): { checked?: boolean } | null };
          }
        ).document.getElementById("job-treasurer")?.checked,
    );
    expect(await axeProblems(page), "axe on the lobby with team jobs").toEqual([]);
    await shot(host.page, "host-lobby-jobs-desktop");
    expect(await axeProblems(host.page), "axe on the host's lobby").toEqual([]);
    await host.page.locator("#start-game").click();
    for (const p of [host, boris, skewed]) await onBoard(p.page, "Briefing");
  });

  it("the seated host keeps the controls after a reload; a player never sees them", async () => {
    await host.page.reload();
    await onBoard(host.page, "Briefing");
    await host.page.locator("#host-controls").waitFor();
    expect(await host.page.locator("#seat-title").textContent()).toContain("United Arab");
    expect(await boris.page.locator("#host-controls").isVisible()).toBe(false);
    expect(await skewed.page.locator("#host-controls").isVisible()).toBe(false);
    await boris.page.waitForTimeout(300);
    await shot(boris.page, "host-nonhost-board-phone");
  });

  it("a clock 3 minutes fast still shows the server's remaining time", async () => {
    const truth = await serverSeconds();
    const fast = await shownSeconds(skewed.page);
    const right = await shownSeconds(host.page);
    expect(truth).toBeGreaterThan(400);
    expect(Math.abs(fast - truth), `skewed shows ${fast}s, server ${truth}s`).toBeLessThan(4);
    expect(Math.abs(right - truth), `host shows ${right}s, server ${truth}s`).toBeLessThan(4);
  });

  it("pause (with the keyboard) shows paused on every board; resume runs the timer again", async () => {
    await tabTo(host.page, "#host-pause");
    await host.page.keyboard.press("Enter");
    await host.page.locator(".host-result", { hasText: "The game is paused." }).waitFor();
    for (const p of [host, boris, skewed])
      await p.page.locator("#timer", { hasText: "Paused" }).waitFor();
    // the keyboard stays in the panel: the focus moved to Resume
    expect(
      await host.page
        .locator("#host-resume")
        .evaluate((el) => el === el.ownerDocument.activeElement),
    ).toBe(true);
    await host.page.waitForTimeout(300);
    await shot(host.page, "host-board-paused-desktop");
    expect(await axeProblems(host.page), "axe on the board with host controls").toEqual([]);
    await host.page.locator("#host-resume").click();
    await host.page.locator(".host-result", { hasText: "The game runs again." }).waitFor();
    await boris.page.locator("#timer", { hasNotText: "Paused" }).waitFor();
  });

  it("+5 min makes the shown remaining time grow by five minutes", async () => {
    const before = await shownSeconds(boris.page);
    await host.page.locator("#host-extend-5").click();
    await host.page.locator(".host-result", { hasText: "5 more minutes" }).waitFor();
    // the next view (and tick) shows the new deadline
    let after = before;
    for (let i = 0; i < 50 && after < before + 200; i++) {
      await boris.page.waitForTimeout(100);
      after = await shownSeconds(boris.page);
    }
    expect(after - before).toBeGreaterThan(290);
    expect(after - before).toBeLessThan(305);
    expect(Math.abs((await shownSeconds(skewed.page)) - (await serverSeconds()))).toBeLessThan(4);
  });

  it("end phase now moves every board to the next phase", async () => {
    await host.page.locator("#host-skip").click();
    for (const p of [host, boris, skewed]) await onBoard(p.page, "Negotiation");
    await host.page.locator(".host-result", { hasText: "next one has begun" }).waitFor();
  });

  it("the controls fit and pass axe on a phone-sized screen", async () => {
    await host.page.setViewportSize(SIZES.phone);
    await host.page.waitForTimeout(500);
    await shot(host.page, "host-board-phone");
    expect(await axeProblems(host.page), "axe on the phone board with host controls").toEqual([]);
    await host.page.setViewportSize(SIZES.desktop);
  });

  it("end game asks first: Escape keeps playing, confirming ends the game", async () => {
    await host.page.locator("#host-end").click();
    await host.page.locator("#host-end-confirm").waitFor();
    await shot(host.page, "host-board-confirm-desktop");
    await host.page.keyboard.press("Escape");
    await host.page.locator("#host-end-confirm").waitFor({ state: "hidden" });
    expect(await host.page.locator("#phase").textContent()).toBe("Negotiation");
    await host.page.locator("#host-end").click();
    await host.page.locator("#host-end-confirm").click();
    await boris.page.locator("#phase", { hasText: "Negotiation" }).waitFor({ state: "detached" });
    expect((await getHash(base, code, hostToken)).phase).toBe("ended");
  });

  it("no console errors and no request off loopback", () => {
    expect(problems.console).toEqual([]);
    expect(problems.offsite).toEqual([]);
  });
});
