/**
 * The debrief's chart of Cooperation and Tension per year (uPlot, 22 KB gzip). Only the
 * debrief imports this file, and only with import(), so the board never ships the chart.
 */
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

export interface Series {
  years: number[];
  cooperation: number[];
  tension: number[];
  labels: { cooperation: string; tension: string; year: string };
}

/** Draws the chart into `box` at the box's width; returns a function that removes it. */
export function drawChart(box: HTMLElement, s: Series): () => void {
  const css = getComputedStyle(document.documentElement);
  const colour = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  const text = colour("--text", "#e6ecff");
  const grid = colour("--line", "#2c3f7a");
  const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid } };
  const width = () => Math.max(260, Math.floor(box.clientWidth));
  const plot = new uPlot(
    {
      width: width(),
      height: 260,
      scales: { x: { time: false }, y: { range: [0, 100] } },
      axes: [
        {
          ...axis,
          label: s.labels.year,
          values: (_u, ticks) => ticks.map((t) => String(t)),
          // whole years only; every year while they fit 34 px apart (a phone fits 6 or so)
          incrs: [1, 2, 5, 10],
          space: 34,
        },
        { ...axis },
      ],
      // the series' names only: the figures are in the table under the chart
      legend: { show: true, live: false },
      cursor: { show: true, drag: { x: false, y: false } },
      series: [
        { label: s.labels.year },
        {
          label: s.labels.cooperation,
          stroke: colour("--coop", "#2ec4b6"),
          width: 3,
          points: { show: true, size: 8, fill: colour("--coop", "#2ec4b6") },
        },
        {
          label: s.labels.tension,
          stroke: colour("--tension", "#f4a259"),
          width: 3,
          dash: [8, 5],
          points: { show: true, size: 8, fill: colour("--tension", "#f4a259") },
        },
      ],
    },
    [s.years, s.cooperation, s.tension],
    box,
  );
  const resize = () => plot.setSize({ width: width(), height: 260 });
  window.addEventListener("resize", resize);
  return () => {
    window.removeEventListener("resize", resize);
    plot.destroy();
  };
}
