// Latent semantic analysis: the messages' TF-IDF vectors projected onto their top singular directions, so words that
// occur together ("bitcoin", "crypto") pull their messages together even when two messages share no word.
import { createRng } from "../../shared/random.js";
import { sparseDot, type SparseVector } from "./tfidf-vectors.js";

/** Dense unit vectors of the messages in the top `dims` latent directions (subspace iteration on the Gram matrix). */
export function lsaEmbedding(
  vectors: readonly SparseVector[],
  options: { dims: number; seed: number; iterations?: number },
): { vectors: SparseVector[]; strengths: number[] } {
  const n = vectors.length;
  const d = Math.max(1, Math.min(options.dims, n));
  const gram = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const s = sparseDot(vectors[i] as SparseVector, vectors[j] as SparseVector);
      gram[i * n + j] = s;
      gram[j * n + i] = s;
    }
  }
  const rng = createRng(options.seed);
  let q = orthonormalise(
    Float64Array.from({ length: n * d }, () => rng.normal()),
    n,
    d,
  );
  for (let it = 0; it < (options.iterations ?? 12); it++) q = orthonormalise(multiply(gram, q, n, d), n, d);
  // Rayleigh-Ritz: the small matrix Qᵀ G Q gives the eigenvalues (squared singular values) and the rotation.
  const gq = multiply(gram, q, n, d);
  const small = new Float64Array(d * d);
  for (let a = 0; a < d; a++)
    for (let b = 0; b < d; b++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += (q[i * d + a] as number) * (gq[i * d + b] as number);
      small[a * d + b] = s;
    }
  const { values, vectors: w } = jacobiEigen(small, d);
  const order = Array.from({ length: d }, (_, c) => c).sort((x, y) => (values[y] as number) - (values[x] as number));
  const out: SparseVector[] = [];
  const idx = Int32Array.from({ length: d }, (_, j) => j);
  for (let i = 0; i < n; i++) {
    const row = new Float64Array(d);
    for (let r = 0; r < d; r++) {
      const c = order[r] as number;
      let s = 0;
      for (let a = 0; a < d; a++) s += (q[i * d + a] as number) * (w[a * d + c] as number);
      row[r] = s * Math.sqrt(Math.max(0, values[c] as number));
    }
    let norm = 0;
    for (const x of row) norm += x * x;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    out.push({ idx, val: row.map((x) => x * scale) });
  }
  return { vectors: out, strengths: order.map((c) => Math.max(0, values[c] as number)) };
}

function multiply(gram: Float64Array, q: Float64Array, n: number, d: number): Float64Array {
  const out = new Float64Array(n * d);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < n; k++) {
      const g = gram[i * n + k] as number;
      if (g === 0) continue;
      for (let c = 0; c < d; c++) out[i * d + c] = (out[i * d + c] as number) + g * (q[k * d + c] as number);
    }
  return out;
}

// Modified Gram-Schmidt on the columns of an n×d row-major matrix; a column that vanishes is left at zero.
function orthonormalise(m: Float64Array, n: number, d: number): Float64Array {
  for (let c = 0; c < d; c++) {
    for (let p = 0; p < c; p++) {
      let dot = 0;
      for (let i = 0; i < n; i++) dot += (m[i * d + c] as number) * (m[i * d + p] as number);
      for (let i = 0; i < n; i++) m[i * d + c] = (m[i * d + c] as number) - dot * (m[i * d + p] as number);
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += (m[i * d + c] as number) ** 2;
    const scale = norm > 1e-12 ? 1 / Math.sqrt(norm) : 0;
    for (let i = 0; i < n; i++) m[i * d + c] = (m[i * d + c] as number) * scale;
  }
  return m;
}

// Cyclic Jacobi rotations for a small symmetric matrix: eigenvalues and eigenvectors (columns of `vectors`).
function jacobiEigen(a: Float64Array, d: number): { values: Float64Array; vectors: Float64Array } {
  const m = Float64Array.from(a);
  const v = new Float64Array(d * d);
  for (let i = 0; i < d; i++) v[i * d + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < d; p++) for (let r = p + 1; r < d; r++) off += (m[p * d + r] as number) ** 2;
    if (off < 1e-18) break;
    for (let p = 0; p < d; p++)
      for (let r = p + 1; r < d; r++) {
        const apr = m[p * d + r] as number;
        if (Math.abs(apr) < 1e-15) continue;
        const theta = ((m[r * d + r] as number) - (m[p * d + p] as number)) / (2 * apr);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < d; k++) {
          const mkp = m[k * d + p] as number;
          const mkr = m[k * d + r] as number;
          m[k * d + p] = c * mkp - s * mkr;
          m[k * d + r] = s * mkp + c * mkr;
        }
        for (let k = 0; k < d; k++) {
          const mpk = m[p * d + k] as number;
          const mrk = m[r * d + k] as number;
          m[p * d + k] = c * mpk - s * mrk;
          m[r * d + k] = s * mpk + c * mrk;
        }
        for (let k = 0; k < d; k++) {
          const vkp = v[k * d + p] as number;
          const vkr = v[k * d + r] as number;
          v[k * d + p] = c * vkp - s * vkr;
          v[k * d + r] = s * vkp + c * vkr;
        }
      }
  }
  return { values: Float64Array.from({ length: d }, (_, i) => m[i * d + i] as number), vectors: v };
}
