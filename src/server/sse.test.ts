import { describe, expect, it } from "vitest";
import { createSseRegistry } from "./sse.js";

describe("SSE registry", () => {
  it("caps streams per identity and frees a slot when one closes", () => {
    const registry = createSseRegistry({ maxPerIdentity: 2, maxPerAnonymousIp: 10, maxTotal: 10 });
    const a = registry.acquire({ identity: "customer:demo1" });
    const b = registry.acquire({ identity: "customer:demo1" });
    expect(registry.acquire({ identity: "customer:demo1" })).toEqual({ ok: false, error: "identity_limit" });
    expect(registry.acquire({ identity: "customer:demo2" }).ok).toBe(true);
    if (!a.ok || !b.ok) throw new Error("refused");
    a.value();
    a.value();
    expect(registry.open).toBe(2);
    expect(registry.acquire({ identity: "customer:demo1" }).ok).toBe(true);
  });

  it("caps anonymous streams per address and in total", () => {
    const registry = createSseRegistry({ maxPerIdentity: 5, maxPerAnonymousIp: 2, maxTotal: 3 });
    expect(registry.acquire({ identity: "anonymous:a", anonymousIp: "10.0.0.1" }).ok).toBe(true);
    expect(registry.acquire({ identity: "anonymous:b", anonymousIp: "10.0.0.1" }).ok).toBe(true);
    expect(registry.acquire({ identity: "anonymous:c", anonymousIp: "10.0.0.1" })).toEqual({
      ok: false,
      error: "ip_limit",
    });
    expect(registry.acquire({ identity: "staff:alice" }).ok).toBe(true);
    expect(registry.acquire({ identity: "staff:bob" })).toEqual({ ok: false, error: "total_limit" });
  });
});
