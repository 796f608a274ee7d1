// Logistic regression by Newton-Raphson (IRLS) with a light ridge penalty, on a dense design matrix.

/** A fitted logistic model: log-odds = intercept + Σ coefficients[j] · x[j]. */
export interface CreditLogisticModel {
  intercept: number;
  coefficients: number[];
}

/** Fitting controls. */
export interface LogisticOptions {
  /** Ridge penalty on the coefficients (not the intercept), in units of the log-likelihood. */
  l2: number;
  maxIterations: number;
  tolerance: number;
}

const DEFAULTS: LogisticOptions = { l2: 1, maxIterations: 50, tolerance: 1e-9 };

/** Solves A x = b for a symmetric positive-definite A by Gaussian elimination with partial pivoting. */
export function solveLinear(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] as number]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++)
      if (Math.abs((m[r] as number[])[col] as number) > Math.abs((m[pivot] as number[])[col] as number)) pivot = r;
    [m[col], m[pivot]] = [m[pivot] as number[], m[col] as number[]];
    const pr = m[col] as number[];
    const pv = pr[col] as number;
    if (Math.abs(pv) < 1e-12) throw new Error("singular system in logistic regression");
    for (let r = col + 1; r < n; r++) {
      const row = m[r] as number[];
      const f = (row[col] as number) / pv;
      if (f === 0) continue;
      for (let c = col; c <= n; c++) row[c] = (row[c] as number) - f * (pr[c] as number);
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    const row = m[r] as number[];
    let s = row[n] as number;
    for (let c = r + 1; c < n; c++) s -= (row[c] as number) * (x[c] as number);
    x[r] = s / (row[r] as number);
  }
  return x;
}

/** Fits P(y=1) = σ(intercept + x·β) on rows of features x and 0/1 labels y. */
export function fitLogisticRegression(
  x: readonly (readonly number[])[],
  y: readonly number[],
  options: Partial<LogisticOptions> = {},
): CreditLogisticModel {
  const opt = { ...DEFAULTS, ...options };
  const n = x.length;
  const p = n > 0 ? (x[0] as readonly number[]).length : 0;
  const d = p + 1;
  let beta = new Array<number>(d).fill(0);
  const mean = y.reduce((s, v) => s + v, 0) / Math.max(1, n);
  beta[0] = Math.log((mean + 1e-6) / (1 - mean + 1e-6));
  for (let iter = 0; iter < opt.maxIterations; iter++) {
    const grad = new Array<number>(d).fill(0);
    const hess = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    const row = new Array<number>(d).fill(1);
    for (let i = 0; i < n; i++) {
      const xi = x[i] as readonly number[];
      for (let j = 0; j < p; j++) row[j + 1] = xi[j] as number;
      let z = 0;
      for (let j = 0; j < d; j++) z += (beta[j] as number) * (row[j] as number);
      const pr = 1 / (1 + Math.exp(-z));
      const w = Math.max(pr * (1 - pr), 1e-10);
      const r = (y[i] as number) - pr;
      for (let j = 0; j < d; j++) {
        const rj = row[j] as number;
        grad[j] = (grad[j] as number) + r * rj;
        const hj = hess[j] as number[];
        const wr = w * rj;
        for (let k = j; k < d; k++) hj[k] = (hj[k] as number) + wr * (row[k] as number);
      }
    }
    for (let j = 0; j < d; j++)
      for (let k = 0; k < j; k++) (hess[j] as number[])[k] = (hess[k] as number[])[j] as number;
    for (let j = 1; j < d; j++) {
      grad[j] = (grad[j] as number) - opt.l2 * (beta[j] as number);
      (hess[j] as number[])[j] = ((hess[j] as number[])[j] as number) + opt.l2;
    }
    const step = solveLinear(hess, grad);
    beta = beta.map((b, j) => b + (step[j] as number));
    if (Math.max(...step.map(Math.abs)) < opt.tolerance) break;
  }
  return { intercept: beta[0] as number, coefficients: beta.slice(1) };
}

/** The model's log-odds for one row. */
export function logOdds(model: CreditLogisticModel, row: readonly number[]): number {
  let z = model.intercept;
  model.coefficients.forEach((c, j) => (z += c * (row[j] as number)));
  return z;
}
