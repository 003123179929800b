/**
 * Learning to play, end to end in Debian Chromium against a real server process: the
 * first-year guide walked step by step (each step outlines the panel it names, on a phone it
 * opens that panel's tab and scrolls it into sight), skipped and gone after a reload, shown
 * again from Help; each screen's Help opened with the keyboard and closed with Esc; the Rules
 * panel's sentences carry the scenario file's numbers; repeated notices collapse into one.
 * Screenshots at both sizes under test-results/learn-*.png; axe on each state.
 */
import { readFileSync } from "node:fs";
import { join as joinPath } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildClient, clientIsStale } from "../../tools/clientBuild.ts";
import { ask, createGame, freePort, join, LONG_TIMERS } from "../server/helpers.ts";
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
import { box, coveredBy, intersects } from "./layout.ts";

/** The scenario the server plays, read from its file: the expectations' numbers come from here. */
const SCENARIO = JSON.parse(
  readFileSync(
    joinPath(import.meta.dirname, "../../assets/scenarios/crew-dragon-2020.json"),
    "utf8",
  ),
) as {
  crisis: { threshold: number };
  cooperation: { rivalWeight: number; trustWeight: number };
  roles: Record<string, { par: number }>;
};

let server: ServerProcess;
let browser: Browser;
let base = "";
const players: Player[] = [];

beforeAll(async () => {
  if (clientIsStale()) await buildClient();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = startServer("e2e-learn", { PORT: String(port) });
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
  players.push(p);
  return p;
}

const url = (path: string) => `${base}${path}${path.includes("?") ? "&" : "?"}renderer=canvas`;

async function expectAccessible(page: Page, screen: string): Promise<void> {
  expect(await axeProblems(page), `axe on ${screen}`).toEqual([]);
}

/** The page's document as these tests read it (the tests compile without the DOM's types). */
type Doc = {
  activeElement: { id: string } | null;
  querySelector(selector: string): { contains(node: unknown): boolean } | null;
};

const focusedId = (page: Page) =>
  page.evaluate(
    () => (globalThis as unknown as { document: Doc }).document.activeElement?.id ?? "",
  );

/** Presses Tab until `selector` has the focus (the control is reachable by keyboard). */
async function tabTo(page: Page, selector: string, most = 60): Promise<void> {
  for (let i = 0; i < most; i++) {
    await page.keyboard.press("Tab");
    if (await page.locator(selector).evaluate((el) => el === el.ownerDocument.activeElement))
      return;
  }
  throw new Error(`${selector} not reached with ${most} presses of Tab`);
}

/**
 * Opens the screen's help with the keyboard alone, checks Tab stays inside it, closes it with
 * Esc and checks the focus went back to the help button.
 */
async function helpByKeyboard(page: Page, name: string, heading: RegExp): Promise<void> {
  // the button hides no text or control, wherever the page is scrolled (fixed, it sat over
  // the phone's cards)
  expect(await coveredBy(page, "#help-open"), `what the help button covers (${name})`).toEqual([]);
  await tabTo(page, "#help-open");
  await page.keyboard.press("Enter");
  const dialog = page.locator("dialog#help");
  await dialog.waitFor();
  expect(await dialog.locator("h2").textContent()).toMatch(heading);
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press("Tab");
    const inside = await page.evaluate(() => {
      const d = (globalThis as unknown as { document: Doc }).document;
      return d.querySelector("dialog#help")?.contains(d.activeElement) ?? false;
    });
    expect(inside, `focus stays in the help dialog (${name}, Tab ${i + 1})`).toBe(true);
  }
  await shot(page, `learn-help-${name}`);
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });
  expect(await focusedId(page)).toBe("help-open");
}

/** The screen as it is scrolled now (shot() scrolls to the top first). */
async function inView(page: Page, name: string): Promise<void> {
  await page.screenshot({
    path: joinPath(import.meta.dirname, "../../test-results", `${name}.png`),
  });
}

async function onBoard(page: Page, phase: string): Promise<void> {
  await page.locator("#phase", { hasText: phase }).waitFor({ timeout: 20_000 });
  await page.locator("#stage canvas").waitFor();
}

/**
 * The guide's steps and the element each must outline (this test's own list); in the briefing
 * the proposal builder is closed, so that step outlines the Deals tab's panel instead.
 */
const STEPS = [
  { step: "seat", target: "#my-seat", briefing: "#my-seat", tab: null, title: /this is you/i },
  {
    step: "proposal",
    target: "#proposer",
    briefing: "#panel-deals",
    tab: "deals",
    title: /proposal/i,
  },
  {
    step: "orders",
    target: "section.orders",
    briefing: "section.orders",
    tab: "orders",
    title: /orders/i,
  },
  { step: "ready", target: "#ready", briefing: "#ready", tab: null, title: /ready/i },
] as const;

/** Checks the guide's current step: its title, the one outlined element, its tab, in sight. */
async function expectStep(
  page: Page,
  i: number,
  phase: "briefing" | "negotiation" = "briefing",
): Promise<void> {
  const step = STEPS[i];
  if (!step) throw new Error(`no step ${i}`);
  const s = { ...step, target: phase === "briefing" ? step.briefing : step.target };
  const guide = page.locator("#guide");
  await page.locator(`#guide[data-step="${s.step}"]`).waitFor();
  expect(await guide.getAttribute("data-target")).toBe(s.target);
  expect(await guide.locator("#guide-count").textContent()).toBe(
    `Step ${i + 1} of ${STEPS.length}`,
  );
  expect(await guide.locator("#guide-title").textContent()).toMatch(s.title);
  // exactly one element is outlined, and it is the one this step names
  expect(await page.locator(".guide-target").count()).toBe(1);
  expect(await page.locator(s.target).evaluate((el) => el.classList.contains("guide-target"))).toBe(
    true,
  );
  if (s.tab) expect(await page.locator(`#tab-${s.tab}`).getAttribute("aria-selected")).toBe("true");
  // the outlined element is on screen, not below the fold
  const target = await box(page, s.target);
  const height = page.viewportSize()?.height ?? 0;
  expect(target.y).toBeGreaterThanOrEqual(0);
  expect(target.y).toBeLessThan(height - 100);
  // the bubble never covers what it points at: beside it on a wide screen; docked at a
  // phone's foot it may cover the end of a long panel, never the Ready button
  if ((page.viewportSize()?.width ?? 0) > 760 || s.step === "ready")
    expect(intersects(await box(page, "#guide"), target), `the guide over ${s.target}`).toBe(false);
  // the focus sits on Next, inside the guide, so Enter moves on
  expect(await focusedId(page)).toBe("guide-next");
}

/** Quick play to the board at `role`; returns the table's code. */
async function quickBoard(page: Page, role: string): Promise<string> {
  await page.goto(url("/"));
  await page.locator("#quick-play").click();
  await page.locator(`button[data-seat=${role}]`).click();
  await onBoard(page, "Briefing");
  return new URL(page.url()).searchParams.get("join") ?? "";
}

describe("learning to play", () => {
  it("home: help opens with the keyboard, keeps the focus, closes with Esc (both sizes)", async () => {
    for (const size of ["desktop", "phone"] as const) {
      const p = await player(`home-${size}`, size);
      await p.page.goto(url("/"));
      await p.page.locator("#quick-play").waitFor();
      await helpByKeyboard(p.page, `home-${size}`, /start/i);
      await expectAccessible(p.page, `home ${size}`);
      await p.context.close();
    }
  });

  it("desktop: lobby help and rules; the guide walks its four steps, then stays done", async () => {
    const p = await player("guide-desktop", "desktop");
    const { page } = p;
    await page.goto(url("/"));
    await page.locator("#quick-play").click();
    await page.locator("button[data-seat=uae]").waitFor();
    await helpByKeyboard(page, "lobby-desktop", /before the game/i);
    await expectAccessible(page, "lobby desktop");

    // the Rules panel, from the lobby's help: its sentences carry the scenario file's numbers
    await page.locator("#help-open").click();
    await page.locator("#help-rules").click();
    const crisis = page.locator("dialog#rules #rules-crisis");
    await crisis.waitFor();
    expect(await crisis.textContent()).toContain(`reaches ${SCENARIO.crisis.threshold} `);
    expect(await page.locator("#rules-cooperation").textContent()).toContain(
      `up to ${SCENARIO.cooperation.rivalWeight} points`,
    );
    await shot(page, "learn-rules-desktop");
    await page.keyboard.press("Escape");
    await page.locator("dialog#rules").waitFor({ state: "detached" });
    expect(await focusedId(page)).toBe("help-open");

    await page.locator("button[data-seat=uae]").click();
    await onBoard(page, "Briefing");
    await page.waitForTimeout(300);
    // the guide starts by itself in the first year
    await expectStep(page, 0);
    await shot(page, "learn-guide-1-desktop");
    await expectAccessible(page, "board with the guide, desktop");
    // the seat step lists this seat's goals from the scenario
    expect(await page.locator("#guide-body li").count()).toBeGreaterThan(1);
    for (let i = 1; i < STEPS.length; i++) {
      await page.keyboard.press("Enter");
      await expectStep(page, i);
      await shot(page, `learn-guide-${i + 1}-desktop`);
    }
    // Back returns one step
    await page.locator("#guide-back").click();
    await expectStep(page, 2);
    await page.locator("#guide-next").click();
    await expectStep(page, 3);
    await page.locator("#guide-next").click();
    await page.locator("#guide").waitFor({ state: "detached" });
    expect(await page.locator(".guide-target").count()).toBe(0);
    expect(await focusedId(page)).toBe("ready");
    expect(await page.evaluate(() => localStorage.getItem("orbital-ties:guide"))).toBe("done");

    // the Rules button on the board: the seat's own goals with its par from the scenario
    await page.locator("#rules-open").click();
    expect(await page.locator("#rules-goals").textContent()).toContain(
      `${SCENARIO.roles.uae?.par} points a year is your par`,
    );
    await page.keyboard.press("Escape");
    expect(await focusedId(page)).toBe("rules-open");

    // the Cooperation gauge at 0 says why; the top bar keeps C and T for screen readers only
    const note = page.locator("#coop-note");
    expect(await note.isVisible()).toBe(true);
    expect(await note.textContent()).toMatch(/until the first year ends/i);
    const indices = await page.locator(".topbar .indices").first().boundingBox();
    expect(indices?.width ?? 99).toBeLessThanOrEqual(1);
    expect(await page.locator("#cooperation").textContent()).toBe("0");

    await helpByKeyboard(page, "board-desktop", /how a year works/i);
    await page.reload();
    await onBoard(page, "Briefing");
    await page.waitForTimeout(800);
    expect(await page.locator("#guide").count()).toBe(0);
    await shot(page, "learn-board-desktop");
    await expectAccessible(page, "board desktop");

    // a year later: the note is gone, and the score's Tension term is a sentence with the
    // year's final Tension (as the report's own Tension line gives it)
    await page.locator("#ready").click();
    await onBoard(page, "Negotiation");
    await page.locator("#ready").click();
    await page.locator("#report-title", { hasText: "2020" }).waitFor({ timeout: 20_000 });
    expect(await page.locator("#coop-note").isVisible()).toBe(false);
    const line =
      (await page.locator("#report h3", { hasText: "Tension" }).first().textContent()) ?? "";
    const after = Number(/→ ([\d.]+)/.exec(line)?.[1]);
    expect(Number.isFinite(after)).toBe(true);
    // the line shows one decimal (64.5 may be 64.46, which rounds to 64): the sentence's whole
    // number is the rounding of a value within 0.05 of it
    const said = Number(
      /Tension ended the year at (\d+) of 100/.exec(
        (await page.locator("#score-terms").textContent()) ?? "",
      )?.[1],
    );
    expect([Math.round(after - 0.05), Math.round(after + 0.05)]).toContain(said);
    await p.context.close();
  });

  it("phone: the guide opens each panel's tab; skipped, it stays gone after a reload; Help shows it again", async () => {
    const p = await player("guide-phone", "phone");
    const { page } = p;
    await quickBoard(page, "russia");
    await page.waitForTimeout(300);
    await expectStep(page, 0);
    // the guide does not stop play: alone at the table, Ready ends the briefing (the step's
    // panel holds the Ready button, in sight above the docked guide)
    const ready = await page.locator("#ready").boundingBox();
    const docked = await page.locator("#guide").boundingBox();
    expect((ready?.y ?? 9999) + (ready?.height ?? 0)).toBeLessThanOrEqual(docked?.y ?? 0);
    await page.locator("#ready").focus();
    await page.keyboard.press("Enter");
    await onBoard(page, "Negotiation");
    await page.locator("#guide-next").focus();
    await expectStep(page, 0, "negotiation");
    await inView(page, "learn-guide-1-phone");
    await expectAccessible(page, "board with the guide, phone");
    for (let i = 1; i < STEPS.length; i++) {
      await page.locator("#guide-next").click();
      await expectStep(page, i, "negotiation");
      await inView(page, `learn-guide-${i + 1}-phone`);
    }
    await page.locator("#guide-skip").click();
    await page.locator("#guide").waitFor({ state: "detached" });
    expect(await page.evaluate(() => localStorage.getItem("orbital-ties:guide"))).toBe("skipped");

    await page.reload();
    await onBoard(page, "Negotiation");
    await page.waitForTimeout(800);
    expect(await page.locator("#guide").count()).toBe(0);

    // a tab chosen on the phone brings its panel into sight (it used to open below the fold)
    await page.locator("#tab-orders").click();
    const orders = await page.locator("#panel-orders").boundingBox();
    expect(orders?.y ?? 9999).toBeLessThan(600);
    await inView(page, "learn-orders-tab-phone");
    await page.locator("#tab-deals").click();

    await helpByKeyboard(page, "board-phone", /how a year works/i);
    await page.locator("#help-open").click();
    await page.locator("#help-guide").click();
    await expectStep(page, 0);
    await page.keyboard.press("Escape");
    await page.locator("#guide").waitFor({ state: "detached" });
    await shot(page, "learn-board-phone");
    await expectAccessible(page, "board phone");
    await p.context.close();
  });

  it("the same notice three times shows once, counted; the builder's contract conditions and pledge checks", async () => {
    const { code, hostToken } = await createGame(base, {
      scenario: "crew-dragon-2020",
      years: 2,
      timers: LONG_TIMERS,
    });
    const p = await player("notices-desktop", "desktop");
    const { page } = p;
    await p.context.addInitScript(() => localStorage.setItem("orbital-ties:guide", "done"));
    await page.goto(url(`/?join=${code}`));
    await page.locator("#player-name").fill("Ada");
    await page.locator('button[data-seat="uae"]').click();
    await page.locator('li.seat.mine[data-role="uae"]').waitFor();
    const { room: boris } = await join(base, code, { seat: "russia", name: "Boris" });
    const { room: host } = await join(base, code, { hostToken });
    expect((await ask(host, "start")).ok).toBe(true);
    await onBoard(page, "Briefing");
    await page.locator("#ready").click();
    expect((await ask(boris, "ready", { ready: true })).ok).toBe(true);
    await onBoard(page, "Negotiation");
    await page.waitForTimeout(1000);
    for (const price of [60, 61, 62]) {
      const made = await ask(boris, "propose", {
        parties: ["russia", "uae"],
        terms: [{ kind: "seatSale", provider: "russia", buyer: "uae", seats: 1, price }],
        years: 1,
      });
      expect(made.ok).toBe(true);
    }
    const toast = page.locator(".toast", { hasText: "New proposal from Russia" });
    await toast.locator(".repeat", { hasText: "×3" }).waitFor();
    expect(await toast.count()).toBe(1);
    expect(await page.locator(".toast").count()).toBeLessThanOrEqual(2);
    await shot(page, "learn-notices-desktop");

    // the builder's contract condition and pledge check, checked by the engine's preview
    await page.locator("#partner-spacex").check();
    await page.locator("#term-kind").selectOption("contract");
    await page.locator("#add-term").click();
    expect(await page.locator("#term-0-state").inputValue()).toBe("uae");
    expect(await page.locator("#term-0-company").inputValue()).toBe("spacex");
    await page.locator("#term-0-condition-kind").selectOption("minFlights");
    const flights = page.locator("#term-0-condition-value");
    await flights.fill("99");
    const preview = page.locator("#proposal-preview");
    await preview.filter({ hasText: "flights condition is out of range" }).waitFor();
    await flights.fill("2");
    await preview.filter({ hasText: "pays" }).waitFor();
    await page.locator("#term-kind").selectOption("pledge");
    await page.locator("#add-term").click();
    await page.locator("#term-1-by").selectOption("spacex");
    await page.locator("#term-1-text").fill("We keep our price down");
    await page.locator("#term-1-check-order").selectOption("listPrice");
    await page.locator("#term-1-check-op").selectOption("<=");
    await page.locator("#term-1-check-value").fill("60");
    await preview.filter({ hasText: "pays" }).waitFor();
    await shot(page, "learn-conditions-desktop");
    await page.locator("#send-proposal").click();
    const mine = page.locator("article.proposal", { hasText: "We keep our price down" });
    await mine.waitFor();
    const terms = await mine.locator(".terms").textContent();
    expect(terms).toContain("if it flies at least 2 flights");
    expect(terms).toContain("(checked: list price at most 60)");
    await boris.leave();
    await host.leave();
    await p.context.close();
  });

  it("debrief help opens with the keyboard and closes with Esc", async () => {
    const p = await player("debrief-desktop", "desktop");
    const { page } = p;
    await p.context.addInitScript(() => localStorage.setItem("orbital-ties:guide", "done"));
    const code = await quickBoard(page, "uae");
    const hostToken = await page.evaluate(
      (c) => localStorage.getItem(`orbital-ties:host:${c}`),
      code,
    );
    const { room } = await join(base, code, { hostToken });
    expect((await ask(room, "endGame")).ok).toBe(true);
    await room.leave();
    await page.locator("#debrief").waitFor({ timeout: 20_000 });
    // ended in its first year: the header gives that one year (it said "2020–2020")
    const header = (await page.locator("#debrief header").first().textContent()) ?? "";
    expect(header).toContain("2020");
    expect(header).not.toMatch(/(\d{4})–\1/);
    await helpByKeyboard(page, "debrief-desktop", /debrief/i);
    await shot(page, "learn-debrief-desktop");
    await page.setViewportSize({ width: 390, height: 844 });
    await helpByKeyboard(page, "debrief-phone", /debrief/i);
    await expectAccessible(page, "debrief phone");
    await p.context.close();
  });

  it("no console errors and no request off loopback", () => {
    expect(problems.console).toEqual([]);
    expect(problems.offsite).toEqual([]);
  });
});
