import { describe, expect, it } from "vitest";
import { chooseLowConfidenceThreshold, chooseOutOfScopeThreshold, fitTemperature, softmax } from "./calibration.js";

describe("calibration", () => {
  it("softmax sums to one and sharpens as the temperature falls", () => {
    const warm = softmax([2, 1, 0], 1);
    const cold = softmax([2, 1, 0], 0.1);
    expect(warm.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    expect(cold[0]).toBeGreaterThan(warm[0]!);
  });

  it("fits a lower temperature when the top score is nearly always right", () => {
    const scores = Array.from({ length: 50 }, () => [1, 0, 0]);
    const t = fitTemperature(scores, new Array<number>(50).fill(0));
    expect(t).toBeLessThan(0.1);
  });

  it("raises the out-of-scope threshold to catch OOS until in-scope accuracy would drop by more than allowed", () => {
    const inScope = Array.from({ length: 100 }, (_, i) => ({
      confidence: 0.5 + i / 200,
      correct: true,
      outOfScope: false,
    }));
    const oos = Array.from({ length: 20 }, (_, i) => ({ confidence: 0.3 + i / 50, correct: false, outOfScope: true }));
    const t = chooseOutOfScopeThreshold([...inScope, ...oos], { maxInScopeLoss: 0.01, minInScopeKept: 0.97 });
    // At most one in-scope example (confidence 0.5) may fall under it; OOS up to 0.5 are then caught.
    expect(t).toBeGreaterThan(0.5);
    expect(t).toBeLessThanOrEqual(0.505 + 1e-6);
  });

  it("puts the low-confidence threshold where predictions below are right less than half the time", () => {
    const preds = [
      { confidence: 0.2, correct: false, outOfScope: false },
      { confidence: 0.3, correct: true, outOfScope: false },
      { confidence: 0.4, correct: false, outOfScope: false },
      { confidence: 0.8, correct: true, outOfScope: false },
      { confidence: 0.9, correct: true, outOfScope: false },
    ];
    const t = chooseLowConfidenceThreshold(preds);
    expect(t).toBeGreaterThan(0.4);
    expect(t).toBeLessThan(0.8);
  });
});
