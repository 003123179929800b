import { loadScenario } from "./scenarioFile.ts";
import { playGame } from "../shared/bots/play.ts";
import { BOTS } from "../shared/bots/index.ts";
const sc = loadScenario("crew-dragon-2020");
const bots: Record<string, any> = {};
for (const r of Object.keys(sc.roles)) bots[r] = BOTS[process.argv[2] ?? "liberal"];
const res = playGame(sc, process.argv[3] ?? "s1", { bots });
for (const rep of res.state.reports) {
  console.log(rep.year, "T", rep.tensionBefore, "->", rep.tension, "C", rep.cooperation.toFixed(1), rep.tensionTerms.map(t => `${t.cause}:${t.amount}`).join(" "));
  console.log("   flown", rep.flown.map(f => `${f.crew}@${f.vehicle}`).join(","), "| deals", rep.dealResults.map(d => d.result.slice(0, 30)).join("; "));
  console.log("   coop", rep.cooperationTerms.map(t => `${t.cause}:${t.amount.toFixed(1)}`).join(" "), "events", rep.events.map(e => e.id).join(","));
}
console.log(res.state.outcome?.percentOfPar, res.state.outcome?.verdicts);
