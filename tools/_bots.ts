import { loadScenario } from "./scenarioFile.ts";
import { playGame } from "../shared/bots/play.ts";
import { BOTS, defaultStrategy } from "../shared/bots/index.ts";
const sc = loadScenario(process.argv[2] ?? "crew-dragon-2020");
for (const name of ["realist", "liberal", "profit", "opportunist", "mix"]) {
  let rej = 0, T = 0, C = 0, conflicts = 0; const codes: Record<string, number> = {};
  const N = 100;
  const t0 = performance.now();
  for (let i = 0; i < N; i++) {
    const bots: Record<string, any> = {};
    for (const r of Object.keys(sc.roles)) bots[r] = name === "mix" ? BOTS[defaultStrategy(sc, r)] : BOTS[name];
    const res = playGame(sc, `s${i}`, { bots });
    rej += res.rejections.length;
    for (const x of res.rejections) codes[`${x.seat}:${x.type}:${x.code}`] = (codes[`${x.seat}:${x.type}:${x.code}`] ?? 0) + 1;
    T += res.state.outcome!.finalTension; C += res.state.cooperation; if (res.state.outcome!.conflict) conflicts++;
  }
  console.log(name, "rejections", rej, "meanT", (T / N).toFixed(1), "meanC", (C / N).toFixed(1), "conflicts", conflicts, "ms/game", ((performance.now() - t0) / N).toFixed(1), JSON.stringify(codes).slice(0, 300));
}
