/**
 * Team jobs: each member of a seat (several people may share one country) picks one, to split
 * the work. A job changes no rule: it is a brief the member reads and the table sees.
 */
import { z } from "zod";

export const TEAM_JOBS = ["negotiator", "treasurer", "intelligence", "press"] as const;
export const teamJob = z.enum(TEAM_JOBS);
export type TeamJob = z.infer<typeof teamJob>;

/** `job` message: the sender's own member takes this job. */
export const setJobPayload = z.object({ job: teamJob }).strict();

/** Every member's job at a table (members without one are left out), by member id; `jobs` answers it and the room broadcasts it under the same name. */
export type JobsByMember = Record<string, TeamJob>;
export const JOBS_MESSAGE = "jobs";
