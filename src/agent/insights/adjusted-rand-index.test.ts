import { describe, expect, it } from "vitest";
import { adjustedRandIndex } from "./adjusted-rand-index.js";

describe("adjustedRandIndex", () => {
  it("is 1 for the same partition under other names", () => {
    expect(adjustedRandIndex([0, 0, 1, 1, 2, 2], ["b", "b", "a", "a", "c", "c"])).toBe(1);
  });

  it("matches the textbook value for a known contingency table", () => {
    // scikit-learn's documented example: adjusted_rand_score([0, 0, 1, 1], [0, 0, 1, 2]) ≈ 0.5714
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(0.5714285714, 8);
    // and adjusted_rand_score([0, 0, 1, 2], [0, 0, 1, 1]) is symmetric
    expect(adjustedRandIndex([0, 0, 1, 2], [0, 0, 1, 1])).toBeCloseTo(0.5714285714, 8);
  });

  it("is at or below zero when the clustering ignores the truth", () => {
    expect(adjustedRandIndex([0, 0, 0, 0, 1, 1, 1, 1], [0, 1, 0, 1, 0, 1, 0, 1])).toBeLessThanOrEqual(0);
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 1, 2, 3])).toBe(0);
  });

  it("refuses labellings of different lengths", () => {
    expect(() => adjustedRandIndex([0, 1], [0])).toThrow();
  });
});
