// Turns the environment into a typed config, failing once with every bad variable named.
import os from "node:os";
import path from "node:path";
import { EnvSchema, type Env } from "./config-schema.js";

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
    indexDir: string;
    bankDb: string;
    modelsDir: string;
  };
  knowledge: { today?: string; watch: boolean };
  embeddings: { provider: Env["EMBEDDINGS_PROVIDER"]; dim: number; openaiModel: string };
  llm: {
    provider: Env["LLM_PROVIDER"];
    apiKey?: string;
    baseUrl?: string;
    model: string;
    timeoutMs: number;
  };
  auth: { jwtSecret: string; issuer: string; adminToken?: string; vaultKey: string };
  bank: { seed: number; customers: number };
  limits: { maxMessageChars: number; maxBodyBytes: number; ratePerMinute: number };
  credit: { approveMinPoints?: number; declineMaxPoints?: number };
  fraud: { reviewThreshold?: number; blockThreshold?: number };
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
  if (e.NODE_ENV === "production" && e.AUTH_JWT_SECRET.startsWith("dev-only-")) {
    problems.push("AUTH_JWT_SECRET: the development default must not be used in production");
  }
  if (e.NODE_ENV === "production" && !e.PII_VAULT_KEY) {
    problems.push("PII_VAULT_KEY: required in production (encrypts the personal data held for tools)");
  }
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
      indexDir: path.join(dataDir, "index"),
      bankDb: path.resolve(e.BANK_DB_PATH ?? path.join(dataDir, "bank.sqlite")),
      modelsDir: path.join(dataDir, "models"),
    },
    knowledge: { today: e.KNOWLEDGE_TODAY, watch: e.KNOWLEDGE_WATCH },
    embeddings: { provider: e.EMBEDDINGS_PROVIDER, dim: e.EMBEDDINGS_DIM, openaiModel: e.OPENAI_EMBEDDINGS_MODEL },
    llm: {
      provider: e.LLM_PROVIDER,
      apiKey: e.OPENAI_API_KEY,
      baseUrl: e.OPENAI_BASE_URL,
      model: e.OPENAI_MODEL,
      timeoutMs: e.LLM_TIMEOUT_MS,
    },
    auth: { jwtSecret: e.AUTH_JWT_SECRET, issuer: e.AUTH_JWT_ISSUER, adminToken: e.ADMIN_TOKEN, vaultKey: e.PII_VAULT_KEY ?? `vault:${e.AUTH_JWT_SECRET}` },
    bank: { seed: e.BANK_SEED, customers: e.BANK_CUSTOMERS },
    limits: { maxMessageChars: e.MAX_MESSAGE_CHARS, maxBodyBytes: e.MAX_BODY_BYTES, ratePerMinute: e.RATE_LIMIT_PER_MINUTE },
    credit: { approveMinPoints: e.CREDIT_APPROVE_MIN_POINTS, declineMaxPoints: e.CREDIT_DECLINE_MAX_POINTS },
    fraud: { reviewThreshold: e.FRAUD_REVIEW_THRESHOLD, blockThreshold: e.FRAUD_BLOCK_THRESHOLD },
  };
}
