// Nearest-rank percentiles, so p50 and p99 of a handful of turns are real observed latencies, never interpolations.

/** The nearest-rank p-th percentile (0 < p ≤ 1) of the values, or null when there are none. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length)));
  return sorted[rank - 1] ?? null;
}

/** a / b, or null when b is zero. */
export const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);
