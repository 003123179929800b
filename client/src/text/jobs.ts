/** The team jobs' names and briefs (ui/teamJobs.ts); a job changes no rule. */
import type { TeamJob } from "../../../shared/protocol/jobs.ts";

export const JOB_TEXT = {
  heading: "Your team job",
  hint: "Several people can share a country: split the work. Your job changes no rule.",
  none: "No job yet",
  saved: (job: string) => `You are the team's ${job}.`,
  names: {
    negotiator: "negotiator",
    treasurer: "treasurer",
    intelligence: "intelligence",
    press: "press",
  } satisfies Record<TeamJob, string>,
  briefs: {
    negotiator:
      "You talk to the other countries: open proposals, answer counters and close the deals your team agrees on.",
    treasurer:
      "You watch the money: check what each deal costs per year, keep cash for the orders and warn before the team overspends.",
    intelligence:
      "You read the table: who depends on whom, who is short of seats, what the rivals' statements and events give away.",
    press:
      "You speak for the team in public: write the statements everyone reads and keep your country's reputation in mind.",
  } satisfies Record<TeamJob, string>,
  /** A member in a seat card: "Ann (treasurer)". */
  member: (name: string, job: string | undefined) => (job ? `${name} (${job})` : name),
};
