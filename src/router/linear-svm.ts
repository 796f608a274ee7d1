// One-vs-rest linear SVM (squared hinge, L2) trained by dual coordinate descent with shrinking
// (Hsieh et al. 2008, the LIBLINEAR solver behind scikit-learn's LinearSVC).
import { createRng } from "../shared/random.js";
import type { SparseVector } from "./tfidf-vectorizer.js";

/** Trainer settings. */
export interface SvmOptions {
  /** Inverse regularisation strength. */
  c: number;
  /** Stop when the projected-gradient spread falls below this. */
  tolerance?: number;
  maxEpochs?: number;
  /** Weight each class's positives by n/(k·n_class), as class_weight="balanced". */
  balanced?: boolean;
  seed?: number;
}

/** Linear scores for K classes over F features: weights are feature-major (w[f*K + k]) for fast sparse dot products. */
export interface LinearModel {
  numFeatures: number;
  numClasses: number;
  weights: Float32Array;
  bias: Float32Array;
}

/** Trains one binary SVM per class against the rest. */
export function trainOneVsRestSvm(
  xs: readonly SparseVector[],
  ys: readonly number[],
  numClasses: number,
  numFeatures: number,
  options: SvmOptions,
  onClass?: (k: number) => void,
): LinearModel {
  const n = xs.length;
  const weights = new Float32Array(numFeatures * numClasses);
  const bias = new Float32Array(numClasses);
  const sqNorm = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = (xs[i] as SparseVector).values;
    let s = 1; // the constant bias feature
    for (let j = 0; j < v.length; j++) s += (v[j] as number) * (v[j] as number);
    sqNorm[i] = s;
  }
  const counts = new Array<number>(numClasses).fill(0);
  for (const y of ys) counts[y] = (counts[y] ?? 0) + 1;
  const w = new Float64Array(numFeatures + 1);
  for (let k = 0; k < numClasses; k++) {
    const cPos = options.balanced ? (options.c * n) / (numClasses * Math.max(1, counts[k] ?? 1)) : options.c;
    trainBinary(xs, ys, k, w, sqNorm, cPos, options);
    for (let f = 0; f < numFeatures; f++) weights[f * numClasses + k] = w[f] as number;
    bias[k] = w[numFeatures] as number;
    onClass?.(k);
  }
  return { numFeatures, numClasses, weights, bias };
}

function trainBinary(
  xs: readonly SparseVector[],
  ys: readonly number[],
  positive: number,
  w: Float64Array,
  sqNorm: Float64Array,
  cPos: number,
  options: SvmOptions,
): void {
  const n = xs.length;
  const biasIdx = w.length - 1;
  w.fill(0);
  const alpha = new Float64Array(n);
  const y = new Int8Array(n);
  const diag = new Float64Array(n);
  const qd = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = ys[i] === positive ? 1 : -1;
    diag[i] = 0.5 / (y[i] === 1 ? cPos : options.c);
    qd[i] = (sqNorm[i] as number) + (diag[i] as number);
  }
  const rng = createRng(options.seed ?? 1);
  const eps = options.tolerance ?? 0.1;
  const maxEpochs = options.maxEpochs ?? 200;
  const index = Int32Array.from({ length: n }, (_, i) => i);
  let active = n;
  let pgMaxOld = Infinity;
  for (let epoch = 0; epoch < maxEpochs; epoch++) {
    for (let i = 0; i < active; i++) {
      const j = i + Math.floor(rng.next() * (active - i));
      const t = index[i] as number;
      index[i] = index[j] as number;
      index[j] = t;
    }
    let pgMax = -Infinity;
    let pgMin = Infinity;
    for (let s = 0; s < active; s++) {
      const i = index[s] as number;
      const x = xs[i] as SparseVector;
      const yi = y[i] as number;
      let dot = w[biasIdx] as number;
      const idx = x.indices;
      const val = x.values;
      for (let j = 0; j < idx.length; j++) dot += (w[idx[j] as number] as number) * (val[j] as number);
      const a = alpha[i] as number;
      const g = yi * dot - 1 + a * (diag[i] as number);
      let pg = 0;
      if (a === 0) {
        if (g > pgMaxOld) {
          // Shrink: this example is far on the right side and stays out of the active set.
          active--;
          index[s] = index[active] as number;
          index[active] = i;
          s--;
          continue;
        }
        if (g < 0) pg = g;
      } else {
        pg = g;
      }
      if (pg > pgMax) pgMax = pg;
      if (pg < pgMin) pgMin = pg;
      if (Math.abs(pg) > 1e-12) {
        const na = Math.max(a - g / (qd[i] as number), 0);
        const d = (na - a) * yi;
        alpha[i] = na;
        for (let j = 0; j < idx.length; j++)
          w[idx[j] as number] = (w[idx[j] as number] as number) + d * (val[j] as number);
        w[biasIdx] = (w[biasIdx] as number) + d;
      }
    }
    if (pgMax - pgMin <= eps) {
      if (active === n) break;
      active = n;
      pgMaxOld = Infinity;
      continue;
    }
    pgMaxOld = pgMax <= 0 ? Infinity : pgMax;
  }
}

/** Scores a sparse vector against every class. */
export function scoreLinear(
  model: LinearModel,
  x: SparseVector,
  out = new Float64Array(model.numClasses),
): Float64Array {
  const k = model.numClasses;
  for (let c = 0; c < k; c++) out[c] = model.bias[c] as number;
  const { indices, values } = x;
  const w = model.weights;
  for (let j = 0; j < indices.length; j++) {
    const base = (indices[j] as number) * k;
    const v = values[j] as number;
    for (let c = 0; c < k; c++) out[c] = (out[c] as number) + (w[base + c] as number) * v;
  }
  return out;
}
