/**
 * Opens a stored game as a live table: reads its record and log, restores the
 * table core from them, and seats it. What a room needs to start, without Colyseus.
 */
import { storedScenario } from "../scenarios.ts";
import { Seating } from "../seating.ts";
import { engineOptions } from "../store/db.ts";
import { getStore } from "../store/instance.ts";
import { Table, type TableDeps } from "../table.ts";

export interface OpenedTable {
  table: Table;
  seating: Seating;
  /** How many actions the log held (0 for a new table). */
  restored: number;
}

/** The live table of a stored game, or null when there is no such game. */
export function openTable(gameId: unknown, deps: Omit<TableDeps, "store">): OpenedTable | null {
  const store = getStore();
  const row = typeof gameId === "string" ? store.getGame(gameId) : null;
  if (!row) return null;
  const { bots, ...options } = row.options;
  const setup = {
    gameId: row.id,
    scenario: storedScenario(row.scenarioJson, `game ${row.id}`),
    seed: row.seed,
    seats: row.seats,
    options: engineOptions(options),
    ...(bots ? { bots } : {}),
  };
  // restore: the table replays the accepted actions (the engine is deterministic)
  const log = store.loadActions(row.id);
  const table = new Table(setup, { ...deps, store }, log);
  return { table, seating: new Seating(table, store, row.hostTokenHash), restored: log.length };
}
