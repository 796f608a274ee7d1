// Load benchmark of the chat HTTP API in offline mode: starts the server with its workers (or uses --url), runs a bare
// createAgent turn in this process as the yardstick, then concurrent mixed-route conversations over JSON and SSE,
// and reports throughput, latency, time to first token, server CPU per turn and its ratio to the bare turn.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createProgress, fail, parseCli, printJsonLine } from "./cli-kit.js";
import { processTree, startService, stopService, type ServiceProcess } from "./load/service-process.js";
import { measureBareTurns, mergeBareCosts, type BareTurnCost } from "./bench/bare-agent-turn.js";
import {
  describeErrors,
  renderHeadline,
  renderScenarioTable,
  summarise,
  type BenchFigures,
} from "./bench/bench-report.js";
import { createChatTransport, type ChatTransport } from "./bench/chat-transport.js";
import { profilingNodeOptions } from "./bench/cpu-profile-hook.js";
import { readServerProfiles, renderProfileReport, type ProfileWindow } from "./bench/cpu-profile-summary.js";
import { fetchCustomerTokens } from "./bench/demo-tokens.js";
import { runLoadPhase, type TurnSample } from "./bench/load-phase.js";
import { runMeasuredPhase, type MeasuredPhase } from "./bench/measured-phase.js";
import { sampleServerMemory } from "./bench/server-memory.js";
import { runScaleOut, summariseScaleOut } from "./bench/scale-out-bench.js";
import { loadConfig } from "../config/load-config.js";

const args = parseCli({
  name: "bench:chat",
  summary: "Drive POST /v1/chat with concurrent mixed-route sessions; report turns/s, latency, TTFT and CPU per turn",
  usage:
    "npm run bench:chat -- [--concurrency 8,32] [--duration 20] [--warmup 5] [--profile var/prof] " +
    "[--url <base> --pid <pid>]\n       npm run bench:chat -- --instances 2 --store postgres [--concurrency 16] " +
    "[--database-url postgres://… --redis-url redis://…]",
  options: {
    url: { type: "string", description: "benchmark a running server instead of starting one" },
    pid: { type: "string", description: "with --url: the server's process id, to read its CPU time and RSS" },
    concurrency: {
      type: "string",
      default: "8,32",
      description: "concurrent simulated customers, one JSON phase per value",
    },
    duration: { type: "string", default: "20", description: "measured seconds per phase" },
    warmup: { type: "string", default: "5", description: "seconds of load before measuring, per phase" },
    "stream-concurrency": { type: "string", default: "8", description: "customers of the SSE phase (0 skips it)" },
    "stream-duration": { type: "string", default: "10", description: "measured seconds of the SSE phase" },
    "bare-turns": { type: "string", default: "400", description: "measured turns of the bare createAgent baseline" },
    seed: { type: "string", default: "7", description: "seed of the conversation mix" },
    entry: {
      type: "string",
      default: "dist/main.js",
      description:
        "server entry: compiled JavaScript runs with plain node (as npm start does), TypeScript with --import tsx",
    },
    "data-dir": {
      type: "string",
      description: "DATA_DIR for the started server (default: a fresh temporary directory)",
    },
    profile: {
      type: "string",
      description: "write the server's .cpuprofile files here and print where its CPU goes per turn",
    },
    workers: { type: "string", description: "WEB_CONCURRENCY of the started server (default: its own, one per core)" },
    "startup-timeout": { type: "string", default: "300", description: "seconds to wait for the server to listen" },
    instances: {
      type: "string",
      description:
        "scale-out run: this many single-process instances sharing PostgreSQL and Redis; with 2+ it also measures " +
        "1 instance on PostgreSQL and 1 on SQLite in the same run and prints scaling and postgres_vs_sqlite",
    },
    store: { type: "string", description: "scale-out run: sqlite or postgres (default postgres with --instances 2+)" },
    "database-url": {
      type: "string",
      description: "scale-out run: PostgreSQL server to create a throw-away database on (default DATABASE_URL)",
    },
    "redis-url": { type: "string", description: "scale-out run: Redis for the instances (default REDIS_URL)" },
  },
});

function integerOption(name: string, min: number): number {
  const n = Number(args.values[name]);
  if (!Number.isInteger(n) || n < min) fail(`--${name} must be an integer ≥ ${min}`, 2);
  return n;
}

const concurrencies = String(args.values["concurrency"])
  .split(",")
  .map((v) => Number(v.trim()));
if (concurrencies.some((n) => !Number.isInteger(n) || n <= 0)) fail("--concurrency must list positive integers", 2);
const durationS = integerOption("duration", 1);
const warmupS = integerOption("warmup", 0);
const streamConcurrency = integerOption("stream-concurrency", 0);
const streamDurationS = integerOption("stream-duration", 1);
const bareTurns = integerOption("bare-turns", 10);
const seed = integerOption("seed", 0);
const startupTimeoutS = integerOption("startup-timeout", 1);
const profileDir = typeof args.values["profile"] === "string" ? resolve(args.values["profile"]) : undefined;

function startServer(dataDir: string): Promise<ServiceProcess> {
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  return startService({
    entry: String(args.values["entry"]),
    startupTimeoutS,
    env: {
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      LLM_PROVIDER: "local",
      EMBEDDINGS_PROVIDER: "local",
      KNOWLEDGE_WATCH: "false",
      RATE_LIMIT_PER_MINUTE: "1000000",
      // The benchmark signs in through GET /v1/demo/tokens, which only demo mode serves.
      DEMO_MODE: "true",
      ...(typeof args.values["workers"] === "string" ? { WEB_CONCURRENCY: args.values["workers"] } : {}),
      // Workers inherit the environment, so every server process writes its own profile when it exits.
      ...(profileDir ? { NODE_OPTIONS: profilingNodeOptions(profileDir) } : {}),
    },
  });
}

async function bareBaseline(turns: number): Promise<BareTurnCost> {
  process.stderr.write(`bare createAgent baseline: ${turns} turns …\n`);
  return measureBareTurns({ turns, warmup: Math.min(100, turns) });
}

function printPhase(title: string, measured: TurnSample[]): void {
  console.log(`\n${title}\n${renderScenarioTable(measured)}`);
  const errors = describeErrors(measured);
  if (errors) console.log(`errors: ${errors}`);
}

/** What a run leaves for after the server has stopped: the JSON summary and the windows to read profiles over. */
interface RunOutcome {
  summary: Record<string, unknown>;
  windows: ProfileWindow[];
}

async function run(base: URL, serverPid: number | undefined): Promise<RunOutcome> {
  const transport: ChatTransport = createChatTransport(base, Math.max(...concurrencies, streamConcurrency) + 4);
  const customers = await fetchCustomerTokens(transport).catch((e: Error) => fail(e.message));
  // Half the baseline before the load and half after, so a change in the machine's other load evens out.
  const bareBefore = await bareBaseline(Math.ceil(bareTurns / 2));
  const memory = sampleServerMemory(serverPid);
  const cpuBefore = process.cpuUsage();
  const totalS = concurrencies.length * (warmupS + durationS) + (streamConcurrency > 0 ? warmupS + streamDurationS : 0);
  const progress = createProgress("bench:chat", totalS);
  const ticker = setInterval(() => progress.tick(), 1000);
  const phases: MeasuredPhase[] = [];
  for (const [i, concurrency] of concurrencies.entries()) {
    const load = { transport, customerTokens: customers, concurrency, warmupS, durationS, seed: seed + i };
    const phase = await runMeasuredPhase(load, serverPid);
    phases.push(phase);
    if (phase.cpuByProcess) {
      const perProcess = [...phase.cpuByProcess].map(
        ([pid, ms]) => `${pid === serverPid ? "primary" : pid} ${Math.round(ms)}`,
      );
      process.stderr.write(`${concurrency} clients: server CPU ms by process: ${perProcess.join(", ")}\n`);
    }
  }
  const streamed =
    streamConcurrency > 0
      ? await runLoadPhase({
          transport,
          customerTokens: customers,
          concurrency: streamConcurrency,
          warmupS,
          durationS: streamDurationS,
          seed: seed + 100,
          stream: true,
        })
      : undefined;
  clearInterval(ticker);
  progress.stop();
  const peak = memory.stop();
  const cpu = process.cpuUsage(cpuBefore);
  transport.close();
  const bare = mergeBareCosts(bareBefore, await bareBaseline(Math.floor(bareTurns / 2)));

  for (const p of phases) printPhase(`${p.figures.concurrency} clients, JSON`, p.figures.measured);
  if (streamed) printPhase(`${streamConcurrency} clients, SSE`, streamed.measured);
  const requests = phases.reduce((n, p) => n + p.samples.length, 0) + (streamed?.samples.length ?? 0);
  const figures: BenchFigures = {
    phases: phases.map((p) => p.figures),
    stream: streamed ? { concurrency: streamConcurrency, measured: streamed.measured } : undefined,
    bare,
    ...(peak ? { memory: peak } : {}),
    // The client shares the cores with the server, so its own cost per request puts the figures in context.
    clientCpuMsPerTurn: requests > 0 ? (cpu.user + cpu.system) / 1000 / requests : 0,
    profiled: profileDir !== undefined,
  };
  const summary = summarise(figures);
  console.log(`\n${renderHeadline(figures, summary)}`);
  return { summary, windows: phases.map((p) => p.window) };
}

/** The scale-out run: instances sharing PostgreSQL and Redis, compared with one instance on SQLite. */
async function scaleOut(): Promise<void> {
  const instances = args.values["instances"] === undefined ? 1 : integerOption("instances", 1);
  const storeArg = args.values["store"] ?? (instances > 1 ? "postgres" : "sqlite");
  if (storeArg !== "sqlite" && storeArg !== "postgres") fail("--store must be sqlite or postgres", 2);
  if (storeArg === "sqlite" && instances > 1)
    fail("--store sqlite runs one instance: SQLite files cannot be shared by instances on other machines", 2);
  const shared = loadConfig(process.env).scaleOut;
  const concurrency = concurrencies[concurrencies.length - 1] as number;
  // One step per instance started and per configuration measured (starting an instance can take minutes).
  const steps = instances > 1 ? instances + 1 + 3 : 2;
  const progress = createProgress("bench:chat scale-out", steps);
  const results = await runScaleOut({
    entry: String(args.values["entry"]),
    instances,
    store: storeArg,
    concurrency,
    warmupS,
    durationS,
    seed,
    startupTimeoutS,
    ...(typeof args.values["database-url"] === "string" || shared.databaseUrl
      ? { databaseUrl: String(args.values["database-url"] ?? shared.databaseUrl) }
      : {}),
    ...(typeof args.values["redis-url"] === "string" || shared.redisUrl
      ? { redisUrl: String(args.values["redis-url"] ?? shared.redisUrl) }
      : {}),
    onProgress: (m) => {
      progress.tick();
      process.stderr.write(`${m}\n`);
    },
  })
    .catch((e: Error) => fail(e.message))
    .finally(() => progress.stop());
  for (const r of results)
    console.log(
      `${r.instances} × ${r.store}: ${r.turnsPerSec} turns/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, ` +
        `errors ${r.errors}, RSS MB ${r.rssMbPerInstance.join(" / ")}`,
    );
  printJsonLine(summariseScaleOut({ instances, store: storeArg }, results));
}

async function main(): Promise<void> {
  if (args.values["instances"] !== undefined || args.values["store"] !== undefined) return scaleOut();
  let started: ServiceProcess | undefined;
  let tempDir: string | undefined;
  let base: URL;
  let serverPid: number | undefined;
  if (typeof args.values["url"] === "string") {
    base = new URL(args.values["url"]);
    serverPid = typeof args.values["pid"] === "string" ? Number(args.values["pid"]) : undefined;
  } else {
    const given = args.values["data-dir"];
    const dataDir = typeof given === "string" ? given : (tempDir = mkdtempSync(join(tmpdir(), "bench-chat-")));
    process.stderr.write(`starting server (DATA_DIR=${dataDir}) …\n`);
    const t0 = performance.now();
    started = await startServer(dataDir).catch((e: Error) => {
      if (tempDir) rmSync(tempDir, { recursive: true, force: true });
      return fail(e.message);
    });
    base = started.url;
    serverPid = started.child.pid;
    process.stderr.write(
      `server listening on ${base.origin} after ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
    );
  }
  const serverPids = serverPid !== undefined ? processTree(serverPid) : [];
  const cleanup = async (): Promise<void> => {
    if (started) await stopService(started.child);
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  };
  process.once("SIGINT", () => void cleanup().then(() => process.exit(130)));
  let outcome: RunOutcome;
  try {
    outcome = await run(base, serverPid);
  } finally {
    await cleanup();
  }
  if (profileDir) {
    // The windows are kept beside the profiles, so they can be read again without another run.
    writeFileSync(join(profileDir, "windows.json"), JSON.stringify(outcome.windows));
    const profiles = readServerProfiles(profileDir, serverPids);
    console.log(`\n${renderProfileReport(profiles, outcome.windows)}`);
  }
  // The JSON line comes last, after the server has stopped and any profile has been read.
  printJsonLine(outcome.summary);
}

await main();
