/**
 * The board's resolution animation (issue 11, item 3): when a year resolves, each group of
 * seats flown rises from its vehicle's launch site to the ISS as tokens in the crew's colour
 * and shape, then rides with the station; money moves as thinner arcs from payer to payee; a
 * concluded deal flashes rings on its parties. It starts from the engine's events (the Board
 * calls `play` on `yearResolved`, `flash` on `dealConcluded`) and draws what the report says
 * (state/resolution.ts, which the DOM list reads too). With `still` (prefers-reduced-motion)
 * nothing moves: the final state is drawn at once.
 */
import type * as Phaser from "phaser";
import type { PublicSeat } from "../../../shared/rules/view.ts";
import type { Resolution } from "../state/resolution.ts";
import { drawToken } from "./shapes.ts";

export type Point = [number, number];

/** Where the scene's things are this frame: seat tokens, the station, the globe. */
export interface FxStage {
  /** The role's token on screen (on the rim when its site is on the far side), or null. */
  anchor(role: string): Point | null;
  seat(role: string): PublicSeat | undefined;
  iss(): Point;
  centre(): Point;
  radius(): number;
}

/** Lengths of the animation, in ms: flights rise one group after another, then money moves. */
const FLIGHT_MS = 1400;
const FLIGHT_STAGGER_MS = 220;
const MONEY_MS = 1100;
const MONEY_STAGGER_MS = 140;
const FLASH_MS = 1400;
const MONEY_COLOUR = 0xffd166;
const MARKET_COLOUR = 0xe6ecff;

const hex = (c: string) => Number.parseInt(c.slice(1), 16);
const ease = (p: number) => 1 - (1 - p) ** 3;
const clamp01 = (x: number) => Math.max(0, Math.min(1, x));

function bezier(a: Point, c: Point, b: Point, t: number): Point {
  const u = 1 - t;
  return [
    u * u * a[0] + 2 * u * t * c[0] + t * t * b[0],
    u * u * a[1] + 2 * u * t * c[1] + t * t * b[1],
  ];
}

/** The control point of an arc from a to b, bulging away from the globe's centre. */
function bulge(a: Point, b: Point, centre: Point, k: number): Point {
  const mx = (a[0] + b[0]) / 2;
  const my = (a[1] + b[1]) / 2;
  let dx = mx - centre[0];
  let dy = my - centre[1];
  const d = Math.hypot(dx, dy);
  if (d < 1) [dx, dy] = [0, -1];
  else [dx, dy] = [dx / d, dy / d];
  const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
  const lift = Math.max(18, len * k);
  return [mx + dx * lift, my + dy * lift];
}

/** What the test hook and the benchmark read (window.__boardFx). */
export interface FxState {
  year: number;
  animating: boolean;
  /** Animations started since the board opened (0 with reduced motion). */
  animations: number;
  /** Flight tokens drawn at the station in the final state. */
  docked: number;
  money: number;
  flashes: number;
}

export class ResolutionFx {
  private readonly air: Phaser.GameObjects.Graphics;
  private readonly crew: Phaser.GameObjects.Graphics;
  private readonly stage: FxStage;
  private readonly still: boolean;
  private shown: Resolution | null = null;
  private startedAt = -1;
  private flashes: { parties: string[]; at: number }[] = [];
  readonly state: FxState = {
    year: 0,
    animating: false,
    animations: 0,
    docked: 0,
    money: 0,
    flashes: 0,
  };

  constructor(scene: Phaser.Scene, stage: FxStage, still: boolean) {
    this.stage = stage;
    this.still = still;
    this.air = scene.add.graphics().setDepth(5);
    this.crew = scene.add.graphics().setDepth(4);
    (window as unknown as { __boardFx?: FxState }).__boardFx = this.state;
  }

  /** Shows a resolved year in its final state, as a board that opens after it (no motion). */
  show(r: Resolution | null): void {
    this.shown = r;
    this.startedAt = -1;
    this.state.year = r?.year ?? 0;
    this.state.animating = false;
  }

  /** A year just resolved: animate it (or, still, draw its final state at once). */
  play(r: Resolution, now: number): void {
    this.show(r);
    if (this.still) return;
    this.startedAt = now;
    this.state.animating = true;
    this.state.animations++;
  }

  /** A deal was concluded: rings on its parties (still: rings that do not grow). */
  flash(parties: string[], now: number): void {
    this.flashes.push({ parties, at: now });
    this.state.flashes++;
  }

  private duration(r: Resolution): number {
    const flights = r.flights.length ? FLIGHT_MS + (r.flights.length - 1) * FLIGHT_STAGGER_MS : 0;
    const money = r.money.length ? MONEY_MS + (r.money.length - 1) * MONEY_STAGGER_MS : 0;
    return Math.max(flights, flights * 0.6 + money, 1);
  }

  /** Draws this frame; `issBehind` puts the docked crews behind the globe with the station. */
  draw(now: number, issBehind: boolean): void {
    const r = this.shown;
    this.air.clear();
    this.crew.clear();
    this.crew.setDepth(issBehind ? 0 : 4);
    let elapsed = Number.POSITIVE_INFINITY;
    if (r && this.startedAt >= 0) {
      elapsed = now - this.startedAt;
      if (elapsed >= this.duration(r)) {
        this.startedAt = -1;
        this.state.animating = false;
        elapsed = Number.POSITIVE_INFINITY;
      }
    }
    if (r) {
      this.drawMoney(r, elapsed);
      this.drawFlights(r, elapsed);
    }
    this.drawFlashes(now);
  }

  private tokenStyle(role: string): { shape: string; colour: number } {
    const s = this.stage.seat(role);
    return s
      ? { shape: s.shape, colour: hex(s.colour) }
      : { shape: "circle", colour: MARKET_COLOUR };
  }

  private drawFlights(r: Resolution, elapsed: number): void {
    const g = this.air;
    const iss = this.stage.iss();
    const centre = this.stage.centre();
    const small = Math.max(3, Math.min(5, this.stage.radius() / 40));
    const full = Math.max(5, Math.min(8, this.stage.radius() / 18));
    let docked = 0;
    const dock: { shape: string; colour: number }[] = [];
    r.flights.forEach((f, i) => {
      const from =
        this.stage.anchor(f.vehicle === "outside" ? f.crew : f.vehicle) ??
        this.stage.anchor(f.crew);
      const style = this.tokenStyle(f.crew);
      const p = clamp01((elapsed - i * FLIGHT_STAGGER_MS) / FLIGHT_MS);
      if (from) {
        const ctl = bulge(from, iss, centre, 0.35);
        const upto = ease(p);
        // the arc from pad to station, bright while it flies, faint once it has
        g.lineStyle(p < 1 ? 2 : 1, style.colour, p < 1 ? 0.85 : 0.3);
        g.beginPath();
        const steps = 24;
        for (let k = 0; k <= steps; k++) {
          const [x, y] = bezier(from, ctl, iss, (k / steps) * upto);
          if (k === 0) g.moveTo(x, y);
          else g.lineTo(x, y);
        }
        g.strokePath();
        if (p > 0 && p < 1) {
          const [x, y] = bezier(from, ctl, iss, upto);
          drawToken(g, style.shape, x, y, full, style.colour);
        }
      }
      if (p >= 1 || !from) for (let n = 0; n < f.seats; n++) dock.push(style);
    });
    // the crews aboard, in a row above the station
    const gap = small * 2.3;
    const x0 = iss[0] - ((dock.length - 1) * gap) / 2;
    dock.forEach((s, n) => {
      drawToken(this.crew, s.shape, x0 + n * gap, iss[1] - small * 2.6, small, s.colour);
      docked++;
    });
    this.state.docked = docked;
  }

  private drawMoney(r: Resolution, elapsed: number): void {
    const g = this.air;
    const centre = this.stage.centre();
    const most = Math.max(1, ...r.money.map((m) => m.amount));
    const start = r.flights.length
      ? (FLIGHT_MS + (r.flights.length - 1) * FLIGHT_STAGGER_MS) * 0.6
      : 0;
    let drawn = 0;
    r.money.forEach((m, i) => {
      const a = this.stage.anchor(m.from);
      const b = this.stage.anchor(m.to);
      if (!a || !b) return;
      const p = clamp01((elapsed - start - i * MONEY_STAGGER_MS) / MONEY_MS);
      if (p <= 0) return;
      const ctl = bulge(a, b, centre, 0.28);
      const width = 1 + 2.5 * (m.amount / most);
      const upto = ease(p);
      g.lineStyle(width, MONEY_COLOUR, p < 1 ? 0.9 : 0.5);
      g.beginPath();
      const steps = 20;
      for (let k = 0; k <= steps; k++) {
        const [x, y] = bezier(a, ctl, b, (k / steps) * upto);
        if (k === 0) g.moveTo(x, y);
        else g.lineTo(x, y);
      }
      g.strokePath();
      // the coin in flight, then a dot at the payee's end that says which way it went
      const [x, y] = bezier(a, ctl, b, p < 1 ? upto : 0.92);
      g.fillStyle(MONEY_COLOUR, 1).fillCircle(x, y, p < 1 ? 4 : 2.5);
      drawn++;
    });
    this.state.money = drawn;
  }

  private drawFlashes(now: number): void {
    this.flashes = this.flashes.filter((f) => now - f.at < FLASH_MS);
    const g = this.air;
    const r0 = Math.max(7, Math.min(11, this.stage.radius() / 14));
    for (const f of this.flashes) {
      const p = clamp01((now - f.at) / FLASH_MS);
      const grow = this.still ? 0.5 : ease(p);
      const alpha = this.still ? 0.9 : 1 - p;
      const points = f.parties
        .map((r) => this.stage.anchor(r))
        .filter((x): x is Point => x !== null);
      g.lineStyle(2, 0x2ec4b6, alpha);
      for (const [x, y] of points) g.strokeCircle(x, y, r0 * (1.2 + 1.6 * grow));
      if (points.length > 1) {
        g.lineStyle(1.5, 0x2ec4b6, alpha * 0.8);
        g.beginPath();
        points.forEach(([x, y], i) => {
          if (i === 0) g.moveTo(x, y);
          else g.lineTo(x, y);
        });
        g.strokePath();
      }
    }
  }
}
