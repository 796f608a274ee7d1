// Process entry: load the config, build the app, listen, and shut down gracefully on SIGINT/SIGTERM.
import { createApp } from "./app.js";
import { ConfigError, loadConfig } from "./config/load-config.js";

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  const built = await createApp(config);
  const server = built.app.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : config.port;
    console.log(`listening on http://${config.host}:${port}`);
  });
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    built.logger.info("shutting down", { signal });
    server.close(() => void built.close().then(() => process.exit(0)));
    server.closeAllConnections?.();
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

await main();
