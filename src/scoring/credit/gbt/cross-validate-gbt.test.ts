import { describe, expect, it } from "vitest";
import { createRng } from "../../../shared/random.js";
import { toNativeTable } from "../default-scorecard.js";
import { stratifiedFolds } from "../feature-table.js";
import { generateApplicantBook } from "../synthetic-book.js";
import { chooseGbtSetting, crossValidateGbt } from "./cross-validate-gbt.js";

const table = toNativeTable(generateApplicantBook({ size: 900, seed: 31 }));
const options = {
  folds: 3,
  repeats: 1,
  seed: 1,
  candidates: [
    { maxDepth: 2, learningRate: 0.2 },
    { maxDepth: 3, learningRate: 0.2 },
  ],
  treeCheckpoints: [10, 20],
  innerFolds: 2,
};

describe("challenger cross-validation", () => {
  it("tests on the scorecard's folds with settings chosen from the grid, and ranks applicants", () => {
    const summary = crossValidateGbt(table, options);
    const rng = createRng(options.seed);
    const folds = stratifiedFolds(table.labels, options.folds, (xs) => rng.shuffle(xs));
    expect(summary.folds.map((f) => f.rows)).toEqual(folds.map((f) => f.length));
    for (const f of summary.folds) {
      expect(options.treeCheckpoints).toContain(f.trees);
      expect(options.candidates).toContainEqual(f.setting);
    }
    expect(summary.auc.mean).toBeGreaterThan(0.65);
  });

  it("chooses settings from training rows only, deterministically", () => {
    expect(chooseGbtSetting(table, options, 5)).toEqual(chooseGbtSetting(table, options, 5));
  });
});
