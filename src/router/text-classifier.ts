// Trains the intent text classifier: TF-IDF features, one-vs-rest linear SVM (optionally fused with softmax regression),
// temperature-calibrated probabilities and out-of-scope / low-confidence thresholds fitted on held-out data.
// Used unchanged for our catalogue and benchmarks.
import { createRng } from "../shared/random.js";
import {
  chooseLowConfidenceThreshold,
  chooseOutOfScopeThreshold,
  fitTemperature,
  softmax,
  type HeldOutPrediction,
  type OutOfScopePolicy,
} from "./calibration.js";
import { scoreLinear, trainOneVsRestSvm, type LinearModel } from "./linear-svm.js";
import { trainSoftmaxRegression, type SoftmaxOptions } from "./softmax-regression.js";
import { DEFAULT_FEATURE_CONFIG, type FeatureConfig } from "./text-features.js";
import { fitTfidfVectorizer, type SparseVector, type TfidfVectorizer } from "./tfidf-vectorizer.js";

const DEFAULT_C = 0.5;
const DEFAULT_SOFTMAX_WEIGHT = 0;
const DEFAULT_SOFTMAX: SoftmaxOptions = { learningRate: 1, epochs: 15, l2: 0 };

/** A training or evaluation example. */
export interface LabeledText {
  text: string;
  label: string;
}

/** Training settings; defaults were chosen on BANKING77/CLINC150 training and validation splits. */
export interface ClassifierTrainOptions {
  features?: FeatureConfig;
  c?: number;
  balanced?: boolean;
  /** Weight of a softmax-regression model added to the SVM (after matching score scales); 0 = SVM alone. */
  softmaxWeight?: number;
  softmax?: SoftmaxOptions;
  seed?: number;
  /** Share of each label held out to fit the temperature and thresholds when no calibration set is given. */
  calibrationShare?: number;
  /** An explicit held-out set (may contain labels outside the label set: those count as out of scope). */
  calibration?: readonly LabeledText[];
  /** Labels that themselves mean "out of scope" (an explicit OOS class). */
  outOfScopeLabels?: readonly string[];
  /** Label → group (the route): the low-confidence threshold is set on group correctness, since the group picks the tools. */
  labelGroups?: ReadonlyMap<string, string>;
  /**
   * Weight of a group-level SVM (trained on the groups of `labelGroups`) added to each label's scores; 0 = none. Every
   * utterance of a group then teaches the group's shared words, which the one-label-vs-rest models split thinly.
   */
  groupWeight?: number;
  /** How the out-of-scope threshold is chosen on the held-out data. */
  oosPolicy?: OutOfScopePolicy;
  onProgress?: (message: string) => void;
}

/** Confidence cut-offs: below `outOfScope` the message is treated as out of scope, below `lowConfidence` as unsure. */
export interface Thresholds {
  outOfScope: number;
  lowConfidence: number;
}

/** A trained classifier with calibrated probabilities. */
export interface TextClassifier {
  labels: string[];
  vectorizer: TfidfVectorizer;
  model: LinearModel;
  temperature: number;
  thresholds: Thresholds;
  /** Probability of every label, in `labels` order. */
  predict(text: string): Float64Array;
}

/** Assembles a classifier from its parts (after training or loading an artefact). */
export function createTextClassifier(parts: Omit<TextClassifier, "predict">): TextClassifier {
  const buffer = new Float64Array(parts.model.numClasses);
  return {
    ...parts,
    predict: (text) => softmax(scoreLinear(parts.model, parts.vectorizer.transform(text), buffer), parts.temperature),
  };
}

/** Splits examples per label by a seeded shuffle, so the held-out part is the same on every run. */
export function splitPerLabel<T extends { label: string }>(
  items: readonly T[],
  share: number,
  seed: number,
): { train: T[]; heldOut: T[] } {
  const byLabel = new Map<string, T[]>();
  for (const it of items) {
    const group = byLabel.get(it.label);
    if (group) group.push(it);
    else byLabel.set(it.label, [it]);
  }
  const train: T[] = [];
  const heldOut: T[] = [];
  for (const [label, group] of [...byLabel.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const rng = createRng(seed ^ hashLabel(label));
    const shuffled = rng.shuffle([...group]);
    const k = group.length >= 3 ? Math.max(1, Math.round(share * group.length)) : 0;
    heldOut.push(...shuffled.slice(0, k));
    train.push(...shuffled.slice(k));
  }
  return { train, heldOut };
}

function hashLabel(label: string): number {
  let h = 2166136261;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 16777619);
  return h >>> 0;
}

function fit(
  examples: readonly LabeledText[],
  labels: string[],
  options: ClassifierTrainOptions,
): { vectorizer: TfidfVectorizer; model: LinearModel } {
  const features = options.features ?? DEFAULT_FEATURE_CONFIG;
  const vectorizer = fitTfidfVectorizer(
    examples.map((e) => e.text),
    features,
  );
  const index = new Map(labels.map((l, i) => [l, i]));
  const xs = examples.map((e) => vectorizer.transform(e.text));
  const ys = examples.map((e) => index.get(e.label) as number);
  const svm = trainOneVsRestSvm(xs, ys, labels.length, vectorizer.terms.length, {
    c: options.c ?? DEFAULT_C,
    balanced: options.balanced ?? false,
    seed: options.seed ?? 1,
  });
  const grouped = addGroupModel(svm, xs, ys, labels, vectorizer.terms.length, options);
  const softmaxWeight = options.softmaxWeight ?? DEFAULT_SOFTMAX_WEIGHT;
  if (softmaxWeight <= 0) return { vectorizer, model: grouped };
  const softmax = trainSoftmaxRegression(xs, ys, labels.length, vectorizer.terms.length, {
    seed: options.seed ?? 1,
    ...DEFAULT_SOFTMAX,
    ...options.softmax,
  });
  // Both models are linear in the same features, so their weighted sum is one linear model: the artefact and
  // prediction cost stay those of a single model.
  const ratio = scoreSpread(svm, xs) / Math.max(1e-12, scoreSpread(softmax, xs));
  return { vectorizer, model: addLinearModels(grouped, softmax, softmaxWeight * ratio) };
}

/**
 * Adds a one-vs-rest SVM over the labels' groups to the label model: label k gains `groupWeight` times the score of its
 * group. The sum is still one linear model over the same features, so prediction costs nothing more.
 */
function addGroupModel(
  model: LinearModel,
  xs: readonly SparseVector[],
  ys: readonly number[],
  labels: readonly string[],
  numFeatures: number,
  options: ClassifierTrainOptions,
): LinearModel {
  const weight = options.groupWeight ?? 0;
  const groupsOf = options.labelGroups;
  if (weight <= 0 || !groupsOf) return model;
  const groupNames = [...new Set(labels.map((l) => groupsOf.get(l) ?? l))].sort();
  if (groupNames.length < 2) return model;
  const groupIndex = new Map(groupNames.map((g, i) => [g, i]));
  const groupOfLabel = labels.map((l) => groupIndex.get(groupsOf.get(l) ?? l) as number);
  const groups = trainOneVsRestSvm(
    xs,
    ys.map((y) => groupOfLabel[y] as number),
    groupNames.length,
    numFeatures,
    { c: options.c ?? DEFAULT_C, seed: options.seed ?? 1 },
  );
  const k = model.numClasses;
  const g = groups.numClasses;
  const weights = Float32Array.from(model.weights);
  const bias = Float32Array.from(model.bias);
  for (let c = 0; c < k; c++) {
    const gc = groupOfLabel[c] as number;
    bias[c] = (bias[c] as number) + weight * (groups.bias[gc] as number);
    for (let f = 0; f < numFeatures; f++)
      weights[f * k + c] = (weights[f * k + c] as number) + weight * (groups.weights[f * g + gc] as number);
  }
  return { ...model, weights, bias };
}

/** Standard deviation of a model's scores over (up to 2,000 of) the training rows. */
function scoreSpread(model: LinearModel, xs: readonly SparseVector[]): number {
  let sum = 0;
  let sq = 0;
  let n = 0;
  const buffer = new Float64Array(model.numClasses);
  for (const x of xs.slice(0, 2000)) {
    for (const v of scoreLinear(model, x, buffer)) {
      sum += v;
      sq += v * v;
      n++;
    }
  }
  return n === 0 ? 1 : Math.sqrt(Math.max(0, sq / n - (sum / n) ** 2));
}

function addLinearModels(a: LinearModel, b: LinearModel, weightB: number): LinearModel {
  const weights = Float32Array.from(a.weights, (w, i) => w + weightB * (b.weights[i] as number));
  const bias = Float32Array.from(a.bias, (w, i) => w + weightB * (b.bias[i] as number));
  return { numFeatures: a.numFeatures, numClasses: a.numClasses, weights, bias };
}

/** Trains on the examples, calibrates on held-out data, and (when the held-out part came from them) refits on all. */
export function trainTextClassifier(
  examples: readonly LabeledText[],
  options: ClassifierTrainOptions = {},
): TextClassifier {
  const labels = [...new Set(examples.map((e) => e.label))].sort();
  if (labels.length < 2) throw new Error("a classifier needs at least two labels");
  const seed = options.seed ?? 1;
  const split = options.calibration
    ? { train: [...examples], heldOut: [...options.calibration] }
    : splitPerLabel(examples, options.calibrationShare ?? 0.2, seed);
  options.onProgress?.(`fitting on ${split.train.length} examples, calibrating on ${split.heldOut.length}`);
  const first = fit(split.train, labels, options);
  const oosLabels = new Set(options.outOfScopeLabels ?? []);
  const index = new Map(labels.map((l, i) => [l, i]));
  const scores: Float64Array[] = split.heldOut.map((e) => scoreLinear(first.model, first.vectorizer.transform(e.text)));
  const known = split.heldOut.map((e, i) => ({ i, label: index.get(e.label) })).filter((r) => r.label !== undefined);
  const temperature = fitTemperature(
    known.map((r) => scores[r.i] as Float64Array),
    known.map((r) => r.label as number),
  );
  const groupOf = (label: string): string => options.labelGroups?.get(label) ?? label;
  const preds: (HeldOutPrediction & { groupCorrect: boolean })[] = split.heldOut.map((e, i) => {
    const p = softmax(scores[i] as Float64Array, temperature);
    let best = 0;
    for (let k = 1; k < p.length; k++) if ((p[k] as number) > (p[best] as number)) best = k;
    const predicted = labels[best] as string;
    const isOos = oosLabels.has(e.label) || !index.has(e.label);
    const correct = isOos ? oosLabels.has(predicted) : predicted === e.label;
    return {
      confidence: p[best] as number,
      correct,
      outOfScope: isOos,
      groupCorrect: correct || (!isOos && groupOf(predicted) === groupOf(e.label)),
    };
  });
  // With routes given, a held-out message counts as served when its route is right: the route picks the tools, so
  // the threshold should not give up messages whose intent was a near miss within the right route.
  const outOfScope = chooseOutOfScopeThreshold(
    options.labelGroups ? preds.map((p) => ({ ...p, correct: p.groupCorrect })) : preds,
    options.oosPolicy,
  );
  const lowConfidence = chooseLowConfidenceThreshold(preds.map((p) => ({ ...p, correct: p.groupCorrect })));
  const thresholds: Thresholds = { outOfScope, lowConfidence: Math.max(outOfScope, lowConfidence) };
  const final = options.calibration ? first : fit(examples, labels, options);
  return createTextClassifier({ labels, ...final, temperature, thresholds });
}
