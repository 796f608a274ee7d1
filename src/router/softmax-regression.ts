// Multinomial (softmax) logistic regression over sparse rows, trained by AdaGrad SGD with L2 on touched weights;
// one model for all classes, so scores are comparable across intents without one-vs-rest calibration gaps.
import { createRng } from "../shared/random.js";
import type { LinearModel } from "./linear-svm.js";
import type { SparseVector } from "./tfidf-vectorizer.js";

/** Trainer settings. */
export interface SoftmaxOptions {
  epochs?: number;
  learningRate?: number;
  /** L2 penalty applied to the weights an example touches. */
  l2?: number;
  seed?: number;
}

/** Trains a softmax classifier; weights are feature-major like the SVM's so the same scorer serves both. */
export function trainSoftmaxRegression(
  xs: readonly SparseVector[],
  ys: readonly number[],
  numClasses: number,
  numFeatures: number,
  options: SoftmaxOptions = {},
): LinearModel {
  const k = numClasses;
  const epochs = options.epochs ?? 15;
  const lr = options.learningRate ?? 0.5;
  const l2 = options.l2 ?? 1e-5;
  const w = new Float64Array(numFeatures * k);
  const g2 = new Float64Array(numFeatures * k).fill(1e-8);
  const b = new Float64Array(k);
  const gb2 = new Float64Array(k).fill(1e-8);
  const scores = new Float64Array(k);
  const rng = createRng(options.seed ?? 1);
  const order = Array.from({ length: xs.length }, (_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    rng.shuffle(order);
    for (const i of order) {
      const { indices, values } = xs[i] as SparseVector;
      const y = ys[i] as number;
      for (let c = 0; c < k; c++) scores[c] = b[c] as number;
      for (let j = 0; j < indices.length; j++) {
        const base = (indices[j] as number) * k;
        const v = values[j] as number;
        for (let c = 0; c < k; c++) scores[c] = (scores[c] as number) + (w[base + c] as number) * v;
      }
      let max = -Infinity;
      for (let c = 0; c < k; c++) max = Math.max(max, scores[c] as number);
      let sum = 0;
      for (let c = 0; c < k; c++) {
        const e = Math.exp((scores[c] as number) - max);
        scores[c] = e;
        sum += e;
      }
      // scores now hold the gradient of the loss w.r.t. each class score: p_c − [c = y].
      for (let c = 0; c < k; c++) scores[c] = (scores[c] as number) / sum - (c === y ? 1 : 0);
      for (let c = 0; c < k; c++) {
        const g = scores[c] as number;
        gb2[c] = (gb2[c] as number) + g * g;
        b[c] = (b[c] as number) - (lr * g) / Math.sqrt(gb2[c] as number);
      }
      for (let j = 0; j < indices.length; j++) {
        const base = (indices[j] as number) * k;
        const v = values[j] as number;
        for (let c = 0; c < k; c++) {
          const at = base + c;
          const g = (scores[c] as number) * v + l2 * (w[at] as number);
          g2[at] = (g2[at] as number) + g * g;
          w[at] = (w[at] as number) - (lr * g) / Math.sqrt(g2[at] as number);
        }
      }
    }
  }
  return { numFeatures, numClasses, weights: Float32Array.from(w), bias: Float32Array.from(b) };
}
