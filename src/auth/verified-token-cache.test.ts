import { describe, expect, it } from "vitest";
import { createVerifiedTokenCache } from "./verified-token-cache.js";

const customer = (id: string) => ({ kind: "customer" as const, customerId: id });

describe("verified token cache", () => {
  it("holds at most its capacity, evicting the least recently used token instead of clearing everything", () => {
    const cache = createVerifiedTokenCache(3);
    for (const t of ["a", "b", "c"]) cache.set(t, customer(t), 10_000);
    expect(cache.get("a", 0)).toEqual(customer("a"));
    cache.set("d", customer("d"), 10_000);
    expect(cache.size).toBe(3);
    expect(cache.get("b", 0)).toBeUndefined();
    for (const t of ["a", "c", "d"]) expect(cache.get(t, 0)).toEqual(customer(t));
    for (let i = 0; i < 1000; i++) cache.set(`x${i}`, customer(`x${i}`), 10_000);
    expect(cache.size).toBe(3);
  });

  it("forgets a token once it expires", () => {
    const cache = createVerifiedTokenCache(10);
    cache.set("a", customer("a"), 1000);
    expect(cache.get("a", 999)).toEqual(customer("a"));
    expect(cache.get("a", 1000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});
