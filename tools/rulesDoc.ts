/**
 * `npm run rules:doc`: writes the parts of docs/RULES.md that are numbers of
 * the default scenario (the roles table with each objective's points, the
 * pars, the secret-priority cards) from crew-dragon-2020, between
 * `<!-- rules:doc NAME -->` and `<!-- /rules:doc -->` markers. The prose
 * around them is hand-written. tests/tools/rulesDoc.test.ts fails when the
 * committed file differs from what this writes, so the rules text cannot
 * drift from the scenario again (the first RULES.md gave pars 14/14/10/8/8
 * against the scenario's 11.5/9.5/9.5/9/6).
 *
 *   npm run rules:doc            rewrite docs/RULES.md
 *   npm run rules:doc -- --check exit 1 if docs/RULES.md is not up to date
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadScenario } from "../server/scenarios.ts";
import { civilTarget } from "../shared/rules/civilFunding.ts";
import type { Objective, Scenario } from "../shared/scenario/schema.ts";
import { plural } from "../shared/text/details.ts";

export const RULES_PATH = join(import.meta.dirname, "..", "docs", "RULES.md");
export const RULES_SCENARIO = "crew-dragon-2020";

/** A scenario value as RULES.md shows it: in italics, thousands with a comma. */
const v = (x: number | string) =>
  `_${typeof x === "number" ? (Math.abs(x) >= 1000 ? x.toLocaleString("en-US") : String(x)) : x}_`;

/** One objective as a player reads it: what scores, and how much. */
export function describeObjective(sc: Scenario, role: string, o: Objective): string {
  const rival = sc.rivalPair.find((r) => r !== role);
  const rivalName = rival ? (sc.roles[rival]?.short ?? rival) : "your rival";
  const vehicle = sc.roles[role]?.vehicle?.name ?? "your vehicle";
  const p = o.points;
  switch (o.kind) {
    case "crewMet":
      return `crew need met (${v(p)} ${plural(p, "point", "points")}, ${v(`−${o.gapPoints}`)} for each seat missing)`;
    case "moneySaved":
      return `budget not spent (${v(`${p} × share saved`)}, cash only: a contract's in-kind part is not spent)`;
    case "lowVulnerability":
      return `low vulnerability to ${rivalName} (${v(`${p} × (1 − V)`)})`;
    case "homeProviders":
      return `your home companies flying your crew (${v(`${p} × share`)})`;
    case "lowTension":
      return `low tension (${v(`${p} × (1 − T/100)`)})`;
    case "civilFunding": {
      const target = civilTarget(sc, role).toLocaleString("en-US");
      const ratio =
        o.zeroAt > 0
          ? `(funding ÷ ${target} − ${o.zeroAt}) ÷ ${1 - o.zeroAt}`
          : `funding ÷ ${target}`;
      const below =
        o.zeroAt > 0 ? `; below ${o.zeroAt * 100} % of the target it goes negative` : "";
      return `civil funding against its target (${v(`${p} × min(${o.cap}, ${ratio})`)}${below})`;
    }
    case "crewsFlown":
      return `crews flown on ${vehicle}, own and foreign (${v(p)} each)`;
    case "security":
      return `security gained (${v(p)} a point)`;
    case "prestige":
      return `prestige held (${v(p)} a point)`;
    case "profit":
      return `profit (${v(p)} per ${v(sc.scoring.profitUnit)})`;
    case "seatShare":
      return `your share of all seats flown (${v(`${p} × share`)})`;
    case "reputation":
      return `reputation held (${v(p)} a point)`;
    case "astronautsFlown":
      return `your astronauts flown (${v(p)} each, for at most ${v(o.ambition)} a year: your ambition)`;
    case "capabilityGained":
      return `capability gained (${v(p)} a point)`;
    case "singleProvider":
      return `no single provider (${v(`−${p}`)} in a year one company flies more than ${v(`${Math.round(o.share * 100)} %`)} of your crew)`;
    case "newPartners":
      return `each partner that flies your crew for the first time (${v(p)})`;
    default: {
      // an objective this generator does not know yet still shows its points
      const other = o as { kind: string; points: number };
      return `${other.kind} (${v(other.points)})`;
    }
  }
}

/** The archetype column: budget, crew, vehicle and whether the seat is optional. */
function archetype(sc: Scenario, role: string): string {
  const r = sc.roles[role];
  if (!r) return "";
  const parts: string[] = [r.archetype];
  if (r.optional) parts.push(r.defaultIncluded ? "optional, seated by default" : "optional");
  if (r.archetype === "state") {
    parts.push(`budget ${v(r.budgetBase)} a year`, `crew need ${v(r.crewNeed)}`);
  } else parts.push(`starts with ${v(r.startingCash)} cash`);
  const ve = r.vehicle;
  if (!ve)
    parts.push(r.humanSpaceflight ? "no vehicle" : "no vehicle; no human spaceflight of its own");
  else {
    const flights =
      ve.fixedFlights !== null
        ? `${v(`${ve.seatsPerFlight} ${plural(ve.seatsPerFlight, "seat", "seats")} × ${ve.fixedFlights} ${plural(ve.fixedFlights, "flight", "flights")}`)} a year`
        : `${v(ve.seatsPerFlight)} ${plural(ve.seatsPerFlight, "seat", "seats")} a flight, ${v(ve.startFlights)} ${plural(ve.startFlights, "flight", "flights")} in ${sc.startYear}, up to ${v(ve.maxFlights)}`;
    const ready =
      ve.readinessNeeded > ve.startReadiness
        ? `not ready (readiness ${v(`${ve.startReadiness} of ${ve.readinessNeeded}`)}), then `
        : "";
    parts.push(`${ve.name} (${ready}${flights})`);
  }
  return parts.join("; ");
}

/** Pads a markdown table so its columns line up (as prettier would). */
function table(head: string[], rows: string[][]): string {
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => c.padEnd(width[i] as number)).join(" | ")} |`;
  return [line(head), `| ${width.map((w) => "-".repeat(w)).join(" | ")} |`, ...rows.map(line)].join(
    "\n",
  );
}

/** The generated sections, by marker name. */
export function sections(sc: Scenario): Record<string, string> {
  const roles = Object.keys(sc.roles);
  const rows = roles.map((role) => {
    const r = sc.roles[role];
    if (!r) return [];
    const wants = r.objectives.map((o) => describeObjective(sc, role, o));
    if (r.drawsPriority) wants.push("your **secret priority** at the end");
    const orders = r.orders.map((k) => sc.orderText[k]?.label ?? k).join(", ");
    return [r.name, archetype(sc, role), wants.join("; "), orders];
  });
  const roleTable = table(
    ["role", "archetype", "what you want (how you score each year)", "your orders"],
    rows,
  );
  const pars = `Par (the points per year that count as 100 %): ${roles
    .map((role) => `${sc.roles[role]?.short ?? role} ${v(sc.roles[role]?.par ?? 0)}`)
    .join(", ")}.`;
  const cards = `Cards: ${sc.priorities
    .map((p) => `${p.text.charAt(0).toLowerCase()}${p.text.slice(1)} (${v(p.points)})`)
    .join("; ")}.`;
  return { roles: roleTable, pars, priorities: cards };
}

const MARK = /<!-- rules:doc (\w+) -->\n[\s\S]*?<!-- \/rules:doc -->/g;

/** RULES.md with every marked section rewritten; throws on a marker with no section. */
export function renderRules(doc: string, sc: Scenario): string {
  const s = sections(sc);
  return doc.replace(MARK, (_, name: string) => {
    const body = s[name];
    if (body === undefined) throw new Error(`RULES.md names an unknown section "${name}"`);
    return `<!-- rules:doc ${name} -->\n${body}\n<!-- /rules:doc -->`;
  });
}

if (import.meta.main) {
  const doc = readFileSync(RULES_PATH, "utf8");
  const next = renderRules(doc, loadScenario(RULES_SCENARIO));
  if (process.argv.includes("--check")) {
    if (next !== doc) {
      process.stderr.write("docs/RULES.md is out of date: run npm run rules:doc\n");
      process.exitCode = 1;
    }
  } else if (next !== doc) {
    writeFileSync(RULES_PATH, next);
    process.stdout.write("rules:doc: wrote docs/RULES.md\n");
  } else process.stdout.write("rules:doc: docs/RULES.md is up to date\n");
}
