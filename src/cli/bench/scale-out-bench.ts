// The scale-out benchmark: the same closed-loop chat load against one instance on SQLite, one on PostgreSQL and N on
// PostgreSQL (sharing Redis), all measured in one run so the ratios compare like with like on a noisy machine.
// Requests are dealt round-robin over the instances, as a load balancer without session affinity would.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { createChatTransport, type ChatTransport } from "./chat-transport.js";
import { fetchCustomerTokens } from "./demo-tokens.js";
import { runLoadPhase, type TurnSample } from "./load-phase.js";
import { sampleRss, startService, stopService, type ServiceProcess } from "../load/service-process.js";

/** What one measured configuration produced. */
export interface ScaleFigures {
  store: "sqlite" | "postgres";
  instances: number;
  turnsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  rssMbPerInstance: number[];
}

/** Options of a scale-out run. */
export interface ScaleOutOptions {
  entry: string;
  concurrency: number;
  warmupS: number;
  durationS: number;
  seed: number;
  startupTimeoutS: number;
  /** A PostgreSQL server URL the benchmark may create a throw-away database on. */
  databaseUrl?: string;
  redisUrl?: string;
  onProgress?: (message: string) => void;
}

/** Spreads requests over several instances in turn. */
export function roundRobin(transports: readonly ChatTransport[]): ChatTransport {
  let next = 0;
  const pick = (): ChatTransport => transports[next++ % transports.length] as ChatTransport;
  return {
    json: (path, call) => pick().json(path, call),
    stream: (call) => pick().stream(call),
    close: () => transports.forEach((t) => t.close()),
  };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

function figuresOf(
  store: ScaleFigures["store"],
  servers: readonly ServiceProcess[],
  samples: { measured: TurnSample[]; completed: number; all: TurnSample[] },
  durationS: number,
): ScaleFigures {
  const ms = samples.measured
    .filter((s) => !s.error)
    .map((s) => s.ms)
    .sort((a, b) => a - b);
  return {
    store,
    instances: servers.length,
    turnsPerSec: Math.round((samples.completed / durationS) * 10) / 10,
    p50Ms: Math.round(percentile(ms, 50)),
    p99Ms: Math.round(percentile(ms, 99)),
    errors: samples.all.filter((s) => s.error).length,
    rssMbPerInstance: servers.map((s) => Math.round(sampleRss([s.child.pid ?? 0])?.rssMb ?? 0)),
  };
}

async function createDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `harbor_bench_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Runs the configurations `instances` asks for and returns each one's figures, in the order measured. */
export async function runScaleOut(
  options: ScaleOutOptions & { instances: number; store: "sqlite" | "postgres" },
): Promise<ScaleFigures[]> {
  const say = options.onProgress ?? (() => undefined);
  const dirs: string[] = [];
  const servers: ServiceProcess[] = [];
  const start = async (name: string, env: Record<string, string>): Promise<ServiceProcess> => {
    const dataDir = mkdtempSync(join(tmpdir(), `bench-${name}-`));
    dirs.push(dataDir);
    say(`starting ${name} …`);
    const server = await startService({
      entry: options.entry,
      startupTimeoutS: options.startupTimeoutS,
      env: {
        DATA_DIR: dataDir,
        LOG_LEVEL: "warn",
        LLM_PROVIDER: "local",
        EMBEDDINGS_PROVIDER: "local",
        KNOWLEDGE_WATCH: "false",
        RATE_LIMIT_PER_MINUTE: "1000000",
        DEMO_MODE: "true",
        WEB_CONCURRENCY: "1",
        INSTANCE_ID: name,
        ...env,
      },
    });
    servers.push(server);
    return server;
  };
  const measure = async (
    store: ScaleFigures["store"],
    group: ServiceProcess[],
    seed: number,
  ): Promise<ScaleFigures> => {
    const transports = group.map((s) => createChatTransport(s.url, options.concurrency + 4));
    const transport = roundRobin(transports);
    const customerTokens = await fetchCustomerTokens(transport);
    say(`measuring ${group.length} × ${store}: ${options.warmupS} s warm-up + ${options.durationS} s …`);
    const phase = await runLoadPhase({
      transport,
      customerTokens,
      concurrency: options.concurrency,
      warmupS: options.warmupS,
      durationS: options.durationS,
      seed,
      stream: false,
    });
    const figures = figuresOf(store, group, { ...phase, all: phase.samples }, options.durationS);
    transport.close();
    return figures;
  };

  const results: ScaleFigures[] = [];
  let database: { url: string; drop: () => Promise<void> } | undefined;
  try {
    const wantPostgres = options.store === "postgres" || options.instances > 1;
    if (wantPostgres) {
      if (!options.databaseUrl || !options.redisUrl)
        throw new Error("PostgreSQL runs need --database-url and --redis-url (or DATABASE_URL and REDIS_URL)");
      database = await createDatabase(options.databaseUrl);
      const shared = {
        DATABASE_URL: database.url,
        REDIS_URL: options.redisUrl,
        REDIS_KEY_PREFIX: `bench${randomBytes(4).toString("hex")}:`,
      };
      const first = await start("pg-1", shared);
      results.push(await measure("postgres", [first], options.seed));
      if (options.instances > 1) {
        const more: ServiceProcess[] = [first];
        for (let i = 2; i <= options.instances; i++) more.push(await start(`pg-${i}`, shared));
        results.push(await measure("postgres", more, options.seed + 1));
      }
      for (const s of servers.splice(0)) await stopService(s.child);
    }
    if (options.store === "sqlite" || options.instances > 1) {
      const single = await start("sqlite-1", {});
      results.push(await measure("sqlite", [single], options.seed + 2));
    }
  } finally {
    for (const s of servers) await stopService(s.child);
    await database?.drop().catch(() => undefined);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
  return results;
}

/** The JSON summary: the asked configuration's figures, plus the ratios when the run measured them. */
export function summariseScaleOut(
  asked: { instances: number; store: "sqlite" | "postgres" },
  results: readonly ScaleFigures[],
): Record<string, unknown> {
  const find = (store: string, n: number): ScaleFigures | undefined =>
    results.find((r) => r.store === store && r.instances === n);
  const main = find(asked.store, asked.instances) ?? results[0];
  const pg1 = find("postgres", 1);
  const pgN = asked.instances > 1 ? find("postgres", asked.instances) : undefined;
  const sqlite1 = find("sqlite", 1);
  const round = (x: number): number => Math.round(x * 100) / 100;
  const scaling = pg1 && pgN && pg1.turnsPerSec > 0 ? round(pgN.turnsPerSec / pg1.turnsPerSec) : undefined;
  const pgVsSqlite =
    pg1 && sqlite1 && sqlite1.turnsPerSec > 0 ? round(pg1.turnsPerSec / sqlite1.turnsPerSec) : undefined;
  const errors = results.reduce((n, r) => n + r.errors, 0);
  return {
    bench: "chat-scale-out",
    store: asked.store,
    instances: asked.instances,
    turns_per_s: main?.turnsPerSec,
    p50_ms: main?.p50Ms,
    p99_ms: main?.p99Ms,
    errors,
    rss_mb_per_instance: main?.rssMbPerInstance,
    runs: results,
    ...(scaling !== undefined ? { scaling } : {}),
    ...(pgVsSqlite !== undefined ? { postgres_vs_sqlite: pgVsSqlite } : {}),
    targets: { scaling: ">=1.3", postgres_vs_sqlite: ">=0.75", errors: 0 },
    ...(scaling !== undefined && pgVsSqlite !== undefined
      ? { targets_met: scaling >= 1.3 && pgVsSqlite >= 0.75 && errors === 0 }
      : {}),
  };
}
