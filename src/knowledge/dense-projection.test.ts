import { describe, expect, it } from "vitest";
import { createRng } from "../shared/random.js";
import { fitDenseProjection, symmetricEigen, type SparseRows } from "./dense-projection.js";

// A sparse documents × features matrix with a planted low-rank topic structure plus a little noise.
function topicMatrix(rows: number, cols: number, topics: number, seed: number): SparseRows {
  const rng = createRng(seed);
  const topicWords = Array.from({ length: topics }, () => Array.from({ length: 12 }, () => rng.int(cols)));
  const rowStart = new Int32Array(rows + 1);
  const colIndex: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < rows; i++) {
    const row = new Map<number, number>();
    for (const w of topicWords[i % topics] as number[]) row.set(w, (row.get(w) ?? 0) + 1 + rng.next());
    for (let n = 0; n < 3; n++) row.set(rng.int(cols), 0.2 * rng.next());
    for (const [c, v] of [...row.entries()].sort((a, b) => a[0] - b[0])) {
      colIndex.push(c);
      values.push(v);
    }
    rowStart[i + 1] = colIndex.length;
  }
  return { rows, cols, rowStart, colIndex: Int32Array.from(colIndex), values: Float64Array.from(values) };
}

function dense(a: SparseRows): Float64Array {
  const out = new Float64Array(a.rows * a.cols);
  for (let i = 0; i < a.rows; i++)
    for (let p = a.rowStart[i] as number; p < (a.rowStart[i + 1] as number); p++)
      out[i * a.cols + (a.colIndex[p] as number)] = a.values[p] as number;
  return out;
}

describe("symmetricEigen", () => {
  it("reconstructs a symmetric matrix from its eigenvalues and orthonormal eigenvectors", () => {
    const n = 9;
    const rng = createRng(5);
    const m = new Float64Array(n * n);
    for (let r = 0; r < n; r++)
      for (let c = r; c < n; c++) {
        const v = rng.normal();
        m[r * n + c] = v;
        m[c * n + r] = v;
      }
    const { values, vectors } = symmetricEigen(m, n);
    for (let i = 1; i < n; i++) expect(values[i] as number).toBeLessThanOrEqual(values[i - 1] as number);
    for (let r = 0; r < n; r++)
      for (let c = 0; c < n; c++) {
        let s = 0;
        for (let k = 0; k < n; k++) s += (vectors[r * n + k] as number) * (values[k] as number) * (vectors[c * n + k] as number);
        expect(s).toBeCloseTo(m[r * n + c] as number, 9);
      }
  });
});

describe("fitDenseProjection", () => {
  const a = topicMatrix(300, 500, 20, 11);

  it("gives the same basis for the same matrix and seed", () => {
    const first = fitDenseProjection(a, { components: 16, seed: 3 });
    const second = fitDenseProjection(a, { components: 16, seed: 3 });
    expect(first.components).toBe(16);
    expect(Array.from(second.basis)).toEqual(Array.from(first.basis));
  });

  it("returns orthonormal basis columns", () => {
    const { basis, components } = fitDenseProjection(a, { components: 16 });
    for (let c = 0; c < components; c++)
      for (let d = c; d < components; d++) {
        let s = 0;
        for (let j = 0; j < a.cols; j++) s += (basis[j * components + c] as number) * (basis[j * components + d] as number);
        expect(s).toBeCloseTo(c === d ? 1 : 0, 4);
      }
  });

  it("finds the leading singular values of the matrix", () => {
    const { singularValues } = fitDenseProjection(a, { components: 10, powerIterations: 3 });
    const m = dense(a);
    const gram = new Float64Array(a.rows * a.rows);
    for (let i = 0; i < a.rows; i++)
      for (let k = i; k < a.rows; k++) {
        let s = 0;
        for (let j = 0; j < a.cols; j++) s += (m[i * a.cols + j] as number) * (m[k * a.cols + j] as number);
        gram[i * a.rows + k] = s;
        gram[k * a.rows + i] = s;
      }
    const exact = symmetricEigen(gram, a.rows).values;
    for (let c = 0; c < 10; c++) expect(singularValues[c] as number).toBeCloseTo(Math.sqrt(exact[c] as number), 2);
  });

  it("keeps no more components than the matrix has rank", () => {
    const rankThree = topicMatrix(3, 40, 3, 2);
    expect(fitDenseProjection(rankThree, { components: 16 }).components).toBe(3);
  });
});
