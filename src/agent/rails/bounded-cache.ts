// A small least-recently-used map, so per-text work that repeats across turns (shingles of the system prompts, facts
// of a knowledge passage) is done once, while memory stays bounded however many distinct texts pass through.

/** A bounded cache keyed by text. */
export interface BoundedCache<V> {
  /** The cached value for `key`, computed with `make` (and kept) when absent. */
  get(key: string, make: (key: string) => V): V;
  readonly size: number;
}

/** Creates a cache that keeps at most `limit` entries, dropping the least recently used. */
export function createBoundedCache<V>(limit: number): BoundedCache<V> {
  const entries = new Map<string, V>();
  return {
    get(key, make) {
      const hit = entries.get(key);
      if (hit !== undefined) {
        entries.delete(key);
        entries.set(key, hit);
        return hit;
      }
      const value = make(key);
      entries.set(key, value);
      if (entries.size > limit) entries.delete(entries.keys().next().value as string);
      return value;
    },
    get size() {
      return entries.size;
    },
  };
}
