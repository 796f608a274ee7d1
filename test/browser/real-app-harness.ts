// Starts the real application in-process on an ephemeral port for the browser tests, with a throwaway data folder and
// tokens minted with the development keys of demo mode.
import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApp, type BuiltApp } from "../../src/app.js";
import { createIdentityMinter, createSecretSigners } from "../../src/auth/token-signer.js";
import { createSqliteBankStore } from "../../src/bank/sqlite-bank-store.js";
import { loadConfig, type Config } from "../../src/config/load-config.js";
import { buildBrowserAssets } from "../../src/widget/build-assets.js";

/** A running app and tokens for its demo identities. */
export interface RunningApp {
  url: string;
  built: BuiltApp;
  config: Config;
  tokens: { demo1: string; demo2: string; staff: string };
  close(): Promise<void>;
}

/** Builds the browser assets, creates the app from a test config and listens on 127.0.0.1:0. */
export async function startRealApp(env: Record<string, string> = {}): Promise<RunningApp> {
  await buildBrowserAssets({});
  const dataDir = mkdtempSync(join(tmpdir(), "harbor-browser-"));
  // Demo mode, as `npm start` runs: the demo page and console sign in through GET /v1/demo/tokens.
  const config = loadConfig({
    NODE_ENV: "test",
    DEMO_MODE: "true",
    LOG_LEVEL: "silent",
    DATA_DIR: dataDir,
    KNOWLEDGE_WATCH: "false",
    BANK_CUSTOMERS: "60",
    RATE_LIMIT_PER_MINUTE: "100000",
    ...env,
  });
  // Assets were just built above; skipping the app's own build keeps parallel test files from racing on public/build.
  const built = await createApp(config, { skipBrowserAssets: true });
  const server: Server = await new Promise((resolve) => {
    const s = built.app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const minter = createIdentityMinter(createSecretSigners(config.auth));
  const tokens = {
    demo1: await minter.mint({ kind: "customer", customerId: "demo1" }),
    demo2: await minter.mint({ kind: "customer", customerId: "demo2" }),
    staff: await minter.mint({ kind: "staff", staffId: "alice" }),
  };
  return {
    url: `http://127.0.0.1:${port}`,
    built,
    config,
    tokens,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await built.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The customer's cards as the bank's SQLite store holds them, read through a second connection to the same file. */
export function cardsInStore(app: RunningApp, customerId: string): { id: string; status: string }[] {
  const store = createSqliteBankStore(app.config.paths.bankDb);
  try {
    return store.listCards(customerId).map((c) => ({ id: c.id, status: c.status }));
  } finally {
    store.close();
  }
}
