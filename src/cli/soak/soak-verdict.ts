// Turns soak samples into per-window rows (requests, errors, latency percentiles, median RSS) and the verdict: after
// warm-up, memory grows by less than 10 %, p99 stays within 1.5× of the first window (plus a small allowance), no errors.
import { quantile, round } from "../../shared/metrics.js";
import type { SoakSample } from "./soak-traffic.js";

/** One memory sample of the service's process tree. */
export interface RssSample {
  at: number;
  rssMb: number;
}

/** One window of the soak. */
export interface SoakWindow {
  index: number;
  warmup: boolean;
  requests: number;
  errors: number;
  p50Ms: number;
  p99Ms: number;
  rssMedianMb: number | null;
}

/** The verdict and its figures. */
export interface SoakVerdict {
  windows: SoakWindow[];
  requests: number;
  errors: number;
  errorKinds: Record<string, number>;
  rssStartMb: number | null;
  rssEndMb: number | null;
  rssGrowth: number | null;
  p99FirstMs: number | null;
  p99LastMs: number | null;
  pass: boolean;
  reasons: string[];
}

/** Limits of the verdict. */
export interface SoakCriteria {
  maxRssGrowth: number;
  p99Factor: number;
  /** Absolute p99 allowance in ms: on a shared 2-core machine a single GC pause or a neighbour's burst moves a p99 of a few ms by more than 50 %. */
  p99SlackMs: number;
  checkRss: boolean;
}

/** The criteria: RSS growth under 10 %, p99 at most 1.5× (+25 ms) the first post-warm-up window, no errors. */
export const DEFAULT_CRITERIA: SoakCriteria = { maxRssGrowth: 0.1, p99Factor: 1.5, p99SlackMs: 25, checkRss: true };

function median(values: number[]): number | null {
  return values.length > 0 ? quantile(values, 0.5) : null;
}

/** Splits samples into windows from `start`, marks the warm-up windows and judges the run. */
export function judgeSoak(options: {
  samples: SoakSample[];
  rss: RssSample[];
  start: number;
  windowMs: number;
  windows: number;
  warmupWindows: number;
  criteria?: SoakCriteria;
}): SoakVerdict {
  const criteria = options.criteria ?? DEFAULT_CRITERIA;
  const windowOf = (at: number): number =>
    Math.min(options.windows - 1, Math.max(0, Math.floor((at - options.start) / options.windowMs)));
  const windows: SoakWindow[] = Array.from({ length: options.windows }, (_, index) => {
    const inWindow = options.samples.filter((s) => windowOf(s.at) === index);
    const latencies = inWindow.filter((s) => s.timed && !s.error).map((s) => s.ms);
    return {
      index,
      warmup: index < options.warmupWindows,
      requests: inWindow.length,
      errors: inWindow.filter((s) => s.error).length,
      p50Ms: latencies.length ? round(quantile(latencies, 0.5), 1) : 0,
      p99Ms: latencies.length ? round(quantile(latencies, 0.99), 1) : 0,
      rssMedianMb: median(options.rss.filter((r) => windowOf(r.at) === index).map((r) => r.rssMb)),
    };
  });
  const measured = windows.filter((w) => !w.warmup);
  const first = measured[0];
  const last = measured[measured.length - 1];
  const errorKinds: Record<string, number> = {};
  for (const s of options.samples) if (s.error) errorKinds[s.error] = (errorKinds[s.error] ?? 0) + 1;
  const errors = options.samples.filter((s) => s.error).length;
  const rssStart = first?.rssMedianMb ?? null;
  const rssEnd = last?.rssMedianMb ?? null;
  const rssGrowth = rssStart !== null && rssEnd !== null && rssStart > 0 ? round(rssEnd / rssStart - 1, 4) : null;
  const reasons: string[] = [];
  if (errors > 0) reasons.push(`${errors} errors: ${JSON.stringify(errorKinds)}`);
  if (!first || !last) reasons.push("no window after the warm-up");
  if (criteria.checkRss && first && last && first !== last) {
    if (rssGrowth === null) reasons.push("no RSS samples");
    else if (rssGrowth >= criteria.maxRssGrowth)
      reasons.push(`RSS grew ${round(rssGrowth * 100, 1)} % (limit ${criteria.maxRssGrowth * 100} %)`);
  }
  if (first && last && first !== last) {
    const allowed = Math.max(first.p99Ms * criteria.p99Factor, first.p99Ms + criteria.p99SlackMs);
    if (last.p99Ms > allowed)
      reasons.push(`p99 rose from ${first.p99Ms} ms to ${last.p99Ms} ms (allowed ${round(allowed, 1)} ms)`);
  }
  return {
    windows,
    requests: options.samples.filter((s) => s.kind !== "dropped").length,
    errors,
    errorKinds,
    rssStartMb: rssStart === null ? null : round(rssStart, 1),
    rssEndMb: rssEnd === null ? null : round(rssEnd, 1),
    rssGrowth,
    p99FirstMs: first?.p99Ms ?? null,
    p99LastMs: last?.p99Ms ?? null,
    pass: reasons.length === 0,
    reasons,
  };
}
