// Histogram-based gradient-boosted trees for binary log-loss (LightGBM-style binning, level-wise growth with the
// histogram subtraction trick); trees are flattened to arrays so scoring is a tight loop.
import { z } from "zod";

/** Training settings of the tree ensemble. */
export const GbdtParamsSchema = z.object({
  trees: z.number().int().min(1).default(100),
  maxDepth: z.number().int().min(1).max(12).default(3),
  learningRate: z.number().positive().default(0.1),
  lambda: z.number().min(0).default(1),
  minChildHessian: z.number().min(0).default(1),
  maxBins: z.number().int().min(4).max(255).default(255),
});
/** Training settings of the tree ensemble. */
export type GbdtParams = z.infer<typeof GbdtParamsSchema>;

/** One flattened tree: node k splits on feature[k] at threshold[k] (left when x <= threshold); feature -1 marks a leaf. */
export const FlatTreeSchema = z.object({
  feature: z.array(z.number().int()),
  threshold: z.array(z.number()),
  left: z.array(z.number().int()),
  right: z.array(z.number().int()),
  /** Leaf output, or for internal nodes the value the node would have had (used to attribute contributions). */
  value: z.array(z.number()),
});
/** One flattened tree. */
export type FlatTree = z.infer<typeof FlatTreeSchema>;

/** A trained ensemble: margin = base + Σ tree outputs; probability = sigmoid(margin). */
export const GbdtModelSchema = z.object({
  kind: z.literal("gbdt"),
  base: z.number(),
  params: GbdtParamsSchema,
  trees: z.array(FlatTreeSchema),
});
/** A trained ensemble. */
export type GbdtModel = z.infer<typeof GbdtModelSchema>;

/** Trains on a row-major matrix X (n × f) with 0/1 labels. */
export function trainGbdt(
  X: Float32Array,
  y: ArrayLike<number>,
  f: number,
  input: Partial<GbdtParams> = {},
): GbdtModel {
  const params = GbdtParamsSchema.parse(input);
  const n = y.length;
  const { bins, edges } = binMatrix(X, n, f, params.maxBins);
  const B = params.maxBins;
  let pos = 0;
  for (let i = 0; i < n; i++) pos += y[i] as number;
  const prior = Math.min(Math.max(pos / n, 1e-6), 1 - 1e-6);
  const base = Math.log(prior / (1 - prior));
  const margin = new Float64Array(n).fill(base);
  const grad = new Float64Array(n);
  const hess = new Float64Array(n);
  const rows = new Int32Array(n);
  const scratch = new Int32Array(n);
  const trees: FlatTree[] = [];
  for (let t = 0; t < params.trees; t++) {
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-(margin[i] as number)));
      grad[i] = p - (y[i] as number);
      hess[i] = Math.max(p * (1 - p), 1e-12);
      rows[i] = i;
    }
    const tree = growTree({ bins, edges, f, B, grad, hess, rows, scratch, params });
    for (let i = 0; i < n; i++) margin[i] = (margin[i] as number) + predictTreeBinned(tree.nodes, bins, i, f);
    trees.push(tree.flat);
  }
  return { kind: "gbdt", base, params, trees };
}

/** Probability of fraud for row `row` of a row-major matrix (compile once with `compileGbdt` when scoring many rows). */
export function predictGbdt(model: GbdtModel, X: ArrayLike<number>, row: number, f: number): number {
  return compileGbdt(model, f)(X, row);
}

/**
 * Lays every tree out as a complete binary tree of the ensemble's depth (early leaves padded with always-left
 * splits) in shared typed arrays, so scoring a row is a fixed number of branch-free steps per tree.
 */
export function compileGbdt(model: GbdtModel, f: number): (X: ArrayLike<number>, row: number) => number {
  const depthOf = (t: FlatTree, k: number): number =>
    (t.feature[k] as number) < 0 ? 0 : 1 + Math.max(depthOf(t, t.left[k] as number), depthOf(t, t.right[k] as number));
  const D = Math.max(1, ...model.trees.map((t) => depthOf(t, 0)));
  const inner = (1 << D) - 1;
  const leaves = 1 << D;
  const nTrees = model.trees.length;
  const feat = new Int32Array(nTrees * inner);
  const thr = new Float64Array(nTrees * inner).fill(Number.POSITIVE_INFINITY);
  const val = new Float64Array(nTrees * leaves);
  model.trees.forEach((t, ti) => {
    const fill = (src: number, dst: number, depth: number): void => {
      if (depth === D) {
        val[ti * leaves + (dst - inner)] = t.value[src] as number;
        return;
      }
      const isLeaf = (t.feature[src] as number) < 0;
      feat[ti * inner + dst] = isLeaf ? 0 : (t.feature[src] as number);
      thr[ti * inner + dst] = isLeaf ? Number.POSITIVE_INFINITY : (t.threshold[src] as number);
      fill(isLeaf ? src : (t.left[src] as number), 2 * dst + 1, depth + 1);
      fill(isLeaf ? src : (t.right[src] as number), 2 * dst + 2, depth + 1);
    };
    fill(0, 0, 0);
  });
  const base = model.base;
  return (X, row) => {
    const o = row * f;
    let m = base;
    for (let ti = 0; ti < nTrees; ti++) {
      const nb = ti * inner;
      let k = 0;
      for (let d = 0; d < D; d++)
        k = 2 * k + ((X[o + (feat[nb + k] as number)] as number) > (thr[nb + k] as number) ? 2 : 1);
      m += val[ti * leaves + k - inner] as number;
    }
    return 1 / (1 + Math.exp(-m));
  };
}

/** Per-feature contributions to the margin (Saabas path attribution) for one row; they sum to margin − base. */
export function contributionsGbdt(model: GbdtModel, x: ArrayLike<number>, f: number): Float64Array {
  const out = new Float64Array(f);
  for (const tree of model.trees) {
    let k = 0;
    while ((tree.feature[k] as number) >= 0) {
      const feat = tree.feature[k] as number;
      const next =
        (x[feat] as number) <= (tree.threshold[k] as number) ? (tree.left[k] as number) : (tree.right[k] as number);
      out[feat] = (out[feat] as number) + (tree.value[next] as number) - (tree.value[k] as number);
      k = next;
    }
  }
  return out;
}

interface Node {
  feature: number;
  bin: number;
  left: number;
  right: number;
  value: number;
}

function binMatrix(
  X: Float32Array,
  n: number,
  f: number,
  maxBins: number,
): { bins: Uint8Array; edges: Float64Array[] } {
  const edges: Float64Array[] = [];
  const sampleStep = Math.max(1, Math.floor(n / 100_000));
  for (let j = 0; j < f; j++) {
    const vals: number[] = [];
    for (let i = 0; i < n; i += sampleStep) vals.push(X[i * f + j] as number);
    vals.sort((a, b) => a - b);
    const uniq: number[] = [];
    for (const v of vals) if (uniq.length === 0 || uniq[uniq.length - 1] !== v) uniq.push(v);
    let cuts: number[] = [];
    if (uniq.length <= maxBins) {
      for (let k = 0; k + 1 < uniq.length; k++) cuts.push(((uniq[k] as number) + (uniq[k + 1] as number)) / 2);
    } else {
      // half the cuts at quantiles (dense where data is), half evenly over the range so rare extreme values
      // (a large amount, a burst count) still get their own bins
      const half = Math.floor((maxBins - 1) / 2);
      const lo = vals[0] as number;
      const hi = vals[vals.length - 1] as number;
      for (let b = 1; b <= half; b++) cuts.push(vals[Math.floor((b * vals.length) / (half + 1))] as number);
      for (let b = 1; b < maxBins - half; b++) cuts.push(lo + ((hi - lo) * b) / (maxBins - half));
      cuts.sort((a, b) => a - b);
      cuts = cuts.filter((v, k) => k === 0 || v > (cuts[k - 1] as number));
    }
    edges.push(Float64Array.from(cuts));
  }
  const bins = new Uint8Array(n * f);
  for (let j = 0; j < f; j++) {
    const e = edges[j] as Float64Array;
    for (let i = 0; i < n; i++) {
      const v = X[i * f + j] as number;
      let lo = 0,
        hi = e.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (v <= (e[mid] as number)) hi = mid;
        else lo = mid + 1;
      }
      bins[i * f + j] = lo;
    }
  }
  return { bins, edges };
}

interface GrowInput {
  bins: Uint8Array;
  edges: Float64Array[];
  f: number;
  B: number;
  grad: Float64Array;
  hess: Float64Array;
  rows: Int32Array;
  scratch: Int32Array;
  params: GbdtParams;
}

interface Pending {
  node: number;
  start: number;
  end: number;
  hist: Float64Array;
  G: number;
  H: number;
  depth: number;
}

function buildHist(inp: GrowInput, start: number, end: number): Float64Array {
  const { bins, f, B, grad, hess, rows } = inp;
  const hist = new Float64Array(f * B * 2);
  for (let p = start; p < end; p++) {
    const i = rows[p] as number;
    const g = grad[i] as number;
    const h = hess[i] as number;
    const off = i * f;
    for (let j = 0; j < f; j++) {
      const k = (j * B + (bins[off + j] as number)) * 2;
      hist[k] = (hist[k] as number) + g;
      hist[k + 1] = (hist[k + 1] as number) + h;
    }
  }
  return hist;
}

function growTree(inp: GrowInput): { nodes: Node[]; flat: FlatTree } {
  const { f, B, params, rows, bins } = inp;
  const lr = params.learningRate;
  const leafValue = (G: number, H: number): number => (-G / (H + params.lambda)) * lr;
  const nodes: Node[] = [];
  let G0 = 0,
    H0 = 0;
  for (let p = 0; p < rows.length; p++) {
    G0 += inp.grad[rows[p] as number] as number;
    H0 += inp.hess[rows[p] as number] as number;
  }
  nodes.push({ feature: -1, bin: 0, left: -1, right: -1, value: leafValue(G0, H0) });
  let level: Pending[] = [
    { node: 0, start: 0, end: rows.length, hist: buildHist(inp, 0, rows.length), G: G0, H: H0, depth: 0 },
  ];
  while (level.length > 0) {
    const next: Pending[] = [];
    for (const pend of level) {
      if (pend.depth >= params.maxDepth) continue;
      const split = bestSplit(pend, f, B, params);
      if (!split) continue;
      // partition rows of this node: left (bin <= split.bin) first
      let l = pend.start;
      let r = 0;
      for (let p = pend.start; p < pend.end; p++) {
        const i = rows[p] as number;
        if ((bins[i * f + split.feature] as number) <= split.bin) rows[l++] = i;
        else inp.scratch[r++] = i;
      }
      for (let k = 0; k < r; k++) rows[l + k] = inp.scratch[k] as number;
      const leftN = l - pend.start;
      const rightN = pend.end - l;
      const leftIsSmall = leftN <= rightN;
      const smallHist = leftIsSmall ? buildHist(inp, pend.start, l) : buildHist(inp, l, pend.end);
      const bigHist = pend.hist;
      for (let k = 0; k < bigHist.length; k++) bigHist[k] = (bigHist[k] as number) - (smallHist[k] as number);
      const leftHist = leftIsSmall ? smallHist : bigHist;
      const rightHist = leftIsSmall ? bigHist : smallHist;
      const li = nodes.length;
      nodes.push({ feature: -1, bin: 0, left: -1, right: -1, value: leafValue(split.GL, split.HL) });
      const ri = nodes.length;
      nodes.push({ feature: -1, bin: 0, left: -1, right: -1, value: leafValue(pend.G - split.GL, pend.H - split.HL) });
      const node = nodes[pend.node] as Node;
      node.feature = split.feature;
      node.bin = split.bin;
      node.left = li;
      node.right = ri;
      next.push({
        node: li,
        start: pend.start,
        end: l,
        hist: leftHist,
        G: split.GL,
        H: split.HL,
        depth: pend.depth + 1,
      });
      next.push({
        node: ri,
        start: l,
        end: pend.end,
        hist: rightHist,
        G: pend.G - split.GL,
        H: pend.H - split.HL,
        depth: pend.depth + 1,
      });
    }
    level = next;
  }
  const flat: FlatTree = {
    feature: nodes.map((nd) => nd.feature),
    threshold: nodes.map((nd) => (nd.feature >= 0 ? ((inp.edges[nd.feature] as Float64Array)[nd.bin] as number) : 0)),
    left: nodes.map((nd) => nd.left),
    right: nodes.map((nd) => nd.right),
    value: nodes.map((nd) => nd.value),
  };
  return { nodes, flat };
}

function bestSplit(
  pend: Pending,
  f: number,
  B: number,
  params: GbdtParams,
): { feature: number; bin: number; GL: number; HL: number } | undefined {
  const { hist, G, H } = pend;
  const lam = params.lambda;
  const parentScore = (G * G) / (H + lam);
  let best: { feature: number; bin: number; GL: number; HL: number } | undefined;
  let bestGain = 1e-9;
  for (let j = 0; j < f; j++) {
    let GL = 0,
      HL = 0;
    for (let b = 0; b < B - 1; b++) {
      const k = (j * B + b) * 2;
      GL += hist[k] as number;
      HL += hist[k + 1] as number;
      const HR = H - HL;
      if (HL < params.minChildHessian) continue;
      if (HR < params.minChildHessian) break;
      const GR = G - GL;
      const gain = (GL * GL) / (HL + lam) + (GR * GR) / (HR + lam) - parentScore;
      if (gain > bestGain) {
        bestGain = gain;
        best = { feature: j, bin: b, GL, HL };
      }
    }
  }
  return best;
}

function predictTreeBinned(nodes: Node[], bins: Uint8Array, row: number, f: number): number {
  let nd = nodes[0] as Node;
  while (nd.feature >= 0) nd = nodes[(bins[row * f + nd.feature] as number) <= nd.bin ? nd.left : nd.right] as Node;
  return nd.value;
}
