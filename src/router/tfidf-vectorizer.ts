// TF-IDF over a fixed vocabulary: sublinear term frequency, smoothed idf, each view L2-normalised on its own.
import { extractFeatureTerms, type FeatureConfig } from "./text-features.js";

/** A sparse vector: parallel arrays of feature ids (ascending) and values. */
export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

/** A fitted vocabulary with idf weights; `transform` maps text to a sparse TF-IDF vector. */
export interface TfidfVectorizer {
  config: FeatureConfig;
  terms: string[];
  idf: Float32Array;
  transform(text: string): SparseVector;
}

const CHAR_PREFIX = "c:";

/** Learns the vocabulary (terms in at least minDf texts) and idf weights from training texts. */
export function fitTfidfVectorizer(texts: readonly string[], config: FeatureConfig): TfidfVectorizer {
  const df = new Map<string, number>();
  for (const text of texts) {
    const { word, char } = extractFeatureTerms(text, config);
    const seen = new Set<string>(word);
    for (const c of char) seen.add(CHAR_PREFIX + c);
    for (const t of seen) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const terms = [...df.entries()]
    .filter(([, n]) => n >= config.minDf)
    .map(([t]) => t)
    .sort();
  const n = texts.length;
  const idf = new Float32Array(terms.length);
  terms.forEach((t, i) => {
    idf[i] = Math.log((1 + n) / (1 + (df.get(t) ?? 0))) + 1;
  });
  return createTfidfVectorizer(config, terms, idf);
}

/** Rebuilds a vectorizer from a stored vocabulary and idf weights. */
export function createTfidfVectorizer(config: FeatureConfig, terms: string[], idf: Float32Array): TfidfVectorizer {
  const index = new Map<string, number>();
  terms.forEach((t, i) => index.set(t, i));
  const weigh = (list: string[], prefix: string, out: Map<number, number>): void => {
    const counts = new Map<number, number>();
    for (const t of list) {
      const id = index.get(prefix + t);
      if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    let norm = 0;
    const local: [number, number][] = [];
    for (const [id, c] of counts) {
      const v = (1 + Math.log(c)) * (idf[id] as number);
      norm += v * v;
      local.push([id, v]);
    }
    const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (const [id, v] of local) out.set(id, v * inv);
  };
  return {
    config,
    terms,
    idf,
    transform(text) {
      const { word, char } = extractFeatureTerms(text, config);
      const out = new Map<number, number>();
      weigh(word, "", out);
      weigh(char, CHAR_PREFIX, out);
      const ids = [...out.keys()].sort((a, b) => a - b);
      const values = new Float32Array(ids.length);
      ids.forEach((id, i) => {
        values[i] = out.get(id) as number;
      });
      return { indices: Int32Array.from(ids), values };
    },
  };
}
