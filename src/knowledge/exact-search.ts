// Exact brute-force cosine search over unit vectors in one flat matrix: the ground truth the HNSW index is measured by.

/** Unit vectors stored row-major in one Float32Array. */
export interface VectorMatrix {
  dim: number;
  count: number;
  data: Float32Array;
}

/** The k rows with the highest dot product (cosine for unit vectors), best first. */
export function exactTopK(matrix: VectorMatrix, query: ArrayLike<number>, k: number): { index: number; score: number }[] {
  const { dim, count, data } = matrix;
  const topIdx = new Int32Array(k).fill(-1);
  const topScore = new Float64Array(k).fill(-Infinity);
  for (let r = 0; r < count; r++) {
    let s = 0;
    const base = r * dim;
    for (let j = 0; j < dim; j++) s += (data[base + j] as number) * (query[j] as number);
    if (s <= (topScore[k - 1] as number)) continue;
    let pos = k - 1;
    while (pos > 0 && (topScore[pos - 1] as number) < s) {
      topScore[pos] = topScore[pos - 1] as number;
      topIdx[pos] = topIdx[pos - 1] as number;
      pos--;
    }
    topScore[pos] = s;
    topIdx[pos] = r;
  }
  const out: { index: number; score: number }[] = [];
  for (let i = 0; i < k; i++) if ((topIdx[i] as number) >= 0) out.push({ index: topIdx[i] as number, score: topScore[i] as number });
  return out;
}
