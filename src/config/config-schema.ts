// The environment contract: every variable the service reads, validated once at start-up.
import { z } from "zod";

const boolFromEnv = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

/** Zod schema of the environment; the single source of truth for `.env.example` and the README table. */
export const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  WEB_CONCURRENCY: z.union([z.literal("auto"), z.coerce.number().int().min(1).max(16)]).default("auto"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  DATA_DIR: z.string().min(1).default("var"),
  KNOWLEDGE_DIR: z.string().min(1).default("knowledge"),
  PROMPTS_DIR: z.string().min(1).default("prompts"),
  INTENTS_DIR: z.string().min(1).default("data/intents"),
  STAFF_INTENTS_DIR: z.string().min(1).default("data/staff-intents"),
  KNOWLEDGE_TODAY: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
    .optional(),
  KNOWLEDGE_WATCH: boolFromEnv.default("true"),
  EMBEDDINGS_PROVIDER: z.enum(["local", "openai"]).default("local"),
  EMBEDDINGS_DIM: z.coerce.number().int().min(64).max(8192).default(128),
  OPENAI_EMBEDDINGS_MODEL: z.string().min(1).default("text-embedding-3-small"),
  LLM_PROVIDER: z.enum(["local", "openai"]).default("local"),
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: z.string().url().optional(),
  OPENAI_MODEL: z.string().min(1).default("gpt-4o-mini"),
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(20_000),
  LLM_MAX_TOKENS: z.coerce.number().int().min(64).max(16_384).default(1_024),
  DEMO_MODE: boolFromEnv.default("false"),
  CUSTOMER_JWT_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  CUSTOMER_JWT_PUBLIC_KEY_FILE: z.string().min(1).optional(),
  CUSTOMER_JWT_JWKS_FILE: z.string().min(1).optional(),
  CUSTOMER_JWT_ISSUER: z.string().min(1).default("harbor-bank-web"),
  CUSTOMER_JWT_AUDIENCE: z.string().min(1).default("harbor-assistant:customer"),
  STAFF_JWT_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  STAFF_JWT_PUBLIC_KEY_FILE: z.string().min(1).optional(),
  STAFF_JWT_JWKS_FILE: z.string().min(1).optional(),
  STAFF_JWT_ISSUER: z.string().min(1).default("harbor-bank-staff-sso"),
  STAFF_JWT_AUDIENCE: z.string().min(1).default("harbor-assistant:staff"),
  JWT_CLOCK_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
  JWT_MAX_TTL_SECONDS: z.coerce.number().int().min(60).max(2_592_000).default(86_400),
  CORS_ORIGINS: z.string().optional(),
  TRUST_PROXY: z.string().optional(),
  ADMIN_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  PII_VAULT_KEY: z.string().min(32, "must be at least 32 characters").optional(),
  BANK_DB_PATH: z.string().min(1).optional(),
  BANK_SEED: z.coerce.number().int().default(42),
  BANK_CUSTOMERS: z.coerce.number().int().min(10).max(1_000_000).default(2000),
  MAX_MESSAGE_CHARS: z.coerce.number().int().min(10).max(20_000).default(2000),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(10_000_000).default(32_768),
  MAX_CONNECTIONS: z.coerce.number().int().min(10).max(100_000).default(1000),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).max(300_000).default(30_000),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(60),
  RATE_LIMIT_SEARCH_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(120),
  RATE_LIMIT_EVENTS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(30),
  RATE_LIMIT_STAFF_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  RATE_LIMIT_ADMIN_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(6),
  RATE_LIMIT_STORE: z.enum(["sqlite", "memory", "redis"]).optional(),
  RATE_LIMIT_MAX_KEYS: z.coerce.number().int().min(100).max(10_000_000).default(100_000),
  SSE_MAX_PER_IDENTITY: z.coerce.number().int().min(1).max(1000).default(3),
  SSE_MAX_PER_ANONYMOUS_IP: z.coerce.number().int().min(1).max(100_000).default(20),
  SSE_MAX_TOTAL: z.coerce.number().int().min(1).max(1_000_000).default(500),
  CREDIT_APPROVE_MIN_POINTS: z.coerce.number().int().optional(),
  CREDIT_DECLINE_MAX_POINTS: z.coerce.number().int().optional(),
  FRAUD_REVIEW_THRESHOLD: z.coerce.number().min(0).max(1).optional(),
  FRAUD_BLOCK_THRESHOLD: z.coerce.number().min(0).max(1).optional(),
  RETENTION_TRANSCRIPT_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  RETENTION_TRACE_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  RETENTION_CHECKPOINT_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  RETENTION_PRUNE_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(1440).default(60),
  INSIGHTS_REFRESH_MINUTES: z.coerce.number().int().min(1).max(10080).default(60),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(4),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL")
    .optional(),
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:._-]{1,40}$/, "letters, digits, colon, dot, dash or underscore (at most 40)")
    .default("harbor:"),
  INSTANCE_ID: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/, "letters, digits, dot, dash or underscore (at most 64)")
    .optional(),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(300_000).default(20_000),
});

/** Raw, parsed environment. */
export type Env = z.infer<typeof EnvSchema>;
