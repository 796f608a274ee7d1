// Turns raw linear scores into probabilities (softmax with a temperature fitted on held-out data)
// and picks confidence thresholds from held-out predictions.

/** Softmax of scores divided by a temperature. */
export function softmax(scores: ArrayLike<number>, temperature: number): Float64Array {
  const out = new Float64Array(scores.length);
  let max = -Infinity;
  for (let i = 0; i < scores.length; i++) max = Math.max(max, scores[i] as number);
  let sum = 0;
  for (let i = 0; i < scores.length; i++) {
    const e = Math.exp(((scores[i] as number) - max) / temperature);
    out[i] = e;
    sum += e;
  }
  for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) / sum;
  return out;
}

/** Finds the temperature minimising the negative log-likelihood of the true labels (golden-section search on log T). */
export function fitTemperature(scores: readonly ArrayLike<number>[], labels: readonly number[]): number {
  if (scores.length === 0) return 1;
  const nll = (logT: number): number => {
    const t = Math.exp(logT);
    let total = 0;
    scores.forEach((s, i) => {
      const p = softmax(s, t)[labels[i] as number] as number;
      total -= Math.log(Math.max(p, 1e-12));
    });
    return total;
  };
  let lo = Math.log(0.005);
  let hi = Math.log(5);
  const phi = (Math.sqrt(5) - 1) / 2;
  let a = hi - phi * (hi - lo);
  let b = lo + phi * (hi - lo);
  let fa = nll(a);
  let fb = nll(b);
  for (let it = 0; it < 60; it++) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - phi * (hi - lo);
      fa = nll(a);
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + phi * (hi - lo);
      fb = nll(b);
    }
  }
  return Math.exp((lo + hi) / 2);
}

/** One held-out prediction: its confidence, whether it was right, whether the example was really out of scope. */
export interface HeldOutPrediction {
  confidence: number;
  correct: boolean;
  outOfScope: boolean;
}

/** How the out-of-scope threshold is chosen from held-out predictions. */
export interface OutOfScopePolicy {
  /** Largest drop in held-out in-scope accuracy (0..1) accepted for catching more out-of-scope messages. */
  maxInScopeLoss: number;
  /** With no out-of-scope examples held out: the share of in-scope examples that must stay above the threshold. */
  minInScopeKept: number;
}

/** Default policy: give up at most one point of in-scope accuracy, keep 97 % of in-scope messages. */
export const DEFAULT_OOS_POLICY: OutOfScopePolicy = { maxInScopeLoss: 0.01, minInScopeKept: 0.97 };

/**
 * Chooses the out-of-scope threshold on held-out data: the one catching the most out-of-scope examples while
 * in-scope accuracy stays within `maxInScopeLoss` of its unthresholded value.
 */
export function chooseOutOfScopeThreshold(
  preds: readonly HeldOutPrediction[],
  policy: OutOfScopePolicy = DEFAULT_OOS_POLICY,
): number {
  const inScope = preds.filter((p) => !p.outOfScope);
  const oos = preds.filter((p) => p.outOfScope);
  if (oos.length === 0 || inScope.length === 0) {
    const sorted = inScope.map((p) => p.confidence).sort((a, b) => a - b);
    const idx = Math.floor((1 - policy.minInScopeKept) * sorted.length);
    return Math.max(0, (sorted[idx] ?? 0) - 1e-9);
  }
  const accuracyAt = (t: number): number =>
    inScope.filter((p) => p.correct && p.confidence >= t).length / inScope.length;
  const floor = accuracyAt(0) - policy.maxInScopeLoss - 1e-12;
  let best = 0;
  let bestRecall = -1;
  const candidates = [...new Set(preds.map((p) => p.confidence))].sort((a, b) => a - b);
  for (const t of [0, ...candidates.map((c) => c + 1e-9)]) {
    if (accuracyAt(t) < floor) break;
    const recall = oos.filter((p) => p.correct || p.confidence < t).length / oos.length;
    if (recall > bestRecall) {
      bestRecall = recall;
      best = t;
    }
  }
  return best;
}

/** The confidence below which held-out predictions are more often wrong than right (the "ask again" zone). */
export function chooseLowConfidenceThreshold(preds: readonly HeldOutPrediction[], maxAccuracyBelow = 0.5): number {
  const inScope = preds.filter((p) => !p.outOfScope).sort((a, b) => a.confidence - b.confidence);
  let correct = 0;
  let threshold = 0;
  for (let i = 0; i < inScope.length; i++) {
    const p = inScope[i] as HeldOutPrediction;
    if (p.correct) correct++;
    if (correct / (i + 1) < maxAccuracyBelow) threshold = p.confidence + 1e-9;
  }
  return threshold;
}
