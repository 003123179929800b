/**
 * Layout checks for the e2e specs: where things are on screen, read from the page, so a spec
 * can say "nothing is cut off or left alone on a row" instead of trusting a screenshot.
 */
import type { Page } from "playwright-core";

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The bounding box of the first element matching `selector` (it must be rendered). */
export async function box(page: Page, selector: string): Promise<Box> {
  const b = await page.locator(selector).first().boundingBox();
  if (!b) throw new Error(`${selector} has no box (not rendered)`);
  return b;
}

/** How many of the board's tabs sit on each row, top row first (e.g. [3, 3]). */
export async function tabRows(page: Page): Promise<number[]> {
  const tops = await page
    .locator('[role="tablist"] [role="tab"]')
    .evaluateAll((tabs) => tabs.map((t) => Math.round(t.getBoundingClientRect().top)));
  const rows = new Map<number, number>();
  for (const t of tops) rows.set(t, (rows.get(t) ?? 0) + 1);
  return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, n]) => n);
}

/** The page's scrolled width: more than the viewport's means a sideways scroll on a phone. */
export function pageWidth(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
        .documentElement.scrollWidth,
  );
}
