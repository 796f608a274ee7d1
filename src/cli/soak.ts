// `npm run soak -- --minutes 10`: the service as `npm start` runs it (primary and workers, compiled, temporary data
// folder) under steady mixed traffic; per window it reports latency and the RSS of every service process, then judges.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { quantile, round } from "../shared/metrics.js";
import { createProgress, fail, parseCli, printJsonLine, renderTable } from "./cli-kit.js";
import { highLimitEnv } from "./load/limit-env.js";
import { minterFor, mintScriptTokens, randomIdentityEnv } from "./load/mint-tokens.js";
import { processTree, sampleRss, startService, stopService } from "./load/service-process.js";
import { runSoakTraffic, type SoakSample } from "./soak/soak-traffic.js";
import { judgeSoak, type RssSample } from "./soak/soak-verdict.js";

const args = parseCli({
  name: "soak",
  summary: "Run steady mixed traffic against the clustered service and check memory growth, p99 stability and errors",
  usage: "npm run soak -- [--minutes 10] [--rate 10] [--window 60] [--seed 11] [--entry dist/main.js]",
  options: {
    minutes: { type: "string", default: "10", description: "length of the run in minutes (fractions allowed)" },
    rate: { type: "string", default: "10", description: "scenario arrivals per second (open loop)" },
    window: {
      type: "string",
      default: "60",
      description: "seconds per reporting window (shortened for runs under five windows)",
    },
    seed: { type: "string", default: "11", description: "seed of the traffic mix" },
    entry: {
      type: "string",
      default: "dist/main.js",
      description: "server entry: compiled JavaScript as npm start runs it, or src/main.ts with tsx",
    },
    "startup-timeout": { type: "string", default: "600", description: "seconds to wait for the service to listen" },
  },
});

function positive(name: string): number {
  const n = Number(args.values[name]);
  if (!Number.isFinite(n) || n <= 0) fail(`--${name} must be a positive number`, 2);
  return n;
}

const minutes = positive("minutes");
const rate = positive("rate");
const seed = Math.floor(positive("seed"));
const durationMs = Math.round(minutes * 60_000);
// At least three windows, so there is a warm-up, a first measured and a last measured window.
const windowMs = Math.min(positive("window") * 1000, durationMs / 3);
const windows = Math.max(3, Math.round(durationMs / windowMs));
// Warm-up: the first 20 % or the first minute, whichever is longer, leaving at least two measured windows.
const warmupWindows = Math.min(windows - 2, Math.max(Math.ceil(windows * 0.2), Math.ceil(60_000 / windowMs)));

const dataDir = mkdtempSync(join(tmpdir(), "harbor-soak-"));
const env: Record<string, string> = {
  DATA_DIR: dataDir,
  LOG_LEVEL: "warn",
  KNOWLEDGE_WATCH: "false",
  LLM_PROVIDER: "local",
  EMBEDDINGS_PROVIDER: "local",
  ...highLimitEnv(),
  ...randomIdentityEnv(),
};
process.stderr.write(`starting the service (${String(args.values["entry"])}, DATA_DIR=${dataDir}) …\n`);
const service = await startService({
  entry: String(args.values["entry"]),
  env,
  startupTimeoutS: positive("startup-timeout"),
}).catch((e: Error) => {
  rmSync(dataDir, { recursive: true, force: true });
  return fail(e.message);
});
const cleanup = async (): Promise<void> => {
  await stopService(service.child);
  rmSync(dataDir, { recursive: true, force: true });
};
process.once("SIGINT", () => void cleanup().then(() => process.exit(130)));

const rootPid = service.child.pid ?? 0;
let pids = processTree(rootPid);
const rss: RssSample[] = [];
let processes = 0;
const sampler = setInterval(() => {
  pids = processTree(rootPid);
  const s = sampleRss(pids);
  if (s) {
    rss.push({ at: performance.now(), rssMb: s.rssMb });
    processes = s.processes;
  }
}, 2000);

const tokens = await mintScriptTokens(minterFor(env));
const progress = createProgress("soak", Math.ceil(durationMs / 1000));
const ticker = setInterval(() => progress.tick(), 1000);
const start = performance.now();
let samples: SoakSample[];
try {
  samples = await runSoakTraffic({ base: service.url, tokens, ratePerSecond: rate, durationMs, seed });
} finally {
  clearInterval(ticker);
  clearInterval(sampler);
  progress.stop();
  await cleanup();
}

const verdict = judgeSoak({ samples, rss, start, windowMs, windows, warmupWindows });
console.log(
  renderTable(
    ["window", "from s", "phase", "requests", "errors", "p50 ms", "p99 ms", "RSS MB (median)"],
    verdict.windows.map((w) => [
      w.index + 1,
      round((w.index * windowMs) / 1000, 0),
      w.warmup ? "warm-up" : "measured",
      w.requests,
      w.errors,
      w.p50Ms,
      w.p99Ms,
      w.rssMedianMb === null ? "-" : round(w.rssMedianMb, 1),
    ]),
  ),
);
const kinds = new Map<string, SoakSample[]>();
for (const s of samples) kinds.set(s.kind, [...(kinds.get(s.kind) ?? []), s]);
console.log("");
console.log(
  renderTable(
    ["call", "count", "errors", "p50 ms", "p99 ms"],
    [...kinds.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, ss]) => {
        const ms = ss.filter((s) => s.timed && !s.error).map((s) => s.ms);
        return [
          k,
          ss.length,
          ss.filter((s) => s.error).length,
          ms.length ? round(quantile(ms, 0.5), 1) : "-",
          ms.length ? round(quantile(ms, 0.99), 1) : "-",
        ];
      }),
  ),
);
console.log(
  `\nservice processes sampled: ${processes}; warm-up: ${warmupWindows} of ${windows} windows of ${round(windowMs / 1000, 1)} s; rate ${rate}/s`,
);
for (const r of verdict.reasons) console.log(`FAIL: ${r}`);
printJsonLine({
  minutes,
  requests: verdict.requests,
  errors: verdict.errors,
  rss_start_mb: verdict.rssStartMb,
  rss_end_mb: verdict.rssEndMb,
  rss_growth: verdict.rssGrowth,
  p99_first_ms: verdict.p99FirstMs,
  p99_last_ms: verdict.p99LastMs,
  processes,
  pass: verdict.pass,
});
process.exit(verdict.pass ? 0 : 1);
