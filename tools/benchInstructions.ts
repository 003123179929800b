/**
 * `npm run bench:instructions`: machine instructions per bot game, counted by
 * valgrind (callgrind), for comparing two versions of the engine on a shared
 * machine. Timings here swing by up to 2× from one run to the next (other
 * tenants of the host); an instruction count does not: it is the same whatever
 * else runs, to about 1 %.
 *
 *   npm run bench:instructions -- [--from N] [--to N] [--bot mix|random]
 *
 * It plays `from` games in one run and `to` in another (both under valgrind, in
 * parallel) and prints (instructions(to) − instructions(from)) / (to − from):
 * the start-up and the first `from` games, where the JIT is still warming,
 * cancel out. Node runs with `--single-threaded` (the JIT compiles on the
 * counted thread) and `--predictable` (V8 makes no decision by the clock):
 * without the latter, three runs of one tree gave 6.58, 7.66 and 8.47 M
 * instructions per game; with it, two runs gave the same count to the
 * instruction. It takes 5–10 minutes; valgrind must be installed (nothing else
 * needs it).
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { loadScenario } from "../server/scenarios.ts";
import { BOTS, defaultStrategy } from "../shared/bots/index.ts";
import { playGame } from "../shared/bots/play.ts";
import type { Bot } from "../shared/bots/types.ts";
import { defaultSeats } from "../shared/rules/setup.ts";

const USAGE = `Usage: npm run bench:instructions -- [options]

Options:
  --from N      games in the shorter run (default: 250)
  --to N        games in the longer run (default: 450)
  --bot NAME    mix (the default strategy mix) or random (default: mix)
  --help        show this help
`;

/** Plays n games of crew-dragon-2020 (what valgrind counts). */
function play(n: number, bot: string): void {
  const scenario = loadScenario("crew-dragon-2020");
  const seats = defaultSeats(scenario);
  const bots: Record<string, Bot> = {};
  if (bot === "mix")
    for (const r of Object.keys(scenario.roles))
      bots[r] = BOTS[defaultStrategy(scenario, r)] as Bot;
  for (let i = 0; i < n; i++) playGame(scenario, `count${i}`, { seats, bots });
}

/** Runs this file under callgrind playing n games; resolves to the instructions counted. */
function counted(n: number, bot: string): Promise<number> {
  const args = [
    "--tool=callgrind",
    "--callgrind-out-file=/dev/null",
    process.execPath,
    "--single-threaded-gc",
    "--single-threaded",
    "--predictable",
    fileURLToPath(import.meta.url),
    "--play",
    String(n),
    "--bot",
    bot,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn("valgrind", args, { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (d: Buffer) => {
      err += d.toString();
    });
    child.on("error", (e) => reject(new Error(`valgrind: ${e.message} (is it installed?)`)));
    child.on("close", (code) => {
      const m = /Collected : (\d+)/.exec(err);
      if (code !== 0 || !m) reject(new Error(`valgrind exited with ${code}:\n${err.slice(-800)}`));
      else resolve(Number(m[1]));
    });
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      from: { type: "string", default: "250" },
      to: { type: "string", default: "450" },
      bot: { type: "string", default: "mix" },
      play: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const bot = String(values.bot);
  if (bot !== "mix" && bot !== "random") throw new Error("--bot must be mix or random");
  if (values.play !== undefined) {
    play(Number(values.play), bot);
    return;
  }
  const from = Number(values.from);
  const to = Number(values.to);
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to <= from)
    throw new Error("--from and --to must be integers with 0 ≤ from < to");
  console.log(`counting instructions of ${from} and ${to} ${bot} games under valgrind…`);
  const started = performance.now();
  const ticker = setInterval(() => {
    process.stdout.write(`  ${Math.round((performance.now() - started) / 1000)} s\r`);
  }, 5000);
  try {
    const [a, b] = await Promise.all([counted(from, bot), counted(to, bot)]);
    const perGame = (b - a) / (to - from);
    console.log(
      `${(perGame / 1e6).toFixed(2)} M instructions per game (games ${from}–${to}; ${(a / 1e9).toFixed(2)} G and ${(b / 1e9).toFixed(2)} G in all)`,
    );
  } finally {
    clearInterval(ticker);
  }
}

main().catch((err: unknown) => {
  console.error(`bench:instructions: ${(err as Error).message}`);
  process.exitCode = 1;
});
