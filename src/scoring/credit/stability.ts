// Population stability: how far a recent distribution has moved from the training one, and the usual bands.

/** Banding of a PSI/CSI value: < 0.10 stable, 0.10–0.25 investigate, > 0.25 significant shift. */
export type StabilityBand = "stable" | "investigate" | "significant_shift";

/** Shares of values falling in bins cut at the given ascending edges: (-∞,e0), [e0,e1), …, [e_last, ∞). */
export function distributionShares(values: readonly number[], edges: readonly number[]): number[] {
  const counts = new Array<number>(edges.length + 1).fill(0);
  for (const v of values) {
    let i = 0;
    while (i < edges.length && v >= (edges[i] as number)) i++;
    counts[i] = (counts[i] as number) + 1;
  }
  const n = Math.max(1, values.length);
  return counts.map((c) => c / n);
}

/** Quantile edges splitting values into about `bins` equally filled bins (duplicates removed). */
export function quantileEdges(values: readonly number[], bins: number): number[] {
  if (values.length === 0) return [];
  const sorted = [...values].sort((a, b) => a - b);
  const edges: number[] = [];
  for (let q = 1; q < bins; q++) {
    const v = sorted[Math.floor((q * sorted.length) / bins)] as number;
    if (v > (sorted[0] as number) && (edges.length === 0 || v > (edges[edges.length - 1] as number))) edges.push(v);
  }
  return edges;
}

/**
 * Population stability index Σ (actual − expected) · ln(actual / expected) over matching bins.
 * Empty shares are floored at 0.0001 so one empty bin does not make the index infinite.
 */
export function populationStabilityIndex(expected: readonly number[], actual: readonly number[]): number {
  if (expected.length !== actual.length) throw new Error("PSI needs distributions over the same bins");
  const floor = 1e-4;
  let psi = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = Math.max(expected[i] as number, floor);
    const a = Math.max(actual[i] as number, floor);
    psi += (a - e) * Math.log(a / e);
  }
  return psi;
}

/** The band of a stability index. */
export function stabilityBand(index: number): StabilityBand {
  if (index < 0.1) return "stable";
  if (index <= 0.25) return "investigate";
  return "significant_shift";
}
