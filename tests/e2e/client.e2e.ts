/**
 * The browser client end to end: the built client served by a real server process (its own
 * port and temp DATA_DIR), driven in Debian Chromium with the Canvas renderer. Three people
 * create and join a table by code, sit down and reach the board; one reloads and keeps the
 * seat; quick play reaches the board; every screen passes axe at both sizes and is saved as a
 * screenshot under test-results/. No console error and no request off loopback, throughout.
 */
import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildClient, clientIsStale } from "../../tools/clientBuild.ts";
import { ask, freePort, join } from "../server/helpers.ts";
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
  type Size,
  shot,
} from "./browser.ts";
import { box, cutTexts, pageWidth, tabRows } from "./layout.ts";

let server: ServerProcess;
let browser: Browser;
let base = "";
const players: Player[] = [];

beforeAll(async () => {
  if (clientIsStale()) await buildClient();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = startServer("e2e", { PORT: String(port) });
  await waitUntilReady(server, `${base}/api/health`);
  browser = await launch();
});

afterAll(async () => {
  // always runs: the browser and the server (by PID) go even when a test failed
  await Promise.allSettled(players.map((p) => p.context.close()));
  await browser?.close().catch(() => {});
  await stopAll();
});

/** The scenario the tables here play, as its file says (the market test reads its numbers). */
const SCENARIO = JSON.parse(
  fs.readFileSync(
    path.resolve(import.meta.dirname, "../../assets/scenarios/crew-dragon-2020.json"),
    "utf8",
  ),
) as {
  market: {
    minBuyers: number;
    maxBuyers: number;
    minPrice: number;
    maxPrice: number;
    priceRounding: number;
  };
  roles: Record<string, { defaultOrders?: { listPrice?: number } }>;
  defaultPreset: string;
  presets: Record<string, { years: number }>;
  deck: { title: string }[];
};

/** Tests that play through several screens at two sizes with axe scans: room for a busy 2-core machine. */
const LONG = 150_000;

async function player(label: string, size: Size): Promise<Player> {
  const p = await newPlayer(browser, label, size);
  // the first-year guide (tests/e2e/learn.e2e.ts walks it) counts as done for these players
  await p.context.addInitScript(() => localStorage.setItem("orbital-ties:guide", "done"));
  players.push(p);
  return p;
}

const url = (path: string) => `${base}${path}${path.includes("?") ? "&" : "?"}renderer=canvas`;

async function expectAccessible(page: Page, screen: string): Promise<void> {
  expect(await axeProblems(page), `axe on ${screen}`).toEqual([]);
}

/** Waits for the board: the phase in the top bar and the globe's canvas. */
async function onBoard(page: Page, phase: string): Promise<void> {
  await page.locator("#phase", { hasText: phase }).waitFor({ timeout: 20_000 });
  await page.locator("#stage canvas").waitFor();
}

async function sitDown(page: Page, name: string, role: string): Promise<void> {
  await page.locator("#player-name").fill(name);
  await page.locator(`button[data-seat="${role}"]`).click();
  await page.locator(`li.seat.mine[data-role="${role}"]`).waitFor();
}

/** Presses Tab until `selector` has the focus (the control is reachable by keyboard). */
async function tabTo(page: Page, selector: string, most = 40): Promise<void> {
  for (let i = 0; i < most; i++) {
    await page.keyboard.press("Tab");
    if (await page.locator(selector).evaluate((el) => el === el.ownerDocument.activeElement))
      return;
  }
  throw new Error(`${selector} not reached with ${most} presses of Tab`);
}

describe("the browser client", () => {
  let code = "";
  let quickUrl = "";
  let host: Player;
  let boris: Player;
  let cleo: Player;

  it("home reads well and passes axe at both sizes", async () => {
    for (const size of ["desktop", "phone"] as const) {
      const p = await player(`home-${size}`, size);
      await p.page.goto(url("/"));
      await p.page.locator("#quick-play").waitFor();
      await shot(p.page, `home-${size}`);
      // at 1280×720 the four choices are in sight without scrolling (watching a finished
      // game had a row of its own under the three, below the edge)
      if (size === "desktop") {
        const cards = await p.page.locator(".home .card").evaluateAll((els) =>
          els.map((e) => ({
            bottom: e.getBoundingClientRect().bottom,
            right: e.getBoundingClientRect().right,
          })),
        );
        expect(cards).toHaveLength(4);
        for (const c of cards) {
          expect(c.bottom).toBeLessThanOrEqual(720);
          expect(c.right).toBeLessThanOrEqual(1280);
        }
      }
      await p.page.locator("details summary").click();
      await shot(p.page, `home-advanced-${size}`);
      // an empty "years" plays the chosen length's: the field shows how many, as the file says
      expect(await p.page.locator("#create-scenario").inputValue()).toBe("crew-dragon-2020");
      const years = p.page.locator("#create-years");
      const presetYears = (id: string) => String(SCENARIO.presets[id]?.years);
      expect(await years.getAttribute("placeholder")).toBe(presetYears(SCENARIO.defaultPreset));
      await p.page.locator("input[name=preset][value=workshop]").check();
      expect(await years.getAttribute("placeholder")).toBe(presetYears("workshop"));
      await expectAccessible(p.page, `home ${size}`);
      await p.context.close();
    }
  });

  it(
    "three people create a table, join it by code, sit down and reach the board",
    async () => {
      host = await player("host", "desktop");
      await host.page.goto(url("/"));
      await host.page.locator("#create-table").click();
      await host.page.locator(".table-code").waitFor();
      code = (await host.page.locator(".table-code").textContent()) ?? "";
      expect(code).toMatch(/^[A-Z0-9]{6}$/);
      // the share link and its QR code are there
      expect(await host.page.locator("#share-link").getAttribute("href")).toContain(`join=${code}`);
      await host.page.locator(".qr svg").waitFor();
      await shot(host.page, "lobby-host-desktop");
      await expectAccessible(host.page, "lobby desktop");
      await sitDown(host.page, "Ada", "uae");

      boris = await player("boris", "phone");
      await boris.page.goto(url(`/?join=${code}`));
      await boris.page.locator("button[data-seat=russia]").waitFor();
      await shot(boris.page, "lobby-phone");
      // a guest's status card says what to do (it was an empty card), above the seats on a
      // phone (it was under the last seat, the host's Start button with it)
      expect((await boris.page.locator("#lobby-status").textContent())?.trim()).not.toBe("");
      const statusCard = await box(boris.page, "#lobby-status-card");
      expect(statusCard.y + statusCard.height).toBeLessThan((await box(boris.page, ".seats")).y);
      await expectAccessible(boris.page, "lobby phone");
      await sitDown(boris.page, "Boris", "russia");

      // Cleo types the code on the home page, in lower case with a space
      cleo = await player("cleo", "desktop");
      await cleo.page.goto(url("/"));
      await cleo.page
        .locator("#join-code")
        .fill(`${code.slice(0, 3).toLowerCase()} ${code.slice(3)}`);
      await cleo.page.locator("#join-table").click();
      await sitDown(cleo.page, "Cleo", "spacex");

      // the host sees who sits where, then starts
      await host.page.locator('li.seat[data-role="spacex"] .who', { hasText: "Cleo" }).waitFor();
      await host.page.locator('li.seat[data-role="russia"] .who', { hasText: "Boris" }).waitFor();
      await shot(host.page, "lobby-seated-desktop");
      await host.page.locator("#start-game").click();
      for (const p of [host, boris, cleo]) await onBoard(p.page, "Briefing");
      // the host adds cards with the deck's two longest titles (no effect on play): a phone's
      // narrow year must show them whole ("Dragon failure: rescue needed" lost its last word),
      // and the wide board's notices must float above the taller timeline
      const [longest, second] = SCENARIO.deck
        .map((c) => c.title)
        .sort((a, b) => b.length - a.length);
      const hostToken = await host.page.evaluate(
        (c) => localStorage.getItem(`orbital-ties:host:${c}`),
        code,
      );
      const { room: staff } = await join(base, code, { hostToken });
      for (const [i, title] of [longest, second].entries()) {
        const card = { id: `test-long-title-${i}`, title, note: "A test card.", effects: [] };
        expect((await ask(staff, "inject", { card })).ok).toBe(true);
      }
      await staff.leave();
      await boris.page.locator(".tl-card", { hasText: second }).waitFor();
      expect(await boris.page.locator("#seat-title").textContent()).toContain("Russia");
      expect(await cleo.page.locator("#seat-title").textContent()).toContain("SpaceX");
      // give the globe its first frames
      await host.page.waitForTimeout(500);
      await shot(host.page, "board-desktop");
      await shot(boris.page, "board-phone");
      // nothing widens the phone's page (a wider layout viewport pushes fixed panels off screen)
      expect(await pageWidth(boris.page)).toBe(390);
      // the six tabs sit in two even rows (a wrapping row left "Table" alone on the second)
      expect(await tabRows(host.page)).toEqual([3, 3]);
      expect(await tabRows(boris.page)).toEqual([3, 3]);
      // Ready stands apart from the stats above it (its focus outline crossed their last row)
      const stats = await box(boris.page, "#my-seat .stats");
      expect((await box(boris.page, "#ready")).y).toBeGreaterThanOrEqual(
        stats.y + stats.height + 4,
      );
      // the timeline's event titles wrap instead of being cut (the two longest among them)
      expect(await boris.page.locator(".tl-card").count()).toBeGreaterThan(0);
      expect(await cutTexts(boris.page, ".tl-card")).toEqual([]);
      // connected, the phone's sticky bar is two rows (an empty status line added a third)
      expect((await box(boris.page, ".topbar")).height).toBeLessThan(90);
      // the host's panel is spaced like the others (its own margin doubled the gap)
      const controls = await box(host.page, "#host-controls");
      expect((await box(host.page, "#my-seat")).y - (controls.y + controls.height)).toBeLessThan(
        20,
      );
      await expectAccessible(host.page, "board desktop");
      await expectAccessible(boris.page, "board phone");
    },
    LONG,
  );

  it("a reload keeps the seat", async () => {
    await boris.page.reload();
    await onBoard(boris.page, "Briefing");
    expect(await boris.page.locator("#seat-title").textContent()).toContain("Russia");
    // still one member at Russia: the reload rejoined, it did not add a second Boris
    await host.page.locator("#tab-table").click();
    await host.page.locator('.table-list li[data-role="russia"]', { hasText: "Boris" }).waitFor();
    // the chosen tab's content is in sight: the wide panel scrolls its tabs up (the host's and
    // the seat's panels above them had left it under the screen's bottom edge)
    expect((await box(host.page, "#panel-table")).y + 100).toBeLessThan(720);
    expect(await host.page.locator('.table-list li[data-role="russia"]').textContent()).not.toMatch(
      /Boris.*Boris/,
    );
    // the market list: this year's buyers within the scenario's price range, and the list
    // prices the providers start with (read from the scenario file, not from the client)
    const market = SCENARIO.market;
    const buyers = await host.page.locator("#market-buyers li[data-buyer]").allTextContents();
    expect(buyers.length).toBeGreaterThanOrEqual(market.minBuyers);
    expect(buyers.length).toBeLessThanOrEqual(market.maxBuyers);
    for (const b of buyers) {
      const price = Number(/up to (\d+)/.exec(b)?.[1]);
      expect(price).toBeGreaterThanOrEqual(market.minPrice);
      expect(price).toBeLessThanOrEqual(market.maxPrice);
      expect(price % market.priceRounding).toBe(0);
    }
    for (const role of ["russia", "spacex"]) {
      const price = SCENARIO.roles[role]?.defaultOrders?.listPrice;
      expect(price).toBeGreaterThan(0);
      expect(
        await host.page.locator(`#market-sellers li[data-seller="${role}"]`).textContent(),
      ).toContain(`: ${price} a seat`);
    }
    await shot(host.page, "board-table-tab-desktop");
    await host.page.locator("#tab-deals").click();
  });

  it("a player whose network drops for a few seconds is back in the seat", async () => {
    await cleo.context.setOffline(true);
    await cleo.page.locator("#net-status", { hasText: /reconnecting/i }).waitFor();
    await cleo.page.waitForTimeout(3000);
    await cleo.context.setOffline(false);
    // the SDK retries with a growing delay (up to 3.2 s at this point)
    await cleo.page.locator("#net-status:empty").waitFor({ state: "attached", timeout: 20_000 });
    expect(await cleo.page.locator("#seat-title").textContent()).toContain("SpaceX");
  });

  it("everyone ready ends the briefing; the orders form opens in negotiation", async () => {
    for (const p of [host, boris, cleo]) await p.page.locator("#ready").click();
    for (const p of [host, boris, cleo]) await onBoard(p.page, "Negotiation");
    await shot(host.page, "board-negotiation-desktop");
    await boris.page.locator("#tab-orders").click();
    const first = boris.page.locator("#orders-form select, #orders-form input").first();
    await first.waitFor();
    expect(await first.isDisabled()).toBe(false);
    await shot(boris.page, "board-orders-phone");
    // a diversion level is a share of civil funding and says so ("10 %", not a bare "10")
    expect(await boris.page.locator("#order-diversion option").allTextContents()).toContain("10 %");
    await boris.page.locator("#tab-deals").click();
  });

  it("a seat sale with a subsidy, proposed with the keyboard alone, becomes a deal", async () => {
    const { page } = host; // Ada plays the UAE
    const keys = page.keyboard;
    await tabTo(page, "#partner-russia");
    await keys.press("Space");
    await tabTo(page, "#partner-spacex");
    await keys.press("Space");
    // a seat sale (the first kind): SpaceX sells the UAE one seat at 55
    await tabTo(page, "#add-term");
    await keys.press("Enter");
    await keys.type("Sp"); // the seller's list has the focus: type-ahead picks SpaceX
    await keys.press("Tab");
    await keys.type("Un"); // the buyer: United Arab Emirates
    await keys.press("Tab");
    await keys.press("Tab");
    await keys.press("Control+A");
    await keys.type("55");
    // a subsidy: Russia pays 10 towards each seat the UAE buys
    await tabTo(page, "#term-kind");
    await keys.type("Sub");
    await tabTo(page, "#add-term");
    await keys.press("Enter");
    await keys.type("Ru");
    await keys.press("Tab");
    await keys.type("Un");
    await keys.press("Tab");
    await keys.press("Control+A");
    await keys.type("10");
    const preview = page.locator("#proposal-preview");
    expect(await preview.textContent()).toContain("United Arab Emirates: pays 45");
    await tabTo(page, "#send-proposal");
    await keys.press("Enter");
    for (const p of [boris, cleo]) {
      const offer = p.page.locator("article.proposal", { hasText: "From United Arab Emirates" });
      await offer.waitFor();
      expect(await offer.locator(".terms").textContent()).toContain(
        "Russia (Roscosmos) pays 10 towards each seat",
      );
      await offer.locator("button", { hasText: "Accept" }).click();
    }
    await page.locator("article.proposal.concluded").waitFor();
    // a wide board's notices float above the timeline, however many lines its titles take
    const notices = await box(page, "#toasts");
    expect(notices.y + notices.height).toBeLessThanOrEqual((await box(page, "#timeline")).y);
    // the phone's two notices (the proposal, the deal) fold into one line with a "+1" button
    // (stacked they took 130 px of the 844); unfolded both show; the sentence was announced
    const more = boris.page.locator("#toasts-more");
    await more.waitFor();
    expect((await box(boris.page, "#toasts")).height).toBeLessThanOrEqual(44);
    expect(await boris.page.locator("#toasts .toast:visible").count()).toBe(1);
    expect(await more.getAttribute("aria-expanded")).toBe("false");
    // the one line is cut short, it does not widen the page (its Rules button went off screen)
    expect(await pageWidth(boris.page)).toBe(390);
    await more.click();
    expect(await boris.page.locator("#toasts .toast:visible").count()).toBe(2);
    expect(await more.getAttribute("aria-expanded")).toBe("true");
    await shot(boris.page, "board-notices-open-phone");
    await more.click();
    expect(await boris.page.locator("#toasts .toast:visible").count()).toBe(1);
    expect(await boris.page.locator("#live").textContent()).toMatch(/Deal concluded|New proposal/);
    await shot(page, "board-proposal-desktop");
    await shot(boris.page, "board-proposal-phone");
  });

  it("chat: a public statement and a private conversation, user text shown as text, unread counts", async () => {
    const evil = '<img src=x onerror="window.__xss=1">';
    await boris.page.locator("#tab-chat").click();
    await boris.page.locator("#chat-text").fill(`${evil} hello all`);
    await boris.page.locator("#chat-send").click();
    await boris.page.locator("#chat-log li", { hasText: "hello all" }).waitFor();
    // Cleo is on another tab: the chat tab counts what she has not read
    await cleo.page.locator("#tab-chat .tab-badge", { hasText: "(1)" }).waitFor();
    await cleo.page.locator("#tab-chat").click();
    const said = cleo.page.locator("#chat-log li", { hasText: "hello all" });
    await said.waitFor();
    expect(await said.locator(".text").textContent()).toBe(`${evil} hello all`);
    expect(await cleo.page.locator("#chat-log img").count()).toBe(0);
    expect(
      await cleo.page.evaluate(() => (globalThis as { __xss?: number }).__xss),
    ).toBeUndefined();
    expect(await cleo.page.locator("#tab-chat .tab-badge").textContent()).toBe("");
    // nobody here reads private chat but its members: no notice
    expect(await cleo.page.locator("#chat-notice").isVisible()).toBe(false);

    // Cleo (SpaceX) opens a private conversation with Russia
    await cleo.page.locator(".new-channel summary").click();
    await cleo.page.locator("#talk-russia").check();
    await cleo.page.locator("#open-channel").click();
    await cleo.page.locator("#chat-text").fill("Just between us: 50 a seat?");
    await cleo.page.locator("#chat-send").click();
    await cleo.page.locator("#chat-log li", { hasText: "Just between us" }).waitFor();
    const channel = boris.page.locator('button.channel[data-channel="russia,spacex"]');
    await channel.locator(".count", { hasText: "1 new" }).waitFor();
    await shot(boris.page, "board-chat-phone");
    // badges ("Deals (3)", "Chat (1)") keep the two even rows of tabs
    expect(await boris.page.locator("#tab-deals .tab-badge").textContent()).not.toBe("");
    expect(await tabRows(boris.page)).toEqual([3, 3]);
    await expectAccessible(boris.page, "chat phone");
    await channel.click();
    await boris.page.locator("#chat-log li", { hasText: "Just between us" }).waitFor();
    // the UAE is not in that conversation: it never sees it
    await host.page.locator("#tab-chat").click();
    await host.page.locator("#chat-log li", { hasText: "hello all" }).waitFor();
    expect(await host.page.locator('button.channel[data-channel="russia,spacex"]').count()).toBe(0);
    expect(await host.page.locator(".chat", { hasText: "Just between us" }).count()).toBe(0);
    await shot(cleo.page, "board-chat-desktop");
    await expectAccessible(cleo.page, "chat desktop");
    for (const p of [host, boris, cleo]) await p.page.locator("#tab-deals").click();
  });

  it("a counter-proposal: the inbox's Counter loads the terms into the builder, the answer replaces them", async () => {
    // SpaceX offers Russia a seat at 60 (sent through a second connection of Cleo's member)
    const token = await cleo.page.evaluate((c) => localStorage.getItem(`orbital-ties:${c}`), code);
    const { room } = await join(base, code, { token });
    const made = await ask(room, "propose", {
      parties: ["spacex", "russia"],
      terms: [{ kind: "seatSale", provider: "spacex", buyer: "russia", seats: 1, price: 60 }],
      years: 1,
    });
    expect(made.ok).toBe(true);
    await room.leave();
    const offer = boris.page.locator("article.proposal.open", {
      hasText: "sells Russia (Roscosmos) 1 seat at 60",
    });
    await offer.locator("button", { hasText: "Counter" }).click();
    await boris.page.locator("#countering", { hasText: "SpaceX" }).waitFor();
    expect(await boris.page.locator("#partner-spacex").isChecked()).toBe(true);
    const price = boris.page.locator("#term-0-price");
    expect(await price.inputValue()).toBe("60");
    await price.fill("45");
    await boris.page.locator("#proposal-preview", { hasText: "pays 45" }).waitFor();
    await shot(boris.page, "board-counter-phone");
    await boris.page.locator("#send-proposal").click();
    const answer = cleo.page.locator("article.proposal.open", {
      hasText: "From Russia (Roscosmos)",
    });
    await answer.waitFor();
    expect(await answer.locator(".terms").textContent()).toContain("1 seat at 45");
    await cleo.page.locator("article.proposal.countered", { hasText: "at 60" }).waitFor();
    await boris.page.locator("#countering").waitFor({ state: "hidden" });
  });

  it(
    "quick play: one click, pick a country, bots play the rest (on the phone by keyboard alone)",
    async () => {
      for (const size of ["desktop", "phone"] as const) {
        const solo = await player(`quick-${size}`, size);
        await solo.page.goto(url("/"));
        if (size === "phone") {
          await tabTo(solo.page, "#quick-play");
          await solo.page.keyboard.press("Enter");
        } else await solo.page.locator("#quick-play").click();
        await solo.page.locator("button[data-seat=uae]").waitFor();
        await shot(solo.page, `quick-lobby-${size}`);
        if (size === "phone") {
          await tabTo(solo.page, "button[data-seat=uae]");
          await solo.page.keyboard.press("Enter");
        } else await solo.page.locator("button[data-seat=uae]").click();
        await onBoard(solo.page, "Briefing");
        expect(await solo.page.locator("#seat-title").textContent()).toContain(
          "United Arab Emirates",
        );
        // the board opens at its top (the lobby was scrolled down to the fourth seat)
        expect(
          await solo.page.evaluate(() => (globalThis as unknown as { scrollY: number }).scrollY),
        ).toBe(0);
        // alone at the table, ready ends the phase at once
        await solo.page.locator("#ready").click();
        await onBoard(solo.page, "Negotiation");
        await solo.page.waitForTimeout(300);
        await shot(solo.page, `quick-board-${size}`);
        if (size === "desktop") quickUrl = solo.page.url();
        await solo.page.locator("#inbox-title").waitFor();
        if (size === "desktop") {
          // SpaceX's profit bot offers a seat to every state that needs crew: accept it
          const offer = solo.page.locator("article.proposal", { hasText: "From SpaceX" }).first();
          await offer.waitFor();
          expect(await offer.locator(".terms").textContent()).toContain(
            "SpaceX sells United Arab Emirates",
          );
          await offer.locator("button", { hasText: "Accept" }).click();
          await solo.page
            .locator("article.proposal.concluded", { hasText: "Deal concluded" })
            .first()
            .waitFor();
          await solo.page.locator(".toast", { hasText: "Deal concluded" }).first().waitFor();
          await shot(solo.page, "board-deal-desktop");
        }
        // ready again: negotiation ends, the year resolves, next year's briefing shows its report
        await solo.page.locator("#ready").click();
        await solo.page.locator("#year", { hasText: "2021" }).waitFor({ timeout: 20_000 });
        await solo.page.locator("#report-title", { hasText: "2020" }).waitFor();
        expect(await solo.page.locator("#tension-terms li").count()).toBeGreaterThan(0);
        expect(await solo.page.locator("#score-terms li").count()).toBeGreaterThan(0);
        await solo.page.locator("#report").scrollIntoViewIfNeeded();
        await solo.page.screenshot({ path: `test-results/report-${size}.png` });
      }
    },
    LONG,
  );

  it("the board also draws with WebGL (one smoke screenshot)", async () => {
    const again = players.find((p) => p.label === "quick-desktop");
    if (!again) throw new Error("quick play did not run");
    const page = await again.context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(quickUrl.replace("renderer=canvas", "renderer=webgl"));
    await onBoard(page, "Briefing");
    expect(
      await page.evaluate(
        () => (globalThis as { __game?: { renderer: { type: number } } }).__game?.renderer.type,
      ),
    ).toBe(2);
    await page.waitForTimeout(1500);
    await shot(page, "board-webgl-desktop");
    await page.close();
  });

  it(
    "a crisis: the rival's choice with what it means, the outcome in the report; played to the debrief",
    async () => {
      // the tables before this one are done with: their boards would only share the 2 cores
      await Promise.allSettled(players.map((p) => p.context.close()));
      const solo = await player("crisis-desktop", "desktop");
      const { page } = solo;
      await page.goto(url("/"));
      await page.locator("#quick-play").click();
      await page.locator("button[data-seat=russia]").click();
      await onBoard(page, "Briefing");
      const code = new URL(page.url()).searchParams.get("join") ?? "";
      const hostToken = await page.evaluate(
        (c) => localStorage.getItem(`orbital-ties:host:${c}`),
        code,
      );
      // the host injects a card that pushes Tension over the crisis threshold at resolution
      const { room } = await join(base, code, { hostToken });
      const injected = await ask(room, "inject", {
        card: {
          id: "test-standoff",
          title: "Standoff",
          note: "A test card: tension soars.",
          weight: 0,
          onlyWhenFundingBelow: null,
          effects: [
            { kind: "tension", amount: 30 },
            { kind: "tension", amount: 30 },
          ],
        },
      });
      expect(injected.ok).toBe(true);
      await room.leave();

      const phase = () => page.locator("#phase").textContent();
      const step = async () => {
        const before = `${await page.locator("#year").textContent()} ${await phase()}`;
        if ((await phase()) === "Crisis") await page.locator("#crisis-deescalate").click();
        else await page.locator("#ready").click();
        await page.waitForFunction(
          (b) => {
            type Doc = { getElementById(id: string): { textContent: string | null } | null };
            const d = (globalThis as unknown as { document: Doc }).document;
            const now = `${d.getElementById("year")?.textContent} ${d.getElementById("phase")?.textContent}`;
            return d.getElementById("debrief") !== null || now !== b;
          },
          before,
          { timeout: 20_000 },
        );
      };
      await step(); // briefing → negotiation
      await step(); // negotiation → resolution → crisis
      await onBoard(page, "Crisis");
      await page
        .locator("#crisis-firm-means", { hasText: "chance the crisis escalates" })
        .waitFor();
      expect(await page.locator("#crisis-deescalate-means").textContent()).toContain("Tension −10");
      // what ends a crisis is said (both choices or the clock), and Ready is not offered
      expect(await page.locator("#crisis-ends").textContent()).toContain("both chosen");
      expect(await page.locator("#ready").isVisible()).toBe(false);
      // both options in sight without scrolling (the crisis opens the panel)
      const last = await box(page, "#crisis-deescalate");
      expect(last.y + last.height).toBeLessThanOrEqual(720);
      await shot(page, "board-crisis-desktop");
      await expectAccessible(page, "crisis desktop");
      // the host, on a phone, has no choice to make: it is told a crisis is under way
      const host = await player("crisis-host-phone", "phone");
      await host.context.addInitScript(
        ([c, t]) => localStorage.setItem(`orbital-ties:host:${c}`, t),
        [code, hostToken ?? ""] as const,
      );
      await host.page.goto(url(`/?join=${code}`));
      await host.page
        .locator("#crisis-watch", { hasText: "United States (NASA) and Russia (Roscosmos)" })
        .waitFor();
      expect(await host.page.locator("#crisis-firm").count()).toBe(0);
      await shot(host.page, "board-crisis-watch-phone");
      await expectAccessible(host.page, "crisis phone");
      await host.context.close();
      await step(); // de-escalate: both chose, the year is scored
      await page.locator("#crisis-outcome", { hasText: "Crisis:" }).waitFor();
      expect(await page.locator("#crisis-outcome").textContent()).toContain(
        "Russia (Roscosmos): de-escalated",
      );
      await page.locator("#report").scrollIntoViewIfNeeded();
      await page.screenshot({ path: "test-results/report-crisis-desktop.png" });

      for (let i = 0; i < 30 && (await page.locator("#debrief").count()) === 0; i++) await step();
      await page.locator("#debrief").waitFor();
      const seats = await page.locator("#ranking tbody tr").count();
      expect(seats).toBeGreaterThanOrEqual(4);
      expect(await page.locator("#ranking tbody tr.mine").textContent()).toContain("Russia");
      expect(await page.locator("#ranking tbody tr").first().textContent()).toMatch(/%/);
      expect(await page.locator("#verdicts .verdict").count()).toBe(3);
      for (const k of ["liberal", "realist", "market"])
        expect(
          (await page.locator(`.verdict.${k} p`).last().textContent())?.length,
        ).toBeGreaterThan(10);
      await page.locator("#chart canvas").first().waitFor();
      expect(await page.locator("#indices-table tbody tr").count()).toBe(6);
      expect(await page.locator("#seat-scores .seat-score").count()).toBe(seats);
      expect(await page.locator("#score-terms-russia li").count()).toBeGreaterThan(0);
      expect(await page.locator("#deal-ledger tbody tr").count()).toBeGreaterThan(0);
      // the export links work for anyone once the game is finished
      const csv = await (
        await fetch(`${base}${await page.locator("#export-csv").getAttribute("href")}`)
      ).text();
      expect(csv.trim().split("\n")).toHaveLength(7);
      const json = await fetch(`${base}${await page.locator("#export-json").getAttribute("href")}`);
      expect(json.status).toBe(200);
      await page.waitForTimeout(300);
      await shot(page, "debrief-desktop");
      await page.screenshot({ path: "test-results/debrief-desktop-full.png", fullPage: true });
      await expectAccessible(page, "debrief desktop");
      await page.setViewportSize({ width: 390, height: 844 });
      await page.waitForTimeout(300);
      await shot(page, "debrief-phone");
      await expectAccessible(page, "debrief phone");
      await solo.context.close();
    },
    LONG,
  );

  it("a host who takes no seat starts the game and watches the board", async () => {
    const watcher = await player("watcher", "desktop");
    await watcher.page.goto(url("/"));
    await watcher.page.locator("details summary").click();
    await watcher.page.locator("#create-reads-chat").check();
    await watcher.page.locator("#create-table").click();
    await watcher.page.locator("#start-game").click();
    await onBoard(watcher.page, "Briefing");
    await watcher.page.locator("text=You are watching this table.").waitFor();
    expect(await watcher.page.locator("#ready").isVisible()).toBe(false);
    // the table was made so that the host reads private chat: the chat says so
    await watcher.page.locator("#tab-chat").click();
    await watcher.page.locator("#chat-notice").waitFor();
    expect(await watcher.page.locator("#chat-form").isVisible()).toBe(false);
    await watcher.context.close();
  });

  it("no console errors and no request off loopback", () => {
    expect(problems.console).toEqual([]);
    expect(problems.offsite).toEqual([]);
  });
});
