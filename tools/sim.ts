/**
 * `npm run sim`: plays a whole game with bots in every seat and prints a
 * year-by-year report (or, with --json, the full result). Same arguments,
 * same output, byte for byte.
 */
import type { ParseArgsOptionsConfig } from "node:util";
import { BOTS, defaultStrategy } from "../shared/bots/index.ts";
import { type PlayResult, playGame } from "../shared/bots/play.ts";
import type { Bot } from "../shared/bots/types.ts";
import { defaultSeats } from "../shared/rules/setup.ts";
import { failure, readFlags, readScenarioArg, UsageError, wholeNumber } from "./cli.ts";
import { formatSimReport } from "./simReport.ts";

const USAGE = `Usage: npm run sim -- [options]

Plays a whole game of Orbital Ties with bots in every seat and prints a
year-by-year report: events, flights, deals, money, cooperation, the tension
waterfall, crises, scores, and the outcome with its three verdicts.

Options:
  --scenario NAME|PATH  scenario name in assets/scenarios/ or a path to a .json
                        file (default: crew-dragon-2020)
  --seed S              seed of the game (default: 7)
  --preset P            preset of the scenario (default: the scenario's default)
  --years N             years to play, 1-20 (default: the preset's)
  --bot NAME            bot in every seat: mix, realist, liberal, profit, opportunist
                        or random (default: mix, the classroom mix of strategies)
  --json                print the full result as JSON instead of the report
  --help                show this help

Exit codes: 0 done, 1 the engine failed, 2 bad arguments or scenario.
`;

/** The bots --bot accepts: one strategy in every seat, or the default mix. */
const BOT_CHOICES: Record<string, { label: string; bot: Bot | null }> = {
  mix: { label: "the default mix of strategies", bot: null },
  ...Object.fromEntries(
    Object.entries(BOTS).map(([name, bot]) => [
      name,
      {
        label: `${name === "random" ? "Random-legal" : name[0]?.toUpperCase() + name.slice(1)} bot`,
        bot,
      },
    ]),
  ),
};

/** The default strategy of every role, as the server seats them. */
function mixFor(scenario: {
  roles: Record<string, { archetype: string }>;
  rivalPair: string[];
}): Record<string, Bot> {
  return Object.fromEntries(
    Object.keys(scenario.roles).map((r) => [r, BOTS[defaultStrategy(scenario, r)] as Bot]),
  );
}

interface Args {
  scenario: string;
  seed: string;
  preset: string | undefined;
  years: number | undefined;
  bot: string;
  json: boolean;
  help: boolean;
}

const OPTIONS = {
  scenario: { type: "string", default: "crew-dragon-2020" },
  seed: { type: "string", default: "7" },
  preset: { type: "string" },
  years: { type: "string" },
  bot: { type: "string", default: "mix" },
  json: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const satisfies ParseArgsOptionsConfig;

function readArgs(argv: string[]): Args {
  const values = readFlags(argv, OPTIONS);
  const years =
    values.years === undefined ? undefined : wholeNumber("years", String(values.years), 1, 20);
  const seed = String(values.seed);
  if (seed === "") throw new UsageError("--seed must not be empty");
  return {
    scenario: String(values.scenario),
    seed,
    preset: values.preset === undefined ? undefined : String(values.preset),
    years,
    bot: String(values.bot),
    json: values.json === true,
    help: values.help === true,
  };
}

/** The JSON output: everything needed to replay and study the game, never the generator's state. */
function jsonResult(result: PlayResult, bot: string): unknown {
  const s = result.state;
  return {
    scenario: s.scenario.id,
    seed: result.setup.seed,
    preset: s.config.preset,
    years: s.config.years,
    seats: result.setup.seats.map((x) => ({
      ...x,
      bot: bot === "mix" ? defaultStrategy(s.scenario, x.role) : bot,
    })),
    log: result.log,
    reports: s.reports,
    outcome: s.outcome,
  };
}

/** Runs the command; returns the exit code. Output goes through the given writers. */
export function main(
  argv: string[],
  stdout: (s: string) => void,
  stderr: (s: string) => void,
): number {
  try {
    const args = readArgs(argv);
    if (args.help) {
      stdout(USAGE);
      return 0;
    }
    const bot = BOT_CHOICES[args.bot];
    if (!bot)
      throw new UsageError(
        `unknown bot "${args.bot}" (known: ${Object.keys(BOT_CHOICES).join(", ")})`,
      );
    const { scenario } = readScenarioArg(args.scenario);
    const preset = args.preset ?? scenario.defaultPreset;
    if (!scenario.presets[preset])
      throw new UsageError(
        `unknown preset "${preset}" in ${scenario.id} (known: ${Object.keys(scenario.presets).join(", ")})`,
      );
    const result = playGame(scenario, args.seed, {
      seats: defaultSeats(scenario),
      ...(bot.bot ? { defaultBot: bot.bot } : { bots: mixFor(scenario) }),
      preset,
      ...(args.years !== undefined ? { years: args.years } : {}),
    });
    if (args.json) stdout(`${JSON.stringify(jsonResult(result, args.bot), null, 2)}\n`);
    else stdout(formatSimReport(result, { botName: bot.label }));
    return 0;
  } catch (err) {
    return failure("sim", err, stderr);
  }
}

if (import.meta.main) {
  // exitCode, not exit(): a large report piped elsewhere must be flushed first
  process.exitCode = main(
    process.argv.slice(2),
    (s) => process.stdout.write(s),
    (s) => process.stderr.write(s),
  );
}
