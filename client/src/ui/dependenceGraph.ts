/**
 * The dependence graph (issue 11, items 3 and 6): who depended on whom in a resolved year, as
 * an SVG figure with the same links as a list beside it. Seats sit on a ring, each in its
 * colour and token shape; one-sided dependence is a heavy arrow from the exposed seat (ringed)
 * to the one it depends on, mutual dependence a balanced double line. The links come from the
 * engine's helper (shared/rules/dependenceGraph.ts) over the year's report; nothing here
 * computes a dependence. Used by the board's Ties tab and by the debrief (at the peak).
 */
import {
  type DependenceLink,
  dependenceLinks,
  peakDependence,
} from "../../../shared/rules/dependenceGraph.ts";
import type { YearReport } from "../../../shared/rules/types.ts";
import type { PlayerView, PublicSeat } from "../../../shared/rules/view.ts";
import { tokenOutline } from "../scenes/shapes.ts";
import { FX_TEXT } from "../text/board-fx.ts";
import { h, replace } from "./dom.ts";
import { seatMark } from "./seatMark.ts";
import "./board-fx.css";

/** What the graph reads of a view: the live board and the debrief (live or from the record) both have it. */
type GraphView = Pick<PlayerView, "seats" | "order" | "reports">;

const T = FX_TEXT.graph;
const NS = "http://www.w3.org/2000/svg";
/** Links weaker than half a percent read as 0 % in the list: they are left out. */
const LEAST = 0.005;
const W = 340;
const H = 250;
const NODE = 11;

function svg(tag: string, attrs: Record<string, string | number>, ...kids: Node[]): SVGElement {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const k of kids) el.appendChild(k);
  return el;
}

function token(seat: PublicSeat, x: number, y: number): SVGElement {
  const points = tokenOutline(seat.shape, x, y, NODE);
  const common = { fill: seat.colour, stroke: "#0b1533", "stroke-width": 2 };
  return points
    ? svg("polygon", {
        ...common,
        points: points.map((p) => p.map((n) => n.toFixed(1)).join(",")).join(" "),
      })
    : svg("circle", { ...common, cx: x, cy: y, r: NODE });
}

/** The point `gap` short of `to` on the line from `from`. */
function shorten(from: [number, number], to: [number, number], gap: number): [number, number] {
  const dx = to[0] - from[0];
  const dy = to[1] - from[1];
  const d = Math.hypot(dx, dy) || 1;
  return [to[0] - (dx / d) * gap, to[1] - (dy / d) * gap];
}

function edge(link: DependenceLink, at: Map<string, [number, number]>): SVGElement | null {
  const pa = at.get(link.a);
  const pb = at.get(link.b);
  if (!pa || !pb) return null;
  if (link.kind === "oneSided" && link.exposed && link.over) {
    const from = link.exposed === link.a ? pa : pb;
    const to = link.exposed === link.a ? pb : pa;
    const s = shorten(to, from, NODE + 8);
    const e = shorten(from, to, NODE + 10);
    return svg("line", {
      class: "dep-arrow",
      "data-from": link.exposed,
      "data-to": link.over,
      x1: s[0],
      y1: s[1],
      x2: e[0],
      y2: e[1],
      "stroke-width": (2 + 9 * Math.min(1, link.vulnerability)).toFixed(1),
      "marker-end": "url(#dep-head)",
    });
  }
  // mutual: two parallel lines, the same weight at both ends
  const s = shorten(pb, pa, NODE + 6);
  const e = shorten(pa, pb, NODE + 6);
  const dx = e[0] - s[0];
  const dy = e[1] - s[1];
  const d = Math.hypot(dx, dy) || 1;
  const off = 2.5 + 3 * Math.min(1, link.mutual);
  const [nx, ny] = [(-dy / d) * off, (dx / d) * off];
  const w = (1.2 + 3 * Math.min(1, link.mutual)).toFixed(1);
  const line = (k: number) =>
    svg("line", {
      x1: s[0] + k * nx,
      y1: s[1] + k * ny,
      x2: e[0] + k * nx,
      y2: e[1] + k * ny,
      "stroke-width": w,
    });
  return svg(
    "g",
    { class: "dep-mutual", "data-from": link.a, "data-to": link.b },
    line(1),
    line(-1),
  );
}

function figure(view: GraphView, links: DependenceLink[], year: number): SVGElement {
  const roles = view.order.filter((r) => view.seats[r]);
  const at = new Map<string, [number, number]>();
  const cx = W / 2;
  const cy = H / 2 - 4;
  const rx = W / 2 - 48;
  const ry = H / 2 - 34;
  roles.forEach((r, i) => {
    const a = -Math.PI / 2 + (i * 2 * Math.PI) / roles.length;
    at.set(r, [cx + rx * Math.cos(a), cy + ry * Math.sin(a)]);
  });
  const exposed = new Set(
    links.filter((l) => l.kind === "oneSided" && l.exposed).map((l) => l.exposed as string),
  );
  const title = svg("title", {});
  title.textContent = T.label(year);
  const defs = svg(
    "defs",
    {},
    svg(
      "marker",
      {
        id: "dep-head",
        viewBox: "0 0 10 10",
        refX: 2,
        refY: 5,
        markerWidth: 3.2,
        markerHeight: 3.2,
        orient: "auto-start-reverse",
      },
      svg("path", { d: "M0,0 L10,5 L0,10 z", class: "dep-head" }),
    ),
  );
  const nodes = roles.map((r) => {
    const seat = view.seats[r] as PublicSeat;
    const [x, y] = at.get(r) as [number, number];
    const label = svg("text", { x, y: y + NODE + 21, "text-anchor": "middle", class: "dep-label" });
    label.textContent = seat.short;
    const ring = exposed.has(r)
      ? svg("circle", { cx: x, cy: y, r: NODE + 6, class: "dep-exposed" })
      : null;
    return svg(
      "g",
      { class: "dep-node", "data-role": r },
      ...(ring ? [ring] : []),
      token(seat, x, y),
      label,
    );
  });
  const edges = links.map((l) => edge(l, at)).filter((e): e is SVGElement => e !== null);
  return svg(
    "svg",
    {
      viewBox: `0 0 ${W} ${H}`,
      role: "img",
      "aria-label": T.label(year),
      class: "dep-svg",
    },
    title,
    defs,
    svg("g", { class: "dep-edges" }, ...edges),
    ...nodes,
  );
}

function linkText(view: GraphView, l: DependenceLink): string {
  const name = (r: string) => view.seats[r]?.name ?? r;
  return l.kind === "oneSided" && l.exposed && l.over
    ? T.oneSided(name(l.exposed), name(l.over), l.vulnerability, l.mutual)
    : T.mutual(name(l.a), name(l.b), l.mutual, l.exposed && name(l.exposed), l.vulnerability);
}

function legend(): HTMLElement {
  return h(
    "ul",
    { class: "dep-legend", "aria-hidden": "true" },
    h("li", {}, h("span", { class: "key one-sided" }), T.legendOneSided),
    h("li", {}, h("span", { class: "key mutual" }), T.legendMutual),
    h("li", {}, h("span", { class: "key exposed" }), T.legendExposed),
  );
}

/** The graph of `report` (a figure, a legend and the list), or a sentence when there is none. */
export function dependenceBody(view: GraphView, report: YearReport | null): HTMLElement[] {
  if (!report) return [h("p", { class: "muted" }, T.none)];
  const links = dependenceLinks(report, view.order, LEAST);
  const list = h(
    "ul",
    { class: "dep-list" },
    ...(links.length
      ? links.map((l) =>
          h(
            "li",
            {
              class: l.kind === "oneSided" ? "one-sided" : "mutual",
              "data-exposed": l.exposed ?? "",
              "data-over": l.over ?? "",
              "data-pair": `${l.a},${l.b}`,
            },
            l.kind === "oneSided" && l.exposed && view.seats[l.exposed]
              ? seatMark(view.seats[l.exposed] as PublicSeat)
              : null,
            " ",
            linkText(view, l),
          ),
        )
      : [h("li", { class: "muted" }, T.noLinks)]),
  );
  const fig = h("div", { class: "dep-figure" });
  fig.appendChild(figure(view, links, report.year));
  return [h("div", { class: "dep-body" }, h("div", { class: "dep-visual" }, fig, legend()), list)];
}

/** The board's Ties tab: the graph of the last resolved year, redrawn when a year resolves. */
export function dependencePanel(): { el: HTMLElement; update: (v: PlayerView) => void } {
  const el = h("section", {
    class: "dependence",
    id: "dependence",
    "aria-labelledby": "dependence-title",
  });
  let drawn = "";
  const update = (view: PlayerView) => {
    const report = view.reports.at(-1) ?? null;
    const key = `${report?.year ?? ""}:${view.order.length}`;
    if (key === drawn) return;
    drawn = key;
    replace(
      el,
      h("h2", { id: "dependence-title" }, report ? T.heading(report.year) : FX_TEXT.tab),
      h("p", { class: "muted" }, T.hint),
      ...dependenceBody(view, report),
    );
  };
  return { el, update };
}

/** The debrief's card: the graph of the most tied year (`peakDependence`), or null before any. */
export function dependencePeak(view: GraphView): HTMLElement | null {
  const peak = peakDependence(view.reports);
  if (!peak) return null;
  return h(
    "section",
    { class: "card dependence", id: "dependence-peak", "aria-labelledby": "dependence-peak-title" },
    h("h2", { id: "dependence-peak-title" }, T.peakHeading(peak.year)),
    h("p", { class: "muted" }, T.peakHint, " ", T.hint),
    ...dependenceBody(view, peak),
  );
}
