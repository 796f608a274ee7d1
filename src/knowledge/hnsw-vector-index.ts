// The vector index port and its HNSW adapter (cosine space). The only file that imports hnswlib-node.
import hnswlib from "hnswlib-node";

/** A neighbour found by a search; `score` is the cosine similarity. */
export interface VectorMatch {
  label: number;
  score: number;
}

/** An approximate nearest-neighbour index over unit vectors, keyed by integer labels we assign. */
export interface VectorIndex {
  readonly dim: number;
  /** Number of live (not deleted) vectors. */
  size(): number;
  /** Number of deleted slots waiting to be reused. */
  deleted(): number;
  add(label: number, vector: number[]): void;
  remove(label: number): void;
  search(query: number[], k: number, filter?: (label: number) => boolean): VectorMatch[];
  setEfSearch(ef: number): void;
  save(path: string): Promise<void>;
}

/** HNSW construction and search parameters. */
export interface HnswParams {
  m: number;
  efConstruction: number;
  efSearch: number;
}

/** Defaults for the knowledge index (small corpora: high ef costs little). */
export const DEFAULT_HNSW_PARAMS: HnswParams = { m: 16, efConstruction: 200, efSearch: 128 };

function wrap(index: hnswlib.HierarchicalNSW, dim: number, params: HnswParams, live: number, deleted: number): VectorIndex {
  let liveCount = live;
  let deletedCount = deleted;
  let ef = params.efSearch;
  index.setEf(ef);
  return {
    dim,
    size: () => liveCount,
    deleted: () => deletedCount,
    add(label, vector) {
      if (vector.length !== dim) throw new Error(`vector has ${vector.length} dimensions, index expects ${dim}`);
      const reuse = deletedCount > 0;
      if (!reuse && index.getCurrentCount() >= index.getMaxElements()) index.resizeIndex(Math.max(16, index.getMaxElements() * 2));
      index.addPoint(vector, label, reuse);
      if (reuse) deletedCount--;
      liveCount++;
    },
    remove(label) {
      index.markDelete(label);
      liveCount--;
      deletedCount++;
    },
    search(query, k, filter) {
      const n = Math.min(k, liveCount);
      if (n <= 0) return [];
      if (ef < n) index.setEf(n);
      const result = index.searchKnn(query, n, filter);
      if (ef < n) index.setEf(ef);
      return result.neighbors.map((label, i) => ({ label, score: 1 - (result.distances[i] ?? 1) }));
    },
    setEfSearch(value) {
      ef = value;
      index.setEf(value);
    },
    save: async (path) => {
      await index.writeIndex(path);
    },
  };
}

/** Creates an empty HNSW index in cosine space; deleted slots are reused by later additions. */
export function createHnswIndex(options: { dim: number; capacity?: number; params?: Partial<HnswParams>; seed?: number }): VectorIndex {
  const params = { ...DEFAULT_HNSW_PARAMS, ...options.params };
  const index = new hnswlib.HierarchicalNSW("cosine", options.dim);
  index.initIndex({
    maxElements: Math.max(16, options.capacity ?? 1024),
    m: params.m,
    efConstruction: params.efConstruction,
    randomSeed: options.seed ?? 100,
    allowReplaceDeleted: true,
  });
  return wrap(index, options.dim, params, 0, 0);
}

/** Loads an index written by `save`; `liveCount` and `deletedCount` come from our manifest. */
export async function loadHnswIndex(
  path: string,
  options: { dim: number; params?: Partial<HnswParams>; liveCount: number; deletedCount: number },
): Promise<VectorIndex> {
  const params = { ...DEFAULT_HNSW_PARAMS, ...options.params };
  const index = new hnswlib.HierarchicalNSW("cosine", options.dim);
  await index.readIndex(path, true);
  if (index.getNumDimensions() !== options.dim) throw new Error(`index at ${path} has ${index.getNumDimensions()} dimensions, expected ${options.dim}`);
  return wrap(index, options.dim, params, options.liveCount, options.deletedCount);
}
