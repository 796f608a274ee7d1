// Peak resident memory of the server's processes while the load runs, read from /proc every 200 ms, so the
// benchmark reports memory beside speed (the README's RSS target counts every process of the service).
import { processTree, sampleRss } from "../load/service-process.js";

/** Peak total RSS and the largest single-process peak (VmHWM), in MB. */
export interface PeakMemory {
  peakRss: number;
  peakHwm: number;
}

/** Starts sampling a process tree; `stop` returns the peaks (undefined without a pid to watch). */
export function sampleServerMemory(serverPid: number | undefined): { stop(): PeakMemory | undefined } {
  if (serverPid === undefined) return { stop: () => undefined };
  const peak: PeakMemory = { peakRss: 0, peakHwm: 0 };
  // Scanning /proc for the process tree is the costly part, so it is refreshed only every few seconds.
  let pids = processTree(serverPid);
  let lastScan = performance.now();
  const sample = (): void => {
    if (performance.now() - lastScan > 5_000) {
      pids = processTree(serverPid);
      lastScan = performance.now();
    }
    const s = sampleRss(pids);
    if (s) {
      peak.peakRss = Math.max(peak.peakRss, s.rssMb);
      peak.peakHwm = Math.max(peak.peakHwm, s.hwmMb);
    }
  };
  const timer = setInterval(sample, 200);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}
