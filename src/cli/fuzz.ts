// `npm run fuzz -- [--requests 20000] [--seed N]`: property-based fuzzing (fast-check) of every endpoint of the real app
// over real HTTP, with rate limits lifted, then a slice with the default limits; no 5xx, no HTML error, no crash.
import { round } from "../shared/metrics.js";
import { createProgress, fail, parseCli, printJsonLine, renderTable } from "./cli-kit.js";
import { startFuzzTarget } from "./fuzz/fuzz-target.js";
import { highLimitEnv } from "./load/limit-env.js";
import { mergeReports, runFuzz, type FuzzRunReport } from "./fuzz/run-fuzz.js";

const args = parseCli({
  name: "fuzz",
  summary:
    "Fuzz every endpoint with hostile bodies, headers, tokens and paths; fail on any 5xx, HTML error, stack trace or crash",
  usage: "npm run fuzz -- [--requests 20000] [--seed <n>] [--default-limits-share 0.1] [--keep-going]",
  options: {
    requests: {
      type: "string",
      default: "20000",
      description: "requests in total (the default-limits slice included)",
    },
    seed: { type: "string", description: "fast-check seed (default: random, printed so a run can be repeated)" },
    "default-limits-share": {
      type: "string",
      default: "0.1",
      description: "share of requests sent to a second app with the default rate limits",
    },
    "keep-going": {
      type: "boolean",
      default: false,
      description: "do not stop and shrink at the first failure; collect an example of every problem",
    },
    timeout: { type: "string", default: "15000", description: "per-request timeout in ms" },
  },
});

const requests = Number(args.values["requests"]);
if (!Number.isInteger(requests) || requests < 10 || requests > 10_000_000)
  fail("--requests must be a whole number from 10 to 10000000", 2);
const seed = args.values["seed"] === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(args.values["seed"]);
if (!Number.isInteger(seed)) fail("--seed must be a whole number", 2);
const share = Number(args.values["default-limits-share"]);
if (!(share >= 0 && share < 1)) fail("--default-limits-share must be at least 0 and below 1", 2);
const timeoutMs = Number(args.values["timeout"]);
if (!Number.isInteger(timeoutMs) || timeoutMs < 100)
  fail("--timeout must be a whole number of milliseconds, at least 100", 2);
const keepGoing = args.values["keep-going"] === true;

const slice = Math.round(requests * share);
const progress = createProgress("fuzz", requests);

async function fuzzOnce(
  env: Record<string, string>,
  count: number,
  runSeed: number,
): Promise<{ report: FuzzRunReport; endpoints: number }> {
  const target = await startFuzzTarget(env);
  try {
    const report = await runFuzz({
      base: target.base,
      ctx: target.ctx,
      requests: count,
      seed: runSeed,
      keepGoing,
      timeoutMs,
      onRequest: () => progress.tick(),
      fatalErrors: target.fatalErrors,
      lastErrorLog: target.lastErrorLog,
    });
    return { report, endpoints: target.ctx.endpoints.length };
  } finally {
    await target.close();
  }
}

process.stderr.write(
  `fuzz: seed ${seed}, ${requests - slice} requests with lifted limits, ${slice} with default limits\n`,
);
const main = await fuzzOnce(highLimitEnv(), requests - slice, seed);
const report = main.report;
if (slice > 0 && (keepGoing || !report.counterexample))
  mergeReports(report, (await fuzzOnce({}, slice, seed + 1)).report, "default limits");
progress.stop();

const rows = [...report.byEndpoint.entries()]
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([endpoint, c]) => [
    endpoint,
    c.requests,
    c.otherMethod,
    c["2xx"],
    c["3xx"],
    c["4xx"],
    c["429"],
    c["5xx"],
    c.none,
    round(c.totalMs / Math.max(1, c.requests), 1),
    round(c.maxMs, 0),
  ]);
console.log(
  renderTable(
    ["endpoint", "requests", "other method", "2xx", "3xx", "4xx", "429", "5xx", "no reply", "mean ms", "max ms"],
    rows,
  ),
);
const fiveXx = [...report.byEndpoint.values()].reduce((s, c) => s + c["5xx"], 0);
const problemCount = (kind: string): number =>
  [...report.problems.entries()].filter(([k]) => k === kind).reduce((s, [, v]) => s + v.count, 0);
if (report.problems.size > 0) {
  console.log("\nproblems:");
  for (const [kind, p] of report.problems)
    console.log(`- ${kind} ×${p.count}\n  ${p.example.replaceAll("\n", "\n  ")}`);
}
if (report.counterexample) console.log(`\nshrunk counterexample:\n  ${report.counterexample.replaceAll("\n", "\n  ")}`);
const pass = report.problems.size === 0 && report.crashes.length === 0 && !report.counterexample;
printJsonLine({
  requests: report.requests,
  "5xx": fiveXx,
  html_errors: problemCount("html_error"),
  non_json_errors: problemCount("non_json_error"),
  stack_traces: problemCount("stack_trace"),
  auth_bypass: problemCount("auth_bypass"),
  no_response: problemCount("no_response"),
  crashes: report.crashes.length,
  endpoints: main.endpoints,
  seed,
  rate_4xx: round(
    [...report.byEndpoint.values()].reduce((s, c) => s + c["4xx"] + c["429"], 0) / Math.max(1, report.requests),
    3,
  ),
  pass,
});
process.exit(pass ? 0 : 1);
