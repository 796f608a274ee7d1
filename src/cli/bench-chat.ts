// Load benchmark of the chat HTTP API in offline mode: starts the server (or uses --url), runs concurrent mixed-route
// conversations in English and Chinese, anonymous and signed in, and reports throughput, latency, errors and peak RSS.
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { quantile, round } from "../shared/metrics.js";
import { createRng, type Rng } from "../shared/random.js";
import { createProgress, fail, parseCli, printJsonLine, renderTable } from "./cli-kit.js";
import { processTree, sampleRss, startService, stopService, type ServiceProcess } from "./load/service-process.js";

const args = parseCli({
  name: "bench:chat",
  summary: "Drive POST /v1/chat with concurrent mixed-route sessions and report turns/s, latency, errors and server RSS",
  usage: "npm run bench:chat -- [--concurrency 32] [--duration 20] [--warmup 5] [--url http://127.0.0.1:3000 [--pid <server pid>]]",
  options: {
    url: { type: "string", description: "benchmark a running server instead of starting one" },
    pid: { type: "string", description: "with --url: the server's process id, to sample its RSS" },
    concurrency: { type: "string", default: "32", description: "concurrent simulated customers" },
    duration: { type: "string", default: "20", description: "measured seconds" },
    warmup: { type: "string", default: "5", description: "seconds of load before measuring" },
    seed: { type: "string", default: "7", description: "seed of the conversation mix" },
    entry: { type: "string", default: "dist/main.js", description: "server entry: compiled JavaScript runs with plain node (as npm start does), TypeScript with --import tsx" },
    "data-dir": { type: "string", description: "DATA_DIR for the started server (default: a fresh temporary directory)" },
    "startup-timeout": { type: "string", default: "300", description: "seconds to wait for the server to listen" },
  },
});

const concurrency = positiveInt("concurrency");
const durationS = positiveInt("duration");
const warmupS = nonNegativeInt("warmup");
const seed = nonNegativeInt("seed");
const startupTimeoutS = positiveInt("startup-timeout");

interface Turn {
  message: string;
  locale?: "en" | "zh-CN";
  /** Answer a pending confirmation that this turn should raise. */
  confirm?: boolean;
}
interface Scenario {
  name: string;
  auth: "anonymous" | "customer";
  weight: number;
  turns: Turn[];
}

// The mix a busy support desk sees: mostly knowledge questions, then account and card tasks, some chit-chat and noise.
const SCENARIOS: Scenario[] = [
  { name: "knowledge-en", auth: "anonymous", weight: 10, turns: [{ message: "What does it cost to use my debit card abroad?" }, { message: "And what about cash withdrawals?" }] },
  { name: "knowledge-en-signed", auth: "customer", weight: 5, turns: [{ message: "How do I reset my online banking password?" }] },
  { name: "knowledge-zh", auth: "anonymous", weight: 8, turns: [{ message: "在国外用借记卡要收多少手续费？" }, { message: "透支要收什么费用？", locale: "zh-CN" }] },
  { name: "knowledge-zh-signed", auth: "customer", weight: 4, turns: [{ message: "怎么激活我的新卡？" }] },
  { name: "transactions-en", auth: "customer", weight: 6, turns: [{ message: "Can you show me my recent transactions?" }] },
  { name: "transactions-zh", auth: "customer", weight: 4, turns: [{ message: "帮我查一下最近的交易记录" }] },
  { name: "transactions-anon", auth: "anonymous", weight: 3, turns: [{ message: "What did I spend on my card last week?" }] },
  { name: "freeze-en", auth: "customer", weight: 4, turns: [{ message: "I lost my card, please freeze it", confirm: true }] },
  { name: "freeze-zh", auth: "customer", weight: 3, turns: [{ message: "我的卡丢了，请帮我冻结", confirm: true }] },
  { name: "credit-en", auth: "customer", weight: 4, turns: [{ message: "Am I eligible for a personal loan of £5,000?" }] },
  { name: "credit-zh", auth: "customer", weight: 3, turns: [{ message: "我能申请一笔5000英镑的个人贷款吗？" }] },
  { name: "fraud-en", auth: "customer", weight: 3, turns: [{ message: "There's a payment on my card I don't recognise" }] },
  { name: "smalltalk-en", auth: "anonymous", weight: 4, turns: [{ message: "Hi there!" }, { message: "Thanks, that's all. Bye!" }] },
  { name: "smalltalk-zh", auth: "anonymous", weight: 3, turns: [{ message: "你好" }, { message: "谢谢，再见" }] },
  { name: "out-of-scope-en", auth: "anonymous", weight: 3, turns: [{ message: "Which shares should I buy to get rich quickly?" }] },
  { name: "out-of-scope-zh", auth: "customer", weight: 2, turns: [{ message: "帮我写一首关于大海的诗" }] },
];

interface Sample {
  scenario: string;
  kind: "chat" | "confirm";
  ms: number;
  error?: string;
  route?: string;
  started: number;
  ended: number;
}

interface HttpReply {
  status: number;
  body: unknown;
}

function positiveInt(name: string): number {
  const n = Number(args.values[name]);
  if (!Number.isInteger(n) || n <= 0) fail(`--${name} must be a positive integer`, 2);
  return n;
}

function nonNegativeInt(name: string): number {
  const n = Number(args.values[name]);
  if (!Number.isInteger(n) || n < 0) fail(`--${name} must be a non-negative integer`, 2);
  return n;
}

function createHttp(base: URL, sockets: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: sockets });
  const call = (method: "GET" | "POST", path: string, body?: unknown, token?: string, sessionKey?: string): Promise<HttpReply> =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
      const req = request(
        new URL(path, base),
        {
          method,
          agent,
          headers: {
            accept: "application/json",
            ...(payload ? { "content-type": "application/json", "content-length": payload.length } : {}),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(sessionKey ? { "x-session-key": sessionKey } : {}),
          },
        },
        (res) => {
          const parts: Buffer[] = [];
          res.on("data", (c: Buffer) => parts.push(c));
          res.on("end", () => {
            const text = Buffer.concat(parts).toString("utf8");
            let parsed: unknown = text;
            try {
              parsed = JSON.parse(text);
            } catch {
              // keep the raw text: a non-JSON reply is itself worth reporting
            }
            resolve({ status: res.statusCode ?? 0, body: parsed });
          });
          res.on("error", reject);
        },
      );
      req.setTimeout(30_000, () => req.destroy(new Error("request timed out after 30 s")));
      req.on("error", reject);
      req.end(payload);
    });
  return { call, close: () => agent.destroy() };
}

// The token endpoint's exact shape does not matter: every JWT in it is decoded for its role.
function collectTokens(body: unknown): { customers: string[]; staff: string[] } {
  const out = { customers: [] as string[], staff: [] as string[] };
  const visit = (v: unknown): void => {
    if (typeof v === "string" && /^[\w-]+\.[\w-]+\.[\w-]+$/.test(v)) {
      try {
        const claims = JSON.parse(Buffer.from(v.split(".")[1] as string, "base64url").toString("utf8")) as { role?: string };
        if (claims.role === "customer") out.customers.push(v);
        else if (claims.role === "staff") out.staff.push(v);
      } catch {
        // not a JWT after all
      }
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (v !== null && typeof v === "object") Object.values(v).forEach(visit);
  };
  visit(body);
  return out;
}

function field(body: unknown, ...path: string[]): unknown {
  let v: unknown = body;
  for (const k of path) v = v !== null && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

function describeFailure(r: HttpReply): string | undefined {
  if (r.status !== 200) return `http_${r.status}${typeof field(r.body, "error", "code") === "string" ? `:${String(field(r.body, "error", "code"))}` : ""}`;
  if (typeof field(r.body, "sessionId") !== "string" || typeof field(r.body, "reply", "text") !== "string") return "bad_body";
  // A turn that asks for approval may carry its text in the confirmation summary instead.
  if (String(field(r.body, "reply", "text")).trim() === "" && typeof field(r.body, "pendingConfirmation", "summary") !== "string") return "empty_reply";
  return undefined;
}

function weightedPick(rng: Rng, items: Scenario[]): Scenario {
  const total = items.reduce((s, x) => s + x.weight, 0);
  let r = rng.next() * total;
  for (const x of items) if ((r -= x.weight) < 0) return x;
  return items[items.length - 1] as Scenario;
}

function startServer(dataDir: string): Promise<ServiceProcess> {
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
    },
  });
}

async function main(): Promise<void> {
  let child: ChildProcess | undefined;
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
    const started = await startServer(dataDir).catch((e: Error) => {
      if (tempDir) rmSync(tempDir, { recursive: true, force: true });
      return fail(e.message);
    });
    child = started.child;
    base = started.url;
    serverPid = child.pid;
    process.stderr.write(`server listening on ${base.origin} after ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  }
  const cleanup = async (): Promise<void> => {
    if (child) await stopService(child);
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  };
  process.once("SIGINT", () => void cleanup().then(() => process.exit(130)));

  try {
    await run(base, serverPid);
  } finally {
    await cleanup();
  }
}

async function run(base: URL, serverPid: number | undefined): Promise<void> {
  const http = createHttp(base, concurrency + 4);
  const tokenReply = await http.call("GET", "/v1/demo/tokens").catch((e: Error) => fail(`GET /v1/demo/tokens failed: ${e.message}`));
  const { customers } = collectTokens(tokenReply.body);
  if (tokenReply.status !== 200 || customers.length === 0) fail(`GET /v1/demo/tokens gave ${tokenReply.status} with no customer tokens: ${JSON.stringify(tokenReply.body).slice(0, 300)}`);

  const samples: Sample[] = [];
  const cpuBefore = process.cpuUsage();
  const t0 = performance.now();
  const measureFrom = t0 + warmupS * 1000;
  const measureTo = measureFrom + durationS * 1000;
  let peakRss = 0;
  let peakHwm = 0;
  // Scanning /proc for the process tree is the costly part, so it is refreshed only every few seconds.
  let pids = serverPid !== undefined ? processTree(serverPid) : [];
  let lastTreeScan = performance.now();
  const sample = (): void => {
    if (serverPid === undefined) return;
    if (performance.now() - lastTreeScan > 5_000) {
      pids = processTree(serverPid);
      lastTreeScan = performance.now();
    }
    const s = sampleRss(pids);
    if (s) {
      peakRss = Math.max(peakRss, s.rssMb);
      peakHwm = Math.max(peakHwm, s.hwmMb);
    }
  };
  sample();
  const sampler = setInterval(sample, 200);
  const progress = createProgress("bench:chat", warmupS + durationS);
  const ticker = setInterval(() => progress.tick(), 1000);

  const user = async (id: number): Promise<void> => {
    const rng = createRng(seed * 1000 + id);
    while (performance.now() < measureTo) {
      const sc = weightedPick(rng, SCENARIOS);
      const token = sc.auth === "customer" ? rng.pick(customers) : undefined;
      let sessionId: string | undefined;
      // An anonymous conversation continues only with the key its first reply handed out.
      let sessionKey: string | undefined;
      for (const turn of sc.turns) {
        if (performance.now() >= measureTo) return;
        const started = performance.now();
        const r = await http
          .call("POST", "/v1/chat", { ...(sessionId ? { sessionId } : {}), message: turn.message, ...(turn.locale ? { locale: turn.locale } : {}) }, token, sessionKey)
          .catch((e: Error): HttpReply => ({ status: 0, body: e.message }));
        const error = r.status === 0 ? "network" : describeFailure(r);
        const route = field(r.body, "intent", "route");
        samples.push({ scenario: sc.name, kind: "chat", ms: performance.now() - started, started, ended: performance.now(), ...(error ? { error } : {}), ...(typeof route === "string" ? { route } : {}) });
        if (error) break;
        sessionId = String(field(r.body, "sessionId"));
        const key = field(r.body, "sessionKey");
        if (typeof key === "string") sessionKey = key;
        const confirmationId = field(r.body, "pendingConfirmation", "id");
        if (turn.confirm && typeof confirmationId === "string") {
          const cStarted = performance.now();
          // Mostly reject so cards stay usable for later freeze scenarios; approve sometimes so that path is exercised.
          const decision = rng.next() < 0.3 ? "approve" : "reject";
          const c = await http.call("POST", "/v1/chat/confirm", { sessionId, confirmationId, decision }, token, sessionKey).catch((e: Error): HttpReply => ({ status: 0, body: e.message }));
          const cError = c.status === 0 ? "network" : describeFailure(c);
          samples.push({ scenario: sc.name, kind: "confirm", ms: performance.now() - cStarted, started: cStarted, ended: performance.now(), ...(cError ? { error: cError } : {}) });
          if (cError) break;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, i) => user(i)));
  clearInterval(ticker);
  clearInterval(sampler);
  sample();
  progress.stop();
  http.close();

  const cpu = process.cpuUsage(cpuBefore);
  // The client shares the cores with the server, so its own cost per turn is reported to put the figures in context.
  const clientCpuMsPerTurn = samples.length > 0 ? (cpu.user + cpu.system) / 1000 / samples.length : 0;
  report(samples.filter((s) => s.started >= measureFrom && s.ended <= measureTo), serverPid !== undefined ? { peakRss, peakHwm } : undefined, clientCpuMsPerTurn);
}

function report(measured: Sample[], memory: { peakRss: number; peakHwm: number } | undefined, clientCpuMsPerTurn: number): void {
  const byScenario = new Map<string, Sample[]>();
  for (const s of measured) {
    const key = `${s.scenario}${s.kind === "confirm" ? " (confirm)" : ""}`;
    const list = byScenario.get(key) ?? [];
    list.push(s);
    byScenario.set(key, list);
  }
  const rows = [...byScenario.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, ss]) => {
      const routes = new Map<string, number>();
      for (const s of ss) if (s.route) routes.set(s.route, (routes.get(s.route) ?? 0) + 1);
      const top = [...routes.entries()].sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r} ${Math.round((100 * n) / ss.length)}%`).slice(0, 2).join(", ");
      const ms = ss.map((s) => s.ms);
      return [name, ss.length, round(quantile(ms, 0.5), 1), round(quantile(ms, 0.99), 1), ss.filter((s) => s.error).length, top || "-"];
    });
  console.log(renderTable(["scenario", "turns", "p50 ms", "p99 ms", "errors", "routes"], rows));

  const errors = measured.filter((s) => s.error);
  if (errors.length > 0) {
    const kinds = new Map<string, number>();
    for (const e of errors) kinds.set(e.error as string, (kinds.get(e.error as string) ?? 0) + 1);
    console.log(`\nerrors: ${[...kinds.entries()].map(([k, n]) => `${k} ×${n}`).join(", ")}`);
  }
  const ms = measured.map((s) => s.ms);
  const turnsPerS = measured.length / durationS;
  const p50 = quantile(ms, 0.5);
  const p99 = quantile(ms, 0.99);
  const rssMb = memory ? Math.max(memory.peakHwm, memory.peakRss) : undefined;
  console.log("");
  console.log(
    renderTable(
      ["measure", "value", "target"],
      [
        ["concurrency", concurrency, ""],
        ["measured seconds", durationS, ""],
        ["turns", measured.length, ""],
        ["turns/s", round(turnsPerS, 1), "≥ 150"],
        ["p50 ms", round(p50, 1), ""],
        ["p99 ms", round(p99, 1), "≤ 150"],
        ["errors", errors.length, "0"],
        ["server peak RSS MB (VmHWM)", memory ? round(memory.peakHwm, 1) : "n/a (no --pid)", "≤ 300"],
        ["server max sampled RSS MB", memory ? round(memory.peakRss, 1) : "n/a", ""],
        ["bench client CPU ms/turn", round(clientCpuMsPerTurn, 3), ""],
      ],
    ),
  );
  printJsonLine({
    turns_per_s: round(turnsPerS, 1),
    p50_ms: measured.length ? round(p50, 1) : null,
    p99_ms: measured.length ? round(p99, 1) : null,
    errors: errors.length,
    rss_mb: rssMb !== undefined ? round(rssMb, 1) : null,
  });
}

await main();
