import { describe, expect, it } from "vitest";
import { distributionShares, populationStabilityIndex, quantileEdges, stabilityBand } from "./stability.js";

describe("population stability index", () => {
  it("matches a hand-computed example", () => {
    // (0.20-0.25)·ln(0.20/0.25) + (0.30-0.25)·ln(0.30/0.25) + 0 = 0.05·0.2231436 + 0.05·0.1823216 = 0.0202733
    expect(populationStabilityIndex([0.25, 0.25, 0.5], [0.2, 0.3, 0.5])).toBeCloseTo(0.0202733, 6);
    expect(populationStabilityIndex([0.1, 0.9], [0.1, 0.9])).toBe(0);
  });

  it("stays finite when a recent bin is empty", () => {
    expect(Number.isFinite(populationStabilityIndex([0.5, 0.5], [1, 0]))).toBe(true);
  });

  it("bands at 0.10 and 0.25", () => {
    expect(stabilityBand(0.05)).toBe("stable");
    expect(stabilityBand(0.1)).toBe("investigate");
    expect(stabilityBand(0.25)).toBe("investigate");
    expect(stabilityBand(0.26)).toBe("significant_shift");
  });

  it("bins values by edges and builds roughly equal quantile bins", () => {
    expect(distributionShares([1, 2, 3, 4], [2, 4])).toEqual([0.25, 0.5, 0.25]);
    const values = Array.from({ length: 1000 }, (_, i) => i);
    const shares = distributionShares(values, quantileEdges(values, 10));
    expect(shares).toHaveLength(10);
    for (const s of shares) expect(s).toBeCloseTo(0.1, 2);
  });
});
