/**
 * The file GET /api/games/:code/export.json answers once a game is finished (docs/PROTOCOL.md):
 * one schema that the server's writer is typed by and the browser's record (replay, closed
 * room's debrief) parses with, so a malformed file is named as such instead of crashing the page.
 * Only the shape is checked here: the scenario is checked by its own schema and the actions by
 * the engine as they are replayed (each refused one throws), so no rule is repeated.
 */
import { z } from "zod";
import { DEAL_FAILURES } from "../rules/types.ts";

export const EXPORT_FORMAT = "orbital-ties-export/1";

const numbers = z.record(z.string(), z.number());
const seconds = z.number().nonnegative().optional();
/**
 * A named term: its cause and amount, what the engine counted (`detail`, shared/rules/details.ts)
 * and that as an English sentence (`text`, shared/text/details.ts). Files written before the
 * details existed carry a `label` sentence instead; both still read.
 */
const term = z.object({
  cause: z.string(),
  amount: z.number(),
  detail: z.looseObject({ cause: z.string() }).optional(),
  text: z.string().optional(),
  label: z.string().optional(),
});

const seatSetup = z.object({
  role: z.string().min(1),
  controller: z.enum(["human", "bot"]).optional(),
  members: z.array(z.object({ id: z.string(), name: z.string() })).optional(),
  captain: z.string().nullable().optional(),
});

// a reader keeps the engine's options and drops the rest (the server's bot strategies)
const options = z.object({
  preset: z.string().optional(),
  years: z.number().int().positive().optional(),
  briefingSeconds: seconds,
  negotiationSeconds: seconds,
  firstNegotiationSeconds: seconds,
  commitSeconds: seconds,
  crisisSeconds: seconds,
  facilitatorReadsChat: z.boolean().optional(),
});

/** An action as logged: its kind and who did it; the engine checks the rest on replay. */
const action = z.looseObject({ type: z.string().min(1), actor: z.looseObject({}), at: z.number() });

const dealResult = z.object({
  deal: z.string(),
  result: z.string(),
  kind: z.enum(["executed", "void", ...DEAL_FAILURES]),
  fault: z.string().nullable(),
});

const year = z.object({
  year: z.number().int(),
  tension: z.number(),
  cooperation: z.number(),
  tensionTerms: z.array(term),
  cooperationTerms: z.array(term),
  scores: numbers,
  dealResults: z.array(dealResult),
  // `result` is the outcome as a sentence (every file has it); `outcome` its data (newer files)
  crisis: z
    .looseObject({
      choices: z.record(z.string(), z.string()),
      result: z.string(),
      outcome: z.looseObject({ kind: z.string() }).optional(),
      escalation: z.boolean(),
    })
    .nullable(),
});

const outcome = z.object({
  reason: z.string(),
  finalScores: numbers,
  percentOfPar: numbers,
  ranking: z.array(z.string()),
  /** The verdicts as sentences (newer files; the verdicts' data is `verdicts`, not checked here). */
  verdictText: z
    .object({ liberal: z.string(), realist: z.string(), market: z.string() })
    .optional(),
});

export const gameExportSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  gameId: z.string().min(1),
  /** The game's scenario as it was played: checked by requireScenario on reading. */
  scenario: z.unknown(),
  seed: z.string(),
  seats: z.array(seatSetup).min(1),
  options,
  actions: z.array(action),
  years: z.array(year),
  outcome: outcome.nullable(),
});

/** What the server writes (its inputs are the engine's own types). */
export type GameExportFile = z.input<typeof gameExportSchema>;
/** What a reader gets from a file that passed the schema. */
export type GameExportParsed = z.output<typeof gameExportSchema>;

/** A file that is not an export of this format: `issues` name the first fields that are wrong. */
export class MalformedExport extends Error {
  readonly issues: string[];
  constructor(issues: string[]) {
    super(`not an Orbital Ties export: ${issues.join("; ")}`);
    this.issues = issues;
  }
}

/** Parses an export file; throws MalformedExport naming up to three bad fields. */
export function parseExport(input: unknown): GameExportParsed {
  const parsed = gameExportSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new MalformedExport(
    parsed.error.issues.slice(0, 3).map((i) => `${i.path.join(".") || "(file)"}: ${i.message}`),
  );
}
