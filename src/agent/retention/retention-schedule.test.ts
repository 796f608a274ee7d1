// The prune schedule: a run at start-up, never two at once, failures logged not thrown, and a stop that waits.
import { describe, expect, it } from "vitest";
import type { Logger } from "../../shared/logger.js";
import { emptyPruneReport, type PruneReport, type RetentionPruner } from "./retention-pruner.js";
import { startRetentionSchedule } from "./retention-schedule.js";

const EMPTY: PruneReport = emptyPruneReport();

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const log = (msg: string): void => void lines.push(msg);
  const logger: Logger & { lines: string[] } = {
    lines,
    debug: log,
    info: log,
    warn: log,
    error: log,
    child: () => logger,
  };
  return logger;
}

describe("retention schedule", () => {
  it("prunes once at start-up and shares a run in progress instead of starting another", async () => {
    let runs = 0;
    let release: () => void = () => {};
    const pruner: RetentionPruner = {
      prune: () => {
        runs++;
        return new Promise<PruneReport>((resolve) => (release = () => resolve(EMPTY)));
      },
    };
    const logger = recordingLogger();
    const schedule = startRetentionSchedule({ pruner, intervalMs: 3_600_000, logger });
    await new Promise((r) => setTimeout(r, 20));
    expect(runs).toBe(1);
    const joined = schedule.runNow();
    expect(runs).toBe(1);
    release();
    expect(await joined).toEqual(EMPTY);
    expect(logger.lines).toContain("retention prune");
    await schedule.stop();
    expect(await schedule.runNow()).toBeUndefined();
  });

  it("logs a failed run and keeps the service up", async () => {
    const logger = recordingLogger();
    const schedule = startRetentionSchedule({
      pruner: { prune: () => Promise.reject(new Error("database is locked")) },
      intervalMs: 3_600_000,
      logger,
    });
    expect(await schedule.runNow()).toBeUndefined();
    expect(logger.lines).toContain("retention prune failed");
    await schedule.stop();
  });

  it("stops by asking the run in progress to finish its batch, and waits for it", async () => {
    let sawStop = false;
    const pruner: RetentionPruner = {
      prune: async ({ shouldStop } = {}) => {
        await new Promise((r) => setTimeout(r, 30));
        sawStop = shouldStop?.() ?? false;
        return EMPTY;
      },
    };
    const schedule = startRetentionSchedule({ pruner, intervalMs: 3_600_000, logger: recordingLogger() });
    const run = schedule.runNow();
    await schedule.stop();
    expect(sawStop).toBe(true);
    expect(await run).toEqual(EMPTY);
  });
});
