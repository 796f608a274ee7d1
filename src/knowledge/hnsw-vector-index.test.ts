import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createRng } from "../shared/random.js";
import { exactTopK } from "./exact-search.js";
import { createHnswIndex, loadHnswIndex } from "./hnsw-vector-index.js";

function unitVectors(n: number, dim: number, seed: number): number[][] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => {
    const v = Array.from({ length: dim }, () => rng.normal());
    const norm = Math.sqrt(v.reduce((a, x) => a + x * x, 0));
    return v.map((x) => x / norm);
  });
}

describe("HNSW vector index", () => {
  it("finds the same nearest neighbours as exact cosine search on a small set", () => {
    const dim = 32;
    const vectors = unitVectors(300, dim, 1);
    const index = createHnswIndex({ dim, capacity: 16 });
    vectors.forEach((v, i) => index.add(i, v));
    const matrix = { dim, count: vectors.length, data: Float32Array.from(vectors.flat()) };
    for (const q of unitVectors(20, dim, 2)) {
      const want = exactTopK(matrix, q, 5).map((m) => m.index);
      expect(index.search(q, 5).map((m) => m.label)).toEqual(want);
    }
    expect(index.search(vectors[7] as number[], 1)[0]).toMatchObject({ label: 7, score: expect.closeTo(1, 5) });
  });

  it("never returns removed labels and reuses their slots for new ones", () => {
    const dim = 16;
    const vectors = unitVectors(50, dim, 3);
    const index = createHnswIndex({ dim, capacity: 50 });
    vectors.forEach((v, i) => index.add(i, v));
    index.remove(10);
    expect(index.size()).toBe(49);
    expect(index.search(vectors[10] as number[], 49).map((m) => m.label)).not.toContain(10);
    index.add(100, vectors[10] as number[]);
    expect(index.deleted()).toBe(0);
    expect(index.search(vectors[10] as number[], 1)[0]?.label).toBe(100);
  });

  it("honours a label filter", () => {
    const dim = 16;
    const index = createHnswIndex({ dim });
    unitVectors(40, dim, 4).forEach((v, i) => index.add(i, v));
    const hits = index.search(unitVectors(1, dim, 5)[0] as number[], 10, (label) => label % 2 === 0);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.label % 2 === 0)).toBe(true);
  });

  it("saves and loads with the same results", async () => {
    const dim = 16;
    const vectors = unitVectors(60, dim, 6);
    const index = createHnswIndex({ dim });
    vectors.forEach((v, i) => index.add(i, v));
    index.remove(3);
    const path = join(await mkdtemp(join(tmpdir(), "hnsw-")), "i.bin");
    await index.save(path);
    const loaded = await loadHnswIndex(path, { dim, liveCount: index.size(), deletedCount: index.deleted() });
    const q = unitVectors(1, dim, 7)[0] as number[];
    expect(loaded.search(q, 5)).toEqual(index.search(q, 5));
  });
});
