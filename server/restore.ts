/** Reopens every unfinished game this process owns, after a restart. */
import { matchMaker } from "@colyseus/core";
import { processOwner } from "./owner.ts";
import { getStore } from "./store/instance.ts";

export async function restoreGames(): Promise<string[]> {
  const ids = getStore().listUnfinished(processOwner());
  const restored: string[] = [];
  for (const id of ids) {
    try {
      await matchMaker.createRoom("game", { gameId: id });
      restored.push(id);
    } catch (err) {
      console.error(`could not restore game ${id}:`, (err as Error).message);
    }
  }
  if (restored.length) console.log(`restored ${restored.length} game(s): ${restored.join(", ")}`);
  return restored;
}
