/**
 * The engine's terms, crisis outcomes and verdicts as sentences: the client's one door to
 * shared/text/details.ts, where the sentences live because the server's export and the sim
 * report say them too (docs/DECISIONS.md, "Terms are data"). `viewNames` names a view's
 * roles by their short names and its event cards by their titles.
 */
import type { YearReport } from "../../../shared/rules/types.ts";
import type { Names } from "../../../shared/text/details.ts";

export {
  COOPERATION_TEXT,
  CRISIS_OUTCOME_TEXT,
  cooperationText,
  count,
  crisisOutcomeText,
  type Names,
  plural,
  SCORE_TEXT,
  scoreText,
  TENSION_TEXT,
  tensionText,
  verdictText,
} from "../../../shared/text/details.ts";

/** Names from what a view holds: each seat's short name, each year's event titles. */
export function viewNames(view: {
  seats: Record<string, { short: string } | undefined>;
  reports: readonly Pick<YearReport, "events">[];
}): Names {
  const events = new Map<string, string>();
  for (const r of view.reports) for (const e of r.events) events.set(e.id, e.title);
  return {
    role: (id) => (Object.hasOwn(view.seats, id) ? view.seats[id]?.short : undefined) ?? id,
    event: (id) => events.get(id) ?? id,
  };
}
