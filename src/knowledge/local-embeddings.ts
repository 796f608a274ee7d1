// Offline, deterministic embeddings computed by our own code: hashed bilingual n-gram features, sublinear TF-IDF
// weighting (IDF fitted on the corpus at ingest and saved with the index), L2-normalised. Nothing is downloaded.
import { z } from "zod";
import { hanRuns } from "../shared/text/index.js";
import type { Embeddings } from "./embeddings-port.js";
import { extractFeatures, fnv1a } from "./text-features.js";

/** Corpus statistics saved beside the index so queries are weighted exactly as the documents were. */
export const IdfStateSchema = z.object({
  kind: z.literal("hashed-idf-v1"),
  docCount: z.number().int().nonnegative(),
  hanDocCount: z.number().int().nonnegative().describe("texts containing Chinese: the population for Chinese features"),
  hashes: z.array(z.number().int().nonnegative()),
  docFreqs: z.array(z.number().int().positive()),
});
/** Saved IDF state. */
export type IdfState = z.infer<typeof IdfStateSchema>;

/** Options of the local provider. */
export interface LocalEmbeddingsOptions {
  dim: number;
}

interface Idf {
  docCount: number;
  hanDocCount: number;
  df: Map<number, number>;
}

// Chinese features are weighed against Chinese texts only: in a mostly English corpus every Chinese n-gram
// would otherwise look rare, and function-like n-grams would dominate.
function idfOf(idf: Idf | undefined, hash: number, han: boolean): number {
  const n = idf ? (han ? idf.hanDocCount : idf.docCount) : 0;
  if (!idf || n === 0) return 1;
  const df = Math.min(n, idf.df.get(hash) ?? 1);
  return Math.log((n + 1) / (df + 0.5)) + 1;
}

function embedText(text: string, dim: number, idf: Idf | undefined): Float32Array {
  const weights = new Map<number, { weight: number; tf: number; han: boolean }>();
  for (const f of extractFeatures(text)) {
    const h = fnv1a(f.key);
    const cur = weights.get(h);
    if (cur) cur.tf += 1;
    else weights.set(h, { weight: f.weight, tf: 1, han: f.key.startsWith("h") });
  }
  const acc = new Float64Array(dim);
  for (const [h, { weight, tf, han }] of weights) {
    const value = weight * (1 + Math.log(tf)) * idfOf(idf, h, han);
    const slot = h % dim;
    acc[slot] = (acc[slot] as number) + (h >>> 31 ? -value : value);
  }
  let norm = 0;
  for (let i = 0; i < dim; i++) norm += (acc[i] as number) ** 2;
  const out = new Float32Array(dim);
  if (norm === 0) {
    out[0] = 1; // an empty text still needs a valid unit vector for cosine search
    return out;
  }
  const inv = 1 / Math.sqrt(norm);
  for (let i = 0; i < dim; i++) out[i] = (acc[i] as number) * inv;
  return out;
}

function fitIdf(texts: string[]): IdfState {
  const df = new Map<number, number>();
  let hanDocCount = 0;
  for (const text of texts) {
    if (hanRuns(text).length > 0) hanDocCount++;
    const seen = new Set<number>();
    for (const f of extractFeatures(text)) seen.add(fnv1a(f.key));
    for (const h of seen) df.set(h, (df.get(h) ?? 0) + 1);
  }
  const kept = [...df.entries()].filter(([, n]) => n >= 2).sort((a, b) => a[0] - b[0]);
  return { kind: "hashed-idf-v1", docCount: texts.length, hanDocCount, hashes: kept.map(([h]) => h), docFreqs: kept.map(([, n]) => n) };
}

function build(dim: number, idf: Idf | undefined): Embeddings {
  const self: Embeddings = {
    id: `local:hashed-tfidf-v3:${dim}`,
    dim,
    embedDocuments: async (texts) => texts.map((t) => embedText(t, dim, idf)),
    embedQuery: async (text) => embedText(text, dim, idf),
    fitCorpus: (texts) => {
      const state = fitIdf(texts);
      return { embeddings: build(dim, toIdf(state)), state };
    },
    restoreCorpus: (state) => build(dim, toIdf(IdfStateSchema.parse(state))),
  };
  return self;
}

function toIdf(state: IdfState): Idf {
  const df = new Map<number, number>();
  state.hashes.forEach((h, i) => df.set(h, state.docFreqs[i] ?? 1));
  return { docCount: state.docCount, hanDocCount: state.hanDocCount, df };
}

/** The default embeddings: deterministic, bilingual, offline. Unfitted it weights every feature equally. */
export function createLocalEmbeddings(options: LocalEmbeddingsOptions): Embeddings {
  if (!Number.isInteger(options.dim) || options.dim < 16) throw new Error(`local embeddings need an integer dim ≥ 16, got ${options.dim}`);
  return build(options.dim, undefined);
}
