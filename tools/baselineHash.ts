/**
 * `npm run baseline`: the engine's regression fingerprint. Plays seeds s0…s199
 * of crew-dragon-2020 twice (the default mix of strategies, and the random bot
 * in every seat) and hashes each game: its reports, outcome and action log,
 * the final state without its scenario, and the rejections. A change that
 * claims to leave results alone must leave every hash as it was.
 *
 *   node tools/baselineHash.ts [--games 200] [--save FILE] [--check FILE]
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
  },
});
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
const hashes: Record<string, string> = {};
for (const [label, bots] of [
  ["mix", mix],
  ["random", randomAll],
] as const) {
  for (let i = 0; i < games; i++) {
    const r = playGame(scenario, `s${i}`, { bots, defaultBot: random });
    const { scenario: _omit, ...state } = r.state;
    hashes[`${label}:s${i}`] = sha([
      { reports: r.state.reports, outcome: r.state.outcome, log: r.log },
      state,
      r.rejections,
    ]);
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
