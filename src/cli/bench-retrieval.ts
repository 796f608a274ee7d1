// `npm run bench:retrieval`: embeds synthetic chunks generated at run time, then compares HNSW search with exact
// brute-force cosine search on the same vectors (latency, speedup, recall@10, build time, memory).
// --vectors text: chunk texts written in our knowledge vocabulary, embedded by the real local embeddings (dense LSA
// basis fitted on a sample of them). --vectors mixture: low-rank topic clusters shaped like neural embeddings.
// The last line is one JSON object; targets_met is recall@10 ≥ 0.99 at ≥ 50× the exact speed, timed in the same run.
// recall@10 counts the exact top-10 chunks found; the tie-aware figure also counts any chunk at least as similar as the
// exact 10th (less float noise), and the gap, tie and duplicate figures show whether the two can differ at all.
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { quantile, round } from "../shared/metrics.js";
import { exactTopK, type VectorMatrix } from "../knowledge/exact-search.js";
import { createHnswIndex } from "../knowledge/hnsw-vector-index.js";
import { createLocalEmbeddings } from "../knowledge/local-embeddings.js";
import { loadKnowledgeDocuments } from "../knowledge/load-documents.js";
import {
  createSyntheticCorpus,
  createSyntheticEmbeddingSpace,
  toCorpusVocabulary,
} from "../knowledge/synthetic-corpus.js";
import { createProgress, fail, parseCli, printJsonLine, renderTable } from "./cli-kit.js";

const args = parseCli({
  name: "bench:retrieval",
  summary: "HNSW vs exact cosine search on synthetic chunks",
  usage:
    "npm run bench:retrieval -- [--vectors text|mixture] [--chunks 100000] [--dim 128] [--m 32] [--ef-construction 200] [--ef-search 96]",
  options: {
    chunks: { type: "string", default: "100000", description: "Synthetic chunks to index" },
    queries: { type: "string", default: "300", description: "Queries to time" },
    dim: { type: "string", default: "128", description: "Vector dimension (LSA components for --vectors text)" },
    m: { type: "string", default: "32", description: "HNSW M (links per node)" },
    "ef-construction": { type: "string", default: "200", description: "HNSW efConstruction" },
    "ef-search": { type: "string", default: "96", description: "HNSW efSearch used for the headline figures" },
    sweep: { type: "string", default: "32,48,64,96,128", description: "Comma-separated efSearch values also reported" },
    seed: { type: "string", default: "7", description: "Seed of the synthetic corpus" },
    knowledge: {
      type: "string",
      default: "knowledge",
      description: "Knowledge folder whose vocabulary --vectors text uses",
    },
    "fit-chunks": {
      type: "string",
      default: "20000",
      description: "Chunks (evenly spaced) the LSA basis is fitted on for --vectors text; the rest are only projected",
    },
    vectors: {
      type: "string",
      default: "mixture",
      description:
        "text: local embeddings of synthetic chunk texts | mixture: low-rank topic clusters like neural embeddings",
    },
  },
});

const int = (name: string, min: number): number => {
  const v = Number(args.values[name]);
  if (!Number.isInteger(v) || v < min)
    fail(`--${name} must be an integer ≥ ${min}, got "${String(args.values[name])}"`);
  return v;
};
const chunks = int("chunks", 100);
const queries = int("queries", 10);
const dim = int("dim", 16);
const m = int("m", 4);
const efConstruction = int("ef-construction", 10);
const efSearch = int("ef-search", 10);
const seed = int("seed", 0);
const fitChunks = Math.min(chunks, int("fit-chunks", 100));
const sweep = String(args.values["sweep"]).split(",").filter(Boolean).map(Number);
if (sweep.some((v) => !Number.isInteger(v) || v < 10)) fail(`--sweep must list integers ≥ 10`);
const K = 10;
// Float noise between our float64 dot products and hnswlib's float32 distances; never a looser match than that.
const TIE_TOLERANCE = 1e-6;

const vectorsKind = String(args.values["vectors"]);
if (vectorsKind !== "text" && vectorsKind !== "mixture")
  fail(`--vectors must be text or mixture, got "${vectorsKind}"`);
const matrix: VectorMatrix = { dim, count: chunks, data: new Float32Array(chunks * dim) };
// A query's vector, and whether its text is Chinese (reported apart: Chinese chunks sit in a narrow cone of the space).
let embedQuery: () => Promise<{ vector: number[]; chinese: boolean }>;
let vectorsLabel: string;
let fitLine = "";
const fitFigures: Record<string, number> = {};
if (vectorsKind === "text") {
  const knowledge = await loadKnowledgeDocuments(String(args.values["knowledge"]));
  if (knowledge.documents.length === 0) fail(`no knowledge documents in ${String(args.values["knowledge"])}`);
  const corpus = createSyntheticCorpus({
    seed,
    vocabulary: toCorpusVocabulary(knowledge.documents.map((d) => `${d.meta.title}\n${d.body}`)),
  });
  const texts = Array.from({ length: chunks }, () => corpus.chunk());
  const step = chunks / fitChunks;
  const sample = Array.from({ length: fitChunks }, (_, i) => texts[Math.floor(i * step)] as string);
  const cpuStart = process.cpuUsage();
  const tFit = performance.now();
  const fitted = createLocalEmbeddings({ dim }).fitCorpus?.(sample);
  if (!fitted) fail("local embeddings cannot fit corpus statistics");
  const fitS = (performance.now() - tFit) / 1000;
  const fitCpu = process.cpuUsage(cpuStart);
  const embeddings = fitted.embeddings;
  const embedBar = createProgress("embedding", chunks);
  const tEmbed = performance.now();
  for (let i = 0; i < chunks; i += 1000) {
    const batch = await embeddings.embedDocuments(texts.slice(i, i + 1000));
    batch.forEach((v, j) => matrix.data.set(v, (i + j) * dim));
    embedBar.tick(batch.length);
  }
  embedBar.stop();
  const embedS = (performance.now() - tEmbed) / 1000;
  embedQuery = async () => {
    const text = corpus.query();
    return { vector: Array.from(await embeddings.embedQuery(text)), chinese: /\p{Script=Han}/u.test(text) };
  };
  vectorsLabel = `${embeddings.id} over synthetic chunk texts in the vocabulary of ${knowledge.documents.length} knowledge documents`;
  const stateMiB = JSON.stringify(fitted.state).length / 2 ** 20;
  fitLine = `LSA fit on ${fitChunks} chunks ${round(fitS, 2)} s (CPU ${round((fitCpu.user + fitCpu.system) / 1e6, 2)} s), saved model ${round(stateMiB, 1)} MiB; embedding ${chunks} chunks ${round(embedS, 2)} s`;
  Object.assign(fitFigures, {
    fit_chunks: fitChunks,
    fit_s: round(fitS, 2),
    embed_s: round(embedS, 2),
    duplicate_texts: chunks - new Set(texts).size,
  });
} else {
  const space = createSyntheticEmbeddingSpace({ seed, dim });
  for (let i = 0; i < chunks; i++) matrix.data.set(space.chunk(), i * dim);
  embedQuery = async () => ({ vector: Array.from(space.query()), chinese: false });
  vectorsLabel = `synthetic low-rank topic-mixture vectors, dim ${dim}`;
}

const rssBefore = process.memoryUsage().rss;
const index = createHnswIndex({ dim, capacity: chunks, params: { m, efConstruction, efSearch } });
const buildBar = createProgress("building HNSW", chunks);
const t0 = performance.now();
for (let i = 0; i < chunks; i++) {
  index.add(i, Array.from(matrix.data.subarray(i * dim, (i + 1) * dim)));
  if (i % 1000 === 999) buildBar.tick(1000);
}
const buildS = (performance.now() - t0) / 1000;
buildBar.stop();
const rssAfter = process.memoryUsage().rss;
const dir = await mkdtemp(join(tmpdir(), "bench-hnsw-"));
await index.save(join(dir, "hnsw.bin"));
const fileBytes = (await stat(join(dir, "hnsw.bin"))).size;
await rm(dir, { recursive: true, force: true });

const queryVectors: number[][] = [];
const chineseQuery: boolean[] = [];
for (let i = 0; i < queries; i++) {
  const q = await embedQuery();
  queryVectors.push(q.vector);
  chineseQuery.push(q.chinese);
}

// Chunks sharing their exact vector with another: such ties would make the id-based top 10 ill-defined.
const seenVectors = new Map<string, number>();
for (let i = 0; i < chunks; i++) {
  const key = Buffer.from(matrix.data.buffer, i * dim * 4, dim * 4).toString("base64");
  seenVectors.set(key, (seenVectors.get(key) ?? 0) + 1);
}
const duplicateVectors = [...seenVectors.values()].filter((n) => n > 1).reduce((a, n) => a + n, 0);
const similarity = (q: number[], row: number): number => {
  let s = 0;
  for (let j = 0; j < dim; j++) s += (matrix.data[row * dim + j] as number) * (q[j] as number);
  return s;
};

const exactMs: number[] = [];
const truth: Set<number>[] = [];
// The exact 10th similarity less float noise: a returned chunk at least this similar is as good as the 10th.
const tieFloor: number[] = [];
const gaps: number[] = [];
let tiedQueries = 0;
const exactBar = createProgress("exact search", queries);
for (const q of queryVectors) {
  const t = performance.now();
  const top = exactTopK(matrix, q, K);
  exactMs.push(performance.now() - t);
  truth.push(new Set(top.map((x) => x.index)));
  const eleven = exactTopK(matrix, q, K + 1);
  const tenth = (eleven[K - 1] as { score: number }).score;
  const next = eleven[K]?.score ?? -Infinity;
  tieFloor.push(tenth - TIE_TOLERANCE);
  gaps.push(tenth - next);
  if (next >= tenth - TIE_TOLERANCE) tiedQueries++;
  exactBar.tick();
}
exactBar.stop();

interface HnswRun {
  p50: number;
  p95: number;
  recall: number;
  tieAwareRecall: number;
  chineseRecall: number;
}

function runHnsw(ef: number): HnswRun {
  index.setEfSearch(ef);
  for (const q of queryVectors.slice(0, 20)) index.search(q, K);
  const ms: number[] = [];
  let found = 0;
  let foundTieAware = 0;
  let foundChinese = 0;
  queryVectors.forEach((q, i) => {
    const t = performance.now();
    const res = index.search(q, K);
    ms.push(performance.now() - t);
    const want = truth[i] as Set<number>;
    const hits = res.filter((r) => want.has(r.label)).length;
    found += hits;
    if (chineseQuery[i]) foundChinese += hits;
    foundTieAware += res.filter((r) => similarity(q, r.label) >= (tieFloor[i] as number)).length;
  });
  const chinese = chineseQuery.filter(Boolean).length;
  return {
    p50: quantile(ms, 0.5),
    p95: quantile(ms, 0.95),
    recall: found / (queries * K),
    tieAwareRecall: foundTieAware / (queries * K),
    chineseRecall: chinese > 0 ? foundChinese / (chinese * K) : NaN,
  };
}

// Share of stored chunks that a search for their own vector finds first: below 1 the graph strands some nodes.
function selfRecall(sampleSize: number): number {
  let found = 0;
  for (let s = 0; s < sampleSize; s++) {
    const row = Math.floor((s * chunks) / sampleSize);
    const v = Array.from(matrix.data.subarray(row * dim, (row + 1) * dim));
    const top = index.search(v, 1)[0];
    if (top && (top.label === row || similarity(v, top.label) >= similarity(v, row) - TIE_TOLERANCE)) found++;
  }
  return found / sampleSize;
}

const exactP50 = quantile(exactMs, 0.5);
const rows: (string | number)[][] = [];
for (const ef of [...new Set([...sweep, efSearch])].sort((a, b) => a - b)) {
  const r = runHnsw(ef);
  rows.push([
    ef,
    round(r.p50, 4),
    round(r.p95, 4),
    round(exactP50 / r.p50, 1),
    round(r.recall, 4),
    round(r.tieAwareRecall, 4),
    round(r.chineseRecall, 4),
  ]);
}
const head = runHnsw(efSearch);
const selfRecallAt1 = selfRecall(Math.min(chunks, 2000));
console.log(
  `${chunks} synthetic chunks, ${vectorsLabel}, ${queries} queries, k=${K}; HNSW M=${m} efConstruction=${efConstruction}`,
);
console.log(
  `build ${round(buildS, 2)} s; index file ${round(fileBytes / 2 ** 20, 1)} MiB; RSS growth during build ${round((rssAfter - rssBefore) / 2 ** 20, 1)} MiB; exact p50 ${round(exactP50, 3)} ms`,
);
if (fitLine) console.log(fitLine);
console.log(
  `exact 10th-11th similarity gap p10/p50 ${round(quantile(gaps, 0.1), 6)}/${round(quantile(gaps, 0.5), 6)}; queries tied at rank 10: ${tiedQueries}; chunks sharing a vector: ${duplicateVectors}; Chinese queries: ${chineseQuery.filter(Boolean).length}; self-recall@1 ${round(selfRecallAt1, 4)}`,
);
console.log(
  renderTable(["efSearch", "hnsw p50 ms", "hnsw p95 ms", "speedup", "recall@10", "tie-aware", "Chinese queries"], rows),
);
const speedup = exactP50 / head.p50;
printJsonLine({
  recall_at_10: round(head.recall, 4),
  recall_at_10_tie_aware: round(head.tieAwareRecall, 4),
  speedup: round(speedup, 1),
  chunks,
  dim,
  targets_met: head.recall >= 0.99 && speedup >= 50,
  vectors: vectorsKind,
  m,
  ef_construction: efConstruction,
  ef_search: efSearch,
  hnsw_p50_ms: round(head.p50, 4),
  exact_p50_ms: round(exactP50, 3),
  build_s: round(buildS, 2),
  index_mib: round(fileBytes / 2 ** 20, 1),
  recall_at_10_chinese_queries: round(head.chineseRecall, 4),
  self_recall_at_1: round(selfRecallAt1, 4),
  gap_10_11_p50: round(quantile(gaps, 0.5), 6),
  queries_tied_at_10: tiedQueries,
  duplicate_vectors: duplicateVectors,
  ...fitFigures,
});
