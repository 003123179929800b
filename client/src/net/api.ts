/** The REST routes of docs/PROTOCOL.md section 1, typed from shared/. */
import type {
  Created,
  CreateGamePayload,
  GameSummary,
  ScenarioSummary,
} from "../../../shared/protocol/lobby.ts";
import type { Scenario } from "../../../shared/scenario/schema.ts";

export type { Created, GameSummary, ScenarioSummary };

/** A refused REST call: its typed code and the server's detail. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  constructor(status: number, code: string, detail: string) {
    super(detail);
    this.status = status;
    this.code = code;
  }
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, init);
  const body = (await res.json().catch(() => null)) as
    | (T & { ok?: boolean; code?: string; detail?: string })
    | null;
  if (!res.ok || body === null || body.ok === false)
    throw new ApiError(res.status, body?.code ?? "ERR_SERVER", body?.detail ?? res.statusText);
  return body;
}

export const api = {
  scenarios: () => call<ScenarioSummary[]>("/api/scenarios"),
  create: (payload: Partial<CreateGamePayload>) =>
    call<Created>("/api/games", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(payload),
    }),
  game: (code: string) => call<GameSummary>(`/api/games/${encodeURIComponent(code)}`),
  /** A finished game's export (docs/PROTOCOL.md): public once the game is over, 403 before. */
  exported: (code: string) =>
    // unknown until shared/protocol/export.ts has parsed it (state/record.ts)
    call<unknown>(`/api/games/${encodeURIComponent(code)}/export.json`),
  scenario: async (code: string) =>
    (await call<{ scenario: Scenario }>(`/api/games/${encodeURIComponent(code)}/scenario`))
      .scenario,
};
