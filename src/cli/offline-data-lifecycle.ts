// Opens the conversation data of a stopped (or running) service from a shell, for `npm run prune` and `npm run erase`:
// the same stores and lifecycle the service builds, without the HTTP app, models or knowledge index.
import fs from "node:fs";
import path from "node:path";
import { createCheckpointStore } from "../agent/checkpoints/checkpoint-store.js";
import { createConfirmationLedger } from "../agent/confirmation-ledger.js";
import { createConversationStore } from "../conversations/conversation-store.js";
import { createVaultCipher } from "../shared/vault-cipher.js";
import { createDataLifecycle, type DataLifecycle } from "../agent/retention/data-lifecycle.js";
import { ConfigError, loadConfig, type Config } from "../config/load-config.js";
import { createSilentLogger } from "../shared/logger.js";
import { fail } from "./cli-kit.js";

/** Loads the config from the environment; a bad variable ends the command with exit code 2 and every problem named. */
export function readCliConfig(): Config {
  try {
    return loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) fail(e.message, 2);
    throw e;
  }
}

/** Runs `use` with the data lifecycle over `dataDir` (default: the config's), closing every store afterwards. */
export async function withOfflineDataLifecycle<T>(
  config: Config,
  dataDirOption: unknown,
  use: (lifecycle: DataLifecycle) => T | Promise<T>,
): Promise<T> {
  const dataDir = typeof dataDirOption === "string" ? path.resolve(dataDirOption) : config.paths.dataDir;
  const chatFile = path.join(dataDir, "chat.sqlite");
  if (!fs.existsSync(chatFile)) fail(`no conversation database at ${chatFile} (wrong --data-dir?)`);
  const conversations = createConversationStore(chatFile);
  const checkpoints = createCheckpointStore(path.join(dataDir, "checkpoints.sqlite"), { secret: config.auth.vaultKey });
  const confirmations = createConfirmationLedger({ file: chatFile, cipher: createVaultCipher(config.auth.vaultKey) });
  try {
    const lifecycle = createDataLifecycle({
      conversations: conversations.lifecycle,
      checkpoints,
      confirmations,
      policy: config.retention,
      pruneIntervalMs: config.retention.pruneIntervalMs,
      now: () => new Date(),
      logger: createSilentLogger(),
      schedule: false,
    });
    return await use(lifecycle);
  } finally {
    confirmations.close();
    checkpoints.close();
    conversations.close();
  }
}
