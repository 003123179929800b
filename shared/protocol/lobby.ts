/**
 * Creating and joining a game: the shapes of the REST body that creates a
 * table and of the options a client joins a room with.
 */
import { z } from "zod";
import { LIMITS, nameFits } from "../rules/limits.ts";

export const BOT_STRATEGIES = ["realist", "liberal", "profit", "opportunist", "random"] as const;

const seconds = (b: { min: number; max: number }) => z.number().int().min(b.min).max(b.max);

export const createGamePayload = z
  .object({
    scenario: z
      .string()
      .regex(/^[a-z0-9-]{1,60}$/)
      .default("crew-dragon-2020"),
    /** Omitted: the server draws one (and never shows it to players). */
    seed: z.string().min(1).max(64).optional(),
    preset: z.string().max(40).optional(),
    years: z.number().int().min(1).max(LIMITS.gameYears).optional(),
    /** Roles at the table. Omitted: the scenario's default roles. */
    roles: z.array(z.string().max(LIMITS.roleId)).max(LIMITS.tableRoles).optional(),
    /** Bot strategy per role, used while a seat has no people. */
    bots: z.record(z.string().max(LIMITS.roleId), z.enum(BOT_STRATEGIES)).optional(),
    facilitatorReadsChat: z.boolean().default(false),
    timers: z
      .object({
        briefingSeconds: seconds(LIMITS.briefingSeconds),
        negotiationSeconds: seconds(LIMITS.negotiationSeconds),
        firstNegotiationSeconds: seconds(LIMITS.negotiationSeconds),
        commitSeconds: seconds(LIMITS.commitSeconds),
        crisisSeconds: seconds(LIMITS.crisisSeconds),
      })
      .partial()
      .strict()
      .optional(),
  })
  .strict();
export type CreateGamePayload = z.infer<typeof createGamePayload>;

export const joinOptions = z
  .object({
    /** Display name (first name is enough). */
    name: z.string().trim().refine(nameFits, `a name has 1–${LIMITS.name} characters`).optional(),
    /** The role to sit at; several people may share one seat as a team. */
    seat: z.string().max(LIMITS.roleId).optional(),
    /** A seat token from an earlier join: rejoins the same member at the same seat. */
    token: z.string().max(200).optional(),
    /** The host token from game creation: grants pause, resume, extend, skip, inject and end. */
    hostToken: z.string().max(200).optional(),
    /** Join read-only. */
    spectator: z.boolean().optional(),
  })
  .strict();
export type JoinOptions = z.infer<typeof joinOptions>;

/** What `whoami` answers: the caller's own identity and seat token. */
export interface Identity {
  code: string;
  memberId: string;
  seat: string;
  kind: "player" | "spectator" | "host" | "facilitator";
  staff: boolean;
  /** Keep it in the browser to rejoin this seat after a refresh or a restart. */
  token: string;
  name: string;
  facilitatorReadsChat: boolean;
  /** The server's clock (ms since the epoch) when it answered: deadlines are in this clock. */
  serverTime: number;
}

// ------------------------------------------------------------------ REST answers (PROTOCOL.md §1)

/** What a scenario picker shows of one scenario (`GET /api/scenarios`). */
export interface ScenarioSummary {
  id: string;
  name: string;
  summary: string;
  defaultPreset: string;
  presets: { id: string; label: string; years: number }[];
  roles: { id: string; name: string; optional: boolean; defaultIncluded: boolean }[];
}

/** The answer to `POST /api/games` (the host token only ever in this answer). */
export interface Created {
  code: string;
  joinUrl: string;
  hostToken: string;
  roles: string[];
  scenario: string;
}

/** The answer to `GET /api/games/:code`. */
export interface GameSummary {
  code: string;
  scenario: string;
  scenarioName: string;
  status: "lobby" | "running" | "finished";
  facilitatorReadsChat: boolean;
  roles: { role: string; name: string }[];
}
