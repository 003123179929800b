/**
 * What the policy lab writes: the printed table, the per-game CSV and a
 * self-contained HTML report with inline SVG charts (nothing is fetched).
 * Pure functions of the summaries and results.
 */
import type { GameResult, PolicySummary, Summary } from "./labStats.ts";

export interface LabMeta {
  study: string;
  seed: string;
  scenarioId: string;
  scenarioName: string;
  gamesPerPolicy: number;
  /** Calendar years of the games, first to last. */
  years: number[];
  mix: string;
  /** Seats set by --policy, e.g. "russia=liberal". */
  overrides: string[];
  roles: string[];
}

// ------------------------------------------------------------------ text

const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "–");

function meanCi(s: Summary, scale = 1): string {
  return `${f1(s.mean * scale).padStart(5)} [${f1(s.ciLow * scale).padStart(5)}, ${f1(s.ciHigh * scale).padStart(5)}]`;
}

function range(s: Summary): string {
  return `${f1(s.p025).padStart(5)}–${f1(s.p975).padEnd(5)}`;
}

/** The header lines shared by the printed table and the report. */
const MIX_LABELS: Record<string, string> = {
  default: "the default mix",
  mixed: "mixed bots (each state draws its strategy per game)",
  balance: "the tables each balance target names",
  "all-realist": "all Realist",
  "all-liberal": "all Liberal",
  random: "Random-legal",
};

export function describe(meta: LabMeta): string[] {
  return [
    `Orbital Ties policy lab — study "${meta.study}", scenario ${meta.scenarioId} (${meta.scenarioName})`,
    `${meta.gamesPerPolicy} games per policy, ${meta.years.length} years (${meta.years[0]}–${meta.years[meta.years.length - 1]}), other seats: ${MIX_LABELS[meta.mix] ?? meta.mix}${meta.overrides.length ? `, ${meta.overrides.join(", ")}` : ""}`,
  ];
}

/** The table the lab prints: one row per policy. */
export function formatTable(meta: LabMeta, rows: readonly PolicySummary[]): string {
  const labelWidth = Math.max(6, ...rows.map((r) => r.label.length));
  const head1 = [
    "policy".padEnd(labelWidth),
    "games".padStart(6),
    " | final T: mean [95% CI]   2.5–97.5 pct",
    " | final C: mean [95% CI]   2.5–97.5 pct",
    " | conflict % [95% CI]",
    ` | mean % of par: ${meta.roles.map((r) => r.padStart(7)).join("")}`,
  ].join("");
  const lines = [
    ...describe(meta),
    "95% CI = mean ± 1.96·sd/√n over games; 2.5–97.5 pct = the middle 95 % of games.",
    "",
    head1,
    "-".repeat(head1.length),
  ];
  for (const r of rows) {
    lines.push(
      [
        r.label.padEnd(labelWidth),
        String(r.games).padStart(6),
        ` | ${meanCi(r.finalT)}  ${range(r.finalT)}`,
        `    | ${meanCi(r.finalC)}  ${range(r.finalC)}`,
        `    | ${meanCi(r.conflict, 100)}`,
        ` | ${" ".repeat("mean % of par: ".length)}${meta.roles.map((x) => f1(r.percentOfPar[x] ?? Number.NaN).padStart(7)).join("")}`,
      ].join(""),
    );
  }
  return `${lines.join("\n")}\n`;
}

// ------------------------------------------------------------------ CSV

function csvField(v: string | number | boolean): string {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * One row per game, in policy then index order. `balance` adds, after the
 * essay's columns, what the balance study reads: the top seat, the leader
 * after year 2, T before the first year and each seat's final score.
 */
export function toCsv(
  meta: LabMeta,
  policies: readonly { id: string; label: string; games: readonly GameResult[] }[],
  balance = false,
): string {
  const header = [
    "policy",
    "game",
    "seed",
    "final_T",
    "final_C",
    "conflict",
    ...meta.roles.map((r) => `pct_par_${r}`),
    ...meta.years.map((y) => `T_${y}`),
    ...(balance
      ? ["start_T", "top_role", "leader_after_2", ...meta.roles.map((r) => `score_${r}`)]
      : []),
  ];
  const out = [header.map(csvField).join(",")];
  for (const p of policies) {
    for (const g of p.games) {
      out.push(
        [
          p.label,
          g.index,
          g.seed,
          round(g.finalT),
          round(g.finalC),
          g.conflict ? 1 : 0,
          ...meta.roles.map((r) =>
            g.percentOfPar[r] === undefined ? "" : round(g.percentOfPar[r]),
          ),
          ...meta.years.map((_, i) => (g.tByYear[i] === undefined ? "" : round(g.tByYear[i]))),
          ...(balance
            ? [
                g.startT === undefined ? "" : round(g.startT),
                g.topRole ?? "",
                g.leaderAfter2 ?? "",
                ...meta.roles.map((r) =>
                  g.scores?.[r] === undefined ? "" : round(g.scores[r] as number),
                ),
              ]
            : []),
        ]
          .map(csvField)
          .join(","),
      );
    }
  }
  return `${out.join("\n")}\n`;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

// ------------------------------------------------------------------ HTML

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(s: string): string {
  return s
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

const PALETTE = [
  "#1f77b4",
  "#d62728",
  "#2ca02c",
  "#9467bd",
  "#ff7f0e",
  "#17becf",
  "#8c564b",
  "#e377c2",
];

/** Policies that differ only by the triangle term share a colour; the variant is dashed. */
function styleOf(rows: readonly PolicySummary[], r: PolicySummary) {
  const base = (id: string) => id.replace(/-noTriangle$/, "");
  const bases = [...new Set(rows.map((x) => base(x.id)))];
  return {
    color: PALETTE[bases.indexOf(base(r.id)) % PALETTE.length] as string,
    dashed: r.id.endsWith("-noTriangle"),
  };
}

const n2 = (x: number) => (Number.isFinite(x) ? Math.round(x * 100) / 100 : 0);

/** Horizontal box plots of one measure (0–100) per policy. */
function boxPlot(rows: readonly PolicySummary[], which: "T" | "C", title: string): string {
  // room for the longest row label (about 7 px a character at 12 px)
  const left = Math.max(200, 20 + 7 * Math.max(...rows.map((r) => r.label.length)));
  const width = 560;
  const rowH = 28;
  const top = 30;
  const height = top + rows.length * rowH + 50;
  const x = (v: number) => n2(left + (Math.min(100, Math.max(0, v)) / 100) * width);
  const parts: string[] = [];
  parts.push(
    `<text x="${left + width / 2}" y="18" text-anchor="middle" class="t">${escapeHtml(title)}</text>`,
  );
  for (let v = 0; v <= 100; v += 10) {
    parts.push(
      `<line x1="${x(v)}" x2="${x(v)}" y1="${top}" y2="${top + rows.length * rowH}" class="grid"/>`,
      `<text x="${x(v)}" y="${top + rows.length * rowH + 16}" text-anchor="middle">${v}</text>`,
    );
  }
  parts.push(
    `<text x="${left + width / 2}" y="${top + rows.length * rowH + 38}" text-anchor="middle" class="axis">${which === "T" ? "final tension T (0–100)" : "final cooperation C (0–100)"}</text>`,
  );
  rows.forEach((r, i) => {
    const s = which === "T" ? r.finalT : r.finalC;
    const [q1, med, q3] = r.quartiles[which];
    const { color, dashed } = styleOf(rows, r);
    const cy = top + i * rowH + rowH / 2;
    const dash = dashed ? ' stroke-dasharray="4 3"' : "";
    parts.push(
      `<text x="${left - 8}" y="${cy + 4}" text-anchor="end">${escapeHtml(r.label)}</text>`,
      `<line x1="${x(s.p025)}" x2="${x(s.p975)}" y1="${cy}" y2="${cy}" stroke="${color}"${dash}/>`,
      `<line x1="${x(s.p025)}" x2="${x(s.p025)}" y1="${cy - 6}" y2="${cy + 6}" stroke="${color}"/>`,
      `<line x1="${x(s.p975)}" x2="${x(s.p975)}" y1="${cy - 6}" y2="${cy + 6}" stroke="${color}"/>`,
      `<rect x="${x(q1)}" y="${cy - 9}" width="${n2(Math.max(1, x(q3) - x(q1)))}" height="18" fill="${color}" fill-opacity="0.25" stroke="${color}"${dash}/>`,
      `<line x1="${x(med)}" x2="${x(med)}" y1="${cy - 9}" y2="${cy + 9}" stroke="${color}" stroke-width="2"/>`,
      `<circle cx="${x(s.mean)}" cy="${cy}" r="3.5" fill="#000"><title>${escapeHtml(`${r.label}: mean ${f1(s.mean)}, median ${f1(med)}, quartiles ${f1(q1)}–${f1(q3)}, 2.5–97.5 pct ${f1(s.p025)}–${f1(s.p975)}`)}</title></circle>`,
    );
  });
  return `<svg viewBox="0 0 ${left + width + 30} ${height}" width="${left + width + 30}" height="${height}" role="img" aria-label="${escapeHtml(title)}">${parts.join("")}</svg>`;
}

/** Mean T at the end of each year, one line per policy, with a legend. */
function lineChart(meta: LabMeta, rows: readonly PolicySummary[]): string {
  const left = 60;
  const top = 30;
  const width = 560;
  const height = 300;
  const legendX = left + width + 20;
  const all = rows.flatMap((r) => r.meanTByYear).filter(Number.isFinite);
  const lo = Math.max(0, Math.floor((Math.min(...all, 100) - 5) / 10) * 10);
  const hi = Math.min(100, Math.ceil((Math.max(...all, 0) + 5) / 10) * 10);
  const span = Math.max(10, hi - lo);
  const nYears = meta.years.length;
  const x = (i: number) => n2(left + (nYears <= 1 ? width / 2 : (i / (nYears - 1)) * width));
  const y = (v: number) => n2(top + height - ((v - lo) / span) * height);
  const parts: string[] = [
    `<text x="${left + width / 2}" y="18" text-anchor="middle" class="t">Mean tension T at the end of each year</text>`,
  ];
  for (let v = lo; v <= lo + span; v += 10) {
    parts.push(
      `<line x1="${left}" x2="${left + width}" y1="${y(v)}" y2="${y(v)}" class="grid"/>`,
      `<text x="${left - 6}" y="${y(v) + 4}" text-anchor="end">${v}</text>`,
    );
  }
  meta.years.forEach((yr, i) => {
    parts.push(
      `<text x="${x(i)}" y="${top + height + 16}" text-anchor="middle">${escapeHtml(String(yr))}</text>`,
    );
  });
  parts.push(
    `<text x="${left + width / 2}" y="${top + height + 38}" text-anchor="middle" class="axis">year</text>`,
    `<text transform="translate(16 ${top + height / 2}) rotate(-90)" text-anchor="middle" class="axis">mean T (0–100)</text>`,
  );
  rows.forEach((r, k) => {
    const { color, dashed } = styleOf(rows, r);
    const dash = dashed ? ' stroke-dasharray="6 4"' : "";
    const pts = r.meanTByYear.map((v, i) => `${x(i)},${y(v)}`).join(" ");
    parts.push(
      `<polyline points="${pts}" fill="none" stroke="${color}" stroke-width="2"${dash}/>`,
      ...r.meanTByYear.map(
        (v, i) =>
          `<circle cx="${x(i)}" cy="${y(v)}" r="3" fill="${color}"><title>${escapeHtml(`${r.label}, ${meta.years[i]}: ${f1(v)}`)}</title></circle>`,
      ),
    );
    const ly = top + 10 + k * 20;
    parts.push(
      `<line x1="${legendX}" x2="${legendX + 28}" y1="${ly}" y2="${ly}" stroke="${color}" stroke-width="2"${dash}/>`,
      `<text x="${legendX + 34}" y="${ly + 4}">${escapeHtml(r.label)}</text>`,
    );
  });
  const w = legendX + 230;
  const h = top + height + 50;
  return `<svg viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="Mean tension by year">${parts.join("")}</svg>`;
}

/** The self-contained report: title, the printed table and the charts. */
export function renderHtml(meta: LabMeta, rows: readonly PolicySummary[], table: string): string {
  const title = `Orbital Ties policy lab — ${meta.study} — ${meta.scenarioName}`;
  const css = `body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222;max-width:1100px}
pre{background:#f6f6f6;padding:1em;overflow-x:auto;font-size:12px}
svg{display:block;margin:1em 0;font:12px system-ui,sans-serif}
svg .grid{stroke:#ddd}svg .t{font-weight:bold;font-size:14px}svg .axis{font-style:italic}
.note{color:#555}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>${css}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>${describe(meta).map(escapeHtml).join("<br>")}<br>Seed: <code>${escapeHtml(meta.seed)}</code> (game <i>i</i> of policy <i>p</i> uses seed <code>${escapeHtml(meta.seed)}:<i>p</i>:<i>i</i></code>; a policy with the triangle term at 0 plays the same seeds as the policy itself).</p>
<h2>Table</h2>
<pre>${escapeHtml(table)}</pre>
<h2>Distribution of final T and final C</h2>
<p class="note">Box: 25–75 percentile, thick line: median, whiskers: 2.5–97.5 percentile, dot: mean. Dashed: the same policy with the triangle term at 0.</p>
${boxPlot(rows, "T", "Final tension T per policy")}
${boxPlot(rows, "C", "Final cooperation C per policy")}
<h2>Mean T by year</h2>
<p class="note">A game that ended early (conflict) keeps its last T in later years.</p>
${lineChart(meta, rows)}
</body>
</html>
`;
}
