// The fuzz target: the real app built in-process on a temporary data folder and listening on 127.0.0.1:0, with its
// fatal errors recorded, its endpoints discovered, and pools of real ids (sessions, documents, transactions) to aim at.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import type { Server } from "node:http";
import os from "node:os";
import path from "node:path";
import { createApp, type BuiltApp } from "../../app.js";
import { loadConfig } from "../../config/load-config.js";
import { answerClientErrorsWithJson } from "../../server/client-errors.js";
import { createHttpClient, field } from "../load/http-client.js";
import { copyPristineData } from "../load/pristine-data.js";
import {
  minterFor,
  mintExpired,
  mintScriptTokens,
  randomIdentityEnv,
  SCRIPT_CUSTOMERS,
  type ScriptTokens,
} from "../load/mint-tokens.js";
import { endpointsFromExpress, endpointsFromOpenApi, knownEndpoints, mergeEndpoints } from "./endpoints.js";
import type { FuzzContext, FuzzPools } from "./fuzz-case.js";
import { buildAuthVariants } from "./hostile-values.js";

/** A running in-process target. */
export interface FuzzTarget {
  base: URL;
  ctx: FuzzContext;
  built: BuiltApp;
  /** Tokens of the script identities (customers demo1, demo2, … and a member of staff). */
  tokens: ScriptTokens;
  /** Uncaught exceptions and unhandled rejections raised since the target started. */
  fatalErrors(): string[];
  /** The server's most recent error-level log line (to explain a 5xx). */
  lastErrorLog(): string | undefined;
  close(): Promise<void>;
}

function collect(value: unknown, key: RegExp, into: Set<string>, depth = 0): void {
  if (depth > 8 || value === null || typeof value !== "object") return;
  for (const [k, v] of Object.entries(value)) {
    if (key.test(k) && typeof v === "string" && v.length <= 128) into.add(v);
    else collect(v, key, into, depth + 1);
  }
}

// What shapes the data folder (and so its cache key): a small bank and a fixed knowledge date keep builds fast and repeatable.
const DATA_ENV = {
  BANK_CUSTOMERS: "30",
  KNOWLEDGE_WATCH: "false",
  KNOWLEDGE_TODAY: "2026-11-29",
  LLM_PROVIDER: "local",
  EMBEDDINGS_PROVIDER: "local",
};

/** Starts the app with `env` over offline defaults and prepares the fuzz context. */
export async function startFuzzTarget(env: Record<string, string> = {}): Promise<FuzzTarget> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "harbor-fuzz-"));
  const adminToken = randomBytes(16).toString("hex");
  await copyPristineData({
    cacheDir: path.resolve("var/cache/fuzz-data"),
    env: DATA_ENV,
    target: dataDir,
    build: async (dir) => {
      const built = await createApp(
        loadConfig({ ...DATA_ENV, DATA_DIR: dir, LOG_LEVEL: "silent", ...randomIdentityEnv() }),
        { skipBrowserAssets: true },
      );
      await built.close();
    },
  });
  const fullEnv = {
    ...DATA_ENV,
    DATA_DIR: dataDir,
    LOG_LEVEL: "error",
    ADMIN_TOKEN: adminToken,
    ...randomIdentityEnv(),
    ...env,
  };
  const config = loadConfig(fullEnv);
  const fatal: string[] = [];
  const onFatal = (e: unknown): void => {
    fatal.push(e instanceof Error ? `${e.name}: ${e.message}` : String(e));
  };
  process.on("uncaughtException", onFatal);
  process.on("unhandledRejection", onFatal);
  let lastErrorLog: string | undefined;
  const built = await createApp(config, {
    skipBrowserAssets: true,
    logSink: (line) => void (lastErrorLog = line.slice(0, 2000)),
  });
  const server: Server = await new Promise((resolve) => {
    const s = built.app.listen(0, "127.0.0.1", () => resolve(s));
  });
  answerClientErrorsWithJson(server);
  const address = server.address();
  const base = new URL(`http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`);
  const minter = minterFor(fullEnv);
  const tokens = await mintScriptTokens(minter);
  const expired = await mintExpired(minter);
  const pools = await seedPools(base, tokens.customers, tokens.staff);
  const client = createHttpClient(base, 2);
  const openapi = await client.json("GET", "/openapi.json");
  client.close();
  const ctx: FuzzContext = {
    endpoints: mergeEndpoints(endpointsFromOpenApi(openapi.body), endpointsFromExpress(built.app), knownEndpoints()),
    pools,
    auth: await buildAuthVariants({ ...tokens, ...(expired ? { expired } : {}) }),
    adminToken,
    maxBodyBytes: config.limits.maxBodyBytes,
  };
  return {
    base,
    ctx,
    built,
    tokens,
    fatalErrors: () => fatal,
    lastErrorLog: () => lastErrorLog,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await built.close();
      process.off("uncaughtException", onFatal);
      process.off("unhandledRejection", onFatal);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Real ids to aim at: sessions of each kind, a pending confirmation, documents, flagged transactions. */
async function seedPools(base: URL, customers: string[], staff: string): Promise<FuzzPools> {
  const client = createHttpClient(base, 2);
  const sessionIds = new Set<string>();
  const confirmationIds = new Set<string>();
  const sessionKeys = new Set<string>();
  const docIds = new Set<string>();
  const transactionIds = new Set<string>();
  const turns: Array<[string | undefined, string]> = [
    [undefined, "hello"],
    [customers[0], "I lost my card, please freeze it"],
    [customers[1], "帮我查一下最近的交易记录"],
    [undefined, "I want to talk to a person"],
  ];
  for (const [token, message] of turns) {
    const r = await client.json("POST", "/v1/chat", {
      body: { message },
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    const id = field(r.body, "sessionId");
    if (typeof id === "string") sessionIds.add(id);
    const pending = field(r.body, "pendingConfirmation", "id");
    if (typeof pending === "string") confirmationIds.add(pending);
    const key = r.headers["x-session-key"];
    if (typeof key === "string") sessionKeys.add(key);
    collect(r.body, /^sessionKey$/i, sessionKeys);
  }
  const search = await client.json("GET", "/v1/knowledge/search?q=card%20abroad%20fees&k=5");
  collect(search.body, /^docId$/, docIds);
  const flagged = await client.json("GET", "/v1/staff/fraud/flagged", {
    headers: { authorization: `Bearer ${staff}` },
  });
  collect(flagged.body, /^(?:transactionId|id)$/, transactionIds);
  client.close();
  return {
    sessionIds: [...sessionIds],
    confirmationIds: [...confirmationIds],
    sessionKeys: [...sessionKeys],
    docIds: [...docIds],
    transactionIds: [...transactionIds],
    customerIds: [...SCRIPT_CUSTOMERS, "nobody"],
  };
}
