// TF-IDF vectors of term lists: sublinear term counts times smoothed inverse document frequency, L2-normalised, kept
// sparse. Terms in only one message say nothing about which messages belong together and are dropped.

/** A sparse unit vector: sorted term indices and their weights. */
export interface SparseVector {
  idx: Int32Array;
  val: Float64Array;
}

/** Weighted TF-IDF vectors of documents given as several term views (e.g. words and character grams). */
export function tfidfVectors(
  views: readonly { docs: readonly (readonly string[])[]; weight: number }[],
  options: { minDocs?: number } = {},
): { vectors: SparseVector[]; dims: number } {
  const n = views[0]?.docs.length ?? 0;
  const minDocs = options.minDocs ?? (n >= 10 ? 2 : 1);
  const perView = views.map((view, v) => weighView(view.docs, minDocs, `${v}:`));
  const dims = new Map<string, number>();
  const vectors: SparseVector[] = [];
  for (let d = 0; d < n; d++) {
    const acc = new Map<number, number>();
    views.forEach((view, v) => {
      const doc = perView[v]?.[d];
      if (!doc) return;
      for (const [term, w] of doc) {
        let i = dims.get(term);
        if (i === undefined) dims.set(term, (i = dims.size));
        acc.set(i, (acc.get(i) ?? 0) + w * view.weight);
      }
    });
    vectors.push(toUnit(acc));
  }
  return { vectors, dims: dims.size };
}

// One view's TF-IDF, each document L2-normalised on its own so every view adds its weight whatever its term count.
function weighView(docs: readonly (readonly string[])[], minDocs: number, prefix: string): Map<string, number>[] {
  const df = new Map<string, number>();
  for (const doc of docs) for (const t of new Set(doc)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  return docs.map((doc) => {
    const tf = new Map<string, number>();
    for (const t of doc) if ((df.get(t) ?? 0) >= minDocs) tf.set(t, (tf.get(t) ?? 0) + 1);
    const out = new Map<string, number>();
    let norm = 0;
    for (const [t, c] of tf) {
      const w = (1 + Math.log(c)) * (Math.log((1 + n) / (1 + (df.get(t) ?? 0))) + 1);
      out.set(prefix + t, w);
      norm += w * w;
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (const [t, w] of out) out.set(t, w * scale);
    return out;
  });
}

function toUnit(acc: Map<number, number>): SparseVector {
  const entries = [...acc].sort((a, b) => a[0] - b[0]);
  let norm = 0;
  for (const [, w] of entries) norm += w * w;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  return {
    idx: Int32Array.from(entries.map((e) => e[0])),
    val: Float64Array.from(entries.map((e) => e[1] * scale)),
  };
}

/** Dot product of two sparse vectors (their cosine similarity, both being unit vectors). */
export function sparseDot(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < a.idx.length && j < b.idx.length) {
    const x = a.idx[i] as number;
    const y = b.idx[j] as number;
    if (x === y) s += (a.val[i++] as number) * (b.val[j++] as number);
    else if (x < y) i++;
    else j++;
  }
  return s;
}
