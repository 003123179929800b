/**
 * The long random-play check: plays N seeds of a scenario with random-legal
 * bots in every seat, prints progress every 100 games and a summary, and exits
 * 1 if any game throws (or ends in an inconsistent state).
 *
 *   node tools/playMany.ts [games=1000] [scenario=crew-dragon-2020] [seedPrefix=many]
 */

import { loadScenario } from "../server/scenarios.ts";
import { playGame } from "../shared/bots/play.ts";
import { randomLegalBot } from "../shared/bots/randomLegal.ts";
import type { GameState } from "../shared/rules/types.ts";
import { isSink, isSource } from "../shared/rules/util.ts";

const games = Number(process.argv[2] ?? 1000);
const scenarioName = process.argv[3] ?? "crew-dragon-2020";
const prefix = process.argv[4] ?? "many";
if (!Number.isInteger(games) || games < 1) {
  console.error("usage: node tools/playMany.ts [games] [scenario] [seedPrefix]");
  process.exit(2);
}

/** Money on the board against starting cash, sources and sinks. */
function moneyGap(s: GameState): number {
  let board = 0;
  let start = 0;
  for (const r of s.order) {
    board += (s.seats[r]?.cash ?? 0) + (s.seats[r]?.pool ?? 0);
    start += s.scenario.roles[r]?.startingCash ?? 0;
  }
  let flow = 0;
  for (const t of s.ledger) {
    if (isSource(t.from)) flow += t.amount;
    if (isSink(t.to)) flow -= t.amount;
  }
  return Math.abs(board - (start + flow));
}

const scenario = loadScenario(scenarioName);
const t0 = performance.now();
let errors = 0;
let inconsistent = 0;
let rejections = 0;
let actions = 0;
let conflicts = 0;
let crises = 0;
let gamesWithCrisis = 0;
let failedDeals = 0;
let deals = 0;
const rejectionCodes = new Map<string, number>();
let finalTension = 0;

for (let i = 0; i < games; i++) {
  const seed = `${prefix}:${i}`;
  try {
    const {
      state,
      log,
      rejections: rej,
    } = playGame(scenario, seed, { defaultBot: randomLegalBot });
    actions += log.length;
    rejections += rej.length;
    for (const r of rej) {
      const key = `${r.type}:${r.code}`;
      rejectionCodes.set(key, (rejectionCodes.get(key) ?? 0) + 1);
    }
    if (state.outcome?.conflict) conflicts++;
    const c = state.reports.filter((r) => r.crisis !== null).length;
    crises += c;
    if (c > 0) gamesWithCrisis++;
    for (const d of Object.values(state.deals)) {
      if (!d.fromProposal) continue;
      deals++;
      if (d.status === "failed") failedDeals++;
    }
    finalTension += state.tension;
    const gap = moneyGap(state);
    if (state.phase !== "ended" || gap > 1e-6 || !(state.tension >= 0 && state.tension <= 100)) {
      inconsistent++;
      console.error(
        `seed ${seed}: phase ${state.phase}, money gap ${gap}, tension ${state.tension}`,
      );
    }
  } catch (err) {
    errors++;
    console.error(`seed ${seed} threw: ${(err as Error).stack ?? err}`);
  }
  if ((i + 1) % 100 === 0 || i + 1 === games) {
    const s = ((performance.now() - t0) / 1000).toFixed(1);
    console.log(
      `${i + 1}/${games} games, ${s} s: ${errors} errors, ${inconsistent} inconsistent, ${rejections} rejections, ${conflicts} conflicts, ${crises} crises`,
    );
  }
}

const seconds = (performance.now() - t0) / 1000;
console.log(
  `\n${scenario.id}: ${games} games in ${seconds.toFixed(1)} s (${((seconds * 1000) / games).toFixed(1)} ms a game)`,
);
console.log(`  errors (threw)       ${errors}`);
console.log(`  inconsistent states  ${inconsistent}`);
console.log(`  actions accepted     ${actions} (${(actions / games).toFixed(1)} a game)`);
console.log(`  rejections           ${rejections}`);
for (const [k, n] of [...rejectionCodes].sort((a, b) => b[1] - a[1]))
  console.log(`    ${k.padEnd(40)} ${n}`);
console.log(`  deals concluded      ${deals}, failed at resolution ${failedDeals}`);
console.log(`  crises               ${crises} in ${gamesWithCrisis} games`);
console.log(`  conflicts            ${conflicts} (${((100 * conflicts) / games).toFixed(1)} %)`);
console.log(`  mean final T         ${(finalTension / games).toFixed(1)}`);
process.exit(errors > 0 || inconsistent > 0 ? 1 : 0);
