/**
 * The board: the turning globe with each seat's token at its launch site, the ISS on its orbit
 * ring, and the Cooperation and Tension gauges across the top. It draws from the view; the
 * DOM panels beside it carry everything as text too.
 */
import * as Phaser from "phaser";
import type { PlayerView } from "../../../shared/rules/view.ts";
import { ASSETS, REGISTRY, SCENES } from "../keys.ts";
import { resolutionOf } from "../state/resolution.ts";
import type { Table } from "../state/table.ts";
import { TEXT } from "../text/index.ts";
import { GlobeArt, type Topology } from "./globe.ts";
import { type Point, ResolutionFx } from "./resolutionFx.ts";
import { drawToken } from "./shapes.ts";
import { siteOf } from "./sites.ts";

const GAUGE_TOP = 12;
/** Room the gauges take above the globe (less on a phone's band). */
const GAUGE_HEIGHT = 58;
const GAUGE_HEIGHT_BAND = 44;
const BAND = 360;
const PAD = 4;
/** Degrees the globe turns per step, and the step's length. */
const STEP_DEGREES = 0.5;
const STEP_MS = 120;
const ISS_PERIOD_MS = 24_000;
/** How long after a view with a new report its `yearResolved` event may still arrive. */
const EVENT_GRACE_MS = 1000;
const COOP = 0x2ec4b6;
const TENSION_LOW = [0xf4, 0xa2, 0x59] as const;
const TENSION_HIGH = [0xe6, 0x39, 0x46] as const;

const hex = (c: string) => Number.parseInt(c.slice(1), 16);

function tensionColour(t: number): number {
  const k = Math.max(0, Math.min(1, t / 100));
  const [r, g, b] = TENSION_LOW.map((lo, i) =>
    Math.round(lo + ((TENSION_HIGH[i] as number) - lo) * k),
  );
  return ((r as number) << 16) | ((g as number) << 8) | (b as number);
}

interface Gauge {
  label: Phaser.GameObjects.Text;
  bar: Phaser.GameObjects.Graphics;
  shown: number;
}

export class Board extends Phaser.Scene {
  private table!: Table;
  private art!: GlobeArt;
  private globeImage: Phaser.GameObjects.Image | null = null;
  private texture: Phaser.Textures.CanvasTexture | null = null;
  private ringBack!: Phaser.GameObjects.Graphics;
  private ringFront!: Phaser.GameObjects.Graphics;
  private tokens!: Phaser.GameObjects.Graphics;
  private iss!: Phaser.GameObjects.Graphics;
  private coop!: Gauge;
  private tension!: Gauge;
  private radius = 100;
  private centre: [number, number] = [0, 0];
  private still = false;
  private unsubscribe: (() => void) | null = null;
  private stopEvents: (() => void) | null = null;
  private fx!: ResolutionFx;
  /** Each seat's token on screen this rotation step (on the rim when its site is hidden). */
  private anchors = new Map<string, Point>();
  private issAt: Point = [0, 0];
  private issBehind = false;

  constructor() {
    super(SCENES.board);
  }

  create(): void {
    this.table = this.registry.get(REGISTRY.table) as Table;
    this.art = new GlobeArt(this.cache.json.get(ASSETS.world) as Topology);
    this.still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    this.ringBack = this.add.graphics();
    this.globeImage = null;
    this.tokens = this.add.graphics();
    this.ringFront = this.add.graphics();
    this.iss = this.add.graphics();
    this.coop = this.gauge();
    this.tension = this.gauge();
    this.fx = new ResolutionFx(
      this,
      {
        anchor: (role) => this.anchors.get(role) ?? null,
        seat: (role) => this.table.view?.seats[role],
        iss: () => this.issAt,
        centre: () => this.centre,
        radius: () => this.radius,
      },
      this.still,
    );
    // a board that opens after a resolution shows it as it ended: only an event animates
    const last = this.table.view?.reports.at(-1);
    this.fx.show(last ? resolutionOf(last) : null);
    this.layout();
    this.scale.on("resize", this.layout, this);
    this.unsubscribe = this.table.viewChanged.on((v) => this.drawView(v));
    this.stopEvents = this.table.events.on((events) => {
      for (const e of events) {
        if (e.type === "yearResolved") {
          const report = this.table.view?.reports.find((r) => r.year === e.year);
          if (report) this.fx.play(resolutionOf(report), this.time.now);
        } else if (e.type === "dealConcluded") this.fx.flash(e.parties, this.time.now);
      }
    });
    this.events.once("shutdown", () => {
      this.unsubscribe?.();
      this.stopEvents?.();
      this.scale.off("resize", this.layout, this);
    });
    if (!this.still)
      this.time.addEvent({ delay: STEP_MS, loop: true, callback: () => this.turn() });
    // the board is drawn and live: the load benchmark (tools/benchClient.ts) reads this
    (window as unknown as { __boardReadyAt?: number }).__boardReadyAt = performance.now();
  }

  override update(time: number): void {
    this.drawIss(this.still ? 0.3 : (time % ISS_PERIOD_MS) / ISS_PERIOD_MS);
    this.fx.draw(time, this.issBehind);
  }

  private gauge(): Gauge {
    const label = this.add.text(0, 0, "", {
      fontFamily: "Inter, sans-serif",
      fontSize: "15px",
      fontStyle: "600",
      color: "#e6ecff",
    });
    return { label, bar: this.add.graphics(), shown: -1 };
  }

  private layout(): void {
    const { width, height } = this.scale;
    const top = GAUGE_TOP + (height < BAND ? GAUGE_HEIGHT_BAND : GAUGE_HEIGHT);
    const margin = height < BAND ? 12 : 28;
    this.radius = Math.max(40, Math.floor(Math.min(width * 0.36, (height - top) / 2 - margin)));
    this.centre = [Math.round(width / 2), Math.round(top + (height - top) / 2)];
    const side = 2 * (this.radius + PAD);
    this.globeImage?.destroy();
    if (this.textures.exists(ASSETS.globe)) this.textures.remove(ASSETS.globe);
    this.texture = this.textures.createCanvas(ASSETS.globe, side, side);
    this.globeImage = this.add.image(this.centre[0], this.centre[1], ASSETS.globe);
    // the globe sits between the back and the front half of the orbit ring
    this.globeImage.setDepth(1);
    this.ringBack.setDepth(0);
    this.tokens.setDepth(2);
    this.ringFront.setDepth(3);
    this.iss.setDepth(4);
    this.drawRing();
    this.redrawGlobe();
    if (this.table.view) this.drawView(this.table.view);
  }

  private turn(): void {
    this.art.rotation = [(this.art.rotation[0] + STEP_DEGREES) % 360, this.art.rotation[1]];
    this.redrawGlobe();
  }

  private redrawGlobe(): void {
    const tex = this.texture;
    if (!tex) return;
    this.art.draw(tex.getContext(), this.radius, PAD);
    tex.refresh();
    this.drawTokens();
  }

  private drawView(view: PlayerView): void {
    this.drawGauge(this.coop, 0, TEXT.board.cooperation, view.cooperation, COOP);
    this.drawGauge(this.tension, 1, TEXT.board.tension, view.tension, tensionColour(view.tension));
    this.drawTokens();
    // a year that resolved while this board missed its event (a dropped connection): after the
    // event's moment has passed, show that year as it ended, without animating it
    const last = view.reports.at(-1);
    if (last && last.year > this.fx.state.year)
      this.time.delayedCall(EVENT_GRACE_MS, () => {
        if (last.year > this.fx.state.year) this.fx.show(resolutionOf(last));
      });
  }

  private drawGauge(g: Gauge, place: 0 | 1, name: string, value: number, colour: number): void {
    const { width } = this.scale;
    const gap = 16;
    const w = Math.min(340, (width - 3 * gap) / 2);
    const x = place === 0 ? width / 2 - gap / 2 - w : width / 2 + gap / 2;
    const shown = Math.round(value);
    g.label.setText(`${name}  ${shown}`).setPosition(x, GAUGE_TOP);
    g.bar.clear();
    g.bar.fillStyle(0x1b2c60, 1).fillRoundedRect(x, GAUGE_TOP + 26, w, 14, 7);
    const fill = Math.max(0, Math.min(1, value / 100)) * w;
    if (fill > 0)
      g.bar.fillStyle(colour, 1).fillRoundedRect(x, GAUGE_TOP + 26, Math.max(fill, 14), 14, 7);
    g.shown = shown;
  }

  private ringPoint(t: number): [number, number] {
    const a = this.radius * 1.32;
    const b = this.radius * 0.32;
    const tilt = -0.32;
    const x = a * Math.cos(t);
    const y = b * Math.sin(t);
    return [
      this.centre[0] + x * Math.cos(tilt) - y * Math.sin(tilt),
      this.centre[1] + x * Math.sin(tilt) + y * Math.cos(tilt),
    ];
  }

  private drawRing(): void {
    for (const [g, from] of [
      [this.ringBack, Math.PI],
      [this.ringFront, 0],
    ] as const) {
      g.clear();
      g.lineStyle(1.5, 0x8fb4ff, 0.55);
      g.beginPath();
      for (let i = 0; i <= 48; i++) {
        const [x, y] = this.ringPoint(from + (i / 48) * Math.PI);
        if (i === 0) g.moveTo(x, y);
        else g.lineTo(x, y);
      }
      g.strokePath();
    }
  }

  private drawIss(phase: number): void {
    const t = phase * 2 * Math.PI;
    const [x, y] = this.ringPoint(t);
    // behind the globe on the far half of the ring
    this.issBehind = Math.sin(t) < 0;
    this.issAt = [x, y];
    this.iss.setDepth(this.issBehind ? 0 : 4);
    this.iss.clear();
    this.iss.fillStyle(0xffffff, 1).fillRect(x - 7, y - 1.5, 14, 3);
    this.iss.fillStyle(0xcfe0ff, 1).fillRect(x - 2, y - 4, 4, 8);
  }

  private drawTokens(): void {
    const view = this.table.view;
    if (!view || !this.tokens) return;
    const g = this.tokens;
    g.clear();
    const origin = [this.centre[0] - this.radius - PAD, this.centre[1] - this.radius - PAD];
    const atSite = new Map<string, number>();
    this.anchors.clear();
    for (const role of view.order) {
      const seat = view.seats[role];
      const site = siteOf(this.table.scenario, role);
      if (!seat || !site) continue;
      const p = this.art.project(site.lon, site.lat);
      const n = atSite.get(site.name) ?? 0;
      atSite.set(site.name, n + 1);
      const r = Math.max(5, Math.min(9, this.radius / 14));
      if (!p) {
        // on the far side: flights and money leave from the rim, where the site went over
        const q = this.art.projectAny(site.lon, site.lat);
        const dx = origin[0] + q[0] - this.centre[0];
        const dy = origin[1] + q[1] - this.centre[1];
        const d = Math.hypot(dx, dy) || 1;
        this.anchors.set(role, [
          this.centre[0] + (dx / d) * this.radius,
          this.centre[1] + (dy / d) * this.radius,
        ]);
        continue;
      }
      const x = origin[0] + p[0] + n * (2.4 * r);
      const y = origin[1] + p[1];
      this.anchors.set(role, [x, y]);
      drawToken(g, seat.shape, x, y, r, hex(seat.colour));
    }
  }
}
