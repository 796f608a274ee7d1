// Spherical (cosine) k-means over sparse unit vectors, seeded k-means++ starts and several restarts, so the same
// messages always give the same topics.
import { createRng, type Rng } from "../../shared/random.js";
import { sparseDot, type SparseVector } from "./tfidf-vectors.js";

/** One clustering: the cluster of every vector and the summed cosine similarity to the cluster centres. */
export interface KMeansResult {
  assignment: number[];
  cohesion: number;
}

/** Clusters unit vectors into k groups by cosine similarity; the best of `restarts` seeded runs. */
export function cosineKMeans(
  vectors: readonly SparseVector[],
  dims: number,
  k: number,
  options: { seed: number; restarts?: number; maxIterations?: number },
): KMeansResult {
  const rng = createRng(options.seed);
  let best: KMeansResult | undefined;
  for (let r = 0; r < (options.restarts ?? 12); r++) {
    const run = runOnce(vectors, dims, k, rng, options.maxIterations ?? 40);
    if (!best || run.cohesion > best.cohesion) best = run;
  }
  return best ?? { assignment: [], cohesion: 0 };
}

function runOnce(vectors: readonly SparseVector[], dims: number, k: number, rng: Rng, maxIterations: number) {
  const n = vectors.length;
  let centres = seedCentres(vectors, dims, k, rng);
  const assignment = new Array<number>(n).fill(-1);
  let cohesion = 0;
  for (let iter = 0; iter < maxIterations; iter++) {
    let changed = false;
    cohesion = 0;
    for (let i = 0; i < n; i++) {
      let bestC = 0;
      let bestSim = -Infinity;
      for (let c = 0; c < centres.length; c++) {
        const sim = denseDot(vectors[i] as SparseVector, centres[c] as Float64Array);
        if (sim > bestSim) [bestSim, bestC] = [sim, c];
      }
      cohesion += bestSim;
      if (assignment[i] !== bestC) [assignment[i], changed] = [bestC, true];
    }
    if (!changed) break;
    centres = updateCentres(vectors, dims, assignment, k, rng);
  }
  return { assignment, cohesion };
}

// k-means++: each next centre is a vector drawn with probability growing with its distance to the nearest centre.
function seedCentres(vectors: readonly SparseVector[], dims: number, k: number, rng: Rng): Float64Array[] {
  const n = vectors.length;
  const first = vectors[rng.int(n)] as SparseVector;
  const chosen = [first];
  const nearest = vectors.map((v) => 1 - sparseDot(v, first));
  while (chosen.length < k) {
    const total = nearest.reduce((s, d) => s + Math.max(0, d) ** 2, 0);
    let pick = total > 0 ? n - 1 : rng.int(n);
    let r = rng.next() * total;
    for (let i = 0; total > 0 && i < n - 1; i++) {
      r -= Math.max(0, nearest[i] as number) ** 2;
      if (r <= 0) {
        pick = i;
        break;
      }
    }
    const next = vectors[pick] as SparseVector;
    chosen.push(next);
    for (let i = 0; i < n; i++)
      nearest[i] = Math.min(nearest[i] as number, 1 - sparseDot(vectors[i] as SparseVector, next));
  }
  return chosen.map((v) => toDense(v, dims));
}

// The normalised mean of each cluster; an emptied cluster restarts on a random vector.
function updateCentres(
  vectors: readonly SparseVector[],
  dims: number,
  assignment: readonly number[],
  k: number,
  rng: Rng,
): Float64Array[] {
  const centres = Array.from({ length: k }, () => new Float64Array(dims));
  const sizes = new Array<number>(k).fill(0);
  vectors.forEach((v, i) => {
    const c = assignment[i] as number;
    sizes[c] = (sizes[c] ?? 0) + 1;
    const centre = centres[c] as Float64Array;
    for (let j = 0; j < v.idx.length; j++) {
      const t = v.idx[j] as number;
      centre[t] = (centre[t] as number) + (v.val[j] as number);
    }
  });
  return centres.map((centre, c) => {
    if (sizes[c] === 0) return toDense(vectors[rng.int(vectors.length)] as SparseVector, dims);
    let norm = 0;
    for (const x of centre) norm += x * x;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let j = 0; j < dims; j++) centre[j] = (centre[j] as number) * scale;
    return centre;
  });
}

function toDense(v: SparseVector, dims: number): Float64Array {
  const out = new Float64Array(dims);
  for (let j = 0; j < v.idx.length; j++) out[v.idx[j] as number] = v.val[j] as number;
  return out;
}

function denseDot(v: SparseVector, centre: Float64Array): number {
  let s = 0;
  for (let j = 0; j < v.idx.length; j++) s += (v.val[j] as number) * (centre[v.idx[j] as number] as number);
  return s;
}
