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

/** Whether two boxes share any area (touching edges do not). */
export function intersects(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * The text and controls that the element matching `selector` hides, read at every half screen
 * the page scrolls (a fixed element moves over the page; one in the flow does not): a text or
 * control counts when it overlaps the element and nothing opaque lies between the two (text
 * scrolled under a sticky bar is hidden by the bar, not by a button in it).
 */
export function coveredBy(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    // the page's DOM, typed here as much as this check reads of it (the tests compile without it)
    type R = { left: number; right: number; top: number; bottom: number; width: number };
    type El = {
      id: string;
      tagName: string;
      textContent: string | null;
      parentElement: El | null;
      contains(n: unknown): boolean;
      closest(s: string): El | null;
      getBoundingClientRect(): R;
    };
    type TextNode = { textContent: string | null; parentElement: El | null };
    const g = globalThis as unknown as {
      innerHeight: number;
      scrollTo(x: number, y: number): void;
      getComputedStyle(e: El): { backgroundColor: string; backgroundImage: string };
      document: {
        body: unknown;
        documentElement: { scrollHeight: number };
        querySelector(s: string): El | null;
        querySelectorAll(s: string): El[];
        createTreeWalker(root: unknown, what: number): { nextNode(): TextNode | null };
        createRange(): { selectNodeContents(n: unknown): void; getClientRects(): R[] };
        elementsFromPoint(x: number, y: number): El[];
      };
    };
    const d = g.document;
    const el = d.querySelector(sel);
    if (!el) throw new Error(`${sel} is not on the page`);
    const opaque = (e: El) => {
      const s = g.getComputedStyle(e);
      return (
        s.backgroundImage !== "none" || !/^(transparent|rgba\(.*, 0\))$/.test(s.backgroundColor)
      );
    };
    /** Whether `target` shows at the middle of `r`'s overlap with the element, under it. */
    const hidden = (r: R, b: R, target: El) => {
      const x = (Math.max(r.left, b.left) + Math.min(r.right, b.right)) / 2;
      const y = (Math.max(r.top, b.top) + Math.min(r.bottom, b.bottom)) / 2;
      const stack = d.elementsFromPoint(x, y);
      const below = stack.findIndex((e) => e === target || e.contains(target));
      if (below < 0 || !stack.slice(0, below).some((e) => el.contains(e))) return false;
      return !stack.slice(0, below).some((e) => !el.contains(e) && opaque(e));
    };
    const hit = (r: R, b: R) =>
      r.width > 0 && r.left < b.right && r.right > b.left && r.top < b.bottom && r.bottom > b.top;
    const found = new Set<string>();
    const screen = g.innerHeight;
    for (let y = 0; ; y += Math.round(screen / 2)) {
      g.scrollTo(0, y);
      const b = el.getBoundingClientRect();
      const walker = d.createTreeWalker(d.body, 4);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const parent = n.parentElement;
        const text = n.textContent?.trim() ?? "";
        if (!text || !parent || el.contains(parent) || parent.closest(".sr-only")) continue;
        const range = d.createRange();
        range.selectNodeContents(n);
        for (const r of range.getClientRects())
          if (hit(r, b) && hidden(r, b, parent)) found.add(text.slice(0, 40));
      }
      for (const c of d.querySelectorAll("button, input, select, textarea, a[href], summary")) {
        const r = c.getBoundingClientRect();
        if (!el.contains(c) && !c.contains(el) && hit(r, b) && hidden(r, b, c))
          found.add(`<${c.tagName.toLowerCase()}${c.id ? `#${c.id}` : ""}>`);
      }
      if (y + screen >= d.documentElement.scrollHeight) break;
    }
    g.scrollTo(0, 0);
    return [...found];
  }, selector);
}

/** The texts among `selector`'s elements that are cut: more to them than their box shows. */
export function cutTexts(page: Page, selector: string): Promise<string[]> {
  return page
    .locator(selector)
    .evaluateAll((els) =>
      els
        .filter((e) => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1)
        .map((e) => e.textContent ?? ""),
    );
}
