// Starts the service as separate processes ("instances"), each with its own data folder and knowledge folder, sharing
// PostgreSQL and Redis, as a bank runs it behind a load balancer. Used by the scale-out tests and the chat benchmark.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** One running instance. */
export interface Instance {
  name: string;
  base: string;
  dataDir: string;
  knowledgeDir: string;
  child: ChildProcess;
  /** Everything the process wrote (stdout and stderr). */
  output(): string;
  /** Sends a signal and waits for the process to exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Settings every instance of a test shares (the shared stores, the demo identity, small data). */
export function sharedInstanceEnv(options: {
  databaseUrl?: string;
  redisUrl?: string;
  redisPrefix?: string;
}): Record<string, string> {
  return {
    PORT: "0",
    HOST: "127.0.0.1",
    WEB_CONCURRENCY: "1",
    BANK_CUSTOMERS: "20",
    LOG_LEVEL: "warn",
    KNOWLEDGE_TODAY: "2026-11-29",
    NODE_ENV: "test",
    DEMO_MODE: "true",
    ADMIN_TOKEN: "scale-out-admin-token-0123456789",
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
    ...(options.redisPrefix ? { REDIS_KEY_PREFIX: options.redisPrefix } : {}),
  };
}

/** Starts `src/main.ts` (or the compiled build with `compiled`) and resolves once it listens. */
export async function startInstance(
  name: string,
  env: Record<string, string>,
  options: { compiled?: boolean; timeoutMs?: number } = {},
): Promise<Instance> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `harbor-${name}-`));
  const knowledgeDir = path.join(dataDir, "knowledge-src");
  fs.cpSync("knowledge", knowledgeDir, { recursive: true });
  const args = options.compiled ? ["dist/main.js"] : ["--import", "tsx", "src/main.ts"];
  const child = spawn(process.execPath, args, {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      KNOWLEDGE_DIR: knowledgeDir,
      KNOWLEDGE_WATCH: "true",
      INSTANCE_ID: name,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (d: Buffer) => (out = (out + d.toString()).slice(-200_000)));
  child.stderr?.on("data", (d: Buffer) => (out = (out + d.toString()).slice(-200_000)));
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${name}: no listening line:\n${out}`)),
      options.timeoutMs ?? 240_000,
    );
    const check = (): void => {
      const m = out.match(/listening on (http:\/\/[^\s]+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1] as string);
      }
    };
    child.stdout?.on("data", check);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited ${code}:\n${out}`));
    });
  });
  return {
    name,
    base,
    dataDir,
    knowledgeDir,
    child,
    output: () => out,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill(signal);
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    },
  };
}

/** Removes an instance's folders (after it stopped). */
export function removeInstanceDirs(instance: Instance): void {
  fs.rmSync(instance.dataDir, { recursive: true, force: true });
}
