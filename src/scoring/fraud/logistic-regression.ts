// L2-regularised logistic regression on standardised inputs, fitted by Newton's method (few passes, exact optimum),
// with scikit-learn's convention: minimise ½‖w‖² + C·Σ log-loss.
import { z } from "zod";

/** A fitted logistic regression with the standardisation it was trained with. */
export const FraudLogisticModelSchema = z.object({
  kind: z.literal("logistic"),
  C: z.number().positive(),
  mean: z.array(z.number()),
  scale: z.array(z.number()),
  weights: z.array(z.number()),
  intercept: z.number(),
});
/** A fitted logistic regression. */
export type FraudLogisticModel = z.infer<typeof FraudLogisticModelSchema>;

/** Fits on a row-major matrix X (n × f) with 0/1 labels. */
export function trainLogistic(
  X: Float32Array,
  y: ArrayLike<number>,
  f: number,
  options: { C?: number; iterations?: number } = {},
): FraudLogisticModel {
  const C = options.C ?? 1;
  const n = y.length;
  const mean = new Float64Array(f);
  const sq = new Float64Array(f);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < f; j++) {
      const v = X[i * f + j] as number;
      mean[j] = (mean[j] as number) + v;
      sq[j] = (sq[j] as number) + v * v;
    }
  }
  const scale = new Float64Array(f);
  for (let j = 0; j < f; j++) {
    mean[j] = (mean[j] as number) / n;
    const v = (sq[j] as number) / n - (mean[j] as number) ** 2;
    scale[j] = v > 1e-12 ? Math.sqrt(v) : 1;
  }
  const d = f + 1; // last coordinate = intercept (not penalised)
  const w = new Float64Array(d);
  const z = new Float64Array(d);
  for (let iter = 0; iter < (options.iterations ?? 25); iter++) {
    const g = new Float64Array(d);
    const Hm = new Float64Array(d * d);
    for (let i = 0; i < n; i++) {
      let m = w[f] as number;
      for (let j = 0; j < f; j++) {
        z[j] = ((X[i * f + j] as number) - (mean[j] as number)) / (scale[j] as number);
        m += (w[j] as number) * (z[j] as number);
      }
      z[f] = 1;
      const p = 1 / (1 + Math.exp(-m));
      const r = C * (p - (y[i] as number));
      const h = C * Math.max(p * (1 - p), 1e-12);
      for (let a = 0; a < d; a++) {
        const za = z[a] as number;
        g[a] = (g[a] as number) + r * za;
        const hz = h * za;
        for (let b = a; b < d; b++) Hm[a * d + b] = (Hm[a * d + b] as number) + hz * (z[b] as number);
      }
    }
    for (let a = 0; a < f; a++) {
      g[a] = (g[a] as number) + (w[a] as number);
      Hm[a * d + a] = (Hm[a * d + a] as number) + 1;
    }
    for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) Hm[a * d + b] = Hm[b * d + a] as number;
    const step = solveSymmetric(Hm, g, d);
    let maxStep = 0;
    for (let a = 0; a < d; a++) {
      w[a] = (w[a] as number) - (step[a] as number);
      maxStep = Math.max(maxStep, Math.abs(step[a] as number));
    }
    if (maxStep < 1e-7) break;
  }
  return {
    kind: "logistic",
    C,
    mean: [...mean],
    scale: [...scale],
    weights: [...w.slice(0, f)],
    intercept: w[f] as number,
  };
}

/** Probability of fraud for row `row` of a row-major matrix. */
export function predictLogistic(model: FraudLogisticModel, X: ArrayLike<number>, row: number, f: number): number {
  let m = model.intercept;
  for (let j = 0; j < f; j++)
    m +=
      (model.weights[j] as number) *
      (((X[row * f + j] as number) - (model.mean[j] as number)) / (model.scale[j] as number));
  return 1 / (1 + Math.exp(-m));
}

/** Returns a row scorer with the standardisation folded into the weights. */
export function compileLogistic(model: FraudLogisticModel, f: number): (X: ArrayLike<number>, row: number) => number {
  const w = new Float64Array(f);
  let b = model.intercept;
  for (let j = 0; j < f; j++) {
    w[j] = (model.weights[j] as number) / (model.scale[j] as number);
    b -= (w[j] as number) * (model.mean[j] as number);
  }
  return (X, row) => {
    let m = b;
    const o = row * f;
    for (let j = 0; j < f; j++) m += (w[j] as number) * (X[o + j] as number);
    return 1 / (1 + Math.exp(-m));
  };
}

/** Per-feature contributions to the margin relative to an average transaction. */
export function contributionsLogistic(model: FraudLogisticModel, x: ArrayLike<number>, f: number): Float64Array {
  const out = new Float64Array(f);
  for (let j = 0; j < f; j++)
    out[j] =
      (model.weights[j] as number) * (((x[j] as number) - (model.mean[j] as number)) / (model.scale[j] as number));
  return out;
}

/** Solves H·x = g by Cholesky (H is symmetric positive definite thanks to the ridge term). */
function solveSymmetric(H: Float64Array, g: Float64Array, d: number): Float64Array {
  const L = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let s = H[i * d + j] as number;
      for (let k = 0; k < j; k++) s -= (L[i * d + k] as number) * (L[j * d + k] as number);
      L[i * d + j] = i === j ? Math.sqrt(Math.max(s, 1e-12)) : s / (L[j * d + j] as number);
    }
  }
  const yv = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    let s = g[i] as number;
    for (let k = 0; k < i; k++) s -= (L[i * d + k] as number) * (yv[k] as number);
    yv[i] = s / (L[i * d + i] as number);
  }
  const x = new Float64Array(d);
  for (let i = d - 1; i >= 0; i--) {
    let s = yv[i] as number;
    for (let k = i + 1; k < d; k++) s -= (L[k * d + i] as number) * (x[k] as number);
    x[i] = s / (L[i * d + i] as number);
  }
  return x;
}
