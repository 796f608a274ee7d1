import { describe, expect, it } from "vitest";
import { createBoundedCache } from "./bounded-cache.js";

describe("bounded cache", () => {
  it("computes a value once and drops the least recently used past its limit", () => {
    const cache = createBoundedCache<number>(2);
    let made = 0;
    const make = (k: string): number => (made++, k.length);
    cache.get("a", make);
    cache.get("bb", make);
    cache.get("a", make);
    cache.get("ccc", make);
    expect(made).toBe(3);
    expect(cache.size).toBe(2);
    cache.get("a", make);
    expect(made).toBe(3);
    cache.get("bb", make);
    expect(made).toBe(4);
  });
});
