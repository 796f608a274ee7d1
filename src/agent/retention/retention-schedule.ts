// Runs the retention prune in the one process chosen for it: once at start-up, then on an unref'd timer, never two
// runs at once, and a shutdown waits for the batch in progress instead of closing the database under it.
import type { Logger } from "../../shared/logger.js";
import type { PruneReport, RetentionPruner } from "./retention-pruner.js";

/** A running prune schedule. */
export interface RetentionSchedule {
  /** Runs a prune now, or waits for the one already running; undefined after `stop`. */
  runNow(): Promise<PruneReport | undefined>;
  /** Cancels the timer and waits for a run in progress to reach the end of its batch. */
  stop(): Promise<void>;
}

/** Starts the schedule; a failed run is logged and the next one is tried at the next tick. */
export function startRetentionSchedule(deps: {
  pruner: RetentionPruner;
  intervalMs: number;
  logger: Logger;
}): RetentionSchedule {
  let stopped = false;
  let running: Promise<PruneReport | undefined> | undefined;
  const runNow = (): Promise<PruneReport | undefined> => {
    if (stopped) return Promise.resolve(undefined);
    running ??= deps.pruner
      .prune({ shouldStop: () => stopped })
      .then(
        (report) => {
          deps.logger.info("retention prune", { ...report });
          return report;
        },
        (e: unknown) => {
          deps.logger.error("retention prune failed", { error: e instanceof Error ? e.message : String(e) });
          return undefined;
        },
      )
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const startup = setTimeout(() => void runNow(), 0);
  startup.unref();
  const timer = setInterval(() => void runNow(), deps.intervalMs);
  timer.unref();
  return {
    runNow,
    async stop() {
      stopped = true;
      clearTimeout(startup);
      clearInterval(timer);
      await running;
    },
  };
}
