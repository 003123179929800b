/**
 * The rules as a player reads them in the client's Rules panel: plain sentences built from the
 * running scenario's own numbers (the table's GET /api/games/:id/scenario), so a table playing
 * a changed copy of a scenario reads its changed numbers. docs/RULES.md is written for another
 * reader (formulas, every role in one table) by tools/rulesDoc.ts; the two share the scenario
 * and shared/ helpers (civilTarget), not their sentences (docs/DECISIONS.md, 2026-12-02).
 */
import { civilTarget } from "../../../shared/rules/civilFunding.ts";
import type { Objective, Scenario } from "../../../shared/scenario/schema.ts";
import { plural } from "./details.ts";

/** A number as the panel shows it: at most two decimals, thousands with a comma. */
export const num = (x: number) =>
  Math.abs(x) >= 1000 ? Math.round(x).toLocaleString("en-US") : String(Math.round(x * 100) / 100);
/** "1 point", "2 points". */
const points = (x: number) => `${num(x)} ${plural(x, "point", "points")}`;
const pct = (share: number) => `${Math.round(share * 100)} %`;
const signed = (n: number) => `${n > 0 ? "+" : n < 0 ? "−" : "±"}${num(Math.abs(n))}`;

const shortName = (sc: Scenario, role: string) => sc.roles[role]?.short ?? role;

/** One objective as a plain sentence: what scores, and how much. */
export function objectiveSentence(sc: Scenario, role: string, o: Objective): string {
  const rival = sc.rivalPair.find((r) => r !== role);
  const rivalName = rival && rival !== role ? shortName(sc, rival) : "your rival";
  const vehicle = sc.roles[role]?.vehicle?.name ?? "your vehicle";
  const p = points(o.points);
  switch (o.kind) {
    case "crewMet":
      return `Fly your crew: up to ${p} when every astronaut you need reaches the station, ${num(o.gapPoints)} fewer for each one left on the ground.`;
    case "moneySaved":
      return `Spend wisely: up to ${p} for the share of your budget you do not spend.`;
    case "lowVulnerability":
      return `Do not depend on ${rivalName}: up to ${p}, fewer the more your crew relies on them.`;
    case "homeProviders":
      return `Fly with your own companies: up to ${p} when your home companies fly your crew.`;
    case "lowTension":
      return `Keep the world calm: up to ${p}, fewer as Tension rises (none at 100).`;
    case "civilFunding":
      return `Fund civil space: ${p} when your civil funding reaches its target of ${num(civilTarget(sc, role))}${o.zeroAt > 0 ? `; below ${pct(o.zeroAt)} of the target you lose points` : ""}.`;
    case "crewsFlown":
      return `${p} for each astronaut ${vehicle} flies, yours or another nation's.`;
    case "security":
      return `${p} for each point of security you gain.`;
    case "prestige":
      return `${p} for each point of prestige you hold.`;
    case "profit":
      return `${p} for each ${num(sc.scoring.profitUnit)} of profit.`;
    case "seatShare":
      return `Up to ${p} for your share of all the seats flown.`;
    case "reputation":
      return `${p} for each point of reputation you hold.`;
    case "astronautsFlown":
      return `${p} for each of your astronauts flown, for up to ${num(o.ambition)} a year.`;
    case "capabilityGained":
      return `${p} for each point of capability you gain.`;
    case "singleProvider":
      return `${p} lost in a year when one company flies more than ${pct(o.share)} of your crew.`;
    case "newPartners":
      return `${p} for each partner that flies your crew for the first time.`;
    default:
      // a new objective kind without a sentence fails typecheck here
      return o satisfies never;
  }
}

export interface RulesSection {
  id: string;
  heading: string;
  sentences: string[];
}

/** The Rules panel's sections for a scenario; `role` (the reader's seat, or "") adds its goals. */
export function rulesSections(sc: Scenario, role: string): RulesSection[] {
  const [a = "", b = ""] = sc.rivalPair;
  const A = shortName(sc, a);
  const B = shortName(sc, b);
  const t = sc.tension;
  const c = sc.cooperation;
  const k = sc.crisis;
  const mine = role ? sc.roles[role] : undefined;
  const sections: RulesSection[] = [
    {
      id: "rules-year",
      heading: "A year",
      sentences: [
        `The game starts in ${sc.startYear}. Each year has a briefing, a negotiation and a last call for orders; then the year resolves: seats fly, money moves, and Cooperation, Tension and every score are counted.`,
        "A phase ends when its clock runs out, or sooner once every player has pressed Ready.",
        "A deal binds only once every party has accepted it; orders are your own and secret until the year resolves.",
      ],
    },
  ];
  if (mine)
    sections.push({
      id: "rules-goals",
      heading: `Your goals as ${mine.short}`,
      sentences: [
        ...mine.objectives.map((o) => objectiveSentence(sc, role, o)),
        `${num(mine.par)} points a year is your par: it counts as 100 % in the final ranking.`,
        ...(mine.drawsPriority
          ? ["You also hold a secret priority: meet it by the end for extra points."]
          : []),
      ],
    });
  sections.push(
    {
      id: "rules-score",
      heading: "Scores",
      sentences: [
        `Each seat scores points every year for its own goals. Seats are ranked by their score as a share of their par: ${Object.keys(
          sc.roles,
        )
          .map((r) => `${shortName(sc, r)} ${num(sc.roles[r]?.par ?? 0)}`)
          .join(", ")} points a year.`,
        `A broken pledge costs ${num(sc.scoring.brokenPledgePoints)} points; a deal that fails through your fault costs ${num(sc.scoring.failedDealPoints)}.`,
      ],
    },
    {
      id: "rules-cooperation",
      heading: "Cooperation",
      sentences: [
        "Cooperation (0 to 100) is counted when a year resolves, so it reads 0 until the first year ends.",
        `It adds up to ${num(c.rivalWeight)} points for ties between ${A} and ${B} (each flying or paying for the other), up to ${num(c.othersWeight)} for ties among the other states, up to ${num(c.triangleWeight)} for seats shared across three nations (full at ${num(c.triangleSaturation)} such seats), and up to ${num(c.trustWeight)} for deals and pledges kept over the last ${num(c.trustWindowYears)} years.`,
      ],
    },
    {
      id: "rules-tension",
      heading: "Tension",
      sentences: [
        `Tension starts at ${num(sc.startTension)} out of 100. Each year it drifts ${pct(t.drift)} of the way back towards ${num(sc.startTension)}.`,
        `When ${A} or ${B} depends on the other for its crew, Tension rises by up to ${num(t.vulnerability)}.`,
        `Each failed deal adds ${num(t.failedDeal)}; each level of sanctions adds ${num(t.sanctionsPerLevel)}; each point of Cooperation takes ${num(t.cooperation)} off.`,
      ],
    },
    {
      id: "rules-crisis",
      heading: "Crisis",
      sentences: [
        `If Tension reaches ${num(k.threshold)} when a year resolves, ${A} and ${B} face a crisis: each chooses in secret to stand firm or de-escalate.`,
        `If both de-escalate, Tension ${signed(k.bothDeescalate)}. If only one stands firm, it gains ${num(k.firmPoints)} points, the other loses as many, and Tension ${signed(k.oneFirm)}. If both stand firm, the crisis may escalate into a conflict that ends the game: the chance grows with Tension above ${num(k.escalationBase)} and shrinks with Cooperation.`,
        "The crisis ends as soon as both have chosen, or when its clock runs out (no choice counts as de-escalating).",
      ],
    },
  );
  return sections;
}
