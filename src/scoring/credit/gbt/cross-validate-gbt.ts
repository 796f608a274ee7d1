// Stratified k-fold cross-validation of the credit challenger on the scorecard's exact folds; depth, leaf size and
// number of trees are chosen per outer fold by inner CV on that fold's training rows, never on its test rows.
import { rocAuc } from "../../../shared/metrics.js";
import { createRng } from "../../../shared/random.js";
import {
  foldFigures,
  summariseFolds,
  type CostMatrix,
  type CrossValidationSummary,
  type FoldResult,
} from "../cross-validation.js";
import { stratifiedFolds, subsetTable, type LabelledTable } from "../feature-table.js";
import type { CreditGbtModel, GbtParams } from "./credit-gbt-artefact.js";
import { encodeRow } from "./gbt-features.js";
import { predictTree } from "./grow-monotone-tree.js";
import { trainCreditChallenger } from "./train-credit-gbt.js";

/** One candidate setting; the number of trees is tuned on top of it at fixed checkpoints. */
export type GbtCandidate = Partial<Omit<GbtParams, "trees" | "seed">>;

/** Challenger cross-validation settings. */
export interface GbtCrossValidationOptions {
  folds: number;
  repeats: number;
  seed: number;
  candidates: GbtCandidate[];
  /** Tree counts tried for every candidate (the largest is trained once and read at each checkpoint). */
  treeCheckpoints: number[];
  innerFolds: number;
  costs?: CostMatrix;
  onFold?: (result: GbtFoldResult) => void;
}

/** One test fold's figures and the setting its training rows chose. */
export interface GbtFoldResult extends FoldResult {
  trees: number;
  setting: GbtCandidate;
}

/** Probabilities of default on a table after each checkpoint's number of trees. */
function checkpointScores(model: CreditGbtModel, table: LabelledTable, checkpoints: readonly number[]): number[][] {
  const xs = table.rows.map((r) => encodeRow(model.features, r));
  const margin = new Float64Array(xs.length).fill(model.bias);
  const out: number[][] = [];
  let done = 0;
  for (const target of checkpoints) {
    for (; done < target && done < model.trees.length; done++) {
      const tree = model.trees[done];
      if (tree) xs.forEach((x, i) => (margin[i] = (margin[i] as number) + predictTree(tree, x)));
    }
    out.push(Array.from(margin));
  }
  return out;
}

/** Picks the candidate and tree count with the best mean inner-CV AUC on a training set. */
export function chooseGbtSetting(
  train: LabelledTable,
  options: Pick<GbtCrossValidationOptions, "candidates" | "treeCheckpoints" | "innerFolds">,
  seed: number,
): { candidate: number; trees: number } {
  const checkpoints = [...options.treeCheckpoints].sort((a, b) => a - b);
  const maxTrees = checkpoints[checkpoints.length - 1] ?? 100;
  const rng = createRng(seed);
  const folds = stratifiedFolds(train.labels, options.innerFolds, (xs) => rng.shuffle(xs));
  const all = train.labels.map((_, i) => i);
  let best = { candidate: 0, trees: maxTrees, auc: Number.NEGATIVE_INFINITY };
  options.candidates.forEach((candidate, c) => {
    const sums = checkpoints.map(() => 0);
    folds.forEach((testIdx, f) => {
      const held = new Set(testIdx);
      const inner = subsetTable(
        train,
        all.filter((i) => !held.has(i)),
      );
      const test = subsetTable(train, testIdx);
      const model = trainCreditChallenger(inner, { params: { ...candidate, trees: maxTrees, seed: seed + f } });
      checkpointScores(model, test, checkpoints).forEach((scores, k) => {
        sums[k] = (sums[k] as number) + rocAuc(test.labels, scores);
      });
    });
    sums.forEach((s, k) => {
      if (s / folds.length > best.auc) best = { candidate: c, trees: checkpoints[k] as number, auc: s / folds.length };
    });
  });
  return { candidate: best.candidate, trees: best.trees };
}

/** Runs repeated stratified k-fold CV of the challenger with the same fold assignment as the scorecard's CV. */
export function crossValidateGbt(
  table: LabelledTable,
  options: GbtCrossValidationOptions,
): Omit<CrossValidationSummary, "folds"> & { folds: GbtFoldResult[] } {
  const results: GbtFoldResult[] = [];
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
      const foldSeed = options.seed + 100 * r + f;
      const chosen = chooseGbtSetting(train, options, foldSeed);
      const setting = options.candidates[chosen.candidate] ?? {};
      const model = trainCreditChallenger(train, { params: { ...setting, trees: chosen.trees, seed: foldSeed } });
      const margins = checkpointScores(model, test, [chosen.trees])[0] ?? [];
      const pd = margins.map((m) => 1 / (1 + Math.exp(-m)));
      const result: GbtFoldResult = {
        repeat: r,
        fold: f,
        rows: test.rows.length,
        features: model.features.length,
        chosen: chosen.candidate,
        trees: chosen.trees,
        setting,
        ...foldFigures(test.labels, pd, options.costs),
      };
      results.push(result);
      options.onFold?.(result);
    });
  }
  return summariseFolds(results, Boolean(options.costs));
}
