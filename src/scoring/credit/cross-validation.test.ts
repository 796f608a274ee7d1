import { describe, expect, it } from "vitest";
import { crossValidate, misclassificationCost } from "./cross-validation.js";
import { toNativeTable } from "./default-scorecard.js";
import { generateApplicantBook } from "./synthetic-book.js";

describe("cross-validation", () => {
  it("charges 5 per accepted bad and 1 per rejected good, rejecting when P(bad) > 1/6", () => {
    // accepted bad (0.10 ≤ 1/6) costs 5; rejected good (0.20 > 1/6) costs 1; the other two are right → 6 / 4.
    expect(misclassificationCost([1, 0, 1, 0], [0.1, 0.2, 0.5, 0.05], { falseAccept: 5, falseReject: 1 })).toBeCloseTo(
      1.5,
      10,
    );
  });

  it("scores every row once per repeat across stratified folds", () => {
    const table = toNativeTable(generateApplicantBook({ size: 1500, seed: 4 }));
    const s = crossValidate(table, { folds: 3, repeats: 1, seed: 1, costs: { falseAccept: 5, falseReject: 1 } });
    expect(s.folds).toHaveLength(3);
    expect(s.folds.reduce((n, f) => n + f.rows, 0)).toBe(1500);
    expect(s.auc.mean).toBeGreaterThan(0.6);
    expect(s.cost?.mean).toBeLessThan(1);
  });
});
