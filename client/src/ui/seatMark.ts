/**
 * A seat's mark: its Okabe–Ito colour and its token shape (LOOK.md, "Nations"), so nothing
 * depends on colour alone.
 */
import type { PublicSeat } from "../../../shared/rules/view.ts";
import { h } from "./dom.ts";

const GLYPHS: Record<string, string> = {
  circle: "●",
  square: "■",
  triangle: "▲",
  diamond: "◆",
  pentagon: "⬟",
  hexagon: "⬢",
  cross: "✚",
  star: "★",
};

export function glyph(shape: string): string {
  return Object.hasOwn(GLYPHS, shape) ? (GLYPHS[shape] as string) : "●";
}

/** The coloured shape before a seat's name (decorative: the name says who it is). */
export function seatMark(seat: Pick<PublicSeat, "colour" | "shape">): HTMLElement {
  return h(
    "span",
    { class: "mark", style: `color:${seat.colour}`, "aria-hidden": "true" },
    glyph(seat.shape),
  );
}
