// A conversation database and a sealed checkpoint store on disk, with the real chat service over fake ports, for
// the retention and erasure tests.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createCheckpointStore, type CheckpointStore } from "../checkpoints/checkpoint-store.js";
import { createVaultCipher } from "../../shared/vault-cipher.js";
import { buildTestChat } from "../testing/build-test-chat.js";

/** The stores, the chat and a few readers the assertions need. */
export interface TestWorld extends ReturnType<typeof buildTestChat> {
  dir: string;
  chatFile: string;
  checkpoints: CheckpointStore;
  vaultSize(sessionId: string): number;
  hasThread(threadId: string): Promise<boolean>;
  close(): void;
}

/** Creates a world in a fresh temporary folder. */
export function createTestWorld(): TestWorld {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "harbor-retention-"));
  const chatFile = path.join(dir, "chat.sqlite");
  const checkpoints = createCheckpointStore(path.join(dir, "checkpoints.sqlite"), {
    secret: "test-vault-key-0123456789abcdef0123456789",
  });
  const built = buildTestChat({ storeFile: chatFile, checkpointer: checkpoints.saver });
  const cipher = createVaultCipher("any-key-0123456789abcdef0123456789");
  return {
    ...built,
    dir,
    chatFile,
    checkpoints,
    vaultSize: (sessionId) => built.store.vaultBacking(sessionId, cipher).size(),
    hasThread: async (threadId) =>
      (await checkpoints.saver.getTuple({ configurable: { thread_id: threadId } })) !== undefined,
    close() {
      checkpoints.close();
      built.store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
