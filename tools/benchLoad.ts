/**
 * `npm run bench:load`: the server under load from outside, the way classrooms load it. Real
 * @colyseus/sdk clients in driver processes (tools/benchLoadWorker.ts) play tables of
 * `--players` seats over loopback against `node server/index.ts` in its own process, each
 * sending one intent (orders, chat, statement, proposal, answer) every ~1/rate seconds. Prints
 * intent→patch latency beside a no-logic WebSocket round trip (the noise control), server CPU,
 * memory, rejections and `POST /api/games` latency; `--find` looks for the largest table count
 * whose p99 stays under 50 ms. Loopback only; every process it starts is stopped by PID.
 */
import { mkdtempSync, readdirSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import type { ParseArgsOptionsConfig } from "node:util";
import cliProgress from "cli-progress";
import { killEverythingNow, stopEverything } from "./benchLoadProcs.ts";
import { summariseProfile } from "./benchLoadProfile.ts";
import { type Percentiles, type RunResult, runOnce, SCENARIO } from "./benchLoadRun.ts";
import { failure, readFlags, UsageError, wholeNumber } from "./cli.ts";

const USAGE = `Usage: npm run bench:load -- [options]

Drives SDK clients against a fresh server process over loopback and prints
intent→patch latency (p50/p95/p99) beside a plain WebSocket echo round trip,
actions/s, server CPU and memory, rejections and POST /api/games latency.

Options:
  --tables N      tables of --players clients (default: 25)
  --players N     seats a table, 3-7 (default: 5)
  --rate R        intents per client per second (default: 0.2, one every 5 s)
  --warmup S      seconds of play before the window (default: 10)
  --duration S    seconds of the measured window (default: 30)
  --workers N     driver processes (default: 2)
  --processes N   server processes (default: 1); above 1 they share a
                  redis-server started on a free loopback port (the
                  scale-out), tables are created round-robin on them and
                  clients ask any of them for their seat
  --find          step the table count up from --tables (doubling, then
                  bisecting) and report the largest with p99 under --target
  --max-tables N  the largest count --find tries (default: 800)
  --target MS     the p99 --find keeps under (default: 50)
  --data-dir DIR  put the server's DATA_DIR under DIR, e.g. /dev/shm to take
                  the disk's fsync out (default: the OS temp dir)
  --cpu-prof      write a V8 CPU profile of the server and print its top functions
  --json          print the figures as JSON as well
  --help          show this help
`;

const OPTIONS = {
  tables: { type: "string", default: "25" },
  players: { type: "string", default: "5" },
  rate: { type: "string", default: "0.2" },
  warmup: { type: "string", default: "10" },
  duration: { type: "string", default: "30" },
  workers: { type: "string", default: "2" },
  processes: { type: "string", default: "1" },
  find: { type: "boolean", default: false },
  "max-tables": { type: "string", default: "800" },
  target: { type: "string", default: "50" },
  "cpu-prof": { type: "boolean", default: false },
  "data-dir": { type: "string" },
  json: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const satisfies ParseArgsOptionsConfig;

function positive(name: string, text: string, max: number): number {
  const n = Number(text);
  if (!/^\d*\.?\d+$/.test(text) || !(n > 0) || n > max)
    throw new UsageError(`--${name} must be a number above 0 and at most ${max}, not "${text}"`);
  return n;
}

function readArgs(argv: string[]) {
  const values = readFlags(argv, OPTIONS);
  return {
    tables: wholeNumber("tables", String(values.tables), 1, 5000),
    players: wholeNumber("players", String(values.players), 3, 7),
    rate: positive("rate", String(values.rate), 10),
    warmup: wholeNumber("warmup", String(values.warmup), 0, 600),
    duration: wholeNumber("duration", String(values.duration), 1, 600),
    workers: wholeNumber("workers", String(values.workers), 1, 16),
    processes: wholeNumber("processes", String(values.processes), 1, 8),
    find: values.find === true,
    maxTables: wholeNumber("max-tables", String(values["max-tables"]), 1, 5000),
    target: positive("target", String(values.target), 60_000),
    cpuProf: values["cpu-prof"] === true,
    dataParent: values["data-dir"] === undefined ? null : String(values["data-dir"]),
    json: values.json === true,
    help: values.help === true,
  };
}

const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : "-");
const pct = (p: Percentiles) =>
  `p50 ${ms(p.p50)}  p95 ${ms(p.p95)}  p99 ${ms(p.p99)}  max ${ms(p.max)}  (n=${p.n})`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const counts = (r: Record<string, number>) =>
  Object.entries(r)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(", ") || "none";

export function formatResult(r: RunResult, rate: number): string {
  const heap = r.loaded.heapUsed - r.idle.heapUsed;
  const rss = r.loaded.rss - r.idle.rss;
  const clients = Math.max(1, r.clients);
  const lines = [
    `tables ${r.tables}, connected clients ${r.clients} (server counts ${r.loaded.clients}), rate ${rate}/client/s, window ${r.windowSeconds.toFixed(1)} s`,
    `intents offered ${r.offeredPerSecond.toFixed(1)}/s, accepted actions ${r.acceptedPerSecond.toFixed(1)}/s`,
    `intent→patch   ${pct(r.latency)}`,
    `echo (noise)   ${pct(r.echo)}`,
    `server CPU     process ${r.serverCpu.toFixed(0)} %, main thread ${r.serverMainThreadCpu.toFixed(0)} % of a core; main thread waiting for a core ${r.serverMainThreadWaiting.toFixed(0)} % of the window`,
    `server stalls  event loop late p50 ${r.stalls.loopP50.toFixed(1)} ms, p99 ${r.stalls.loopP99.toFixed(1)} ms, max ${r.stalls.loopMax.toFixed(1)} ms; GC ${r.stalls.gcCount} pauses, ${r.stalls.gcMs.toFixed(0)} ms in all, longest ${r.stalls.gcMaxMs.toFixed(1)} ms`,
    `driver CPU     ${r.driverCpu.map((c) => `${c.toFixed(0)} %`).join(", ")} (per worker process)`,
    `server memory  RSS ${mb(r.loaded.rss)} (idle ${mb(r.idle.rss)}), live heap ${mb(r.loaded.heapUsed)} (idle ${mb(r.idle.heapUsed)})`,
    `  above idle   RSS ${kb(rss / clients)}/client = ${kb(rss / Math.max(1, r.tables))}/table; heap ${kb(heap / clients)}/client = ${kb(heap / Math.max(1, r.tables))}/table`,
    ...perProcess(r),
    `POST /api/games  under load ${pct(r.createLoaded)}`,
    `                 at setup   ${pct(r.createIdle)}`,
    `sent           ${counts(r.sent)}`,
    `rejections     ${counts(r.rejections)}`,
    `errors         ${counts(r.errors)}; accepted but no patch showed it ${r.unseen}; unanswered at the end ${r.unfinished}${r.joinFailures.length ? `; join failures ${r.joinFailures.length}: ${r.joinFailures.slice(0, 3).join("; ")}` : ""}`,
    `load average   ${r.loadAverage.before.map((x) => x.toFixed(2)).join(" ")} before, ${r.loadAverage.after.map((x) => x.toFixed(2)).join(" ")} after`,
  ];
  return `${lines.join("\n")}\n`;
}

/** With several processes: each one's CPU and memory, Redis's CPU and where the clients went. */
function perProcess(r: RunResult): string[] {
  if (r.processes.length < 2) return [];
  const lines = r.processes.map(
    (p, i) =>
      `  process ${i + 1}    ${new URL(p.base).host}: CPU ${p.cpu.process.toFixed(0)} %, main thread ${p.cpu.main.toFixed(0)} % (waiting ${p.cpu.waiting.toFixed(0)} %); RSS ${mb(p.loaded.rss)}, heap ${mb(p.loaded.heapUsed)} (idle ${mb(p.idle.heapUsed)}); ${p.loaded.rooms} rooms, ${p.loaded.clients} clients`,
  );
  return [
    `${r.processes.length} processes  CPU ${r.serverCpu.toFixed(0)} % together, main threads ${r.serverMainThreadCpu.toFixed(0)} % together; redis-server ${(r.redisCpu ?? 0).toFixed(1)} % of a core`,
    ...lines,
    `  joins        ${r.joins.viaOther} of ${r.clients} clients asked another process than the table's for their seat; sockets not on the table's process ${r.joins.offOwner}`,
  ];
}

/** Whether a run keeps the target: p99 under it, every client joined, nothing left hanging. */
function holds(r: RunResult, target: number, players: number): boolean {
  return r.latency.p99 < target && r.clients === r.tables * players && r.unfinished === 0;
}

export async function main(argv: string[], out: (s: string) => void, err: (s: string) => void) {
  try {
    const args = readArgs(argv);
    if (args.help) {
      out(USAGE);
      return 0;
    }
    out(
      `bench:load  ${SCENARIO}, ${args.players} players a table, ${args.processes} server process${args.processes > 1 ? "es behind Redis" : ""}, ${args.workers} driver workers, warm-up ${args.warmup} s, window ${args.duration} s\n` +
        `machine     ${cpus().length} × ${cpus()[0]?.model ?? "?"}, Node ${process.versions.node}, load average ${loadavg()
          .map((x) => x.toFixed(2))
          .join(" ")}\n\n`,
    );
    const bar = process.stderr.isTTY
      ? new cliProgress.SingleBar(
          {
            stream: process.stderr,
            format: "bench:load {tables} tables | {stage} [{bar}] {value}/{total}",
            hideCursor: true,
            clearOnComplete: true,
          },
          cliProgress.Presets.shades_classic,
        )
      : null;
    const run = async (tables: number) => {
      let lastStage = "";
      const profileDir = args.cpuProf ? mkdtempSync(path.join(tmpdir(), "bench-load-prof-")) : null;
      bar?.start(1, 0, { stage: "starting", tables });
      // bounded in time whatever happens: setup, joins (slow on a saturated server), window, drain, stop
      const limitS = 180 + args.warmup + args.duration + tables * args.players * 0.3;
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`a run of ${tables} tables took over ${limitS.toFixed(0)} s`)),
          limitS * 1000,
        );
      });
      try {
        return await Promise.race([
          late,
          runOnce({
            ...args,
            tables,
            cpuProf: profileDir,
            progress: (stage, done, total) => {
              // without a terminal, one line a stage (where a run stands if it hangs)
              if (!bar && stage !== lastStage) err(`bench:load ${tables} tables: ${stage}\n`);
              lastStage = stage;
              bar?.setTotal(total);
              bar?.update(done, { stage, tables });
            },
          }),
        ]);
      } finally {
        clearTimeout(timer);
        bar?.stop();
      }
    };
    const report = (r: RunResult) => {
      out(formatResult(r, args.rate));
      if (r.profileDir) {
        const files = readdirSync(r.profileDir).filter((f) => f.endsWith(".cpuprofile"));
        for (const f of files)
          out(
            `\nCPU profile ${path.join(r.profileDir, f)}\n${summariseProfile(path.join(r.profileDir, f), 15, r.windowUs)}`,
          );
      }
      if (args.json) out(`${JSON.stringify(r)}\n`);
      out("\n");
    };

    if (!args.find) {
      report(await run(args.tables));
      return 0;
    }
    // doubling until the target breaks, then bisecting to within 10 % (or 5 tables)
    let good = 0;
    let bad = args.maxTables + 1;
    let n = Math.min(args.tables, args.maxTables);
    const steps: string[] = [];
    while (n > good && n < bad) {
      const r = await run(n);
      report(r);
      const ok = holds(r, args.target, args.players);
      steps.push(
        `${String(n).padStart(5)} tables  ${String(r.clients).padStart(5)} clients  p99 ${ms(r.latency.p99)}  echo p99 ${ms(r.echo.p99)}  ${r.acceptedPerSecond.toFixed(1)} actions/s  ${ok ? "holds" : "breaks"}`,
      );
      if (ok) good = n;
      else bad = n;
      const next =
        bad > args.maxTables ? Math.min(args.maxTables, n * 2) : Math.round((good + bad) / 2);
      if (bad - good <= Math.max(5, good * 0.1) || next === n) break;
      n = next;
    }
    out(`--find (p99 < ${args.target} ms):\n${steps.join("\n")}\n`);
    out(
      good > 0
        ? `largest table count under ${args.target} ms p99: ${good} (${good * args.players} clients)${bad <= args.maxTables ? `; ${bad} breaks it` : ` (the most tried)`}\n`
        : `even ${Math.min(args.tables, args.maxTables)} tables break ${args.target} ms p99\n`,
    );
    return 0;
  } catch (e) {
    return failure("bench:load", e, err);
  } finally {
    await stopEverything();
  }
}

if (import.meta.main) {
  // Ctrl-C or a kill: stop the children by PID before going; the exit hook is the last resort
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.once(signal, () => {
      process.stderr.write(`\nbench:load: ${signal}, stopping its processes\n`);
      void stopEverything().finally(() => process.exit(130));
    });
  process.on("exit", killEverythingNow);
  process.exitCode = await main(
    process.argv.slice(2),
    (s) => process.stdout.write(s),
    (s) => process.stderr.write(s),
  );
}
