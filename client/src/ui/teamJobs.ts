/**
 * The lobby's team-job picker: a member of a seat picks negotiator, treasurer, intelligence or
 * press, each with its brief; stored on the server with the member (shared/protocol/jobs.ts),
 * so it is back after a reload. Seat cards name each member's job (memberLabel).
 */
import { type JobsByMember, TEAM_JOBS, type TeamJob } from "../../../shared/protocol/jobs.ts";
import type { Table } from "../state/table.ts";
import { REJECTION_TEXT } from "../text/index.ts";
import { JOB_TEXT as T } from "../text/jobs.ts";
import { h } from "./dom.ts";
import "./jobs.css";

/** "Ann (treasurer)", or the name alone while the member has no job. */
export function memberLabel(memberId: string, name: string, jobs: JobsByMember): string {
  const job = Object.hasOwn(jobs, memberId) ? jobs[memberId] : undefined;
  return T.member(name, job ? T.names[job] : undefined);
}

export interface JobPicker {
  el: HTMLElement;
  update: () => void;
}

export function jobPicker(table: Table): JobPicker {
  const result = h("p", {
    class: "muted",
    role: "status",
    "aria-live": "polite",
    id: "job-result",
  });
  const radios = new Map<TeamJob, HTMLInputElement>();
  const options = TEAM_JOBS.map((job) => {
    const input = h("input", {
      type: "radio",
      name: "team-job",
      id: `job-${job}`,
      value: job,
      "aria-describedby": `job-brief-${job}`,
    });
    radios.set(job, input);
    input.addEventListener("change", async () => {
      if (!input.checked) return;
      const reply = await table.setJob(job);
      result.textContent = reply.ok ? T.saved(T.names[job]) : REJECTION_TEXT[reply.code];
    });
    return h(
      "div",
      { class: "job-option" },
      h("label", { class: "check", for: `job-${job}` }, input, h("strong", {}, T.names[job])),
      h("p", { class: "muted job-brief", id: `job-brief-${job}` }, T.briefs[job]),
    );
  });
  const el = h(
    "fieldset",
    { class: "card team-jobs", id: "team-jobs" },
    h("legend", {}, T.heading),
    h("p", { class: "muted" }, T.hint),
    ...options,
    result,
  );
  const update = () => {
    el.hidden = table.seat === "";
    const me = table.conn.identity.memberId;
    const mine = Object.hasOwn(table.jobs, me) ? table.jobs[me] : undefined;
    for (const [job, input] of radios) input.checked = job === mine;
  };
  update();
  return { el, update };
}
