// Offline, deterministic embeddings computed by our own code. A text's bilingual n-gram features are weighted by
// sublinear TF-IDF, then projected onto a dense latent semantic basis (a truncated SVD of the corpus's TF-IDF matrix)
// fitted at ingest and saved with the index, so HNSW indexes compact dense vectors. Nothing is downloaded.
import { z } from "zod";
import { hanRuns } from "../shared/text/index.js";
import { fitDenseProjection, type SparseRows } from "./dense-projection.js";
import type { Embeddings } from "./embeddings-port.js";
import { extractFeatures, fnv1a } from "./text-features.js";

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Corpus statistics and the fitted dense basis, saved beside the index so queries are embedded exactly as documents. */
export const CorpusModelSchema = z
  .object({
    kind: z.literal("lsa-v1"),
    docCount: z.number().int().nonnegative(),
    hanDocCount: z.number().int().nonnegative().describe("texts containing Chinese: the population for Chinese features"),
    hashes: z.array(z.number().int().nonnegative()).describe("features seen in two or more texts, ascending"),
    docFreqs: z.array(z.number().int().positive()).describe("document frequency of each of `hashes`"),
    vocabulary: z.array(z.number().int().nonnegative()).describe("features with a row in the basis, in row order"),
    components: z.number().int().nonnegative().describe("basis columns; dimensions past them are zero"),
    rowScales: z.string().regex(BASE64).describe("float32 scale of each basis row, base64"),
    basis: z.string().regex(BASE64).describe("int8 basis, vocabulary × components row-major, base64"),
  })
  .refine((s) => s.hashes.length === s.docFreqs.length, { message: "hashes and docFreqs differ in length" });
/** Saved corpus model. */
export type CorpusModel = z.infer<typeof CorpusModelSchema>;

/** Options of the local provider. */
export interface LocalEmbeddingsOptions {
  /** Output dimension: latent components fitted (at most 256, fewer when the corpus has a lower rank; the rest zero). */
  dim: number;
  /** Largest vocabulary the basis keeps (most frequent features first); bounds the saved model and memory. */
  maxVocabulary?: number;
}

interface Idf {
  docCount: number;
  hanDocCount: number;
  df: Map<number, number>;
}

interface Projection {
  rowOf: Map<number, number>;
  components: number;
  basis: Float32Array;
}

const DEFAULT_MAX_VOCABULARY = 32_768;
// Past a few hundred components LSA stops merging related terms and the saved basis grows by vocabulary × components
// bytes; a larger configured dimension is zero-padded.
const MAX_COMPONENTS = 256;
const FIT_SEED = 20_261_201;

// Chinese features are weighed against Chinese texts only: in a mostly English corpus every Chinese n-gram
// would otherwise look rare, and function-like n-grams would dominate.
function idfOf(idf: Idf | undefined, hash: number, han: boolean): number {
  const n = idf ? (han ? idf.hanDocCount : idf.docCount) : 0;
  if (!idf || n === 0) return 1;
  const df = Math.min(n, idf.df.get(hash) ?? 1);
  return Math.log((n + 1) / (df + 0.5)) + 1;
}

interface FeatureCount {
  weight: number;
  tf: number;
  han: boolean;
}

// Feature ids are 30-bit hashes: V8 keeps integers below 2³⁰ unboxed, which makes the feature maps several times
// faster than with full 32-bit keys; collisions among a corpus's features stay negligible.
function countFeatures(text: string): Map<number, FeatureCount> {
  const counts = new Map<number, FeatureCount>();
  for (const f of extractFeatures(text)) {
    const h = fnv1a(f.key) >>> 2;
    const cur = counts.get(h);
    if (cur) cur.tf += 1;
    else counts.set(h, { weight: f.weight, tf: 1, han: f.key.startsWith("h") });
  }
  return counts;
}

/** The sublinear TF-IDF weight of every feature of a text, keyed by feature hash. */
function weigh(counts: Map<number, FeatureCount>, idf: Idf | undefined): Map<number, number> {
  const out = new Map<number, number>();
  for (const [h, { weight, tf, han }] of counts) out.set(h, weight * (1 + Math.log(tf)) * idfOf(idf, h, han));
  return out;
}

function normalise(acc: Float64Array, dim: number): Float32Array {
  let norm = 0;
  for (let i = 0; i < acc.length; i++) norm += (acc[i] as number) ** 2;
  const out = new Float32Array(dim);
  if (norm === 0) {
    out[0] = 1; // a text with no known feature still needs a valid unit vector for cosine search
    return out;
  }
  const inv = 1 / Math.sqrt(norm);
  for (let i = 0; i < acc.length; i++) out[i] = (acc[i] as number) * inv;
  return out;
}

// Before a corpus is fitted there is no basis: features are hashed straight into the dimensions (signed).
function embedHashed(text: string, dim: number): Float32Array {
  const acc = new Float64Array(dim);
  for (const [h, value] of weigh(countFeatures(text), undefined)) {
    const slot = (h >>> 1) % dim;
    acc[slot] = (acc[slot] as number) + (h & 1 ? -value : value);
  }
  return normalise(acc, dim);
}

// Features outside the basis vocabulary are skipped before they are weighed (most of a text's character n-grams), and
// no weighted map is built: the sum runs over the same features in the same order, so the vector is unchanged.
function embedProjected(text: string, dim: number, idf: Idf, projection: Projection): Float32Array {
  const { rowOf, components, basis } = projection;
  const acc = new Float64Array(components);
  for (const [h, { weight, tf, han }] of countFeatures(text)) {
    const row = rowOf.get(h);
    if (row === undefined) continue;
    const value = weight * (1 + Math.log(tf)) * idfOf(idf, h, han);
    const base = row * components;
    for (let c = 0; c < components; c++) acc[c] = (acc[c] as number) + value * (basis[base + c] as number);
  }
  return normalise(acc, dim);
}

function fitIdf(featureSets: Set<number>[]): { df: Map<number, number>; hashes: number[]; docFreqs: number[] } {
  const df = new Map<number, number>();
  for (const seen of featureSets) for (const h of seen) df.set(h, (df.get(h) ?? 0) + 1);
  const kept = [...df.entries()].filter(([, n]) => n >= 2).sort((a, b) => a[0] - b[0]);
  return { df, hashes: kept.map(([h]) => h), docFreqs: kept.map(([, n]) => n) };
}

// Rows are the L2-normalised TF-IDF vectors restricted to the vocabulary, so long chunks do not dominate the basis.
function featureMatrix(weighted: Map<number, number>[], rowOf: Map<number, number>): SparseRows {
  const rowStart = new Int32Array(weighted.length + 1);
  const cols: number[] = [];
  const values: number[] = [];
  weighted.forEach((w, i) => {
    const entries = [...w.entries()].filter(([h]) => rowOf.has(h));
    const norm = Math.sqrt(entries.reduce((s, [, v]) => s + v * v, 0)) || 1;
    for (const [h, v] of entries.sort((a, b) => (rowOf.get(a[0]) as number) - (rowOf.get(b[0]) as number))) {
      cols.push(rowOf.get(h) as number);
      values.push(v / norm);
    }
    rowStart[i + 1] = cols.length;
  });
  return { rows: weighted.length, cols: rowOf.size, rowStart, colIndex: Int32Array.from(cols), values: Float64Array.from(values) };
}

// The basis is stored as int8 with one float32 scale per row: a quarter of the size, and the cosine error is far below
// what separates two chunks. Fitted and restored embeddings both use the dequantised basis, so they agree exactly.
function quantise(basis: Float32Array, rows: number, components: number): { rowScales: string; basis: string } {
  const scales = new Float32Array(rows);
  const q = new Int8Array(rows * components);
  for (let r = 0; r < rows; r++) {
    let max = 0;
    for (let c = 0; c < components; c++) max = Math.max(max, Math.abs(basis[r * components + c] as number));
    const scale = max / 127;
    scales[r] = scale;
    for (let c = 0; c < components; c++) q[r * components + c] = scale > 0 ? Math.round((basis[r * components + c] as number) / scale) : 0;
  }
  return { rowScales: Buffer.from(scales.buffer).toString("base64"), basis: Buffer.from(q.buffer).toString("base64") };
}

function fitModel(texts: string[], dim: number, maxVocabulary: number): CorpusModel {
  const counts = texts.map(countFeatures);
  const hanDocCount = texts.filter((t) => hanRuns(t).length > 0).length;
  const { df, hashes, docFreqs } = fitIdf(counts.map((c) => new Set(c.keys())));
  const idf: Idf = { docCount: texts.length, hanDocCount, df };
  const vocabulary = [...df.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, maxVocabulary)
    .map(([h]) => h);
  const rowOf = new Map(vocabulary.map((h, i) => [h, i]));
  const weighted = counts.map((c) => weigh(c, idf));
  const fitted = fitDenseProjection(featureMatrix(weighted, rowOf), {
    components: Math.min(dim, MAX_COMPONENTS),
    seed: FIT_SEED,
  });
  const stored = quantise(fitted.basis, vocabulary.length, fitted.components);
  return { kind: "lsa-v1", docCount: texts.length, hanDocCount, hashes, docFreqs, vocabulary, components: fitted.components, ...stored };
}

function toIdf(model: CorpusModel): Idf {
  const df = new Map<number, number>();
  model.hashes.forEach((h, i) => df.set(h, model.docFreqs[i] ?? 1));
  return { docCount: model.docCount, hanDocCount: model.hanDocCount, df };
}

function toProjection(model: CorpusModel, dim: number): Projection {
  const rows = model.vocabulary.length;
  const { components } = model;
  if (components > dim) throw new Error(`corpus model has ${components} components, more than the ${dim} dimensions`);
  const scales = new Float32Array(new Uint8Array(Buffer.from(model.rowScales, "base64")).buffer);
  const q = new Int8Array(new Uint8Array(Buffer.from(model.basis, "base64")).buffer);
  if (scales.length !== rows || q.length !== rows * components) throw new Error("corpus model basis does not match its vocabulary");
  const basis = new Float32Array(rows * components);
  for (let r = 0; r < rows; r++) for (let c = 0; c < components; c++) basis[r * components + c] = (q[r * components + c] as number) * (scales[r] as number);
  return { rowOf: new Map(model.vocabulary.map((h, i) => [h, i])), components, basis };
}

function build(dim: number, maxVocabulary: number, fitted: { idf: Idf; projection: Projection } | undefined): Embeddings {
  const embed = (text: string): Float32Array => (fitted ? embedProjected(text, dim, fitted.idf, fitted.projection) : embedHashed(text, dim));
  const bind = (model: CorpusModel): Embeddings => build(dim, maxVocabulary, { idf: toIdf(model), projection: toProjection(model, dim) });
  return {
    id: `local:lsa-tfidf-v1:${dim}`,
    dim,
    embedDocuments: async (texts) => texts.map(embed),
    embedQuery: async (text) => embed(text),
    fitCorpus: (texts) => {
      const state = fitModel(texts, dim, maxVocabulary);
      return { embeddings: bind(state), state };
    },
    restoreCorpus: (state) => bind(CorpusModelSchema.parse(state)),
  };
}

/** The default embeddings: deterministic, bilingual, offline. Unfitted they hash features straight into the vector. */
export function createLocalEmbeddings(options: LocalEmbeddingsOptions): Embeddings {
  if (!Number.isInteger(options.dim) || options.dim < 16) throw new Error(`local embeddings need an integer dim ≥ 16, got ${options.dim}`);
  const maxVocabulary = options.maxVocabulary ?? DEFAULT_MAX_VOCABULARY;
  if (!Number.isInteger(maxVocabulary) || maxVocabulary < 1) throw new Error(`maxVocabulary must be a positive integer, got ${maxVocabulary}`);
  return build(options.dim, maxVocabulary, undefined);
}
