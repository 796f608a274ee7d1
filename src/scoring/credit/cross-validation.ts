// Stratified k-fold cross-validation of the whole pipeline: binning, selection and regression are refitted
// inside every training fold, so no test-fold information leaks into the scorecard that scores it.
import { ksStatistic, rocAuc } from "../../shared/metrics.js";
import { createRng } from "../../shared/random.js";
import { scoreFeatureRow } from "./apply-scorecard.js";
import { stratifiedFolds, subsetTable, type LabelledTable } from "./feature-table.js";
import { DEFAULT_SETTINGS, fitScorecard, type ScorecardSettings } from "./train-scorecard.js";

/** Costs of the two errors; the cost-minimising rule rejects when P(bad) > falseReject / (falseReject + falseAccept). */
export interface CostMatrix {
  /** Cost of accepting an applicant who goes bad. */
  falseAccept: number;
  /** Cost of rejecting an applicant who would have been good. */
  falseReject: number;
}

/** Figures from one test fold. */
export interface FoldResult {
  repeat: number;
  fold: number;
  rows: number;
  features: number;
  /** Index of the grid settings chosen for this fold (0 without a grid). */
  chosen: number;
  auc: number;
  ks: number;
  gini: number;
  cost: number | null;
}

/** Mean and standard deviation of a figure over folds. */
export interface MeanSd {
  mean: number;
  sd: number;
}

/** The cross-validation outcome. */
export interface CrossValidationSummary {
  folds: FoldResult[];
  auc: MeanSd;
  ks: MeanSd;
  gini: MeanSd;
  cost: MeanSd | null;
}

/** Cross-validation settings. */
export interface CrossValidationOptions {
  folds: number;
  repeats: number;
  seed: number;
  settings?: ScorecardSettings;
  costs?: CostMatrix;
  /** Candidate settings chosen per outer fold by inner CV AUC on that fold's training rows (nested CV). */
  grid?: ScorecardSettings[];
  innerFolds?: number;
  onFold?: (result: FoldResult) => void;
}

/** Average cost per applicant of rejecting when the predicted probability of default exceeds the cost-optimal cut. */
export function misclassificationCost(labels: readonly number[], pd: readonly number[], costs: CostMatrix): number {
  const cut = costs.falseReject / (costs.falseReject + costs.falseAccept);
  let total = 0;
  labels.forEach((y, i) => {
    const reject = (pd[i] as number) > cut;
    if (y === 1 && !reject) total += costs.falseAccept;
    if (y === 0 && reject) total += costs.falseReject;
  });
  return total / Math.max(1, labels.length);
}

const meanSd = (xs: number[]): MeanSd => {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / Math.max(1, xs.length - 1));
  return { mean, sd };
};

/** The figures of one outer test fold, the same for every model family so their CV results compare. */
export function foldFigures(
  labels: readonly number[],
  pd: readonly number[],
  costs: CostMatrix | undefined,
): Pick<FoldResult, "auc" | "ks" | "gini" | "cost"> {
  const auc = rocAuc(labels, pd);
  return {
    auc,
    ks: ksStatistic(labels, pd),
    gini: 2 * auc - 1,
    cost: costs ? misclassificationCost(labels, pd, costs) : null,
  };
}

/** Mean and spread of every figure over the folds. */
export function summariseFolds<F extends FoldResult>(
  results: F[],
  withCosts: boolean,
): Omit<CrossValidationSummary, "folds"> & { folds: F[] } {
  return {
    folds: results,
    auc: meanSd(results.map((x) => x.auc)),
    ks: meanSd(results.map((x) => x.ks)),
    gini: meanSd(results.map((x) => x.gini)),
    cost: withCosts ? meanSd(results.map((x) => x.cost ?? 0)) : null,
  };
}

/** Picks the grid entry with the best mean inner-CV AUC on a training set (never sees the outer test fold). */
export function chooseSettings(
  train: LabelledTable,
  grid: readonly ScorecardSettings[],
  innerFolds: number,
  seed: number,
): number {
  const rng = createRng(seed);
  const folds = stratifiedFolds(train.labels, innerFolds, (xs) => rng.shuffle(xs));
  const all = train.labels.map((_, i) => i);
  let best = 0;
  let bestAuc = Number.NEGATIVE_INFINITY;
  grid.forEach((settings, g) => {
    let sum = 0;
    for (const testIdx of folds) {
      const held = new Set(testIdx);
      const inner = subsetTable(
        train,
        all.filter((i) => !held.has(i)),
      );
      const test = subsetTable(train, testIdx);
      const fitted = fitScorecard(inner, settings);
      sum += rocAuc(
        test.labels,
        test.rows.map((row) => scoreFeatureRow(fitted, row).probabilityOfDefault),
      );
    }
    if (sum / folds.length > bestAuc) {
      bestAuc = sum / folds.length;
      best = g;
    }
  });
  return best;
}

/** Runs repeated stratified k-fold CV of the full scorecard pipeline. */
export function crossValidate(table: LabelledTable, options: CrossValidationOptions): CrossValidationSummary {
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const results: FoldResult[] = [];
  const all = table.labels.map((_, i) => i);
  for (let r = 0; r < options.repeats; r++) {
    const rng = createRng(options.seed + r * 7919);
    const folds = stratifiedFolds(table.labels, options.folds, (xs) => rng.shuffle(xs));
    folds.forEach((testIdx, f) => {
      const held = new Set(testIdx);
      const train = subsetTable(
        table,
        all.filter((i) => !held.has(i)),
      );
      const test = subsetTable(table, testIdx);
      const chosen =
        options.grid && options.grid.length > 1
          ? chooseSettings(train, options.grid, options.innerFolds ?? 5, options.seed + 100 * r + f)
          : 0;
      const fitted = fitScorecard(train, options.grid?.[chosen] ?? settings);
      const pd = test.rows.map((row) => scoreFeatureRow(fitted, row).probabilityOfDefault);
      const result: FoldResult = {
        repeat: r,
        fold: f,
        rows: test.rows.length,
        features: fitted.features.length,
        chosen,
        ...foldFigures(test.labels, pd, options.costs),
      };
      results.push(result);
      options.onFold?.(result);
    });
  }
  return summariseFolds(results, Boolean(options.costs));
}
