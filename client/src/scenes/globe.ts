/**
 * The orthographic globe drawn from world-atlas coastlines (LOOK.md) onto a 2D canvas, which
 * the board uses as a texture: drawn once per rotation step, not every frame.
 */
import {
  type GeoPermissibleObjects,
  geoDistance,
  geoGraticule10,
  geoOrthographic,
  geoPath,
} from "d3-geo";
import { feature, mesh } from "topojson-client";

export type Topology = Parameters<typeof feature>[0];

const COLOURS = {
  ocean: "#0f2452",
  oceanEdge: "#1a3a7a",
  land: "#27457f",
  border: "rgba(160, 190, 255, 0.35)",
  graticule: "rgba(143, 180, 255, 0.12)",
  rim: "#6d9bff",
};

export class GlobeArt {
  private readonly land: GeoPermissibleObjects;
  private readonly borders: GeoPermissibleObjects;
  private readonly graticule = geoGraticule10();
  private readonly projection = geoOrthographic().clipAngle(90).precision(0.5);
  // centred between Cape Canaveral and Baikonur, tilted north
  rotation: [number, number] = [8, -30];

  constructor(topology: Topology) {
    const objects = topology.objects as Record<string, Parameters<typeof feature>[1]>;
    this.land = feature(topology, objects.land as never) as GeoPermissibleObjects;
    this.borders = mesh(topology, objects.countries as never, (a, b) => a !== b);
  }

  /** Draws the globe of radius `r` centred in a canvas of side 2r + 2·pad. */
  draw(ctx: CanvasRenderingContext2D, r: number, pad: number): void {
    const size = 2 * (r + pad);
    this.projection
      .scale(r)
      .translate([size / 2, size / 2])
      .rotate([this.rotation[0], this.rotation[1]]);
    const path = geoPath(this.projection, ctx);
    ctx.clearRect(0, 0, size, size);

    const glow = ctx.createRadialGradient(size / 2, size / 2, r * 0.2, size / 2, size / 2, r);
    glow.addColorStop(0, COLOURS.oceanEdge);
    glow.addColorStop(1, COLOURS.ocean);
    ctx.beginPath();
    path({ type: "Sphere" });
    ctx.fillStyle = glow;
    ctx.fill();

    ctx.beginPath();
    path(this.graticule);
    ctx.strokeStyle = COLOURS.graticule;
    ctx.lineWidth = 1;
    ctx.stroke();

    ctx.beginPath();
    path(this.land);
    ctx.fillStyle = COLOURS.land;
    ctx.fill();

    ctx.beginPath();
    path(this.borders);
    ctx.strokeStyle = COLOURS.border;
    ctx.lineWidth = 0.6;
    ctx.stroke();

    ctx.beginPath();
    path({ type: "Sphere" });
    ctx.strokeStyle = COLOURS.rim;
    ctx.lineWidth = 1.5;
    ctx.stroke();
  }

  /** Canvas position of a point with the current rotation, near side or far (not clipped). */
  projectAny(lon: number, lat: number): [number, number] {
    return this.projection([lon, lat]) ?? [0, 0];
  }

  /** Canvas position of a point with the current rotation, or null on the far side. */
  project(lon: number, lat: number): [number, number] | null {
    const [λ, φ] = this.rotation;
    if (geoDistance([lon, lat], [-λ, -φ]) > Math.PI / 2 - 0.02) return null;
    return this.projection([lon, lat]) ?? null;
  }
}
