/** The process's one store: a SQLite file under DATA_DIR (default ./data). */
import { resolve } from "node:path";
import { openStore, type Store } from "./db.ts";

let store: Store | null = null;

export function dataDir(): string {
  return resolve(process.env.DATA_DIR ?? "data");
}

export function getStore(): Store {
  if (!store) store = openStore(dataDir(), { backgroundCheckpoints: true });
  return store;
}

export function closeStore(): void {
  store?.close();
  store = null;
}
