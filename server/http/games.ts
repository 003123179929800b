/**
 * REST routes for games: create a table, read its public summary, list
 * scenarios, and export a game (JSON that replays, CSV per year).
 */
import { randomBytes } from "node:crypto";
import { networkInterfaces } from "node:os";
import { matchMaker } from "@colyseus/core";
import express, { type Application, type Request, type Response } from "express";
import { EXPORT_FORMAT, type GameExportFile } from "../../shared/protocol/export.ts";
import { type Created, createGamePayload, type GameSummary } from "../../shared/protocol/lobby.ts";
import { replay } from "../../shared/rules/replay.ts";
import { createGame, type SeatSetup } from "../../shared/rules/setup.ts";
import type { GameState } from "../../shared/rules/types.ts";
import { requireScenario } from "../../shared/scenario/load.ts";
import { publicScenario } from "../../shared/scenario/public.ts";
import {
  cooperationText,
  crisisOutcomeText,
  scenarioNames,
  tensionText,
  verdictText,
} from "../../shared/text/details.ts";
import { processOwner } from "../owner.ts";
import {
  BadScenarioFile,
  loadScenario,
  readScenarioDir,
  type ScenarioSummary,
  serverScenarioDir,
} from "../scenarios.ts";
import { engineOptions } from "../store/db.ts";
import { getStore } from "../store/instance.ts";
import { hashToken, newJoinCode, newToken, normaliseCode } from "../store/tokens.ts";

function fail(res: Response, status: number, code: string, detail: string) {
  res.status(status).json({ ok: false, code, detail });
}

/** The stored game a route names by its code, or null after answering 404 (codes are normalised). */
function gameOr404(res: Response, code: string) {
  const id = normaliseCode(code);
  const row = id ? getStore().getGame(id) : null;
  if (!id || !row) {
    fail(res, 404, "ERR_UNKNOWN_GAME", "no game with that code");
    return null;
  }
  return { id, row };
}

/** The address phones on the same network can use: PUBLIC_URL, the request's host, or this machine's LAN address instead of localhost. */
export function publicBase(req: Request): string {
  if (process.env.PUBLIC_URL) return process.env.PUBLIC_URL.replace(/\/+$/, "");
  const host = req.get("host") ?? "localhost";
  const [name, port] = host.split(":");
  if (name === "localhost" || name === "127.0.0.1" || name === "[::1]") {
    const lan = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === "IPv4" && !i.internal);
    if (lan) return `${req.protocol}://${lan.address}${port ? `:${port}` : ""}`;
  }
  return `${req.protocol}://${host}`;
}

function tokenOf(req: Request): string {
  const auth = req.get("authorization") ?? "";
  if (auth.startsWith("Bearer ")) return auth.slice(7);
  return typeof req.query.token === "string" ? req.query.token : "";
}

/** Replays a stored game: the export needs no running room. */
function replayStored(id: string): {
  state: GameState;
  row: NonNullable<ReturnType<ReturnType<typeof getStore>["getGame"]>>;
} | null {
  const store = getStore();
  const row = store.getGame(id);
  if (!row) return null;
  const scenario = requireScenario(row.scenario, `game ${id}`);
  const state = replay(
    scenario,
    row.seed,
    row.seats,
    engineOptions(row.options),
    store.loadActions(id),
  );
  return { state, row };
}

// each bad scenario file is logged once per distinct error, not on every request
const loggedBadFiles = new Set<string>();

function logBadFile(err: BadScenarioFile): void {
  const line = `scenario file ${err.path} skipped: ${err.errors.join("; ")}`;
  if (loggedBadFiles.has(line)) return;
  loggedBadFiles.add(line);
  console.error(line);
}

/** The playable scenarios of the server's directory; bad files are logged and left out. */
function playableScenarios(): ScenarioSummary[] {
  const { scenarios, broken } = readScenarioDir(serverScenarioDir());
  for (const err of broken) logBadFile(err);
  return scenarios;
}

export function mountGames(app: Application): void {
  app.get("/api/scenarios", (_req, res) => {
    res.json(playableScenarios());
  });

  app.post("/api/games", express.json({ limit: "16kb" }), async (req, res) => {
    const parsed = createGamePayload.safeParse(req.body ?? {});
    if (!parsed.success) {
      fail(
        res,
        400,
        "ERR_MALFORMED",
        parsed.error.issues.map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`).join("; "),
      );
      return;
    }
    const p = parsed.data;
    let scenario: ReturnType<typeof loadScenario>;
    try {
      scenario = loadScenario(p.scenario, serverScenarioDir());
    } catch (err) {
      if (err instanceof BadScenarioFile) {
        // the file exists but is broken: name the file (not its directory) and each bad field
        logBadFile(err);
        fail(
          res,
          400,
          "ERR_BAD_SCENARIO",
          `scenario "${p.scenario}" cannot be played: ${err.oneLine}`,
        );
        return;
      }
      // name the scenarios a host can pick, never the server's file paths
      const known = playableScenarios().map((x) => x.id);
      fail(
        res,
        400,
        "ERR_UNKNOWN_SCENARIO",
        `no playable scenario "${p.scenario}" (known: ${known.join(", ")})`,
      );
      return;
    }
    // the engine decides who sits at the table: the roles asked for, plus every required one
    const asked: SeatSetup[] | undefined = p.roles?.map((role) => ({ role, controller: "bot" }));
    const options = {
      preset: p.preset,
      years: p.years,
      facilitatorReadsChat: p.facilitatorReadsChat,
      ...(p.timers ?? {}),
    };
    const seed = p.seed ?? randomBytes(8).toString("hex");
    const trial = createGame(scenario, seed, asked, options);
    if (!trial.ok) {
      fail(res, 400, trial.code, trial.detail);
      return;
    }
    const seats: SeatSetup[] = trial.state.order.map((role) => ({ role, controller: "bot" }));
    const store = getStore();
    const code = newJoinCode((c) => store.getGame(c) !== null);
    const hostToken = newToken();
    store.createGame({
      id: code,
      scenarioId: scenario.id,
      scenarioJson: scenario,
      seed,
      seats,
      options: { ...options, bots: p.bots ?? {} },
      hostTokenHash: hashToken(hostToken),
      owner: processOwner(),
      now: Date.now(),
    });
    try {
      await matchMaker.createRoom("game", { gameId: code });
    } catch (err) {
      fail(res, 500, "ERR_SERVER", `could not open the table: ${(err as Error).message}`);
      return;
    }
    const base = publicBase(req);
    res.status(201).json({
      ok: true,
      code,
      joinUrl: `${base}/?join=${code}`,
      hostToken,
      roles: trial.state.order,
      scenario: scenario.id,
    } satisfies Created & { ok: true });
  });

  app.get("/api/games/:id", (req, res) => {
    const found = gameOr404(res, String(req.params.id));
    if (!found) return;
    const { id, row } = found;
    const scenario = requireScenario(row.scenario, `game ${id}`);
    res.json({
      ok: true,
      code: id,
      scenario: scenario.id,
      scenarioName: scenario.name,
      status: row.status,
      facilitatorReadsChat: Boolean(
        (row.options as { facilitatorReadsChat?: boolean }).facilitatorReadsChat,
      ),
      roles: row.seats.map((s) => ({ role: s.role, name: scenario.roles[s.role]?.name ?? s.role })),
    } satisfies GameSummary & { ok: true });
  });

  // what of the game's scenario any player may read (rules, roles, prices, deck, possible
  // priority cards), so a client can run the engine's helpers; nothing of the game's state
  app.get("/api/games/:id/scenario", (req, res) => {
    const found = gameOr404(res, String(req.params.id));
    if (!found) return;
    const { id, row } = found;
    const scenario = requireScenario(row.scenario, `game ${id}`);
    res.json({ ok: true, code: id, scenario: publicScenario(scenario) });
  });

  // an integrity check for operators and tests: the running room's state hash (host token required)
  app.get("/api/games/:id/hash", async (req, res) => {
    const found = gameOr404(res, String(req.params.id));
    if (!found) return;
    const { id, row } = found;
    if (hashToken(tokenOf(req)) !== row.hostTokenHash) {
      fail(res, 403, "ERR_NOT_ALLOWED", "the host token is required");
      return;
    }
    try {
      const live = await matchMaker.remoteRoomCall(id, "stateSummary");
      res.json({ ok: true, ...live });
    } catch {
      fail(res, 404, "ERR_NOT_RUNNING", "that game is not open on this server");
    }
  });

  app.get(/^\/api\/games\/([^/]+)\/export\.(json|csv)$/, (req, res) => {
    const params = req.params as unknown as Record<string, string>;
    const format = params[1];
    const found = gameOr404(res, params[0] ?? "");
    if (!found) return;
    const { id, row } = found;
    // a running game's log holds private orders and chat: only its host may export it
    if (row.status !== "finished" && hashToken(tokenOf(req)) !== row.hostTokenHash) {
      fail(res, 403, "ERR_NOT_ALLOWED", "a running game can only be exported with its host token");
      return;
    }
    const replayed = replayStored(id);
    if (!replayed) {
      fail(res, 404, "ERR_UNKNOWN_GAME", "no game with that code");
      return;
    }
    const { state } = replayed;
    // each term keeps its data and gains its sentence (docs/DECISIONS.md, "Terms are data")
    const names = scenarioNames(state.scenario);
    const years = state.reports.map((r) => ({
      year: r.year,
      tension: r.tension,
      cooperation: r.cooperation,
      tensionTerms: r.tensionTerms.map((t) => ({ ...t, text: tensionText(t.detail, names) })),
      cooperationTerms: r.cooperationTerms.map((t) => ({
        ...t,
        text: cooperationText(t.detail, names),
      })),
      scores: r.scores,
      dealResults: r.dealResults,
      crisis: r.crisis && { ...r.crisis, result: crisisOutcomeText(r.crisis.outcome, names) },
    }));
    const outcome = state.outcome && {
      ...state.outcome,
      verdictText: verdictText(state.outcome.verdicts, names),
    };
    if (format === "json") {
      res.setHeader("content-disposition", `attachment; filename="orbital-ties-${id}.json"`);
      // typed by the schema the browser's record parses with (shared/protocol/export.ts)
      const file: GameExportFile = {
        format: EXPORT_FORMAT,
        gameId: id,
        scenario: row.scenario,
        seed: row.seed,
        seats: row.seats,
        options: replayed.row.options,
        actions: getStore().loadActions(id),
        years,
        outcome,
      };
      res.json(file);
      return;
    }
    const roles = state.order;
    const lines = [["year", "tension", "cooperation", ...roles.map((r) => `score_${r}`)].join(",")];
    for (const y of years)
      lines.push(
        [y.year, y.tension, y.cooperation, ...roles.map((r) => y.scores[r] ?? "")].join(","),
      );
    res.setHeader("content-type", "text/csv; charset=utf-8");
    res.setHeader("content-disposition", `attachment; filename="orbital-ties-${id}.csv"`);
    res.send(`${lines.join("\n")}\n`);
  });

  // bad JSON, oversized bodies and other request errors answer in JSON, without stack traces
  app.use("/api", (err: unknown, _req: Request, res: Response, next: (e?: unknown) => void) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const e = err as { type?: string; status?: number };
    if (e.type === "entity.too.large")
      fail(res, 413, "ERR_TOO_LARGE", "the request body is too large");
    else if (e.type === "entity.parse.failed")
      fail(res, 400, "ERR_MALFORMED", "the request body is not valid JSON");
    else {
      console.error("API error:", err);
      fail(
        res,
        e.status && e.status < 500 ? e.status : 500,
        "ERR_SERVER",
        "the server could not handle that request",
      );
    }
  });
}
