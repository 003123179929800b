/**
 * The replay and the closed room's debrief, end to end: a short game (2 years, bots at every
 * other seat) is played to its end in Chromium, its replay is stepped through year by year and
 * every year's figures are checked against the export's `years` (read from the JSON, not
 * recomputed); then the room is left to close and the debrief opens from the game's record.
 */
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEAL_RESULT_TEXT } from "../../client/src/text/dealResults.ts";
import { REPLAY_TEXT } from "../../client/src/text/replay.ts";
import { dependenceLinks, peakDependence } from "../../shared/rules/dependenceGraph.ts";
import { replay } from "../../shared/rules/replay.ts";
import type { Action, DealResultKind, GameState } from "../../shared/rules/types.ts";
import { requireScenario } from "../../shared/scenario/load.ts";
import { buildClient, clientIsStale } from "../../tools/clientBuild.ts";
import { freePort } from "../server/helpers.ts";
import {
  type ServerProcess,
  startServer,
  stopAll,
  waitUntilReady,
} from "../server/serverProcess.ts";
import { axeProblems, launch, newPlayer, type Player, problems, shot } from "./browser.ts";
import { coveredBy } from "./layout.ts";

/** The screen's help: its "?" covers nothing and opens a dialog headed `heading`; Esc closes it. */
async function expectHelp(page: Page, heading: RegExp, screen: string): Promise<void> {
  expect(await coveredBy(page, "#help-open"), `what the help button covers (${screen})`).toEqual(
    [],
  );
  await page.locator("#help-open").click();
  const dialog = page.locator("dialog#help");
  expect(await dialog.locator("h2").textContent()).toMatch(heading);
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });
}

let server: ServerProcess;
let browser: Browser;
let base = "";
const players: Player[] = [];

beforeAll(async () => {
  if (clientIsStale()) await buildClient();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  // a closed page's seat is held 1 s, so the finished room disposes soon after everyone left
  server = startServer("e2e-replay", { PORT: String(port), RECONNECT_SECONDS: "1" });
  await waitUntilReady(server, `${base}/api/health`);
  browser = await launch();
});

afterAll(async () => {
  await Promise.allSettled(players.map((p) => p.context.close()));
  await browser?.close().catch(() => {});
  await stopAll();
});

interface ExportYear {
  year: number;
  tension: number;
  cooperation: number;
  scores: Record<string, number>;
  dealResults: { deal: string; result: string; kind: DealResultKind; fault: string | null }[];
  crisis: unknown;
}

const SHOTS = path.resolve(import.meta.dirname, "../../test-results");

/** The game an export replays to, by the shared engine (the dependence of each year is in its reports). */
function replayed(exp: Record<string, unknown>): GameState {
  const { bots: _bots, ...options } = exp.options as Record<string, unknown>;
  return replay(
    requireScenario(exp.scenario),
    exp.seed as string,
    exp.seats as never,
    options,
    exp.actions as Action[],
  );
}

/** The pairs the graph of a year draws, strongest first (the UI leaves out links under 0.5 %). */
const pairsOf = (state: GameState, year: number) => {
  const report = state.reports.find((r) => r.year === year);
  return report ? dependenceLinks(report, state.order, 0.005).map((l) => `${l.a},${l.b}`) : [];
};

describe("the replay of a finished game", () => {
  let code = "";
  let hostToken = "";

  it("a short game is played to its debrief", async () => {
    const made = (await (
      await fetch(`${base}/api/games`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          years: 2,
          seed: "replay-e2e",
          timers: { briefingSeconds: 600, negotiationSeconds: 1800, commitSeconds: 0 },
        }),
      })
    ).json()) as { code: string; hostToken: string };
    code = made.code;
    hostToken = made.hostToken;
    const p = await newPlayer(browser, "player", "desktop");
    players.push(p);
    const { page } = p;
    await p.context.addInitScript(([c, t]) => localStorage.setItem(`orbital-ties:host:${c}`, t), [
      code,
      hostToken,
    ] as const);
    await page.goto(`${base}/?join=${code}&renderer=canvas`);
    await page.locator("#player-name").fill("Ada");
    await page.locator("button[data-seat=uae]").click();
    await page.locator("#start-game").click();
    // the replay of a running game is refused with a sentence
    const early = await p.context.newPage();
    await early.goto(`${base}/?replay=${code}`);
    await early.locator("#replay-error", { hasText: "still running" }).waitFor();
    await early.close();
    for (let i = 0; i < 20 && (await page.locator("#debrief").count()) === 0; i++) {
      const before = `${await page.locator("#year").textContent()} ${await page.locator("#phase").textContent()}`;
      await page.locator("#ready").click();
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
    }
    await page.locator("#debrief").waitFor();
    expect(await page.locator("#watch-replay").getAttribute("href")).toBe(`/?replay=${code}`);
  });

  it("the replay steps through every year with the export's figures", async () => {
    const exp = (await (await fetch(`${base}/api/games/${code}/export.json`)).json()) as {
      years: ExportYear[];
      scenario: { roles: Record<string, { name: string }> };
    };
    expect(exp.years).toHaveLength(2);
    // the bots' deals ran: the sentences below are checked on real results
    expect(exp.years.flatMap((y) => y.dealResults).length).toBeGreaterThan(0);
    const game = replayed(exp as unknown as Record<string, unknown>);
    const roleName = (r: string | null) => (r === null ? "" : (exp.scenario.roles[r]?.name ?? r));
    for (const size of ["desktop", "phone"] as const) {
      const p = await newPlayer(browser, `replay-${size}`, size);
      players.push(p);
      const { page } = p;
      if (size === "desktop") {
        // from the live debrief's link
        const player = players[0] as Player;
        await player.page.locator("#watch-replay").click();
        await player.page.locator("#replay").waitFor();
      }
      await page.goto(`${base}/?replay=${code}`);
      await page.locator("#replay").waitFor();
      for (const [i, y] of exp.years.entries()) {
        if (i > 0) {
          if (size === "desktop") await page.keyboard.press("ArrowRight");
          else await page.locator("#replay-next").click();
        }
        await page.locator("#replay-year", { hasText: String(y.year) }).waitFor();
        // the stepper's year and its two steps each read on one line, at both sizes
        expect(
          await page.locator("#replay-prev, #replay-year, #replay-next").evaluateAll((els) =>
            els
              .filter((e) => {
                // the page's own getComputedStyle (the tests' types have no DOM)
                const style = (
                  globalThis as unknown as {
                    getComputedStyle(
                      e: unknown,
                    ): Record<"lineHeight" | "paddingTop" | "paddingBottom", string>;
                  }
                ).getComputedStyle(e);
                const line = Number.parseFloat(style.lineHeight) || 20;
                const pad =
                  Number.parseFloat(style.paddingTop) + Number.parseFloat(style.paddingBottom);
                return e.clientHeight - pad > line * 1.5;
              })
              .map((e) => e.textContent),
          ),
        ).toEqual([]);
        expect(await page.locator("#replay-tension").textContent()).toContain(
          `→ ${y.tension.toFixed(1)}`,
        );
        expect(await page.locator("#replay-cooperation").textContent()).toContain(
          `→ ${y.cooperation.toFixed(1)}`,
        );
        for (const [role, score] of Object.entries(y.scores))
          expect(
            await page.locator(`#replay-scores tr[data-role="${role}"] .year-score`).textContent(),
          ).toBe(score.toFixed(1));
        expect(await page.locator("#replay-ran li").count()).toBe(y.dealResults.length);
        // each deal result is a sentence, never the engine's raw string
        const body = (await page.locator("#replay-body").textContent()) ?? "";
        for (const [k, x] of y.dealResults.entries()) {
          const li = page.locator("#replay-ran li").nth(k);
          expect(await li.getAttribute("data-deal")).toBe(x.deal);
          expect(await li.getAttribute("data-result")).toBe(x.kind);
          expect(await li.textContent()).toContain(DEAL_RESULT_TEXT[x.kind](roleName(x.fault)));
          expect(body).not.toContain(x.result);
        }
        // the dependence graph is the year stepped to: its pairs are that year's report's
        expect(await page.locator("#replay-dependence").getAttribute("data-year")).toBe(
          String(y.year),
        );
        expect(
          await page
            .locator("#replay-dependence .dep-list li[data-pair]")
            .evaluateAll((els) => els.map((e) => e.getAttribute("data-pair"))),
        ).toEqual(pairsOf(game, y.year));
        await page.screenshot({
          path: path.join(SHOTS, `replay-${y.year}-${size}-page.png`),
          fullPage: true,
        });
        expect(await page.locator("#replay-crisis").count()).toBe(y.crisis ? 1 : 0);
        // the year's cards stand apart, one below the other (they touched)
        const cards = await page
          .locator("#replay-body > *")
          .evaluateAll((els) =>
            els.map((e) => e.getBoundingClientRect()).map((r) => [r.top, r.bottom]),
          );
        expect(cards.length).toBeGreaterThanOrEqual(3);
        for (let i = 1; i < cards.length; i++)
          expect((cards[i] as number[])[0] - (cards[i - 1] as number[])[1]).toBeGreaterThan(8);
        expect(
          await page.locator(`button[data-year="${y.year}"]`).getAttribute("aria-current"),
        ).toBe("step");
        await shot(page, `replay-${y.year}-${size}`);
        expect(await axeProblems(page), `axe on replay ${size}`).toEqual([]);
      }
      // every screen has its help, the replay too
      await expectHelp(page, /replay/i, `replay ${size}`);
      // the first year again, by the list and by the key
      expect(await page.locator("#replay-next").isDisabled()).toBe(true);
      await page.keyboard.press("Home");
      await page.locator("#replay-year", { hasText: String(exp.years[0]?.year) }).waitFor();
      expect(await page.locator("#replay-prev").isDisabled()).toBe(true);
      await p.context.close();
    }
  });

  it("home's 'Watch a finished game' opens the replay by keyboard, or says the code is unknown", async () => {
    for (const size of ["desktop", "phone"] as const) {
      const p = await newPlayer(browser, `watch-${size}`, size);
      players.push(p);
      const { page } = p;
      await page.goto(`${base}/`);
      await page.locator("#watch-code").waitFor();
      expect(await page.locator("label[for=watch-code]").textContent()).toBe(REPLAY_TEXT.watchCode);
      const toEnd = () =>
        page.evaluate(() => {
          const g = globalThis as unknown as {
            scrollTo(x: number, y: number): void;
            document: { body: { scrollHeight: number } };
          };
          g.scrollTo(0, g.document.body.scrollHeight);
        });
      await toEnd();
      await page.screenshot({ path: path.join(SHOTS, `home-watch-${size}.png`) });
      expect(await axeProblems(page), `axe on home ${size}`).toEqual([]);
      // the keyboard alone: type the code as a person might (lower case, a dash), Tab, Enter
      await page.locator("#watch-code").focus();
      await page.keyboard.type(`${code.slice(0, 3).toLowerCase()}-${code.slice(3)}`);
      await page.keyboard.press("Tab");
      expect(
        await page.evaluate(
          () =>
            (globalThis as unknown as { document: { activeElement: { id: string } | null } })
              .document.activeElement?.id,
        ),
      ).toBe("watch-game");
      await page.keyboard.press("Enter");
      await page.locator("#replay").waitFor();
      expect(new URL(page.url()).searchParams.get("replay")).toBe(code);
      // a code that names no game: the replay page says so (a page of its own, as the
      // browser logs the export's expected 404 as a console error)
      const other = await p.context.newPage();
      await other.goto(`${base}/`);
      await other.locator("#watch-code").fill("ZZZZZZ");
      await other.locator("#watch-code").press("Enter");
      await other.locator("#replay-error").waitFor();
      expect(await other.locator("#replay-error").textContent()).toBe(REPLAY_TEXT.unknown);
      // the error page has its help too, covering nothing
      await expectHelp(other, /cannot be shown/, `unknown replay, ${size}`);
      await shot(other, `replay-unknown-${size}`);
      await other.close();
      // a code that cannot be one stays on home with a sentence
      await page.goto(`${base}/`);
      await page.locator("#watch-code").fill("abc");
      await page.locator("#watch-game").click();
      await page.locator("#watch-error", { hasText: "6 letters" }).waitFor();
      await toEnd();
      await page.screenshot({ path: path.join(SHOTS, `home-watch-bad-${size}.png`) });
      await p.context.close();
    }
  });

  it("a malformed export gives a sentence instead of a broken page", async () => {
    for (const size of ["desktop", "phone"] as const) {
      const p = await newPlayer(browser, `malformed-${size}`, size);
      players.push(p);
      const { page } = p;
      const real = (await (await fetch(`${base}/api/games/${code}/export.json`)).json()) as Record<
        string,
        unknown
      >;
      // the real file with its seats broken, served in place of the server's
      await page.route(`**/api/games/${code}/export.json`, (route) =>
        route.fulfill({
          status: 200,
          contentType: "application/json",
          body: JSON.stringify({ ...real, seats: "three" }),
        }),
      );
      await page.goto(`${base}/?replay=${code}`);
      await page.locator("#replay-error").waitFor();
      expect(await page.locator("#replay-error").textContent()).toBe(REPLAY_TEXT.malformed);
      // zod's wording stays folded away: in the page, not in the sentence, and closed
      expect(await page.locator("#replay-error-detail").textContent()).toContain("seats");
      expect(await page.locator("#replay-error-detail").evaluate((d) => d.tagName)).toBe("DETAILS");
      expect(await page.locator("#replay-error-detail").getAttribute("open")).toBeNull();
      expect(await page.locator("#replay-error-detail p").isVisible()).toBe(false);
      expect(await page.locator("#replay").count()).toBe(0);
      await expectHelp(page, /cannot be shown/, `malformed record, ${size}`);
      await shot(page, `replay-malformed-${size}`);
      await p.context.close();
    }
  });

  it("a record whose move the rules refuse gives a plain sentence, the engine's words folded", async () => {
    for (const size of ["desktop", "phone"] as const) {
      const p = await newPlayer(browser, `refused-${size}`, size);
      players.push(p);
      const { page } = p;
      const real = (await (await fetch(`${base}/api/games/${code}/export.json`)).json()) as {
        actions: unknown[];
      };
      // the game's last move played first: well-formed, but the engine refuses it
      const actions = [real.actions.at(-1), ...real.actions];
      await page.route(`**/api/games/${code}/export.json`, (route) =>
        route.fulfill({
          status: 200,
          contentType: "application/json",
          body: JSON.stringify({ ...real, actions }),
        }),
      );
      await page.goto(`${base}/?replay=${code}`);
      await page.locator("#replay-error").waitFor();
      const said = (await page.locator("#replay-error").textContent()) ?? "";
      expect(said).toBe(REPLAY_TEXT.refused(1));
      expect(said).not.toMatch(/ERR_|refused on replay/);
      expect(await page.locator("#replay-error-detail").textContent()).toContain(
        "refused on replay",
      );
      expect(await page.locator("#replay-error-detail").getAttribute("open")).toBeNull();
      expect(await page.locator("#replay").count()).toBe(0);
      await shot(page, `replay-refused-${size}`);
      await p.context.close();
    }
  });

  it("the debrief opens from the record after the room has closed", async () => {
    await Promise.allSettled(players.map((p) => p.context.close()));
    // the room is gone once the running-room call fails
    for (let i = 0; i < 100; i++) {
      const r = await fetch(`${base}/api/games/${code}/hash?token=${hostToken}`);
      if (r.status === 404) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect((await fetch(`${base}/api/games/${code}/hash?token=${hostToken}`)).status).toBe(404);
    const exp = (await (await fetch(`${base}/api/games/${code}/export.json`)).json()) as {
      outcome: { ranking: string[]; finalScores: Record<string, number> };
    };
    const game = replayed(exp as unknown as Record<string, unknown>);
    for (const size of ["desktop", "phone"] as const) {
      const p = await newPlayer(browser, `closed-${size}`, size);
      players.push(p);
      await p.page.goto(`${base}/?join=${code}`);
      await p.page.locator("#debrief #from-record").waitFor();
      const rows = p.page.locator("#ranking tbody tr");
      expect(await rows.count()).toBe(exp.outcome.ranking.length);
      for (const [i, role] of exp.outcome.ranking.entries()) {
        expect(await rows.nth(i).getAttribute("data-role")).toBe(role);
        expect(await rows.nth(i).locator("td").last().textContent()).toBe(
          (exp.outcome.finalScores[role] ?? 0).toFixed(1),
        );
      }
      // the graph at its peak is the most tied of all the years, not the last one's
      const peak = peakDependence(game.reports);
      expect(await p.page.locator("#dependence-peak h2").textContent()).toContain(
        `(${peak?.year})`,
      );
      expect(
        await p.page
          .locator("#dependence-peak .dep-list li[data-pair]")
          .evaluateAll((els) => els.map((e) => e.getAttribute("data-pair"))),
      ).toEqual(pairsOf(game, peak?.year ?? 0));
      await p.page.locator("#chart canvas").first().waitFor();
      await p.page.waitForTimeout(300);
      await shot(p.page, `debrief-closed-${size}`);
      // its help, as the live debrief has (the record's debrief had none)
      await expectHelp(p.page, /debrief/i, `closed debrief ${size}`);
      expect(await axeProblems(p.page), `axe on closed debrief ${size}`).toEqual([]);
      await p.context.close();
    }
  });

  it("no console errors and no request off loopback", () => {
    expect(problems.console).toEqual([]);
    expect(problems.offsite).toEqual([]);
  });
});
