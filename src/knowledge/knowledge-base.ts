// The knowledge base readers use: hybrid search (HNSW vectors fused with BM25) over the documents in force today,
// preferring the customer's language, with atomic reloads of newer index versions.
import { AppError } from "../shared/errors.js";
import type { Clock } from "../shared/clock.js";
import { toIsoDay } from "../shared/clock.js";
import type { Locale } from "../shared/locale.js";
import type { Logger } from "../shared/logger.js";
import { createSilentLogger } from "../shared/logger.js";
import { expandSynonyms, hanRuns } from "../shared/text/index.js";
import { createBm25Index, type LexicalIndex } from "./bm25-index.js";
import { toEmbeddingText } from "./chunk-document.js";
import { inForceDocumentIds } from "./document-freshness.js";
import { toNumberArray, type Embeddings } from "./embeddings-port.js";
import { loadHnswIndex, type VectorIndex } from "./hnsw-vector-index.js";
import { listVersions, readCurrentVersion, readVersion, type IndexManifest, type StoredChunk } from "./index-store.js";
import type { KnowledgeDocument, KnowledgeFrontMatter, KnowledgeHit, KnowledgeProduct } from "./knowledge-schemas.js";

/** Search filters and size. */
export interface KnowledgeSearchOptions {
  k?: number;
  /** The customer's language: only its documents are searched while any of them matches. */
  locale?: Locale;
  product?: KnowledgeProduct;
}

/** The knowledge port the agent and the HTTP routes use. */
export interface KnowledgeBase {
  search(query: string, options?: KnowledgeSearchOptions): Promise<KnowledgeHit[]>;
  indexVersion(): string;
  reload(): Promise<{ version: string; changed: boolean }>;
  getDocument(docId: string): KnowledgeDocument | undefined;
  close(): Promise<void>;
}

/** How vector and lexical rankings are combined. */
export type RetrievalMode = "hybrid" | "vector" | "lexical";

/** Dependencies and tuning of the knowledge base. */
export interface KnowledgeBaseOptions {
  indexRoot: string;
  embeddings: Embeddings;
  clock: Clock;
  logger?: Logger;
  mode?: RetrievalMode;
  /** Weight of the vector score in hybrid fusion (the rest is BM25). */
  vectorWeight?: number;
  /** Share of the fused score that comes from whole-document BM25. */
  documentWeight?: number;
  /** At most this many chunks of one document in a result list. */
  maxChunksPerDocument?: number;
}

interface LoadedState {
  manifest: IndexManifest;
  embeddings: Embeddings;
  index: VectorIndex;
  chunks: StoredChunk[];
  /** Chunk index by HNSW label (-1: none), read in the search filter for every candidate the index visits. */
  chunkOfLabel: Int32Array;
  /** Language of each chunk's document. */
  chunkLocale: (string | undefined)[];
  /** English documents that have a Chinese counterpart: a Chinese search reads the translation instead. */
  translatedToChinese: Set<string>;
  metas: Map<string, KnowledgeFrontMatter>;
  documents: Map<string, KnowledgeDocument>;
  lexical: LexicalIndex;
  /** BM25 over whole documents (title weighted up), so a chunk also scores for what its document is about. */
  docLexical: LexicalIndex;
  docIds: string[];
  inForceByDay: Map<string, Set<string>>;
  /** Which chunks a search may return, by day, product and language scope (see allowedChunks). */
  allowedMasks: Map<string, ChunkFilter>;
  /** Every live vector of the index is one of the chunks (so a filter admitting every chunk admits every vector). */
  vectorsAreChunks: boolean;
}

/** The chunks one search pass may return; `everyChunk` when the mask admits them all. */
interface ChunkFilter {
  mask: Uint8Array;
  everyChunk: boolean;
}

// Loads the version CURRENT names; if that one is damaged (truncated, garbage, failed checksum), the newest older
// version that loads is served instead, with a warning, so a corrupt index never stops the service from starting.
async function loadNewestGoodState(indexRoot: string, embeddings: Embeddings, logger: Logger): Promise<LoadedState> {
  const current = await readCurrentVersion(indexRoot).catch((e: unknown) => {
    logger.warn("knowledge index pointer unreadable; looking for the newest complete version", { error: e });
    return null;
  });
  if (current === undefined) {
    throw new AppError("knowledge_unavailable", `no knowledge index in ${indexRoot}; build it with \`npm run ingest\``);
  }
  let firstError: unknown;
  const candidates = [...(current ? [current] : []), ...(await listVersions(indexRoot)).filter((v) => v !== current)];
  for (const version of candidates) {
    try {
      const state = await loadState(indexRoot, version, embeddings);
      if (firstError !== undefined) logger.warn("knowledge index version unreadable; serving an older complete version", { bad: current, serving: version, error: firstError });
      return state;
    } catch (e) {
      if (e instanceof AppError && e.code === "provider_mismatch") throw e;
      firstError ??= e;
    }
  }
  throw firstError ?? new AppError("knowledge_unavailable", `no readable knowledge index version in ${indexRoot}; rebuild it with \`npm run ingest\``);
}

async function loadState(indexRoot: string, version: string, embeddings: Embeddings): Promise<LoadedState> {
  const stored = await readVersion(indexRoot, version);
  const built = stored.manifest.embeddings;
  if (built.id !== embeddings.id || built.dim !== embeddings.dim) {
    throw new AppError(
      "provider_mismatch",
      `the knowledge index ${version} was built with embeddings "${built.id}" but the service is configured with "${embeddings.id}"; ` +
        "re-ingest with the configured provider (`npm run ingest`) or change the embeddings settings back",
    );
  }
  const bound = stored.corpusState !== undefined && embeddings.restoreCorpus ? embeddings.restoreCorpus(stored.corpusState) : embeddings;
  const index = await loadHnswIndex(stored.hnswPath, {
    dim: built.dim,
    params: stored.manifest.hnsw,
    liveCount: stored.manifest.liveCount,
    deletedCount: stored.manifest.deletedCount,
  });
  return {
    manifest: stored.manifest,
    embeddings: bound,
    index,
    chunks: stored.chunks,
    chunkOfLabel: chunkIndexByLabel(stored.chunks),
    chunkLocale: stored.chunks.map((c) => stored.manifest.documents[c.docId]?.meta.locale),
    translatedToChinese: new Set(
      Object.values(stored.manifest.documents).flatMap((d) =>
        d.meta.locale === "zh-CN" && d.meta.counterpart ? [d.meta.counterpart] : [],
      ),
    ),
    metas: new Map(Object.entries(stored.manifest.documents).map(([id, d]) => [id, d.meta])),
    documents: new Map(stored.documents.map((d) => [d.meta.id, d])),
    lexical: createBm25Index(stored.chunks.map(toEmbeddingText)),
    docLexical: createBm25Index(stored.documents.map((d) => `${d.meta.title}\n${d.meta.title}\n${d.meta.title}\n${d.body}`)),
    docIds: stored.documents.map((d) => d.meta.id),
    inForceByDay: new Map(),
    allowedMasks: new Map(),
    vectorsAreChunks: index.size() === stored.chunks.length && new Set(stored.chunks.map((c) => c.label)).size === stored.chunks.length,
  };
}

function chunkIndexByLabel(chunks: readonly StoredChunk[]): Int32Array {
  const byLabel = new Int32Array(chunks.reduce((max, c) => Math.max(max, c.label + 1), 0)).fill(-1);
  chunks.forEach((c, i) => {
    byLabel[c.label] = i;
  });
  return byLabel;
}

/**
 * Which chunks a search pass looks at: all languages; Chinese documents plus the documents no Chinese counterpart
 * translates; or all but Chinese.
 */
type LanguageScope = "all" | "zh" | "other";

// The filter runs for every candidate HNSW and BM25 visit (hundreds per search), so it is a precomputed array read:
// a chunk is allowed when its document is in force that day, of the product asked for, and in the language scope.
function allowedChunks(state: LoadedState, day: string, product: KnowledgeProduct | undefined, scope: LanguageScope) {
  const key = `${day}|${product ?? ""}|${scope}`;
  const cached = state.allowedMasks.get(key);
  if (cached) return cached;
  const live = inForce(state, day);
  const mask = new Uint8Array(state.chunks.length);
  state.chunks.forEach((chunk, i) => {
    const chinese = state.chunkLocale[i] === "zh-CN";
    const inScope =
      scope === "all" || (scope === "zh" ? chinese || !state.translatedToChinese.has(chunk.docId) : !chinese);
    const ofProduct = product === undefined || state.metas.get(chunk.docId)?.product === product;
    mask[i] = live.has(chunk.docId) && ofProduct && inScope ? 1 : 0;
  });
  const filter = { mask, everyChunk: mask.every((m) => m === 1) };
  if (state.allowedMasks.size > 32) state.allowedMasks.clear();
  state.allowedMasks.set(key, filter);
  return filter;
}

function inForce(state: LoadedState, day: string): Set<string> {
  let ids = state.inForceByDay.get(day);
  if (!ids) {
    ids = inForceDocumentIds([...state.metas.values()], day);
    if (state.inForceByDay.size > 8) state.inForceByDay.clear();
    state.inForceByDay.set(day, ids);
  }
  return ids;
}

interface Candidate {
  chunk: number;
  score: number;
}

interface FusionWeights {
  vector: number;
  lexical: number;
  document: number;
}

// Linear fusion of max-normalised scores; the document score is added to every candidate chunk of that document.
function fuse(vector: Candidate[], lexical: Candidate[], docScore: (chunk: number) => number, mode: RetrievalMode, w: FusionWeights): Candidate[] {
  const weights = mode === "vector" ? { vector: 1, lexical: 0, document: 0 } : mode === "lexical" ? { vector: 0, lexical: 1 - w.document, document: w.document } : w;
  const maxVec = vector[0]?.score ?? 0;
  const maxLex = lexical[0]?.score ?? 0;
  const scores = new Map<number, number>();
  for (const c of vector) scores.set(c.chunk, weights.vector * (maxVec > 0 ? Math.max(0, c.score) / maxVec : 0));
  for (const c of lexical) scores.set(c.chunk, (scores.get(c.chunk) ?? 0) + weights.lexical * (maxLex > 0 ? c.score / maxLex : 0));
  return [...scores.entries()]
    .map(([chunk, score]) => ({ chunk, score: score + weights.document * docScore(chunk) }))
    .sort((a, b) => b.score - a.score || a.chunk - b.chunk);
}

/** Opens the current index version; refuses an index built by a different embeddings provider. */
export async function createKnowledgeBase(options: KnowledgeBaseOptions): Promise<KnowledgeBase> {
  const logger = options.logger ?? createSilentLogger();
  const mode = options.mode ?? "hybrid";
  const documentWeight = options.documentWeight ?? 0.2;
  const vectorWeight = options.vectorWeight ?? 0.35;
  const weights: FusionWeights = { vector: vectorWeight * (1 - documentWeight), lexical: (1 - vectorWeight) * (1 - documentWeight), document: documentWeight };
  const maxPerDoc = options.maxChunksPerDocument ?? 2;
  let state = await loadNewestGoodState(options.indexRoot, options.embeddings, logger);
  let closed = false;
  let reloading: Promise<{ version: string; changed: boolean }> | undefined;

  // One retrieval pass: vector, chunk BM25 and document BM25 over the allowed chunks, fused and max-normalised.
  // Without `allowed` every chunk may be returned. hnswlib then skips its per-candidate call back into JavaScript
  // (about a third of a search) and, with every vector admitted, visits exactly the nodes a filtered search would.
  const retrievePass = async (
    st: LoadedState,
    text: string,
    allowed: ((chunk: number) => boolean) | undefined,
    pool: number,
  ): Promise<{ fused: Candidate[]; bestCos: number }> => {
    let vector: Candidate[] = [];
    if (mode !== "lexical") {
      const q = toNumberArray(await st.embeddings.embedQuery(text), st.index.dim);
      vector = st.index
        .search(q, pool, allowed ? (label) => allowed(st.chunkOfLabel[label] ?? -1) : undefined)
        .map((m) => ({ chunk: st.chunkOfLabel[m.label] ?? -1, score: m.score }))
        .filter((c) => c.chunk >= 0);
    }
    const lexical = mode === "vector" ? [] : st.lexical.search(text, pool, allowed).map((m) => ({ chunk: m.index, score: m.score }));
    const candidateDocs = new Set([...vector, ...lexical].map((c) => st.chunks[c.chunk]?.docId));
    const docMatches = mode === "vector" ? [] : st.docLexical.search(text, 50, (i) => candidateDocs.has(st.docIds[i]));
    const maxDoc = docMatches[0]?.score ?? 0;
    const docNorm = new Map(docMatches.map((m) => [st.docIds[m.index] ?? "", maxDoc > 0 ? m.score / maxDoc : 0]));
    const docScore = (chunk: number): number => docNorm.get(st.chunks[chunk]?.docId ?? "") ?? 0;
    return { fused: fuse(vector, lexical, docScore, mode, weights), bestCos: vector[0]?.score ?? 0 };
  };

  const rank = async (st: LoadedState, query: string, opts: KnowledgeSearchOptions): Promise<KnowledgeHit[]> => {
    const k = Math.min(50, Math.max(1, Math.floor(opts.k ?? 5)));
    const original = query.trim();
    const day = toIsoDay(options.clock.now());
    const filterOf = (scope: LanguageScope): ((i: number) => boolean) | undefined => {
      const { mask, everyChunk } = allowedChunks(st, day, opts.product, scope);
      return everyChunk && st.vectorsAreChunks ? undefined : (i) => mask[i] === 1;
    };
    const pool = Math.max(100, k * 10);
    // Every English document has a Chinese counterpart with the same facts (npm run lint:knowledge), so a search in
    // the customer's language finds the answer in that language and a reply never mixes the two. A document that
    // exists only in English is still searched for a Chinese customer (the language rail then points to it).
    const scope: LanguageScope = opts.locale === "zh-CN" ? "zh" : opts.locale === "en" ? "other" : "all";
    // A Chinese question also carries the English glossary words, for the documents only English covers.
    const chineseAsked = scope === "zh" || (scope === "all" && hanRuns(original).length > 0);
    const text = chineseAsked ? expandSynonyms(expandSynonyms(original, "zh"), "en") : expandSynonyms(original, "en");
    let fused = (await retrievePass(st, text, filterOf(scope), pool)).fused;
    if (fused.length === 0 && scope !== "all") fused = (await retrievePass(st, text, filterOf("all"), pool)).fused;
    const perDoc = new Map<string, number>();
    const hits: KnowledgeHit[] = [];
    for (const c of fused) {
      const chunk = st.chunks[c.chunk];
      const meta = chunk ? st.metas.get(chunk.docId) : undefined;
      if (!chunk || !meta) continue;
      const used = perDoc.get(chunk.docId) ?? 0;
      if (used >= maxPerDoc) continue;
      perDoc.set(chunk.docId, used + 1);
      hits.push({
        chunkId: chunk.chunkId,
        docId: chunk.docId,
        topic: meta.counterpart ?? meta.id,
        title: chunk.title,
        version: meta.version,
        locale: meta.locale,
        product: meta.product,
        section: chunk.section,
        text: chunk.text,
        score: Math.round(Math.max(0, Math.min(1, c.score)) * 1e4) / 1e4,
        citation: { docId: chunk.docId, title: meta.title, version: meta.version },
      });
      if (hits.length >= k) break;
    }
    return hits;
  };

  const doReload = async (): Promise<{ version: string; changed: boolean }> => {
    const current = await readCurrentVersion(options.indexRoot);
    if (current === undefined || current === state.manifest.version) return { version: state.manifest.version, changed: false };
    const next = await loadState(options.indexRoot, current, options.embeddings);
    const previous = state.manifest.version;
    state = next; // one assignment: searches in flight keep the state they started with
    logger.info("knowledge index reloaded", { from: previous, to: next.manifest.version });
    return { version: next.manifest.version, changed: true };
  };

  return {
    search: async (query, opts = {}) => {
      if (closed) throw new Error("the knowledge base is closed");
      if (query.trim().length === 0) return [];
      return rank(state, query, opts);
    },
    indexVersion: () => state.manifest.version,
    reload: () => {
      reloading ??= doReload().finally(() => {
        reloading = undefined;
      });
      return reloading;
    },
    getDocument: (docId) => {
      const st = state;
      return inForce(st, toIsoDay(options.clock.now())).has(docId) ? st.documents.get(docId) : undefined;
    },
    close: async () => {
      closed = true;
    },
  };
}
