// Builds the real application in-process on a temporary data folder, offline, for HTTP-level tests.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createApp, type BuiltApp } from "../../src/app.js";
import { createIdentityMinter, createSecretSigners } from "../../src/auth/token-signer.js";
import { loadConfig } from "../../src/config/load-config.js";

/** Test-only signing secrets, one per trust domain (customers and staff never share a key). */
export const TEST_IDENTITY_ENV = {
  CUSTOMER_JWT_SECRET: "test-customer-secret-0123456789abcdef0123",
  STAFF_JWT_SECRET: "test-staff-secret-fedcba9876543210fedcba98",
} as const;

/** A running test app with tokens for the demo identities. */
export interface TestApp {
  built: BuiltApp;
  dataDir: string;
  tokens: { demo1: string; demo2: string; staff: string };
  logLines: string[];
  close(): Promise<void>;
}

/** Starts the app with a small seeded bank; `env` overrides the offline defaults. */
export async function startTestApp(
  env: Record<string, string> = {},
  options: { captureLogs?: boolean } = {},
): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "harbor-test-"));
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: options.captureLogs ? "debug" : "silent",
    BANK_CUSTOMERS: "30",
    KNOWLEDGE_WATCH: "false",
    KNOWLEDGE_TODAY: "2026-11-29",
    RATE_LIMIT_PER_MINUTE: "10000",
    RATE_LIMIT_SEARCH_PER_MINUTE: "10000",
    RATE_LIMIT_EVENTS_PER_MINUTE: "10000",
    RATE_LIMIT_STAFF_PER_MINUTE: "10000",
    RATE_LIMIT_ADMIN_PER_MINUTE: "10000",
    ...TEST_IDENTITY_ENV,
    ...env,
  });
  const logLines: string[] = [];
  const built = await createApp(config, { logSink: (l) => logLines.push(l), skipBrowserAssets: true });
  const minter = createIdentityMinter(createSecretSigners(config.auth));
  const tokens = {
    demo1: await minter.mint({ kind: "customer", customerId: "demo1" }),
    demo2: await minter.mint({ kind: "customer", customerId: "demo2" }),
    staff: await minter.mint({ kind: "staff", staffId: "alice" }),
  };
  return {
    built,
    dataDir,
    tokens,
    logLines,
    async close() {
      await built.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
