// Turns the environment into a typed config, failing once with every bad variable named.
import os from "node:os";
import path from "node:path";
import { parseAuthSettings, type AuthSettings } from "./auth-config.js";
import { EnvSchema, type Env } from "./config-schema.js";
import { parseTrustProxy, type TrustProxySetting } from "./trust-proxy.js";

/** The typed configuration handed to the composition root. */
export interface Config {
  env: Env["NODE_ENV"];
  port: number;
  host: string;
  /** HTTP worker processes; 1 serves from the main process. */
  workers: number;
  logLevel: Env["LOG_LEVEL"];
  paths: {
    dataDir: string;
    knowledgeDir: string;
    promptsDir: string;
    intentsDir: string;
    staffIntentsDir: string;
    indexDir: string;
    bankDb: string;
    modelsDir: string;
    /** PostgreSQL migrations (SQL files), applied at start-up when DATABASE_URL is set. */
    migrationsDir: string;
  };
  knowledge: { today?: string; watch: boolean };
  embeddings: { provider: Env["EMBEDDINGS_PROVIDER"]; dim: number; openaiModel: string };
  llm: {
    provider: Env["LLM_PROVIDER"];
    apiKey?: string;
    baseUrl?: string;
    model: string;
    timeoutMs: number;
    /** The most tokens one model call may write (the server enforces it; the stream gate bounds what is shown). */
    maxTokens: number;
  };
  auth: AuthSettings & { adminToken?: string; vaultKey: string };
  bank: { seed: number; customers: number };
  limits: { maxMessageChars: number; maxBodyBytes: number; maxConnections: number; requestTimeoutMs: number };
  /** Reverse proxies whose X-Forwarded-For gives the client address; false trusts none (the socket peer is the client). */
  trustProxy: TrustProxySetting;
  /** Request budgets per identity per minute, and where they are counted (shared by every worker with sqlite). */
  rateLimit: {
    store: "sqlite" | "memory" | "redis";
    maxKeys: number;
    perMinute: { chat: number; search: number; events: number; staff: number; admin: number };
  };
  credit: { approveMinPoints?: number; declineMaxPoints?: number };
  fraud: { reviewThreshold?: number; blockThreshold?: number };
  /** Concurrent live event streams one process holds: per identity, per anonymous IP address, in total. */
  sse: { maxPerIdentity: number; maxPerAnonymousIp: number; maxTotal: number };
  /** How long conversation data is kept, in days after a conversation's last activity, and how often it is pruned. */
  retention: { transcriptDays: number; traceDays: number; checkpointDays: number; pruneIntervalMs: number };
  /** How often the insights (topics of badly handled messages) are re-clustered. */
  insights: { refreshIntervalMs: number };
  /** Shared stores for several instances: PostgreSQL for data, Redis for budgets, locks and live events. */
  scaleOut: {
    databaseUrl?: string;
    /** Connections of the async pool (checkpoints, listens); store statements use one more. */
    poolMax: number;
    redisUrl?: string;
    /** Prefix of every Redis key and channel, so several deployments (or test runs) can share one Redis. */
    redisPrefix: string;
    /** This instance's name in health, metrics and logs (default: host name and process id). */
    instanceId: string;
  };
  /** How long a shutdown waits for turns in flight before it closes anyway. */
  shutdownGraceMs: number;
}

/** Thrown when the environment is invalid; the message lists every problem. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses an environment map (normally `process.env`) into a Config; empty strings count as unset. */
export function loadConfig(rawEnv: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(rawEnv).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.LLM_PROVIDER === "openai" && !e.OPENAI_BASE_URL && !e.OPENAI_API_KEY) {
    problems.push("OPENAI_API_KEY: required when LLM_PROVIDER=openai without OPENAI_BASE_URL");
  }
  if (e.EMBEDDINGS_PROVIDER === "openai" && !e.OPENAI_BASE_URL && !e.OPENAI_API_KEY) {
    problems.push("OPENAI_API_KEY: required when EMBEDDINGS_PROVIDER=openai without OPENAI_BASE_URL");
  }
  const auth = parseAuthSettings(e, cleaned);
  problems.push(...auth.problems);
  const trustProxy = parseTrustProxy(e.TRUST_PROXY, e.NODE_ENV);
  problems.push(...trustProxy.problems);
  if (e.NODE_ENV === "production" && !e.PII_VAULT_KEY) {
    problems.push("PII_VAULT_KEY: required in production (encrypts the personal data held for tools)");
  }
  if (e.RATE_LIMIT_STORE === "redis" && !e.REDIS_URL) problems.push("RATE_LIMIT_STORE: redis needs REDIS_URL");
  if (problems.length > 0) throw new ConfigError(problems);
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    // One worker per core, at most four: each worker holds its own copy of the models and the index.
    workers: e.WEB_CONCURRENCY === "auto" ? Math.max(1, Math.min(4, os.availableParallelism())) : e.WEB_CONCURRENCY,
    logLevel: e.LOG_LEVEL,
    paths: {
      dataDir,
      knowledgeDir: path.resolve(e.KNOWLEDGE_DIR),
      promptsDir: path.resolve(e.PROMPTS_DIR),
      intentsDir: path.resolve(e.INTENTS_DIR),
      staffIntentsDir: path.resolve(e.STAFF_INTENTS_DIR),
      indexDir: path.join(dataDir, "index"),
      bankDb: path.resolve(e.BANK_DB_PATH ?? path.join(dataDir, "bank.sqlite")),
      modelsDir: path.join(dataDir, "models"),
      migrationsDir: path.resolve("db/migrations"),
    },
    knowledge: { today: e.KNOWLEDGE_TODAY, watch: e.KNOWLEDGE_WATCH },
    embeddings: { provider: e.EMBEDDINGS_PROVIDER, dim: e.EMBEDDINGS_DIM, openaiModel: e.OPENAI_EMBEDDINGS_MODEL },
    llm: {
      provider: e.LLM_PROVIDER,
      apiKey: e.OPENAI_API_KEY,
      baseUrl: e.OPENAI_BASE_URL,
      model: e.OPENAI_MODEL,
      timeoutMs: e.LLM_TIMEOUT_MS,
      maxTokens: e.LLM_MAX_TOKENS,
    },
    // Outside production an unset vault key falls back to the value earlier development data was sealed with.
    auth: {
      ...auth.settings,
      adminToken: e.ADMIN_TOKEN,
      vaultKey: e.PII_VAULT_KEY ?? "vault:dev-only-secret-change-me-0123456789abcdef",
    },
    bank: { seed: e.BANK_SEED, customers: e.BANK_CUSTOMERS },
    limits: {
      maxMessageChars: e.MAX_MESSAGE_CHARS,
      maxBodyBytes: e.MAX_BODY_BYTES,
      maxConnections: e.MAX_CONNECTIONS,
      requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    },
    trustProxy: trustProxy.value,
    rateLimit: {
      // With Redis the budgets are shared by every instance; otherwise by the worker processes of this machine.
      store: e.RATE_LIMIT_STORE ?? (e.REDIS_URL ? "redis" : "sqlite"),
      maxKeys: e.RATE_LIMIT_MAX_KEYS,
      perMinute: {
        chat: e.RATE_LIMIT_PER_MINUTE,
        search: e.RATE_LIMIT_SEARCH_PER_MINUTE,
        events: e.RATE_LIMIT_EVENTS_PER_MINUTE,
        staff: e.RATE_LIMIT_STAFF_PER_MINUTE,
        admin: e.RATE_LIMIT_ADMIN_PER_MINUTE,
      },
    },
    credit: { approveMinPoints: e.CREDIT_APPROVE_MIN_POINTS, declineMaxPoints: e.CREDIT_DECLINE_MAX_POINTS },
    fraud: { reviewThreshold: e.FRAUD_REVIEW_THRESHOLD, blockThreshold: e.FRAUD_BLOCK_THRESHOLD },
    sse: {
      maxPerIdentity: e.SSE_MAX_PER_IDENTITY,
      maxPerAnonymousIp: e.SSE_MAX_PER_ANONYMOUS_IP,
      maxTotal: e.SSE_MAX_TOTAL,
    },
    retention: {
      transcriptDays: e.RETENTION_TRANSCRIPT_DAYS,
      traceDays: e.RETENTION_TRACE_DAYS,
      checkpointDays: e.RETENTION_CHECKPOINT_DAYS,
      pruneIntervalMs: e.RETENTION_PRUNE_INTERVAL_MINUTES * 60_000,
    },
    insights: { refreshIntervalMs: e.INSIGHTS_REFRESH_MINUTES * 60_000 },
    scaleOut: {
      databaseUrl: e.DATABASE_URL,
      poolMax: e.DATABASE_POOL_MAX,
      redisUrl: e.REDIS_URL,
      redisPrefix: e.REDIS_KEY_PREFIX,
      instanceId: e.INSTANCE_ID ?? `${os.hostname()}-${process.pid}`,
    },
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
  };
}
