/**
 * Seat tokens: each seat's shape in its colour (LOOK.md), drawn as Graphics paths (Phaser 4's
 * WebGL stroke of Polygon shapes drops a vertex: phaserjs/phaser#7361).
 */
import type * as Phaser from "phaser";

function polygon(
  n: number,
  x: number,
  y: number,
  r: number,
  turn = -Math.PI / 2,
): [number, number][] {
  return Array.from({ length: n }, (_, i) => {
    const a = turn + (i * 2 * Math.PI) / n;
    return [x + r * Math.cos(a), y + r * Math.sin(a)] as [number, number];
  });
}

function star(x: number, y: number, r: number): [number, number][] {
  return Array.from({ length: 10 }, (_, i) => {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const rr = i % 2 === 0 ? r : r * 0.45;
    return [x + rr * Math.cos(a), y + rr * Math.sin(a)] as [number, number];
  });
}

function cross(x: number, y: number, r: number): [number, number][] {
  const t = r * 0.38;
  return [
    [x - t, y - r],
    [x + t, y - r],
    [x + t, y - t],
    [x + r, y - t],
    [x + r, y + t],
    [x + t, y + t],
    [x + t, y + r],
    [x - t, y + r],
    [x - t, y + t],
    [x - r, y + t],
    [x - r, y - t],
    [x - t, y - t],
  ];
}

/** The outline of a token's shape centred at (x, y), or null for a circle (also the SVG marks'). */
export function tokenOutline(
  shape: string,
  x: number,
  y: number,
  r: number,
): [number, number][] | null {
  switch (shape) {
    case "square":
      return polygon(4, x, y, r * 1.2, -Math.PI / 4);
    case "triangle":
      return polygon(3, x, y + r * 0.15, r * 1.25);
    case "diamond":
      return polygon(4, x, y, r * 1.25);
    case "pentagon":
      return polygon(5, x, y, r * 1.1);
    case "hexagon":
      return polygon(6, x, y, r * 1.1);
    case "cross":
      return cross(x, y, r * 1.1);
    case "star":
      return star(x, y, r * 1.35);
    default:
      return null; // circle
  }
}

/** Draws `shape` centred at (x, y), radius about `r`, filled with `colour` and rimmed in navy. */
export function drawToken(
  g: Phaser.GameObjects.Graphics,
  shape: string,
  x: number,
  y: number,
  r: number,
  colour: number,
): void {
  g.fillStyle(colour, 1);
  g.lineStyle(2, 0x0b1533, 1);
  const points = tokenOutline(shape, x, y, r);
  if (!points) {
    g.fillCircle(x, y, r);
    g.strokeCircle(x, y, r);
    return;
  }
  g.beginPath();
  g.moveTo(points[0]?.[0] ?? x, points[0]?.[1] ?? y);
  for (const [px, py] of points.slice(1)) g.lineTo(px, py);
  g.closePath();
  g.fillPath();
  g.strokePath();
}
