// Builds the next index version from the knowledge folder: only new or changed chunks are embedded, deleted
// documents' chunks are removed, and the new version is published atomically beside the old one.
import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import type { Clock } from "../shared/clock.js";
import { sha256 } from "../shared/hash.js";
import type { Logger } from "../shared/logger.js";
import { createSilentLogger } from "../shared/logger.js";
import { chunkDocument, toEmbeddingText } from "./chunk-document.js";
import { toNumberArray, type Embeddings } from "./embeddings-port.js";
import { createHnswIndex, DEFAULT_HNSW_PARAMS, loadHnswIndex, type HnswParams, type VectorIndex } from "./hnsw-vector-index.js";
import {
  acquireIngestLock,
  cleanupVersions,
  listVersions,
  publishVersionDir,
  readCurrentVersion,
  readVersion,
  swapCurrentVersion,
  VERSION_FILES,
  writeVersionFiles,
  type IndexManifest,
  type StoredChunk,
  type StoredVersion,
} from "./index-store.js";
import { SkippedFileSchema, type KnowledgeChunk } from "./knowledge-schemas.js";
import { loadKnowledgeDocuments } from "./load-documents.js";

/** What an ingest run did. */
export const IngestReportSchema = z.object({
  version: z.string(),
  previousVersion: z.string().nullable(),
  added: z.number().int(),
  updated: z.number().int(),
  removed: z.number().int(),
  unchanged: z.number().int(),
  embeddedChunks: z.number().int(),
  totalChunks: z.number().int(),
  refitted: z.boolean().describe("corpus statistics were (re)fitted, so every chunk was re-embedded"),
  skipped: z.array(SkippedFileSchema),
});
/** An ingest report. */
export type IngestReport = z.infer<typeof IngestReportSchema>;

/** Inputs of an ingest run. */
export interface IngestOptions {
  knowledgeDir: string;
  indexRoot: string;
  embeddings: Embeddings;
  logger?: Logger;
  onProgress?: (done: number, total: number) => void;
  clock?: Clock;
  hnsw?: Partial<HnswParams>;
  /** Refit corpus statistics (local embeddings) and re-embed everything. */
  refit?: boolean;
  /** Share of the fitted corpus that may change before statistics are refitted automatically. */
  refitChurnRatio?: number;
  batchSize?: number;
  keepVersions?: number;
}

async function readPrevious(indexRoot: string, logger: Logger): Promise<StoredVersion | undefined> {
  let version: string | undefined;
  try {
    version = await readCurrentVersion(indexRoot);
    if (version === undefined) return undefined;
    return await readVersion(indexRoot, version);
  } catch (e) {
    logger.warn("previous index version unreadable; rebuilding from scratch", { version, error: e });
    return undefined;
  }
}

// The next sequence number is above every version on disk, so a rebuild after a damaged pointer never reuses a name.
async function highestSeq(indexRoot: string): Promise<number> {
  return (await listVersions(indexRoot)).reduce((max, name) => Math.max(max, Number(/^v(\d{6})-/.exec(name)?.[1] ?? 0)), 0);
}

/** Ingests the knowledge folder into a new index version and returns what changed. */
export async function ingestKnowledge(options: IngestOptions): Promise<IngestReport> {
  const logger = options.logger ?? createSilentLogger();
  const release = await acquireIngestLock(options.indexRoot);
  try {
    return await runIngest(options, logger);
  } finally {
    await release();
  }
}

async function runIngest(options: IngestOptions, logger: Logger): Promise<IngestReport> {
  const { indexRoot, embeddings } = options;
  const loaded = await loadKnowledgeDocuments(options.knowledgeDir);
  for (const s of loaded.skipped) logger.warn("knowledge file skipped", { path: s.path, problem: s.problem });

  const chunksByDoc = new Map<string, KnowledgeChunk[]>();
  for (const doc of loaded.documents) chunksByDoc.set(doc.meta.id, await chunkDocument(doc));
  const allChunks = [...chunksByDoc.values()].flat();

  let previous = await readPrevious(indexRoot, logger);
  const previousSeq = Math.max(previous?.manifest.seq ?? 0, await highestSeq(indexRoot));
  const previousVersion = previous?.manifest.version ?? null;
  if (previous && previous.manifest.embeddings.id !== embeddings.id) {
    logger.info("embeddings provider changed; rebuilding the index", { was: previous.manifest.embeddings.id, now: embeddings.id });
    previous = undefined;
  }
  const prevManifest = previous?.manifest;
  const prevChunks = new Map<string, StoredChunk>((previous?.chunks ?? []).map((c) => [c.chunkId, c]));
  const nextIds = new Set(allChunks.map((c) => c.chunkId));
  const addedIds = allChunks.filter((c) => !prevChunks.has(c.chunkId)).map((c) => c.chunkId);
  const removedIds = [...prevChunks.keys()].filter((id) => !nextIds.has(id));

  // Corpus statistics: keep the fitted ones while the corpus drifts a little, refit (and re-embed all) otherwise.
  let bound = embeddings;
  let corpusState: unknown = undefined;
  let corpusFit: IndexManifest["corpusFit"] = null;
  let refitted = false;
  if (embeddings.fitCorpus) {
    const churn = (prevManifest?.corpusFit?.churn ?? 0) + addedIds.length + removedIds.length;
    const fitted = prevManifest?.corpusFit?.fittedChunks ?? 0;
    const canReuse =
      !options.refit && previous?.corpusState !== undefined && embeddings.restoreCorpus !== undefined && fitted > 0 &&
      churn <= (options.refitChurnRatio ?? 0.25) * fitted;
    let restored: Embeddings | undefined;
    if (canReuse && embeddings.restoreCorpus) {
      try {
        restored = embeddings.restoreCorpus(previous?.corpusState);
      } catch (e) {
        logger.warn("saved corpus statistics unreadable; refitting", { error: e });
      }
    }
    if (restored) {
      bound = restored;
      corpusState = previous?.corpusState;
      corpusFit = { fittedChunks: fitted, churn };
    } else {
      const fit = embeddings.fitCorpus(allChunks.map(toEmbeddingText));
      bound = fit.embeddings;
      corpusState = fit.state;
      corpusFit = { fittedChunks: allChunks.length, churn: 0 };
      refitted = previous !== undefined || allChunks.length > 0;
    }
  }
  const rebuild = previous === undefined || (refitted && prevChunks.size > 0);

  // Document-level accounting for the report.
  const prevDocs = prevManifest?.documents ?? {};
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  for (const doc of loaded.documents) {
    const before = prevDocs[doc.meta.id];
    if (!before) added++;
    else if (before.hash !== doc.hash) updated++;
    else unchanged++;
  }
  const currentIds = new Set(loaded.documents.map((d) => d.meta.id));
  const removed = Object.keys(prevDocs).filter((id) => !currentIds.has(id)).length;

  const hnswParams: HnswParams = { ...DEFAULT_HNSW_PARAMS, ...prevManifest?.hnsw, ...options.hnsw };
  const metadataChanged = added + updated + removed > 0;
  if (previous && !rebuild && !metadataChanged && addedIds.length === 0 && removedIds.length === 0) {
    options.onProgress?.(0, 0);
    return {
      version: previous.manifest.version,
      previousVersion: previous.manifest.version,
      added,
      updated,
      removed,
      unchanged,
      embeddedChunks: 0,
      totalChunks: allChunks.length,
      refitted: false,
      skipped: loaded.skipped,
    };
  }

  const toEmbed = rebuild ? allChunks : allChunks.filter((c) => !prevChunks.has(c.chunkId));
  let index: VectorIndex;
  let nextLabel: number;
  const labels = new Map<string, number>();
  if (rebuild || !previous || !prevManifest) {
    index = createHnswIndex({ dim: embeddings.dim, capacity: Math.max(64, allChunks.length * 2), params: hnswParams });
    nextLabel = 0;
  } else {
    index = await loadHnswIndex(previous.hnswPath, {
      dim: embeddings.dim,
      params: hnswParams,
      liveCount: prevManifest.liveCount,
      deletedCount: prevManifest.deletedCount,
    });
    nextLabel = prevManifest.nextLabel;
    for (const id of removedIds) {
      const label = prevChunks.get(id)?.label;
      if (label === undefined) continue;
      index.remove(label);
    }
    for (const c of allChunks) {
      const label = prevChunks.get(c.chunkId)?.label;
      if (label !== undefined) labels.set(c.chunkId, label);
    }
  }

  const batchSize = options.batchSize ?? 64;
  options.onProgress?.(0, toEmbed.length);
  for (let i = 0; i < toEmbed.length; i += batchSize) {
    const batch = toEmbed.slice(i, i + batchSize);
    const vectors = await bound.embedDocuments(batch.map(toEmbeddingText));
    if (vectors.length !== batch.length) throw new Error(`embeddings returned ${vectors.length} vectors for ${batch.length} texts`);
    batch.forEach((chunk, j) => {
      const label = nextLabel++;
      index.add(label, toNumberArray(vectors[j] ?? [], embeddings.dim));
      labels.set(chunk.chunkId, label);
    });
    options.onProgress?.(Math.min(i + batchSize, toEmbed.length), toEmbed.length);
  }

  const storedChunks: StoredChunk[] = allChunks.map((c) => ({ ...c, label: labels.get(c.chunkId) as number }));
  const seq = previousSeq + 1;
  const fingerprint = sha256([embeddings.id, ...loaded.documents.map((d) => `${d.meta.id}:${d.hash}`).sort()].join("\n"));
  const version = `v${String(seq).padStart(6, "0")}-${fingerprint.slice(0, 8)}`;
  const manifest: IndexManifest = {
    format: 1,
    version,
    seq,
    createdAt: (options.clock?.now() ?? new Date()).toISOString(),
    embeddings: { id: embeddings.id, dim: embeddings.dim },
    hnsw: hnswParams,
    corpusFit,
    nextLabel,
    liveCount: index.size(),
    deletedCount: index.deleted(),
    documents: Object.fromEntries(
      loaded.documents.map((d) => [d.meta.id, { meta: d.meta, path: d.path, hash: d.hash, chunkIds: (chunksByDoc.get(d.meta.id) ?? []).map((c) => c.chunkId) }]),
    ),
  };

  const tmpDir = join(indexRoot, "versions", `${version}.${process.pid}.tmp`);
  await rm(tmpDir, { recursive: true, force: true });
  await mkdir(tmpDir, { recursive: true });
  await index.save(join(tmpDir, VERSION_FILES.hnsw));
  await writeVersionFiles(tmpDir, { manifest, chunks: storedChunks, documents: loaded.documents, corpusState });
  await publishVersionDir(tmpDir, indexRoot, version);
  await swapCurrentVersion(indexRoot, version);
  const cleaned = await cleanupVersions(indexRoot, version, options.keepVersions ?? 3);
  logger.info("knowledge index published", { version, embedded: toEmbed.length, cleaned });

  return {
    version,
    previousVersion,
    added,
    updated,
    removed,
    unchanged,
    embeddedChunks: toEmbed.length,
    totalChunks: allChunks.length,
    refitted,
    skipped: loaded.skipped,
  };
}
