// Latent semantic analysis by our own code: a truncated SVD of a sparse feature matrix (documents × features), found
// with a seeded randomized range finder and power iterations (Halko, Martinsson and Tropp 2011), then an exact
// symmetric eigensolver on the small projected problem. The right singular vectors are the dense projection basis.
import { createRng } from "../shared/random.js";

/** A sparse matrix in compressed rows: row i holds `cols[rowStart[i]..rowStart[i+1])` with their `values`. */
export interface SparseRows {
  rows: number;
  cols: number;
  rowStart: Int32Array;
  colIndex: Int32Array;
  values: Float64Array;
}

/** How the truncated SVD is fitted. */
export interface ProjectionFitOptions {
  /** Largest number of components kept; fewer when the matrix has a lower numerical rank. */
  components: number;
  /** Extra random directions beyond `components`; more give a more accurate subspace. */
  oversample?: number;
  /** Power iterations; each sharpens the spectrum against the noise of many small singular values. */
  powerIterations?: number;
  seed?: number;
}

/** A fitted projection: `basis` is features × components, row-major, with orthonormal columns. */
export interface DenseProjection {
  features: number;
  components: number;
  basis: Float32Array;
  singularValues: Float64Array;
}

// Singular values below this share of the largest are numerical noise: their directions are not kept.
const RANK_TOLERANCE = 1e-6;

// Y = A·M for a dense M (cols × width, row-major); Y is rows × width.
function multiply(a: SparseRows, m: Float64Array, width: number): Float64Array {
  const y = new Float64Array(a.rows * width);
  for (let i = 0; i < a.rows; i++) {
    const yBase = i * width;
    for (let p = a.rowStart[i] as number; p < (a.rowStart[i + 1] as number); p++) {
      const v = a.values[p] as number;
      const mBase = (a.colIndex[p] as number) * width;
      for (let c = 0; c < width; c++) y[yBase + c] = (y[yBase + c] as number) + v * (m[mBase + c] as number);
    }
  }
  return y;
}

// Z = Aᵀ·M for a dense M (rows × width, row-major); Z is cols × width.
function multiplyTransposed(a: SparseRows, m: Float64Array, width: number): Float64Array {
  const z = new Float64Array(a.cols * width);
  for (let i = 0; i < a.rows; i++) {
    const mBase = i * width;
    for (let p = a.rowStart[i] as number; p < (a.rowStart[i + 1] as number); p++) {
      const v = a.values[p] as number;
      const zBase = (a.colIndex[p] as number) * width;
      for (let c = 0; c < width; c++) z[zBase + c] = (z[zBase + c] as number) + v * (m[mBase + c] as number);
    }
  }
  return z;
}

// Orthonormalises the columns of a row-major n × width matrix in place (modified Gram–Schmidt, run twice so the
// columns stay orthogonal to machine precision). A column that vanishes is zeroed: it carries no new direction.
function orthonormaliseColumns(m: Float64Array, n: number, width: number): void {
  const cols = Array.from({ length: width }, (_, c) => {
    const col = new Float64Array(n);
    for (let i = 0; i < n; i++) col[i] = m[i * width + c] as number;
    return col;
  });
  for (let c = 0; c < width; c++) {
    const col = cols[c] as Float64Array;
    let original = 0;
    for (let i = 0; i < n; i++) original += (col[i] as number) ** 2;
    for (let pass = 0; pass < 2; pass++) {
      for (let d = 0; d < c; d++) {
        const other = cols[d] as Float64Array;
        let dot = 0;
        for (let i = 0; i < n; i++) dot += (col[i] as number) * (other[i] as number);
        if (dot !== 0) for (let i = 0; i < n; i++) col[i] = (col[i] as number) - dot * (other[i] as number);
      }
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += (col[i] as number) ** 2;
    const scale = norm > 1e-20 * original && norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let i = 0; i < n; i++) col[i] = (col[i] as number) * scale;
  }
  for (let c = 0; c < width; c++) {
    const col = cols[c] as Float64Array;
    for (let i = 0; i < n; i++) m[i * width + c] = col[i] as number;
  }
}

/**
 * Eigen-decomposition of a symmetric n × n matrix (row-major): Householder tridiagonalisation then implicit QL,
 * after the EISPACK routines tred2 and tql2. Returns eigenvalues in descending order with eigenvectors as columns.
 */
export function symmetricEigen(matrix: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  const v = Array.from({ length: n }, (_, i) => Float64Array.from(matrix.subarray(i * n, (i + 1) * n)));
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  const row = (i: number): Float64Array => v[i] as Float64Array;
  for (let j = 0; j < n; j++) d[j] = row(n - 1)[j] as number;
  for (let i = n - 1; i > 0; i--) {
    let scale = 0;
    let h = 0;
    for (let k = 0; k < i; k++) scale += Math.abs(d[k] as number);
    if (scale === 0) {
      e[i] = d[i - 1] as number;
      for (let j = 0; j < i; j++) {
        d[j] = row(i - 1)[j] as number;
        row(i)[j] = 0;
        row(j)[i] = 0;
      }
    } else {
      for (let k = 0; k < i; k++) {
        d[k] = (d[k] as number) / scale;
        h += (d[k] as number) ** 2;
      }
      let f = d[i - 1] as number;
      let g = Math.sqrt(h);
      if (f > 0) g = -g;
      e[i] = scale * g;
      h -= f * g;
      d[i - 1] = f - g;
      for (let j = 0; j < i; j++) e[j] = 0;
      for (let j = 0; j < i; j++) {
        f = d[j] as number;
        row(j)[i] = f;
        g = (e[j] as number) + (row(j)[j] as number) * f;
        for (let k = j + 1; k <= i - 1; k++) {
          g += (row(k)[j] as number) * (d[k] as number);
          e[k] = (e[k] as number) + (row(k)[j] as number) * f;
        }
        e[j] = g;
      }
      f = 0;
      for (let j = 0; j < i; j++) {
        e[j] = (e[j] as number) / h;
        f += (e[j] as number) * (d[j] as number);
      }
      const hh = f / (h + h);
      for (let j = 0; j < i; j++) e[j] = (e[j] as number) - hh * (d[j] as number);
      for (let j = 0; j < i; j++) {
        f = d[j] as number;
        g = e[j] as number;
        for (let k = j; k <= i - 1; k++) row(k)[j] = (row(k)[j] as number) - (f * (e[k] as number) + g * (d[k] as number));
        d[j] = row(i - 1)[j] as number;
        row(i)[j] = 0;
      }
    }
    d[i] = h;
  }
  for (let i = 0; i < n - 1; i++) {
    row(n - 1)[i] = row(i)[i] as number;
    row(i)[i] = 1;
    const h = d[i + 1] as number;
    if (h !== 0) {
      for (let k = 0; k <= i; k++) d[k] = (row(k)[i + 1] as number) / h;
      for (let j = 0; j <= i; j++) {
        let g = 0;
        for (let k = 0; k <= i; k++) g += (row(k)[i + 1] as number) * (row(k)[j] as number);
        for (let k = 0; k <= i; k++) row(k)[j] = (row(k)[j] as number) - g * (d[k] as number);
      }
    }
    for (let k = 0; k <= i; k++) row(k)[i + 1] = 0;
  }
  for (let j = 0; j < n; j++) {
    d[j] = row(n - 1)[j] as number;
    row(n - 1)[j] = 0;
  }
  row(n - 1)[n - 1] = 1;
  e[0] = 0;

  for (let i = 1; i < n; i++) e[i - 1] = e[i] as number;
  e[n - 1] = 0;
  let f = 0;
  let tst1 = 0;
  const eps = 2 ** -52;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l] as number) + Math.abs(e[l] as number));
    let m = l;
    while (m < n && Math.abs(e[m] as number) > eps * tst1) m++;
    if (m > l) {
      do {
        let g = d[l] as number;
        let p = ((d[l + 1] as number) - g) / (2 * (e[l] as number));
        let r = Math.hypot(p, 1);
        if (p < 0) r = -r;
        d[l] = (e[l] as number) / (p + r);
        d[l + 1] = (e[l] as number) * (p + r);
        const dl1 = d[l + 1] as number;
        let h = g - (d[l] as number);
        for (let i = l + 2; i < n; i++) d[i] = (d[i] as number) - h;
        f += h;
        p = d[m] as number;
        let c = 1;
        let c2 = c;
        let c3 = c;
        const el1 = e[l + 1] as number;
        let s = 0;
        let s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * (e[i] as number);
          h = c * p;
          r = Math.hypot(p, e[i] as number);
          e[i + 1] = s * r;
          s = (e[i] as number) / r;
          c = p / r;
          p = c * (d[i] as number) - s * g;
          d[i + 1] = h + s * (c * g + s * (d[i] as number));
          for (let k = 0; k < n; k++) {
            h = row(k)[i + 1] as number;
            row(k)[i + 1] = s * (row(k)[i] as number) + c * h;
            row(k)[i] = c * (row(k)[i] as number) - s * h;
          }
        }
        p = (-s * s2 * c3 * el1 * (e[l] as number)) / dl1;
        e[l] = s * p;
        d[l] = c * p;
      } while (Math.abs(e[l] as number) > eps * tst1);
    }
    d[l] = (d[l] as number) + f;
    e[l] = 0;
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (d[b] as number) - (d[a] as number) || a - b);
  const values = Float64Array.from(order, (i) => d[i] as number);
  const vectors = new Float64Array(n * n);
  for (let k = 0; k < n; k++) for (let c = 0; c < n; c++) vectors[k * n + c] = row(k)[order[c] as number] as number;
  return { values, vectors };
}

/** Fits the top right singular vectors of `a`: deterministic for a given matrix and seed. */
export function fitDenseProjection(a: SparseRows, options: ProjectionFitOptions): DenseProjection {
  const wanted = Math.max(1, Math.floor(options.components));
  const width = Math.min(wanted + (options.oversample ?? 12), a.rows, a.cols);
  if (width === 0 || a.values.length === 0)
    return { features: a.cols, components: 0, basis: new Float32Array(0), singularValues: new Float64Array(0) };
  const rng = createRng(options.seed ?? 1);
  const omega = Float64Array.from({ length: a.cols * width }, () => rng.normal());
  // Range finder: Q spans A·Ω, refined by power iterations Q ← orth(A·Aᵀ·Q). Only the document side is
  // re-orthonormalised: one step squares the spread of singular values, which float64 carries without loss, and the
  // feature side (often 30 times longer) would cost most of the fit.
  let basisQ = multiply(a, omega, width);
  orthonormaliseColumns(basisQ, a.rows, width);
  for (let it = 0; it < (options.powerIterations ?? 2); it++) {
    basisQ = multiply(a, multiplyTransposed(a, basisQ, width), width);
    orthonormaliseColumns(basisQ, a.rows, width);
  }
  // B = Qᵀ·A is small (width × cols); its SVD comes from the eigen-decomposition of B·Bᵀ = Qᵀ·(A·Aᵀ·Q), computed
  // through the sparse matrix so no dense cols × width² product is formed.
  const aaq = multiply(a, multiplyTransposed(a, basisQ, width), width);
  const gram = new Float64Array(width * width);
  for (let i = 0; i < a.rows; i++) {
    const base = i * width;
    for (let r = 0; r < width; r++) {
      const qr = basisQ[base + r] as number;
      if (qr === 0) continue;
      for (let c = 0; c < width; c++) gram[r * width + c] = (gram[r * width + c] as number) + qr * (aaq[base + c] as number);
    }
  }
  for (let r = 0; r < width; r++) {
    for (let c = 0; c < r; c++) {
      const mean = ((gram[r * width + c] as number) + (gram[c * width + r] as number)) / 2;
      gram[r * width + c] = mean;
      gram[c * width + r] = mean;
    }
  }
  const eig = symmetricEigen(gram, width);
  const top = Math.sqrt(Math.max(0, eig.values[0] as number));
  let components = 0;
  while (components < Math.min(wanted, width) && Math.sqrt(Math.max(0, eig.values[components] as number)) > RANK_TOLERANCE * top)
    components++;
  const singularValues = Float64Array.from({ length: components }, (_, c) => Math.sqrt(eig.values[c] as number));
  // V = Aᵀ·Q·W·Σ⁻¹: each column a unit right singular vector; its largest entry is made positive so the sign is fixed.
  const left = new Float64Array(a.rows * components);
  for (let i = 0; i < a.rows; i++) {
    for (let c = 0; c < components; c++) {
      let s = 0;
      for (let r = 0; r < width; r++) s += (basisQ[i * width + r] as number) * (eig.vectors[r * width + c] as number);
      left[i * components + c] = s / (singularValues[c] as number);
    }
  }
  const v = multiplyTransposed(a, left, components);
  const sign = new Float64Array(components).fill(1);
  const biggest = new Float64Array(components);
  for (let j = 0; j < a.cols; j++) {
    for (let c = 0; c < components; c++) {
      const x = v[j * components + c] as number;
      if (Math.abs(x) > Math.abs(biggest[c] as number)) biggest[c] = x;
    }
  }
  for (let c = 0; c < components; c++) if ((biggest[c] as number) < 0) sign[c] = -1;
  const basis = Float32Array.from(v, (x, idx) => x * (sign[idx % components] as number));
  return { features: a.cols, components, basis, singularValues };
}
