// The training pipeline: bin every candidate, select by IV and correlation, fit logistic regression on WoE,
// scale to integer points, and package the artefact with hold-out metrics and the training score distribution.
import { createRng } from "../../shared/random.js";
import { ksStatistic, rocAuc } from "../../shared/metrics.js";
import { DEFAULT_BINNING, findBin, fitFeatureBinning, type BinningOptions, type FeatureBinning } from "./binning.js";
import { stratifiedFolds, subsetTable, type LabelledTable } from "./feature-table.js";
import { selectFeatures, type Rejection } from "./feature-selection.js";
import { fitLogisticRegression } from "./logistic-regression.js";
import { isProtectedAttribute } from "./protected-attributes.js";
import { binPoints, createScaling, DEFAULT_SCALING, type ScalingSettings } from "./scaling.js";
import { scoreFeatureRow } from "./apply-scorecard.js";
import type { DatasetKind, Discrimination, Scorecard, ScorecardFeature } from "./scorecard-artefact.js";
import { distributionShares, quantileEdges } from "./stability.js";

/** Everything the pipeline can be tuned with. */
export interface ScorecardSettings {
  binning: BinningOptions;
  minIv: number;
  maxCorrelation: number;
  maxFeatures: number;
  l2: number;
  scaling: ScalingSettings;
}

/** Defaults: 5% minimum bins, up to 6 bins, IV ≥ 0.02, |r| ≤ 0.7, light ridge, 600 @ 50:1, 20 PDO. */
export const DEFAULT_SETTINGS: ScorecardSettings = {
  binning: DEFAULT_BINNING,
  minIv: 0.02,
  maxCorrelation: 0.7,
  maxFeatures: 20,
  l2: 1,
  scaling: DEFAULT_SCALING,
};

/** Progress callback: a stage name and how far it got. */
export type TrainProgress = (stage: string, done: number, total: number) => void;

/** A fitted points table before it is packaged as an artefact. */
export interface FittedScorecard {
  intercept: number;
  scaling: Scorecard["scaling"];
  features: ScorecardFeature[];
  rejected: Rejection[];
}

const woeColumn = (b: FeatureBinning, table: LabelledTable): number[] =>
  table.rows.map((r) => (b.bins[findBin(b, r[b.feature])] as { woe: number }).woe);

/** Fits the binning, selection, regression and points of a scorecard on a labelled table. */
export function fitScorecard(
  table: LabelledTable,
  settings: ScorecardSettings = DEFAULT_SETTINGS,
  onProgress?: TrainProgress,
): FittedScorecard {
  const protectedSpecs = table.specs.filter((s) => isProtectedAttribute(s.name));
  if (protectedSpecs.length > 0)
    throw new Error(
      `protected characteristics cannot be scorecard inputs: ${protectedSpecs.map((s) => s.name).join(", ")}`,
    );
  const binnings = new Map<string, FeatureBinning>();
  const columns = new Map<string, number[]>();
  table.specs.forEach((spec, i) => {
    const b = fitFeatureBinning(
      spec,
      table.rows.map((r) => r[spec.name] ?? null),
      table.labels,
      settings.binning,
    );
    binnings.set(spec.name, b);
    columns.set(spec.name, woeColumn(b, table));
    onProgress?.("binning", i + 1, table.specs.length);
  });
  const { kept, rejected } = selectFeatures(
    table.specs.map((s) => ({
      name: s.name,
      iv: (binnings.get(s.name) as FeatureBinning).iv,
      column: columns.get(s.name) as number[],
    })),
    settings,
  );
  let names = [...kept];
  let model = { intercept: 0, coefficients: [] as number[] };
  // A positive coefficient on WoE would reward risk; drop such characteristics (weakest evidence first) and refit.
  for (;;) {
    const cols = names.map((n) => columns.get(n) as number[]);
    const x = table.rows.map((_, i) => cols.map((c) => c[i] as number));
    model = fitLogisticRegression(x, table.labels, { l2: settings.l2 });
    const wrong = model.coefficients.map((c, j) => ({ c, j })).filter(({ c }) => c >= 0);
    if (wrong.length === 0 || names.length <= 1) break;
    const worst = wrong.reduce((a, b) => (b.c > a.c ? b : a));
    rejected.push({
      name: names[worst.j] as string,
      reason: `non-negative WoE coefficient ${worst.c.toFixed(3)} in the joint model`,
    });
    names = names.filter((_, j) => j !== worst.j);
  }
  onProgress?.("regression", 1, 1);
  const scaling = createScaling(settings.scaling);
  const features = names.map((name, j): ScorecardFeature => {
    const spec = table.specs.find((s) => s.name === name);
    const b = binnings.get(name) as FeatureBinning;
    const coefficient = model.coefficients[j] as number;
    if (!spec) throw new Error(`no spec for ${name}`);
    return {
      name,
      kind: spec.kind,
      format: spec.format,
      label: spec.label,
      ...(spec.categoryLabels ? { categoryLabels: spec.categoryLabels } : {}),
      trend: b.trend,
      iv: b.iv,
      coefficient,
      bins: b.bins.map((bin) => ({
        ...bin,
        points: binPoints(coefficient, bin.woe, model.intercept, names.length, scaling),
      })),
    };
  });
  return { intercept: model.intercept, scaling, features, rejected };
}

/** AUC, KS and Gini of points on labelled rows (a lower score should mean more defaults). */
export function measureDiscrimination(
  fitted: Pick<FittedScorecard, "features" | "scaling">,
  table: LabelledTable,
): Discrimination {
  const pd = table.rows.map((r) => scoreFeatureRow(fitted, r).probabilityOfDefault);
  const auc = rocAuc(table.labels, pd);
  const bads = table.labels.reduce((s, l) => s + l, 0);
  return {
    rows: table.rows.length,
    badRate: bads / Math.max(1, table.rows.length),
    auc,
    ks: ksStatistic(table.labels, pd),
    gini: 2 * auc - 1,
  };
}

/** How a training run is identified and split. */
export interface TrainRun {
  dataset: DatasetKind;
  dataHash: string;
  createdAt: string;
  seed: number;
  /** Share of rows held out (stratified) for the reported metrics; 0 disables the hold-out. */
  holdoutShare: number;
  settings?: ScorecardSettings;
  onProgress?: TrainProgress;
}

/** Trains on a stratified split and packages the scorecard artefact with hold-out metrics. */
export function trainScorecard(table: LabelledTable, run: TrainRun): { scorecard: Scorecard; rejected: Rejection[] } {
  const settings = run.settings ?? DEFAULT_SETTINGS;
  const all = table.labels.map((_, i) => i);
  let trainIdx = all;
  let holdIdx: number[] = [];
  if (run.holdoutShare > 0) {
    const rng = createRng(run.seed);
    const k = Math.max(2, Math.round(1 / run.holdoutShare));
    const folds = stratifiedFolds(table.labels, k, (xs) => rng.shuffle(xs));
    holdIdx = folds[0] as number[];
    const held = new Set(holdIdx);
    trainIdx = all.filter((i) => !held.has(i));
  }
  const train = subsetTable(table, trainIdx);
  const fitted = fitScorecard(train, settings, run.onProgress);
  const trainPoints = train.rows.map((r) => scoreFeatureRow(fitted, r).points);
  const edges = quantileEdges(trainPoints, 10);
  const badRate = table.labels.reduce((s, l) => s + l, 0) / table.labels.length;
  const scorecard: Scorecard = {
    kind: "harbor-credit-scorecard",
    formatVersion: 1,
    version: `${run.dataset}-${run.createdAt.slice(0, 10).replace(/-/g, "")}-${run.dataHash.slice(0, 8)}`,
    dataset: run.dataset,
    createdAt: run.createdAt,
    intercept: fitted.intercept,
    scaling: fitted.scaling,
    features: fitted.features,
    metrics: {
      training: measureDiscrimination(fitted, train),
      holdout: holdIdx.length > 0 ? measureDiscrimination(fitted, subsetTable(table, holdIdx)) : null,
    },
    trainingData: { hash: run.dataHash, rows: table.rows.length, badRate },
    scoreDistribution: { edges, shares: distributionShares(trainPoints, edges) },
    settings: {
      minBinShare: settings.binning.minBinShare,
      maxBins: settings.binning.maxBins,
      minIv: settings.minIv,
      maxCorrelation: settings.maxCorrelation,
      l2: settings.l2,
    },
  };
  return { scorecard, rejected: fitted.rejected };
}
