/**
 * `npm run baseline`: the engine's regression fingerprint. Plays seeds s0…s199
 * of crew-dragon-2020 twice (the default mix of strategies, and the random bot
 * in every seat) and hashes each game: its reports, outcome and action log,
 * the final state without its scenario, and the rejections. A change that
 * claims to leave results alone must leave every hash as it was.
 *
 * A change that only moves a record (a score term that becomes a state field) cannot leave
 * the hashes as they were; `--ignore-score-term CAUSE` and `--ignore-seat-field FIELD` hash
 * each game without it, so a baseline saved the same way on both sides shows everything
 * else unchanged. Both may be repeated. A change to an event card's wording (its `note`, which
 * the reports and the year's drawn cards copy) cannot leave them either; `--ignore-event-notes`
 * hashes each game with every event's note left out.
 *
 *   node tools/baselineHash.ts [--games 200] [--save FILE] [--check FILE]
 *     [--ignore-score-term CAUSE]... [--ignore-seat-field FIELD]... [--ignore-event-notes]
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { loadScenario } from "../server/scenarios.ts";
import { BOTS, defaultStrategy } from "../shared/bots/index.ts";
import { playGame } from "../shared/bots/play.ts";
import type { Bot } from "../shared/bots/types.ts";

const { values } = parseArgs({
  options: {
    games: { type: "string", default: "200" },
    save: { type: "string" },
    check: { type: "string" },
    scenario: { type: "string", default: "crew-dragon-2020" },
    "ignore-score-term": { type: "string", multiple: true, default: [] },
    "ignore-seat-field": { type: "string", multiple: true, default: [] },
    "ignore-event-notes": { type: "boolean", default: false },
  },
});
const ignoredTerms = new Set(values["ignore-score-term"]);
const ignoredFields = values["ignore-seat-field"] as string[];
const ignoreNotes = values["ignore-event-notes"] as boolean;
const games = Number(values.games);
const scenario = loadScenario(values.scenario as string);
const mix: Record<string, Bot> = Object.fromEntries(
  Object.keys(scenario.roles).map((r) => [r, BOTS[defaultStrategy(scenario, r)] as Bot]),
);
const random = BOTS.random as Bot;
const randomAll: Record<string, Bot> = Object.fromEntries(
  Object.keys(scenario.roles).map((r) => [r, random]),
);

const sha = (x: unknown) => createHash("sha256").update(JSON.stringify(x)).digest("hex");

type Report = { scoreTerms: Record<string, { cause: string }[]> };
/** An event card as the reports and the year's draw hold it (a proposal's note has no title). */
const isEventCard = (o: Record<string, unknown>) =>
  typeof o.id === "string" && typeof o.title === "string" && typeof o.note === "string";

/** Deletes the note of every event card in `x`, in place. */
function dropEventNotes(x: unknown): void {
  if (!x || typeof x !== "object") return;
  const o = x as Record<string, unknown>;
  if (isEventCard(o)) delete o.note;
  for (const v of Object.values(o)) dropEventNotes(v);
}

/** A copy of a game's hashed parts without the ignored score terms, seat fields and notes. */
function withoutIgnored<T>(x: T): T {
  if (ignoredTerms.size === 0 && ignoredFields.length === 0 && !ignoreNotes) return x;
  const copy = structuredClone(x);
  const [{ reports }, state] = copy as unknown as [
    { reports: Report[] },
    { reports: Report[]; pending: Report | null; seats: Record<string, Record<string, unknown>> },
  ];
  for (const r of [...reports, ...state.reports, ...(state.pending ? [state.pending] : [])])
    for (const [role, terms] of Object.entries(r.scoreTerms))
      r.scoreTerms[role] = terms.filter((t) => !ignoredTerms.has(t.cause));
  for (const seat of Object.values(state.seats)) for (const f of ignoredFields) delete seat[f];
  if (ignoreNotes) dropEventNotes(copy);
  return copy;
}
const hashes: Record<string, string> = {};
for (const [label, bots] of [
  ["mix", mix],
  ["random", randomAll],
] as const) {
  for (let i = 0; i < games; i++) {
    const r = playGame(scenario, `s${i}`, { bots, defaultBot: random });
    const { scenario: _omit, ...state } = r.state;
    hashes[`${label}:s${i}`] = sha(
      withoutIgnored([
        { reports: r.state.reports, outcome: r.state.outcome, log: r.log },
        state,
        r.rejections,
      ]),
    );
  }
}
const all = sha(hashes);
console.log(`${Object.keys(hashes).length} games, combined ${all}`);
if (values.save) writeFileSync(values.save, `${JSON.stringify(hashes, null, 1)}\n`);
if (values.check) {
  const before = JSON.parse(readFileSync(values.check, "utf8")) as Record<string, string>;
  const diff = Object.keys(before).filter((k) => before[k] !== hashes[k]);
  console.log(
    diff.length === 0 ? "all identical" : `${diff.length} differ: ${diff.slice(0, 20).join(", ")}`,
  );
  process.exitCode = diff.length === 0 ? 0 : 1;
}
