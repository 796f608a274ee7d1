// `npm run bench:retrieval`: embeds synthetic chunks generated at run time, then compares HNSW search with exact
// brute-force cosine search on the same vectors (latency, speedup, recall@10, build time, memory).
// Defaults M=16, efConstruction=100, efSearch=64 come from the efSearch sweep: on 100k mixture vectors they give
// recall@10 ≈ 0.999 at ~90× the exact speed. Hashed TF-IDF text vectors (--vectors text) are much harder for HNSW.
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { quantile, round } from "../shared/metrics.js";
import { exactTopK, type VectorMatrix } from "../knowledge/exact-search.js";
import { createHnswIndex } from "../knowledge/hnsw-vector-index.js";
import { createLocalEmbeddings } from "../knowledge/local-embeddings.js";
import { createSyntheticCorpus, createSyntheticEmbeddingSpace } from "../knowledge/synthetic-corpus.js";
import { createProgress, fail, parseCli, printJsonLine, renderTable } from "./cli-kit.js";

const args = parseCli({
  name: "bench:retrieval",
  summary: "HNSW vs exact cosine search on synthetic chunks",
  usage: "npm run bench:retrieval -- [--chunks 100000] [--dim 256] [--m 24] [--ef-construction 200] [--ef-search 128]",
  options: {
    chunks: { type: "string", default: "100000", description: "Synthetic chunks to index" },
    queries: { type: "string", default: "300", description: "Queries to time" },
    dim: { type: "string", default: "256", description: "Local embedding dimension" },
    m: { type: "string", default: "16", description: "HNSW M (links per node)" },
    "ef-construction": { type: "string", default: "100", description: "HNSW efConstruction" },
    "ef-search": { type: "string", default: "64", description: "HNSW efSearch used for the headline figures" },
    sweep: { type: "string", default: "16,32,64,128", description: "Comma-separated efSearch values also reported" },
    seed: { type: "string", default: "7", description: "Seed of the synthetic corpus" },
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
const sweep = String(args.values["sweep"]).split(",").filter(Boolean).map(Number);
if (sweep.some((v) => !Number.isInteger(v) || v < 10)) fail(`--sweep must list integers ≥ 10`);
const K = 10;

const vectorsKind = String(args.values["vectors"]);
if (vectorsKind !== "text" && vectorsKind !== "mixture")
  fail(`--vectors must be text or mixture, got "${vectorsKind}"`);
const matrix: VectorMatrix = { dim, count: chunks, data: new Float32Array(chunks * dim) };
let embedQuery: () => Promise<number[]>;
let vectorsLabel: string;
if (vectorsKind === "text") {
  const corpus = createSyntheticCorpus({ seed });
  const texts = Array.from({ length: chunks }, () => corpus.chunk());
  const fitted = createLocalEmbeddings({ dim }).fitCorpus?.(texts.slice(0, 20_000));
  if (!fitted) fail("local embeddings cannot fit corpus statistics");
  const embeddings = fitted.embeddings;
  const embedBar = createProgress("embedding", chunks);
  for (let i = 0; i < chunks; i += 1000) {
    const batch = await embeddings.embedDocuments(texts.slice(i, i + 1000));
    batch.forEach((v, j) => matrix.data.set(v, (i + j) * dim));
    embedBar.tick(batch.length);
  }
  embedBar.stop();
  embedQuery = async () => Array.from(await embeddings.embedQuery(corpus.query()));
  vectorsLabel = `${embeddings.id} over synthetic chunk texts`;
} else {
  const space = createSyntheticEmbeddingSpace({ seed, dim });
  for (let i = 0; i < chunks; i++) matrix.data.set(space.chunk(), i * dim);
  embedQuery = async () => Array.from(space.query());
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
for (let i = 0; i < queries; i++) queryVectors.push(await embedQuery());

const exactMs: number[] = [];
const truth: Set<number>[] = [];
const exactBar = createProgress("exact search", queries);
for (const q of queryVectors) {
  const t = performance.now();
  const top = exactTopK(matrix, q, K);
  exactMs.push(performance.now() - t);
  truth.push(new Set(top.map((x) => x.index)));
  exactBar.tick();
}
exactBar.stop();

function runHnsw(ef: number): { p50: number; p95: number; recall: number } {
  index.setEfSearch(ef);
  for (const q of queryVectors.slice(0, 20)) index.search(q, K);
  const ms: number[] = [];
  let found = 0;
  queryVectors.forEach((q, i) => {
    const t = performance.now();
    const res = index.search(q, K);
    ms.push(performance.now() - t);
    const want = truth[i] as Set<number>;
    found += res.filter((r) => want.has(r.label)).length;
  });
  return { p50: quantile(ms, 0.5), p95: quantile(ms, 0.95), recall: found / (queries * K) };
}

const exactP50 = quantile(exactMs, 0.5);
const rows: (string | number)[][] = [];
for (const ef of [...new Set([...sweep, efSearch])].sort((a, b) => a - b)) {
  const r = runHnsw(ef);
  rows.push([ef, round(r.p50, 4), round(r.p95, 4), round(exactP50 / r.p50, 1), round(r.recall, 4)]);
}
const head = runHnsw(efSearch);
console.log(
  `${chunks} synthetic chunks, ${vectorsLabel}, ${queries} queries, k=${K}; HNSW M=${m} efConstruction=${efConstruction}`,
);
console.log(
  `build ${round(buildS, 2)} s; index file ${round(fileBytes / 2 ** 20, 1)} MiB; RSS growth during build ${round((rssAfter - rssBefore) / 2 ** 20, 1)} MiB; exact p50 ${round(exactP50, 3)} ms`,
);
console.log(renderTable(["efSearch", "hnsw p50 ms", "hnsw p95 ms", "speedup", "recall@10"], rows));
printJsonLine({
  chunks,
  vectors: vectorsKind,
  dim,
  m,
  ef_construction: efConstruction,
  ef_search: efSearch,
  hnsw_p50_ms: round(head.p50, 4),
  exact_p50_ms: round(exactP50, 3),
  speedup: round(exactP50 / head.p50, 1),
  "recall@10": round(head.recall, 4),
  build_s: round(buildS, 2),
  index_mib: round(fileBytes / 2 ** 20, 1),
});
