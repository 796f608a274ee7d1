// Keeps a running knowledge base on the newest index version: reloads when the CURRENT pointer changes
// (file watch, with a slow poll as a fallback for file systems without change events).
import { watch, type FSWatcher } from "node:fs";
import type { Logger } from "../shared/logger.js";
import { createSilentLogger } from "../shared/logger.js";
import type { KnowledgeBase } from "./knowledge-base.js";

/** Stops watching. */
export interface IndexWatcher {
  close(): void;
}

/** Reloads `knowledge` whenever a new index version is published under `indexRoot`. */
export function watchKnowledgeIndex(options: {
  indexRoot: string;
  knowledge: KnowledgeBase;
  logger?: Logger;
  debounceMs?: number;
  pollMs?: number;
}): IndexWatcher {
  const logger = options.logger ?? createSilentLogger();
  let timer: NodeJS.Timeout | undefined;
  const reload = (): void => {
    options.knowledge.reload().then(
      (r) => {
        if (r.changed) logger.info("knowledge index swapped", { version: r.version });
      },
      (e: unknown) => logger.error("knowledge index reload failed; still serving the previous version", { error: e }),
    );
  };
  const schedule = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(reload, options.debounceMs ?? 200);
  };
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(options.indexRoot, (_event, file) => {
      if (file === null || String(file) === "CURRENT") schedule();
    });
    watcher.on("error", (e) => logger.warn("knowledge index watch failed; relying on polling", { error: e }));
  } catch (e) {
    logger.warn("cannot watch the knowledge index folder; relying on polling", { error: e });
  }
  const poll = setInterval(reload, options.pollMs ?? 30_000);
  poll.unref();
  return {
    close: () => {
      watcher?.close();
      clearInterval(poll);
      if (timer) clearTimeout(timer);
    },
  };
}
