// Grows one regression tree on gradients under monotone constraints, XGBoost-style: a split is admissible only if
// its child values respect the feature's direction, and each child inherits value bounds split at their midpoint.
import type { GbtParams, GbtTree, Monotone } from "./credit-gbt-artefact.js";

/** Value "missing" in a binned matrix. */
export const MISSING_BIN = 0xffff;

/** A row-major matrix of quantile bin indices, with each feature's cut points (bin b holds values ≤ cuts[b]). */
export interface BinnedMatrix {
  rows: number;
  features: number;
  bins: Uint16Array;
  cuts: number[][];
}

/** Index of the bin a value falls in: the first cut it does not exceed, or past the last cut. */
export function binOf(cuts: readonly number[], v: number): number {
  if (Number.isNaN(v)) return MISSING_BIN;
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v <= (cuts[mid] as number)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Quantile cut points of one column (at most maxBins - 1 cuts, never the column's maximum). */
function quantileCuts(column: number[], maxBins: number): number[] {
  const sorted = column.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const distinct = sorted.filter((v, i) => i === 0 || v !== sorted[i - 1]);
  const candidates =
    distinct.length <= maxBins
      ? distinct
      : Array.from(
          { length: maxBins - 1 },
          (_, q) => sorted[Math.floor(((q + 1) * sorted.length) / maxBins)] as number,
        );
  const top = distinct[distinct.length - 1] as number;
  return [...new Set(candidates)].filter((c) => c < top).sort((a, b) => a - b);
}

/** Bins an encoded matrix (rows of NaN-for-missing values) into at most maxBins quantile bins per feature. */
export function binMatrix(matrix: readonly Float64Array[], features: number, maxBins: number): BinnedMatrix {
  const cuts = Array.from({ length: features }, (_, j) =>
    quantileCuts(
      matrix.map((x) => x[j] as number),
      maxBins,
    ),
  );
  const bins = new Uint16Array(matrix.length * features);
  matrix.forEach((x, i) => {
    for (let j = 0; j < features; j++) bins[i * features + j] = binOf(cuts[j] as number[], x[j] as number);
  });
  return { rows: matrix.length, features, bins, cuts };
}

interface Split {
  feature: number;
  bin: number;
  missingLeft: boolean;
  gain: number;
  wLeft: number;
  wRight: number;
}

interface GrowContext {
  data: BinnedMatrix;
  grad: Float64Array;
  hess: Float64Array;
  monotone: readonly Monotone[];
  params: GbtParams;
  tree: GbtTree;
}

const clip = (w: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, w));
/** Twice the loss reduction of giving weight w to a node with gradient sums G, H (XGBoost's gain given weight). */
const gainGivenWeight = (G: number, H: number, w: number, lambda: number): number =>
  -(2 * G * w + (H + lambda) * w * w);

function bestSplit(ctx: GrowContext, rows: Int32Array, G: number, H: number, lo: number, hi: number): Split | null {
  const { data, grad, hess, params } = ctx;
  const f = data.features;
  const offsets: number[] = [];
  let size = 0;
  for (const c of data.cuts) {
    offsets.push(size);
    size += c.length + 1;
  }
  const hg = new Float64Array(size);
  const hh = new Float64Array(size);
  const hc = new Int32Array(size);
  const mg = new Float64Array(f);
  const mh = new Float64Array(f);
  const mc = new Int32Array(f);
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r] as number;
    const g = grad[i] as number;
    const h = hess[i] as number;
    const base = i * f;
    for (let j = 0; j < f; j++) {
      const b = data.bins[base + j] as number;
      if (b === MISSING_BIN) {
        mg[j] = (mg[j] as number) + g;
        mh[j] = (mh[j] as number) + h;
        mc[j] = (mc[j] as number) + 1;
      } else {
        const k = (offsets[j] as number) + b;
        hg[k] = (hg[k] as number) + g;
        hh[k] = (hh[k] as number) + h;
        hc[k] = (hc[k] as number) + 1;
      }
    }
  }
  const { lambda, minLeafRows } = params;
  const parentGain = gainGivenWeight(G, H, clip(-G / (H + lambda), lo, hi), lambda);
  const n = rows.length;
  let best: Split | null = null;
  for (let j = 0; j < f; j++) {
    const nb = (data.cuts[j] as number[]).length + 1;
    const off = offsets[j] as number;
    const c = ctx.monotone[j] ?? 0;
    let gl = 0;
    let hl = 0;
    let cl = 0;
    for (let b = 0; b < nb - 1; b++) {
      gl += hg[off + b] as number;
      hl += hh[off + b] as number;
      cl += hc[off + b] as number;
      for (let side = (mc[j] as number) > 0 ? 0 : 1; side < 2; side++) {
        const missingLeft = side === 0;
        const GL = missingLeft ? gl + (mg[j] as number) : gl;
        const HL = missingLeft ? hl + (mh[j] as number) : hl;
        const CL = missingLeft ? cl + (mc[j] as number) : cl;
        if (CL < minLeafRows || n - CL < minLeafRows) continue;
        const GR = G - GL;
        const HR = H - HL;
        const wL = clip(-GL / (HL + lambda), lo, hi);
        const wR = clip(-GR / (HR + lambda), lo, hi);
        if ((c === 1 && wL > wR) || (c === -1 && wL < wR)) continue;
        const gain = gainGivenWeight(GL, HL, wL, lambda) + gainGivenWeight(GR, HR, wR, lambda) - parentGain;
        if (gain > 1e-9 && (best === null || gain > best.gain))
          best = { feature: j, bin: b, missingLeft, gain, wLeft: wL, wRight: wR };
      }
    }
  }
  return best;
}

function addNode(tree: GbtTree, cover: number): number {
  tree.feature.push(-1);
  tree.threshold.push(0);
  tree.missingLeft.push(false);
  tree.left.push(-1);
  tree.right.push(-1);
  tree.value.push(0);
  tree.cover.push(cover);
  return tree.feature.length - 1;
}

function grow(ctx: GrowContext, rows: Int32Array, depth: number, lo: number, hi: number): number {
  const { grad, hess, params, tree, data } = ctx;
  let G = 0;
  let H = 0;
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r] as number;
    G += grad[i] as number;
    H += hess[i] as number;
  }
  const k = addNode(tree, rows.length);
  const split =
    depth < params.maxDepth && rows.length >= 2 * params.minLeafRows ? bestSplit(ctx, rows, G, H, lo, hi) : null;
  if (!split) {
    tree.value[k] = params.learningRate * clip(-G / (H + params.lambda), lo, hi);
    return k;
  }
  const f = data.features;
  const leftBuf = new Int32Array(rows.length);
  const rightBuf = new Int32Array(rows.length);
  let nl = 0;
  let nr = 0;
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r] as number;
    const b = data.bins[i * f + split.feature] as number;
    if (b === MISSING_BIN ? split.missingLeft : b <= split.bin) leftBuf[nl++] = i;
    else rightBuf[nr++] = i;
  }
  const leftRows = leftBuf.subarray(0, nl);
  const rightRows = rightBuf.subarray(0, nr);
  const mid = (split.wLeft + split.wRight) / 2;
  const c = ctx.monotone[split.feature] ?? 0;
  const leftBounds: [number, number] = c === 1 ? [lo, mid] : c === -1 ? [mid, hi] : [lo, hi];
  const rightBounds: [number, number] = c === 1 ? [mid, hi] : c === -1 ? [lo, mid] : [lo, hi];
  tree.feature[k] = split.feature;
  tree.threshold[k] = (data.cuts[split.feature] as number[])[split.bin] as number;
  tree.missingLeft[k] = split.missingLeft;
  tree.left[k] = grow(ctx, leftRows, depth + 1, ...leftBounds);
  tree.right[k] = grow(ctx, rightRows, depth + 1, ...rightBounds);
  return k;
}

/** Grows one tree on the given rows' gradients; leaf values are already shrunk by the learning rate. */
export function growMonotoneTree(
  data: BinnedMatrix,
  grad: Float64Array,
  hess: Float64Array,
  rows: Int32Array,
  monotone: readonly Monotone[],
  params: GbtParams,
): GbtTree {
  const tree: GbtTree = { feature: [], threshold: [], missingLeft: [], left: [], right: [], value: [], cover: [] };
  grow({ data, grad, hess, monotone, params, tree }, rows, 0, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY);
  return tree;
}

/** Output of one tree for an encoded row (NaN = missing goes the way training chose). */
export function predictTree(tree: GbtTree, x: ArrayLike<number>): number {
  let k = 0;
  for (;;) {
    const f = tree.feature[k] as number;
    if (f < 0) return tree.value[k] as number;
    const v = x[f] as number;
    const left = Number.isNaN(v) ? (tree.missingLeft[k] as boolean) : v <= (tree.threshold[k] as number);
    k = (left ? tree.left[k] : tree.right[k]) as number;
  }
}
