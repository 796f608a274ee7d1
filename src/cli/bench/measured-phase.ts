// One JSON load phase with the server's CPU read at the exact edges of its measured window, and the window's
// monotonic timestamps kept, so a CPU profile of the same run can be cut to the same seconds.
import type { JsonPhaseFigures } from "./bench-report.js";
import type { ProfileWindow } from "./cpu-profile-summary.js";
import { runLoadPhase, type LoadPhaseOptions, type TurnSample } from "./load-phase.js";
import { cpuBetween, snapshotTreeCpu, type CpuSnapshot } from "./process-cpu.js";

/** A measured phase: its figures, the profile window, every sample, and CPU ms per server process. */
export interface MeasuredPhase {
  figures: JsonPhaseFigures;
  window: ProfileWindow;
  samples: TurnSample[];
  cpuByProcess?: Map<number, number>;
}

/** Runs a phase over JSON and reads the CPU of `serverPid`'s process tree at the window's edges. */
export async function runMeasuredPhase(
  options: Omit<LoadPhaseOptions, "onWindowEdge" | "stream">,
  serverPid: number | undefined,
): Promise<MeasuredPhase> {
  const snapshots: Partial<Record<"start" | "end", CpuSnapshot>> = {};
  const window: ProfileWindow = { fromUs: 0, toUs: 0, turns: 0 };
  const result = await runLoadPhase({
    ...options,
    stream: false,
    onWindowEdge: (edge) => {
      if (serverPid !== undefined) snapshots[edge] = snapshotTreeCpu(serverPid);
      // V8 stamps profile samples with the same monotonic clock, in microseconds.
      const us = Number(process.hrtime.bigint() / 1000n);
      if (edge === "start") window.fromUs = us;
      else window.toUs = us;
    },
  });
  window.turns = result.completed;
  const used = snapshots.start && snapshots.end ? cpuBetween(snapshots.start, snapshots.end) : undefined;
  return {
    figures: {
      concurrency: options.concurrency,
      durationS: options.durationS,
      measured: result.measured,
      completed: result.completed,
      ...(used ? { serverCpuMs: used.ms } : {}),
    },
    window,
    samples: result.samples,
    ...(used ? { cpuByProcess: used.byProcess } : {}),
  };
}
