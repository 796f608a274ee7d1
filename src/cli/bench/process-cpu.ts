// CPU time of the server's processes (primary and workers), read from /proc, so the benchmark can divide what the
// server itself spent by the turns it served, whatever else the machine is running.
import { readFileSync } from "node:fs";
import { processTree } from "../load/service-process.js";

// /proc reports times in USER_HZ ticks, which Linux fixes at 100 per second for every architecture.
const TICKS_PER_MS = 100 / 1000;

/** User plus system CPU time of one live process in ms, or undefined once it has gone. */
export function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which may itself contain spaces, so it is skipped by its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_MS;
  } catch {
    return undefined;
  }
}

/** CPU ms per process of a tree at one instant. */
export type CpuSnapshot = Map<number, number>;

/** Reads the CPU time of a process and all its descendants. */
export function snapshotTreeCpu(rootPid: number): CpuSnapshot {
  const out: CpuSnapshot = new Map();
  for (const pid of processTree(rootPid)) {
    const ms = processCpuMs(pid);
    if (ms !== undefined) out.set(pid, ms);
  }
  return out;
}

/** CPU ms spent between two snapshots, in total and per process (a process started in between counts from 0). */
export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): { ms: number; byProcess: Map<number, number> } {
  const byProcess = new Map<number, number>();
  for (const [pid, end] of after) byProcess.set(pid, end - (before.get(pid) ?? 0));
  return { ms: [...byProcess.values()].reduce((a, b) => a + b, 0), byProcess };
}
