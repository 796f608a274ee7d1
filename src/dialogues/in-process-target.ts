// Starts the chat app in-process for a replay: an offline config on a temporary data directory, the repository's
// knowledge plus the dialogues' fixture documents, an ephemeral port, and (when needed) a second instance whose
// model is the cassette server. The app factory is passed in, so this module never imports the composition root.
import { cp, mkdir, mkdtemp, rm } from "node:fs/promises";
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { loadConfig, type Config } from "../config/load-config.js";
import { cachedBuild, fingerprintPaths } from "../shared/cached-build.js";
import { startCassetteServer } from "./cassette-server.js";
import { createMintingTarget, type ReplayTarget } from "./replay-target.js";

/** What the app factory returns: a request handler (the Express app) and a way to release its resources. */
export interface BuiltApp {
  app: RequestListener;
  close(): Promise<void>;
}

/** The composition root's factory, as `src/app.ts` exports it. */
export type AppFactory = (config: Config) => Promise<BuiltApp>;

/** Options for an in-process replay. */
export interface InProcessOptions {
  createApp: AppFactory;
  /** The repository's knowledge folder. */
  knowledgeDir: string;
  /** Extra documents (fixtures such as a poisoned page) copied into the replay's knowledge folder. */
  extraKnowledge: string[];
  /** Start the cassette-backed instance too. */
  withCassettes: boolean;
  /** Extra environment for both instances (e.g. PROMPTS_DIR, KNOWLEDGE_TODAY). */
  env?: Record<string, string>;
  /** Size of the synthetic bank (small keeps start-up fast; demo1 and demo2 are always present). */
  customers?: number;
  /**
   * Where to keep a pristine, freshly built data directory (trained models, index, seeded bank) between runs,
   * keyed by the day and a fingerprint of `cacheKeyPaths`; each run starts from a copy, so runs never share state.
   */
  cacheDir?: string;
  /** Files or folders whose contents decide whether the cache is still valid (training data, seeding code). */
  cacheKeyPaths?: string[];
}

/** The running targets and their teardown. */
export interface InProcessTargets {
  local: ReplayTarget;
  cassette?: ReplayTarget;
  /** Starts a throw-away instance from the pristine data, for a dialogue that changes the bank (freezes a card…). */
  fresh(kind: "local" | "cassette"): Promise<{ target: ReplayTarget; close(): Promise<void> }>;
  close(): Promise<void>;
}

/** Bank size for in-process replays: enough customers for the demo pair, small enough to seed in seconds. */
export const REPLAY_CUSTOMERS = 50;

/** What a cached pristine data directory depends on (repository-relative): training data and the code that seeds and trains. */
export const REPLAY_CACHE_KEY_PATHS = [
  "data/intents",
  "src/bank",
  "src/router",
  "src/scoring",
  "src/knowledge",
  "package-lock.json",
];

// Replay signs its speakers in with its own keys, one per trust domain, as the bank's website and SSO would.
const CUSTOMER_DOMAIN = {
  secret: "dialogue-replay-customer-secret-0123456789abcdef",
  issuer: "harbor-bank-web",
  audience: "harbor-assistant:customer",
};
const STAFF_DOMAIN = {
  secret: "dialogue-replay-staff-secret-fedcba9876543210fedcba",
  issuer: "harbor-bank-staff-sso",
  audience: "harbor-assistant:staff",
};

async function listen(handler: RequestListener): Promise<{ server: Server; baseUrl: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { server, baseUrl: `http://127.0.0.1:${port}` };
}

function offlineEnv(dataDir: string, knowledgeDir: string, extra: Record<string, string>): Record<string, string> {
  return {
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    DATA_DIR: dataDir,
    KNOWLEDGE_DIR: knowledgeDir,
    KNOWLEDGE_WATCH: "false",
    EMBEDDINGS_PROVIDER: "local",
    LLM_PROVIDER: "local",
    CUSTOMER_JWT_SECRET: CUSTOMER_DOMAIN.secret,
    CUSTOMER_JWT_ISSUER: CUSTOMER_DOMAIN.issuer,
    CUSTOMER_JWT_AUDIENCE: CUSTOMER_DOMAIN.audience,
    STAFF_JWT_SECRET: STAFF_DOMAIN.secret,
    STAFF_JWT_ISSUER: STAFF_DOMAIN.issuer,
    STAFF_JWT_AUDIENCE: STAFF_DOMAIN.audience,
    RATE_LIMIT_PER_MINUTE: "1000000",
    ...extra,
  };
}

/** Returns a pristine data directory from the cache, building it once when missing or stale. */
async function pristineDataDir(
  options: InProcessOptions,
  knowledgeDir: string,
  env: Record<string, string>,
): Promise<string | undefined> {
  if (!options.cacheDir) return undefined;
  const today = new Date().toISOString().slice(0, 10);
  const key = await fingerprintPaths(
    options.cacheKeyPaths ?? [],
    JSON.stringify({ today, customers: options.customers ?? null, env }),
  );
  return cachedBuild({
    cacheDir: options.cacheDir,
    key,
    build: async (building) => {
      const built = await options.createApp(loadConfig(offlineEnv(building, knowledgeDir, env)));
      await built.close();
    },
  });
}

/** Builds the replay's knowledge folder and starts the local instance (and the cassette instance when asked). */
export async function startInProcessTargets(options: InProcessOptions): Promise<InProcessTargets> {
  const root = await mkdtemp(path.join(os.tmpdir(), "dialogue-replay-"));
  const knowledgeDir = path.join(root, "knowledge");
  await cp(options.knowledgeDir, knowledgeDir, { recursive: true });
  if (options.extraKnowledge.length > 0) {
    await mkdir(path.join(knowledgeDir, "fixtures"), { recursive: true });
    for (const doc of options.extraKnowledge) await cp(doc, path.join(knowledgeDir, "fixtures", path.basename(doc)));
  }
  const closers: (() => Promise<void>)[] = [];
  const baseEnv = { ...(options.customers ? { BANK_CUSTOMERS: String(options.customers) } : {}), ...options.env };
  let instances = 0;
  const start = async (
    pristine: string | undefined,
    extra: Record<string, string>,
  ): Promise<{ baseUrl: string; close(): Promise<void> }> => {
    const dataDir = path.join(root, `instance-${++instances}`);
    if (pristine) await cp(pristine, dataDir, { recursive: true });
    else await mkdir(dataDir, { recursive: true });
    const built = await options.createApp(loadConfig(offlineEnv(dataDir, knowledgeDir, { ...baseEnv, ...extra })));
    const { server, baseUrl } = await listen(built.app);
    return {
      baseUrl,
      async close() {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await built.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  };
  try {
    const pristine = await pristineDataDir(options, knowledgeDir, baseEnv);
    const cassettes = options.withCassettes ? await startCassetteServer() : undefined;
    if (cassettes) closers.push(() => cassettes.close());
    const cassetteEnv: Record<string, string> = cassettes
      ? {
          LLM_PROVIDER: "openai",
          OPENAI_BASE_URL: cassettes.baseUrl,
          OPENAI_API_KEY: "cassette-replay",
          LLM_TIMEOUT_MS: "10000",
        }
      : {};
    const make = async (kind: "local" | "cassette"): Promise<{ target: ReplayTarget; close(): Promise<void> }> => {
      const instance = await start(pristine, kind === "cassette" ? cassetteEnv : {});
      const target = createMintingTarget({
        baseUrl: instance.baseUrl,
        customer: CUSTOMER_DOMAIN,
        staff: STAFF_DOMAIN,
        ...(kind === "cassette" && cassettes ? { cassettes } : {}),
      });
      return { target, close: instance.close };
    };
    const local = await make("local");
    closers.push(local.close);
    const cassette = cassettes ? await make("cassette") : undefined;
    if (cassette) closers.push(cassette.close);
    return {
      local: local.target,
      ...(cassette ? { cassette: cassette.target } : {}),
      fresh: make,
      async close() {
        for (const c of closers.reverse()) await c();
        await rm(root, { recursive: true, force: true });
      },
    };
  } catch (e) {
    for (const c of closers.reverse()) await c().catch(() => undefined);
    await rm(root, { recursive: true, force: true });
    throw e;
  }
}
