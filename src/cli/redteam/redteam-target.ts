// The system under attack: the real app built in-process (LLM_PROVIDER=openai) on its own copy of the pristine data
// folder and knowledge base, with hostile data planted, its model replaced by the fake OpenAI server the scenarios
// script, its log lines captured, and tokens for the demo customers and a member of staff.
import { cp, mkdtemp, rm } from "node:fs/promises";
import type { Server } from "node:http";
import os from "node:os";
import path from "node:path";
import { createApp, type BuiltApp } from "../../app.js";
import { createSqliteBankStore } from "../../bank/sqlite-bank-store.js";
import type { BankStore } from "../../bank/bank-store.js";
import { loadConfig } from "../../config/load-config.js";
import { startFakeOpenAI, type FakeOpenAI } from "../../dialogues/fake-openai-server.js";
import { copyPristineData } from "../load/pristine-data.js";
import { minterFor, randomIdentityEnv } from "../load/mint-tokens.js";
import { plantBank, plantKnowledge } from "./plant-data.js";

/** A running target. */
export interface RedteamTarget {
  base: string;
  built: BuiltApp;
  model: FakeOpenAI;
  /** A second connection to the bank, to see side effects. */
  bank: BankStore;
  tokens: { demo1: string; demo2: string; staff: string };
  /** Every log line the app wrote, in order. */
  logLines: string[];
  /** The model's timeout the app was configured with. */
  llmTimeoutMs: number;
  close(): Promise<void>;
}

// The data folder's shape, exactly as the fuzz and fault suites key their cache, so all three share one build.
const PRISTINE_ENV = {
  BANK_CUSTOMERS: "30",
  KNOWLEDGE_WATCH: "false",
  KNOWLEDGE_TODAY: "2026-11-29",
  LLM_PROVIDER: "local",
  EMBEDDINGS_PROVIDER: "local",
};

const LLM_TIMEOUT_MS = 3000;

/** Builds and starts the target; `repoRoot` holds knowledge/ and var/. */
export async function startRedteamTarget(repoRoot: string): Promise<RedteamTarget> {
  const root = await mkdtemp(path.join(os.tmpdir(), "harbor-redteam-"));
  const dataDir = path.join(root, "data");
  const knowledgeDir = path.join(root, "knowledge");
  const closers: (() => Promise<void>)[] = [async () => rm(root, { recursive: true, force: true })];
  const close = async (): Promise<void> => {
    for (const c of closers.reverse()) await c().catch(() => undefined);
  };
  try {
    await cp(path.join(repoRoot, "knowledge"), knowledgeDir, { recursive: true });
    await plantKnowledge(knowledgeDir);
    await copyPristineData({
      cacheDir: path.join(repoRoot, "var/cache/fuzz-data"),
      env: PRISTINE_ENV,
      target: dataDir,
      build: async (dir) => {
        const config = loadConfig({ ...PRISTINE_ENV, DATA_DIR: dir, LOG_LEVEL: "silent", ...randomIdentityEnv() });
        await (await createApp(config, { skipBrowserAssets: true })).close();
      },
    });
    plantBank(path.join(dataDir, "bank.sqlite"), new Date());
    const model = await startFakeOpenAI({ fallback: { content: "Hello! How can I help you today?" } });
    closers.push(() => model.close());
    const env = {
      ...PRISTINE_ENV,
      ...randomIdentityEnv(),
      DATA_DIR: dataDir,
      KNOWLEDGE_DIR: knowledgeDir,
      LOG_LEVEL: "debug",
      LLM_PROVIDER: "openai",
      OPENAI_BASE_URL: model.url,
      OPENAI_API_KEY: "redteam-not-a-key",
      LLM_TIMEOUT_MS: String(LLM_TIMEOUT_MS),
      RATE_LIMIT_STORE: "memory",
      RATE_LIMIT_PER_MINUTE: "100000",
      RATE_LIMIT_STAFF_PER_MINUTE: "100000",
      RATE_LIMIT_EVENTS_PER_MINUTE: "100000",
    };
    const logLines: string[] = [];
    const built = await createApp(loadConfig(env), { logSink: (l) => logLines.push(l), skipBrowserAssets: true });
    closers.push(() => built.close());
    const server = await new Promise<Server>((resolve) => {
      const s = built.app.listen(0, "127.0.0.1", () => resolve(s));
    });
    closers.push(
      () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    );
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    const bank = createSqliteBankStore(path.join(dataDir, "bank.sqlite"));
    closers.push(async () => bank.close());
    const minter = minterFor(env);
    const tokens = {
      demo1: await minter.mint({ kind: "customer", customerId: "demo1" }),
      demo2: await minter.mint({ kind: "customer", customerId: "demo2" }),
      staff: await minter.mint({ kind: "staff", staffId: "redteam-staff" }),
    };
    return {
      base: `http://127.0.0.1:${port}`,
      built,
      model,
      bank,
      tokens,
      logLines,
      llmTimeoutMs: LLM_TIMEOUT_MS,
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}
