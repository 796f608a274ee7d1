// Process entry: load the config, prepare the data once, then serve from worker processes (one per core) or from
// this process; shut down gracefully on SIGINT/SIGTERM. The primary imports nothing heavy, so it stays small.
import cluster from "node:cluster";
import type { Server } from "node:http";
import { ConfigError, loadConfig, type Config } from "./config/load-config.js";
import { answerClientErrorsWithJson } from "./server/client-errors.js";
import { applyConnectionLimits } from "./server/connection-limits.js";
import type { DrainController } from "./server/drain.js";

// Workers keep their heap small: a turn allocates little that lives, and a smaller heap bounds the memory of each.
const WORKER_HEAP_FLAGS = ["--max-old-space-size=192"];

function readConfig(): Config {
  try {
    return loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
}

async function serveHere(config: Config, role: "single" | "worker"): Promise<void> {
  const { createApp } = await import("./app.js");
  // In a cluster only the first worker watches the knowledge folder; the others reload the index it publishes.
  const built = await createApp(config, {
    worker: role === "worker",
    watchFolder: role === "single" || process.env["HARBOR_WATCH"] === "1",
  }).catch(exitOnStartupFailure);
  const server: Server = built.app.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : config.port;
    if (role === "single") console.log(`listening on http://${config.host}:${port}`);
    else process.send?.({ type: "listening", port });
  });
  answerClientErrorsWithJson(server);
  applyConnectionLimits(server, config.limits);
  const drain = built.drain;
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    // Past the grace and a margin for closing the stores, give up: an orchestrator will kill us anyway.
    setTimeout(() => process.exit(1), config.shutdownGraceMs + 10_000).unref();
    void shutDown(server, drain, config.shutdownGraceMs).then(
      () => built.close().then(() => process.exit(0)),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

/**
 * Graceful shutdown: draining fails /readyz and refuses new turns (so the load balancer moves traffic away), turns
 * in flight may finish within the grace, live streams are told to reconnect elsewhere, then the server closes.
 */
async function shutDown(server: Server, drain: DrainController, graceMs: number): Promise<void> {
  await drain.drain(graceMs);
  drain.closeStreams();
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    // Idle keep-alive sockets would hold close() open; every turn has finished (or run out of grace) by now.
    server.closeAllConnections();
  });
}

/** A database that cannot be reached or migrated stops start-up with one clear line, not a stack trace. */
async function exitOnStartupFailure(error: unknown): Promise<never> {
  const { StoreStartupError } = await import("./app-stores.js");
  if (error instanceof StoreStartupError) {
    console.error(`start-up stopped: ${error.message}`);
    process.exit(1);
  }
  throw error;
}

async function prepareOnly(config: Config): Promise<void> {
  const { createApp } = await import("./app.js");
  const built = await createApp(config).catch(exitOnStartupFailure);
  await built.close();
  process.exit(0);
}

async function servePrimary(config: Config): Promise<void> {
  // Ingest, train, seed and bundle once, in a short-lived child, before any worker starts.
  const code = await new Promise<number | null>((resolve) =>
    cluster.fork({ HARBOR_ROLE: "prepare" }).on("exit", resolve),
  );
  if (code !== 0) {
    console.error(`preparing the data failed (exit ${code}); not starting workers`);
    process.exit(1);
  }
  cluster.setupPrimary({ execArgv: [...process.execArgv, ...WORKER_HEAP_FLAGS] });
  let announced = false;
  let stopping = false;
  const fork = (watch: boolean): void => {
    const worker = cluster.fork({ HARBOR_ROLE: "worker", HARBOR_WATCH: watch ? "1" : "0" });
    worker.on("message", (m: { type?: string; port?: number }) => {
      if (m.type === "listening" && !announced) {
        announced = true;
        console.log(`listening on http://${config.host}:${m.port} (${config.workers} workers)`);
      }
    });
    worker.on("exit", (code) => {
      if (stopping) return;
      console.error(`worker ${worker.process.pid} exited with ${code}; starting another`);
      fork(watch);
    });
  };
  for (let i = 0; i < config.workers; i++) fork(i === 0);
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGTERM");
    cluster.on("exit", () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

const config = readConfig();
if (config.workers <= 1) await serveHere(config, "single");
else if (cluster.isPrimary) await servePrimary(config);
else if (process.env["HARBOR_ROLE"] === "prepare") await prepareOnly(config);
else await serveHere(config, "worker");
