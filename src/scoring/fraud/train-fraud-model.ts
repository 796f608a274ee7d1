// Model selection on prequential validation folds (never on test) over logistic regression, boosted trees and
// their blend, then a final fit on the latest labelled window, packaged as a versioned artefact.
import { createStreamingHash } from "../../shared/hash.js";
import { FEATURE_COUNT, FRAUD_FEATURES, DEFAULT_LABEL_DELAY_DAYS } from "./fraud-features.js";
import { foldRows, fraudMetrics, type EvalColumns, type Fold } from "./fraud-evaluation.js";
import {
  FRAUD_ARTEFACT_VERSION,
  type FraudMetrics,
  type FraudModelArtefact,
  type FraudThresholds,
} from "./fraud-model-artefact.js";
import { compileGbdt, trainGbdt, type GbdtParams } from "./gradient-boosted-trees.js";
import { compileLogistic, trainLogistic } from "./logistic-regression.js";

/** Featurised, labelled transactions in time order; `day` counts days from `startDate`. */
export interface FraudTrainingData extends EvalColumns {
  X: Float32Array;
  startDate: string;
  amount?: ArrayLike<number>;
}

/** A model family with fixed hyper-parameters. */
export interface FraudCandidate {
  name: string;
  kind: "logistic" | "gbdt";
  C?: number;
  gbdt?: Partial<GbdtParams>;
}

/** Default search space (the book's grids, trimmed to what fits a start-up budget). */
export const DEFAULT_FRAUD_CANDIDATES: FraudCandidate[] = [
  { name: "logistic C=0.1", kind: "logistic", C: 0.1 },
  { name: "logistic C=1", kind: "logistic", C: 1 },
  { name: "logistic C=100", kind: "logistic", C: 100 },
  { name: "gbdt 100 trees/lr 0.1/depth 3", kind: "gbdt", gbdt: { trees: 100, learningRate: 0.1, maxDepth: 3 } },
  {
    name: "gbdt 200 trees/lr 0.05/depth 4",
    kind: "gbdt",
    gbdt: { trees: 200, learningRate: 0.05, maxDepth: 4, minChildHessian: 5 },
  },
];

/** Probability cut-offs used when none are configured. */
export const DEFAULT_FRAUD_THRESHOLDS: FraudThresholds = { review: 0.3, block: 0.8 };

/** Options of a training run. */
export interface TrainFraudOptions {
  validationFolds: Fold[];
  finalTrainDays: { start: number; days: number };
  candidates?: FraudCandidate[];
  labelFeedbackCount?: number;
  thresholds?: FraudThresholds;
  /** Weight of the boosted trees in the blend candidate (the rest goes to logistic regression). */
  blendTreeWeight?: number;
  now?: Date;
  onProgress?: (done: number, total: number, label: string) => void;
}

/** Result of selection and the final fit. */
export interface TrainFraudResult {
  artefact: FraudModelArtefact;
  candidates: { name: string; validation: FraudMetrics; fitSeconds: number }[];
  trainSeconds: number;
}

type Member = FraudModelArtefact["members"][number];

/** Copies the given rows of a feature matrix into a dense sub-matrix with its labels. */
export function takeRows(data: FraudTrainingData, rows: ArrayLike<number>): { X: Float32Array; y: Uint8Array } {
  const X = new Float32Array(rows.length * FEATURE_COUNT);
  const y = new Uint8Array(rows.length);
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k] as number;
    X.set(data.X.subarray(r * FEATURE_COUNT, (r + 1) * FEATURE_COUNT), k * FEATURE_COUNT);
    y[k] = data.fraud[r] as number;
  }
  return { X, y };
}

/** Fits one candidate and returns it as a blend member. */
export function fitCandidate(c: FraudCandidate, X: Float32Array, y: Uint8Array): Member {
  return c.kind === "logistic"
    ? { weight: 1, model: trainLogistic(X, y, FEATURE_COUNT, { C: c.C ?? 1 }) }
    : { weight: 1, model: trainGbdt(X, y, FEATURE_COUNT, c.gbdt ?? {}) };
}

/** Probabilities of a blend for every row of a matrix. */
export function predictMembers(members: Member[], X: Float32Array, n: number): Float64Array {
  const out = new Float64Array(n);
  for (const m of members) {
    const predict =
      m.model.kind === "gbdt" ? compileGbdt(m.model, FEATURE_COUNT) : compileLogistic(m.model, FEATURE_COUNT);
    for (let i = 0; i < n; i++) out[i] = (out[i] as number) + m.weight * predict(X, i);
  }
  return out;
}

/** Validation folds ending where labels stop being known: fold i tests the week `delay + 7i` days before the end. */
export function defaultValidationFolds(
  nDays: number,
  options: { trainDays?: number; delayDays?: number; folds?: number } = {},
): Fold[] {
  const trainDays = options.trainDays ?? 7;
  const delayDays = options.delayDays ?? DEFAULT_LABEL_DELAY_DAYS;
  const lastLabelled = nDays - delayDays;
  const folds: Fold[] = [];
  for (let i = 0; i < (options.folds ?? 4); i++) {
    const testStart = lastLabelled - 7 * (i + 1);
    const trainStart = testStart - delayDays - trainDays;
    if (trainStart >= 0) folds.push({ trainStart, trainDays, delayDays, testDays: 7 });
  }
  return folds;
}

/** A candidate (or blend of candidates) with its mean validation metrics. */
export interface RankedCandidate {
  name: string;
  kind: "logistic" | "gbdt" | "blend";
  validation: FraudMetrics;
  fitSeconds: number;
  members: FraudCandidate[];
  weights: number[];
}

/** Scores every candidate (and the blend of the best logistic and best tree model) on the validation folds, best first. */
export function rankFraudCandidates(
  data: FraudTrainingData,
  validationFolds: Fold[],
  options: {
    candidates?: FraudCandidate[];
    blendTreeWeight?: number;
    onProgress?: (done: number, total: number, label: string) => void;
  } = {},
): RankedCandidate[] {
  const candidates = options.candidates ?? DEFAULT_FRAUD_CANDIDATES;
  const folds = validationFolds.map((fold) => {
    const { train, test } = foldRows(data, fold);
    return { train: takeRows(data, train), testRows: test, test: takeRows(data, test) };
  });
  const usable = folds.filter((f) => hasBothClasses(f.train.y) && hasBothClasses(f.test.y));
  const total = candidates.length * usable.length;
  let done = 0;
  const scored = candidates.map((c) => {
    let fitSeconds = 0;
    const scores = usable.map((f) => {
      const t0 = performance.now();
      const member = fitCandidate(c, f.train.X, f.train.y);
      fitSeconds += (performance.now() - t0) / 1000;
      options.onProgress?.(++done, total, c.name);
      return predictMembers([member], f.test.X, f.testRows.length);
    });
    return { candidate: c, scores, fitSeconds: usable.length ? fitSeconds / usable.length : 0 };
  });
  const evaluate = (scores: Float64Array[]): FraudMetrics =>
    meanMetrics(usable.map((f, k) => fraudMetrics(f.testRows, data, scores[k] as Float64Array)));
  const results: RankedCandidate[] = scored.map((s) => ({
    name: s.candidate.name,
    kind: s.candidate.kind,
    validation: evaluate(s.scores),
    fitSeconds: s.fitSeconds,
    members: [s.candidate],
    weights: [1],
  }));
  const bestOf = (kind: FraudCandidate["kind"]): (typeof scored)[number] | undefined => {
    const idx = results
      .map((r, i) => ({ r, i }))
      .filter((x) => x.r.kind === kind)
      .sort((a, b) => score(b.r.validation) - score(a.r.validation))[0];
    return idx ? scored[idx.i] : undefined;
  };
  const lr = bestOf("logistic");
  const gb = bestOf("gbdt");
  if (lr && gb && usable.length > 0) {
    const w = options.blendTreeWeight ?? 0.7;
    const blended = usable.map((_, k) => {
      const a = gb.scores[k] as Float64Array;
      const b = lr.scores[k] as Float64Array;
      return a.map((v, i) => w * v + (1 - w) * (b[i] as number));
    });
    results.push({
      name: `blend ${w}×(${gb.candidate.name}) + ${Math.round((1 - w) * 10) / 10}×(${lr.candidate.name})`,
      kind: "blend",
      validation: evaluate(blended),
      fitSeconds: gb.fitSeconds + lr.fitSeconds,
      members: [gb.candidate, lr.candidate],
      weights: [w, 1 - w],
    });
  }
  return results.sort((a, b) => score(b.validation) - score(a.validation));
}

/** Fits a ranked candidate (single model or blend) on a matrix. */
export function fitRanked(chosen: RankedCandidate, X: Float32Array, y: Uint8Array): Member[] {
  return chosen.members.map((c, k) => ({ ...fitCandidate(c, X, y), weight: chosen.weights[k] ?? 1 }));
}

/** Selects the best candidate by mean validation average precision, refits it on the final window and packages it. */
export function trainFraudModel(data: FraudTrainingData, options: TrainFraudOptions): TrainFraudResult {
  const ranked = rankFraudCandidates(data, options.validationFolds, options);
  const fallback: FraudCandidate = { name: "logistic C=1", kind: "logistic", C: 1 };
  const nan = { auc: Number.NaN, ap: Number.NaN, cpk: Number.NaN };
  const chosen = ranked[0] ?? {
    name: fallback.name,
    kind: "logistic",
    validation: nan,
    fitSeconds: 0,
    members: [fallback],
    weights: [1],
  };
  const finalRows: number[] = [];
  const end = options.finalTrainDays.start + options.finalTrainDays.days;
  for (let i = 0; i < data.length; i++) {
    const d = data.day[i] as number;
    if (d >= options.finalTrainDays.start && d < end) finalRows.push(i);
  }
  const final = takeRows(data, finalRows);
  const t0 = performance.now();
  const members = fitRanked(chosen, final.X, final.y);
  const trainSeconds = (performance.now() - t0) / 1000;
  const hash = createStreamingHash();
  let frauds = 0;
  for (const r of finalRows) {
    frauds += data.fraud[r] as number;
    hash.update(`${data.day[r]},${data.customer[r]},${data.amount ? data.amount[r] : ""},${data.fraud[r]}\n`);
  }
  const dataHash = hash.digest();
  const now = options.now ?? new Date();
  const artefact: FraudModelArtefact = {
    format: "harbor-fraud-model",
    artefactVersion: FRAUD_ARTEFACT_VERSION,
    modelVersion: `fraud-${now.toISOString().slice(0, 10)}-${dataHash.slice(0, 8)}`,
    createdAt: now.toISOString(),
    candidate: chosen.name,
    features: [...FRAUD_FEATURES],
    labelDelayDays: options.validationFolds[0]?.delayDays ?? DEFAULT_LABEL_DELAY_DAYS,
    members,
    thresholds: options.thresholds ?? DEFAULT_FRAUD_THRESHOLDS,
    metrics: {
      validation: storable(chosen.validation),
      candidates: ranked.map((r) => ({ name: r.name, validation: storable(r.validation) })),
    },
    training: {
      dataHash,
      rows: finalRows.length,
      frauds,
      labelFeedbackCount: options.labelFeedbackCount ?? 0,
      firstDay: addDays(data.startDate, options.finalTrainDays.start),
      lastDay: addDays(data.startDate, end - 1),
    },
  };
  return {
    artefact,
    candidates: ranked.map((r) => ({ name: r.name, validation: r.validation, fitSeconds: r.fitSeconds })),
    trainSeconds,
  };
}

/** Metrics as stored in JSON: undefined values (no frauds in a fold) become null. */
function storable(m: FraudMetrics): { auc: number | null; ap: number | null; cpk: number | null } {
  const v = (x: number): number | null => (Number.isFinite(x) ? Math.round(x * 10000) / 10000 : null);
  return { auc: v(m.auc), ap: v(m.ap), cpk: v(m.cpk) };
}

/** Selection score: average precision, NaN last. */
function score(m: FraudMetrics): number {
  return Number.isFinite(m.ap) ? m.ap : -1;
}

function hasBothClasses(y: Uint8Array): boolean {
  let pos = 0;
  for (const v of y) pos += v;
  return pos > 0 && pos < y.length;
}

function meanMetrics(ms: FraudMetrics[]): FraudMetrics {
  const avg = (k: keyof FraudMetrics): number => {
    const vals = ms.map((m) => m[k]).filter(Number.isFinite);
    return vals.length ? vals.reduce((a, b) => a + b, 0) / vals.length : Number.NaN;
  };
  return { auc: avg("auc"), ap: avg("ap"), cpk: avg("cpk") };
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
