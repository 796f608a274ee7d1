// Picks the topics without labels. The TF-IDF vectors are projected onto their strongest latent directions (LSA),
// keeping as many as come before the largest relative drop in strength (the eigengap); then cosine k-means runs for
// each k in a range and the k with the highest mean silhouette is kept.
import { cosineKMeans } from "./cosine-kmeans.js";
import { lsaEmbedding } from "./lsa-embedding.js";
import { sparseDot, type SparseVector } from "./tfidf-vectors.js";

/** Below this many messages everything is one topic: a silhouette needs at least two real groups. */
export const MIN_MESSAGES_TO_SPLIT = 6;

/** The chosen clustering: cluster of each vector, the chosen k, its silhouette and the latent dimensions used. */
export interface ChosenClustering {
  assignment: number[];
  k: number;
  silhouette: number;
  dims: number;
}

/** Clusters TF-IDF vectors with k chosen by silhouette in [2, maxK]; one cluster for very few vectors. */
export function chooseClusters(
  vectors: readonly SparseVector[],
  options: { seed: number; maxK?: number },
): ChosenClustering {
  const n = vectors.length;
  const one = { assignment: new Array<number>(n).fill(0), k: n ? 1 : 0, silhouette: 0, dims: 0 };
  if (n < MIN_MESSAGES_TO_SPLIT) return one;
  const maxK = Math.max(2, Math.min(options.maxK ?? 16, Math.floor(n / 4)));
  const lsa = lsaEmbedding(vectors, { dims: Math.min(maxK + 2, n - 1), seed: options.seed });
  const dims = eigengapDims(lsa.strengths, maxK);
  const embedded = lsa.vectors.map((v) => truncate(v, dims));
  const distances = pairwiseDistances(embedded);
  let best: ChosenClustering | undefined;
  for (let k = 2; k <= maxK; k++) {
    const { assignment } = cosineKMeans(embedded, dims, k, { seed: options.seed + k });
    const score = silhouette(distances, n, assignment);
    if (!best || score > best.silhouette + 1e-9) best = { assignment, k, silhouette: score, dims };
  }
  return best ?? one;
}

// The first direction is what all messages share; the cut falls where strength drops most, relatively, after it.
function eigengapDims(strengths: readonly number[], maxK: number): number {
  let dims = Math.min(strengths.length, 2);
  let bestRatio = 0;
  for (let d = 2; d < Math.min(strengths.length, maxK + 1); d++) {
    const ratio = (strengths[d - 1] as number) / Math.max(1e-12, strengths[d] as number);
    if (ratio > bestRatio) [bestRatio, dims] = [ratio, d];
  }
  return dims;
}

function truncate(v: SparseVector, dims: number): SparseVector {
  const val = v.val.slice(0, dims);
  let norm = 0;
  for (const x of val) norm += x * x;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  return { idx: v.idx.slice(0, dims), val: val.map((x) => x * scale) };
}

/** The cosine distance of every pair, row-major in an n×n array. */
export function pairwiseDistances(vectors: readonly SparseVector[]): Float32Array {
  const n = vectors.length;
  const out = new Float32Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const d = 1 - sparseDot(vectors[i] as SparseVector, vectors[j] as SparseVector);
      out[i * n + j] = d;
      out[j * n + i] = d;
    }
  }
  return out;
}

/** Mean silhouette of an assignment (a message alone in its cluster scores 0). */
export function silhouette(distances: Float32Array, n: number, assignment: readonly number[]): number {
  const k = Math.max(...assignment) + 1;
  const sizes = new Array<number>(k).fill(0);
  for (const c of assignment) sizes[c] = (sizes[c] ?? 0) + 1;
  let total = 0;
  const sums = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    sums.fill(0);
    for (let j = 0; j < n; j++)
      if (j !== i) {
        const c = assignment[j] as number;
        sums[c] = (sums[c] as number) + (distances[i * n + j] as number);
      }
    const own = assignment[i] as number;
    if ((sizes[own] ?? 0) <= 1) continue;
    const a = (sums[own] as number) / ((sizes[own] as number) - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) {
      if (c !== own && (sizes[c] ?? 0) > 0) b = Math.min(b, (sums[c] as number) / (sizes[c] as number));
    }
    if (b === Infinity) continue;
    const m = Math.max(a, b);
    total += m > 0 ? (b - a) / m : 0;
  }
  return total / n;
}
