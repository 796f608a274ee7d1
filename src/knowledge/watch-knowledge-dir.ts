// Re-ingests the knowledge folder when its files change, so an edited document is live without a restart.
import fs from "node:fs";
import type { Logger } from "../shared/logger.js";

/** A running folder watch. */
export interface KnowledgeDirWatcher {
  close(): void;
}

/** Calls `ingest` once per burst of file changes (editors write in bursts), never two at a time. */
export function watchKnowledgeDir(options: { dir: string; ingest: () => Promise<unknown>; logger: Logger; debounceMs?: number }): KnowledgeDirWatcher | undefined {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  try {
    const watcher = fs.watch(options.dir, { recursive: true }, () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        running = running
          .then(() => options.ingest())
          .then((r) => options.logger.info("knowledge re-ingested after a file change", { result: r }))
          .catch((e: unknown) => options.logger.error("knowledge re-ingest failed; the previous index keeps serving", { error: e }));
      }, options.debounceMs ?? 500);
    });
    watcher.unref();
    return {
      close: () => {
        if (timer) clearTimeout(timer);
        watcher.close();
      },
    };
  } catch (e) {
    options.logger.warn("knowledge folder watch unavailable; use npm run ingest or POST /v1/admin/knowledge/reload", { error: e });
    return undefined;
  }
}
