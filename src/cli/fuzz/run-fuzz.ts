// The fuzzing loop: fast-check draws cases, each is sent over real HTTP and its reply checked; the first failing case
// is shrunk to a small counterexample (or, with keepGoing, every problem kind is collected with one example).
import fc from "fast-check";
import { createHttpClient } from "../load/http-client.js";
import { checkReply, type Problem } from "./check-reply.js";
import { endpointKey } from "./endpoints.js";
import {
  describeCase,
  fuzzCaseArbitrary,
  POLLUTION_MARKER,
  toRawRequest,
  type FuzzCase,
  type FuzzContext,
} from "./fuzz-case.js";

/** Replies per endpoint, by status class. */
export interface EndpointCounts {
  requests: number;
  "2xx": number;
  "3xx": number;
  "4xx": number;
  "429": number;
  "5xx": number;
  none: number;
  otherMethod: number;
  /** Total and slowest reply time, in ms. */
  totalMs: number;
  maxMs: number;
}

/** What one fuzz run found. */
export interface FuzzRunReport {
  requests: number;
  byEndpoint: Map<string, EndpointCounts>;
  problems: Map<Problem["kind"], { count: number; example: string }>;
  /** The shrunk failing case, when a check failed (and keepGoing was off). */
  counterexample?: string;
  /** Fatal errors the server process raised (uncaught exceptions, unhandled rejections, a dead /healthz). */
  crashes: string[];
}

/** Options of one fuzz run against a listening server. */
export interface FuzzRunOptions {
  base: URL;
  ctx: FuzzContext;
  requests: number;
  seed: number;
  keepGoing?: boolean;
  /** Check /healthz every this many requests (default 500). */
  healthEvery?: number;
  timeoutMs?: number;
  onRequest?: () => void;
  /** Fatal errors observed in the server process since the run started (in-process targets). */
  fatalErrors?: () => string[];
  /** The server's latest error log line, quoted when a request gets a 5xx. */
  lastErrorLog?: () => string | undefined;
}

// Shrinking re-sends requests; beyond this many after the first failure the current counterexample is kept.
const MAX_SHRINK_RUNS = 300;

const COUNT_FIELDS = ["requests", "2xx", "3xx", "4xx", "429", "5xx", "none", "otherMethod", "totalMs"] as const;

function emptyCounts(): EndpointCounts {
  return {
    requests: 0,
    "2xx": 0,
    "3xx": 0,
    "4xx": 0,
    "429": 0,
    "5xx": 0,
    none: 0,
    otherMethod: 0,
    totalMs: 0,
    maxMs: 0,
  };
}

function isPolluted(): boolean {
  return Object.prototype.hasOwnProperty.call(Object.prototype, POLLUTION_MARKER);
}

/** Runs `requests` fuzz cases and reports counts, problems and any counterexample. */
export async function runFuzz(options: FuzzRunOptions): Promise<FuzzRunReport> {
  const client = createHttpClient(options.base, 4);
  const report: FuzzRunReport = { requests: 0, byEndpoint: new Map(), problems: new Map(), crashes: [] };
  const healthEvery = options.healthEvery ?? 500;
  let runsAfterFailure = -1;

  const health = async (): Promise<Problem[]> => {
    const r = await client.send({
      method: "GET",
      path: "/healthz",
      headers: [["accept", "application/json"]],
      timeoutMs: 30_000,
    });
    return r.status === 200 ? [] : [{ kind: "no_response", detail: `/healthz answered ${r.status} ${r.error ?? ""}` }];
  };

  const exercise = async (c: FuzzCase): Promise<Problem[]> => {
    const req = toRawRequest(c, options.timeoutMs ?? 15_000);
    const fatalBefore = options.fatalErrors?.().length ?? 0;
    const reply = await client.send(req);
    report.requests++;
    options.onRequest?.();
    const key = endpointKey(c.endpoint);
    const counts = report.byEndpoint.get(key) ?? emptyCounts();
    counts.requests++;
    counts.totalMs += reply.ms;
    counts.maxMs = Math.max(counts.maxMs, reply.ms);
    if (c.method !== c.endpoint.method) counts.otherMethod++;
    if (reply.status === 0) counts.none++;
    else if (reply.status === 429) counts["429"]++;
    else counts[reply.status >= 500 ? "5xx" : reply.status >= 400 ? "4xx" : reply.status >= 300 ? "3xx" : "2xx"]++;
    report.byEndpoint.set(key, counts);
    const problems = checkReply(c, req, reply, options.ctx).map((p) =>
      p.kind === "5xx" && options.lastErrorLog?.()
        ? { ...p, detail: `${p.detail}\n  server log: ${options.lastErrorLog()}` }
        : p,
    );
    if (isPolluted()) {
      problems.push({ kind: "prototype_polluted", detail: `Object.prototype.${POLLUTION_MARKER} was set` });
      Reflect.deleteProperty(Object.prototype, POLLUTION_MARKER);
    }
    const fatal = options.fatalErrors?.() ?? [];
    for (const f of fatal.slice(fatalBefore)) report.crashes.push(f);
    if (fatal.length > fatalBefore)
      problems.push({
        kind: "no_response",
        detail: `server raised: ${fatal.slice(fatalBefore).join("; ").slice(0, 300)}`,
      });
    if (report.requests % healthEvery === 0) {
      const h = await health();
      if (h.length > 0) report.crashes.push(h[0]?.detail ?? "healthz failed");
      problems.push(...h);
    }
    for (const p of problems) {
      const seen = report.problems.get(p.kind);
      if (seen) seen.count++;
      else report.problems.set(p.kind, { count: 1, example: `${p.detail}\n  case: ${describeCase(c)}` });
    }
    return problems;
  };

  const property = fc.asyncProperty(fuzzCaseArbitrary(options.ctx), async (c) => {
    if (runsAfterFailure >= MAX_SHRINK_RUNS) return true;
    if (runsAfterFailure >= 0) runsAfterFailure++;
    const problems = await exercise(c);
    if (problems.length === 0 || options.keepGoing) return true;
    if (runsAfterFailure < 0) runsAfterFailure = 0;
    throw new Error(problems.map((p) => `${p.kind}: ${p.detail}`).join("\n"));
  });
  const details = await fc.check(property, { numRuns: options.requests, seed: options.seed });
  if (details.failed && details.counterexample) {
    const [c] = details.counterexample;
    const reason =
      details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    report.counterexample = `${describeCase(c)}\n  problem: ${reason.slice(0, 600)}\n  (seed ${options.seed}, path ${details.counterexamplePath ?? "?"}, ${details.numShrinks} shrinks)`;
  }
  const final = await health();
  if (final.length > 0) report.crashes.push(final[0]?.detail ?? "healthz failed");
  client.close();
  return report;
}

/** Adds one report into another (for the run with default limits). */
export function mergeReports(into: FuzzRunReport, from: FuzzRunReport, label: string): void {
  into.requests += from.requests;
  for (const [k, v] of from.byEndpoint) {
    const counts = into.byEndpoint.get(k) ?? emptyCounts();
    for (const field of COUNT_FIELDS) counts[field] += v[field];
    counts.maxMs = Math.max(counts.maxMs, v.maxMs);
    into.byEndpoint.set(k, counts);
  }
  for (const [k, v] of from.problems) {
    const seen = into.problems.get(k);
    if (seen) seen.count += v.count;
    else into.problems.set(k, { count: v.count, example: `[${label}] ${v.example}` });
  }
  if (!into.counterexample && from.counterexample) into.counterexample = `[${label}] ${from.counterexample}`;
  into.crashes.push(...from.crashes.map((c) => `[${label}] ${c}`));
}
