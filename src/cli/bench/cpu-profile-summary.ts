// Where the server's CPU goes per chat turn: reads the V8 .cpuprofile files its processes wrote (node --cpu-prof),
// keeps the samples taken inside the measured windows, and sums self time by function, by package and by concern.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { round } from "../../shared/metrics.js";
import { renderTable } from "../cli-kit.js";

/** A measured window in microseconds of the monotonic clock V8 stamps samples with, and the turns served in it. */
export interface ProfileWindow {
  fromUs: number;
  toUs: number;
  turns: number;
}

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

/** The parts of a V8 CPU profile this summary reads. */
export interface CpuProfile {
  pid: number;
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Reads the profiles written by the given processes (file names carry the pid: CPU.<date>.<time>.<pid>.…). */
export function readServerProfiles(dir: string, pids: readonly number[]): CpuProfile[] {
  const wanted = new Set(pids);
  const out: CpuProfile[] = [];
  for (const name of readdirSync(dir)) {
    const pid = Number(/^CPU\.\d+\.\d+\.(\d+)\./.exec(name)?.[1]);
    if (!name.endsWith(".cpuprofile") || !wanted.has(pid)) continue;
    out.push({ pid, ...(JSON.parse(readFileSync(join(dir, name), "utf8")) as Omit<CpuProfile, "pid">) });
  }
  return out;
}

const PACKAGE = /node_modules\/((?:@[^/]+\/)?[^/]+)\//;
// Our compiled modules live under dist/ (or var/…/), our sources under src/: both are named from src's point of view.
const OWN =
  /\/(?:dist|src|var\/[^/]+)\/((?:agent|auth|bank|config|dialogues|knowledge|router|scoring|server|shared)\/[^?#]*)$/;

/** The package, our own file, node internal or V8 pseudo-frame a frame belongs to. */
export function ownerOf(frame: CallFrame): string {
  if (frame.url === "") return frame.functionName.startsWith("(") ? frame.functionName : "(native)";
  const pkg = PACKAGE.exec(frame.url)?.[1];
  if (pkg) return pkg;
  const own = OWN.exec(frame.url)?.[1];
  if (own) return own.replace(/\.[jt]s$/, "");
  if (frame.url.startsWith("node:")) return frame.url;
  return frame.url;
}

// Concerns a turn's CPU is reported by; a frame of a generic owner (node internals, zod, better-sqlite3, natives) is
// charged to the first caller up the stack that names a concern. JSON.parse and JSON.stringify are V8 builtins with
// no frame of their own, so their time is their caller's.
const CONCERNS: [string, RegExp][] = [
  ["GC", /^\(garbage collector\)$/],
  ["idle", /^\(idle\)$/],
  ["logging", /^shared\/logger$/],
  [
    "sqlite writes (conversations, traces, ledger)",
    /^agent\/(?:conversation-store|confirmation-ledger|stream-tickets)$/,
  ],
  ["checkpoint serialisation", /^(?:@langchain\/langgraph-checkpoint.*|agent\/checkpoints\/.*)$/],
  ["auth/jwt", /^(?:jose|auth\/.*|server\/auth-middleware)$/],
  ["rate limits", /^(?:rate-limiter-flexible|server\/rate-limit)$/],
  [
    "express/middleware",
    new RegExp(
      "^(?:express|router|body-parser|raw-body|helmet|finalhandler|send|serve-static|type-is|content-type|" +
        "on-finished|qs|iconv-lite|statuses|http-errors|vary|cookie|accepts|negotiator|mime-types|proxy-addr|" +
        "server/.*)$",
    ),
  ],
  ["intent router", /^router\/.*$/],
  ["retrieval", /^(?:hnswlib-node|knowledge\/.*|agent\/(?:passages|intent-knowledge))$/],
  ["PII/guardrails", /^(?:agent\/guardrails\/.*|shared\/pii.*|shared\/linear-text|agent\/reply-checks)$/],
  ["local responder (model)", /^agent\/responder\/.*$/],
  ["tools, bank, scoring", /^(?:agent\/tools\/.*|agent\/adapters\/.*|bank\/.*|scoring\/.*)$/],
  ["our agent middleware", /^agent\/(?:bank-agent|run-agent-turn|turn-recorder|model-circuit)$/],
  ["langgraph/langchain", /^(?:@langchain\/.*|langchain|langsmith|p-queue|p-retry|uuid|eventemitter3|js-tiktoken)$/],
  ["output rails", /^agent\/(?:rails\/.*|turn\/reply-evidence)$/],
  ["chat service", /^agent\/.*$/],
  [
    "node http/net/streams",
    /^node:internal\/(?:http|_http|net|stream|streams|js_stream|tls|dns|url|querystring).*|^node:(?:http|net|_http).*$/,
  ],
];

function concernOf(owner: string): string | undefined {
  return CONCERNS.find(([, re]) => re.test(owner))?.[0];
}

/** Self time per function, per owner and per concern over the windows, in ms. */
export interface ProfileTotals {
  turns: number;
  sampledMs: number;
  /** Keyed by concern and function, tab-separated: a generic function is listed once per concern it served. */
  byFunction: Map<string, number>;
  byOwner: Map<string, number>;
  byConcern: Map<string, number>;
}

const add = (m: Map<string, number>, k: string, v: number): void => void m.set(k, (m.get(k) ?? 0) + v);

/** Sums the samples of every profile that fall inside a window. */
export function totalProfiles(profiles: readonly CpuProfile[], windows: readonly ProfileWindow[]): ProfileTotals {
  const totals: ProfileTotals = {
    turns: windows.reduce((s, w) => s + w.turns, 0),
    sampledMs: 0,
    byFunction: new Map(),
    byOwner: new Map(),
    byConcern: new Map(),
  };
  for (const profile of profiles) {
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const concernCache = new Map<number, string>();
    const concernAt = (id: number): string => {
      const cached = concernCache.get(id);
      if (cached) return cached;
      let found: string | undefined;
      for (let at: number | undefined = id; at !== undefined && !found; at = parent.get(at)) {
        const node = byId.get(at);
        if (node) found = concernOf(ownerOf(node.callFrame));
      }
      const concern = found ?? "other (unattributed)";
      concernCache.set(id, concern);
      return concern;
    };
    let t = profile.startTime;
    for (let i = 0; i < profile.samples.length; i++) {
      t += profile.timeDeltas[i] ?? 0;
      // A sample stands for the time until the next one.
      const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      if (!windows.some((w) => t >= w.fromUs && t <= w.toUs)) continue;
      const node = byId.get(profile.samples[i] as number);
      if (!node) continue;
      const concern = concernAt(node.id);
      if (concern === "idle") continue;
      const f = node.callFrame;
      const owner = ownerOf(f);
      totals.sampledMs += ms;
      add(totals.byFunction, `${concern}\t${f.functionName || "(anonymous)"} ${owner}:${f.lineNumber + 1}`, ms);
      add(totals.byOwner, owner, ms);
      add(totals.byConcern, concern, ms);
    }
  }
  return totals;
}

function topRows(m: Map<string, number>, turns: number, sampledMs: number, n: number): (string | number)[][] {
  return [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, ms]) => [
      ...k.split("\t"),
      round(ms / Math.max(1, turns), 3),
      `${round((100 * ms) / Math.max(1e-9, sampledMs), 1)}%`,
    ]);
}

/** Renders the per-turn cost tables: by concern, by package or file, and the 15 costliest functions. */
export function renderProfileReport(profiles: readonly CpuProfile[], windows: readonly ProfileWindow[]): string {
  const t = totalProfiles(profiles, windows);
  const perTurn = round(t.sampledMs / Math.max(1, t.turns), 2);
  const head = `CPU profile of ${profiles.length} server processes: ${perTurn} ms sampled per turn, ${t.turns} turns`;
  return [
    head,
    "",
    renderTable(
      ["concern (self time, charged up the stack)", "ms/turn", "share"],
      topRows(t.byConcern, t.turns, t.sampledMs, 30),
    ),
    "",
    renderTable(["package or file (self time)", "ms/turn", "share"], topRows(t.byOwner, t.turns, t.sampledMs, 25)),
    "",
    renderTable(
      ["concern", "function (self time)", "ms/turn", "share"],
      topRows(t.byFunction, t.turns, t.sampledMs, 15),
    ),
  ].join("\n");
}
