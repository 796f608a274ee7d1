import { describe, expect, it } from "vitest";
import type { ApiResult } from "./console-api.js";
import type { HandoffQueuePage, Ticket } from "./console-types.js";
import { loadWholeQueue } from "./handoff-queue-pages.js";

const ticket = (n: number, identified = false): Ticket => ({
  id: `T-${n}`,
  sessionId: `s-${n}`,
  summary: "help",
  status: "waiting",
  createdAt: "2026-01-01T00:00:00Z",
  identified,
});

// A fake server that pages `all` by numeric cursor, as GET /v1/staff/handoffs does with its opaque one.
function fakeApi(all: Ticket[]) {
  const paths: string[] = [];
  const get = async <T>(path: string): Promise<ApiResult<T>> => {
    paths.push(path);
    const url = new URL(path, "http://console.test");
    const limit = Number(url.searchParams.get("limit"));
    const from = Number(url.searchParams.get("cursor") ?? 0);
    const tickets = all.slice(from, from + limit);
    const page: HandoffQueuePage = {
      tickets,
      counts: { waiting: all.length, with_agent: 0, waitingIdentified: 1 },
      ...(from + limit < all.length ? { nextCursor: String(from + limit) } : {}),
    };
    // The fake stands in for fetch + JSON parsing, which yield whatever type the caller asked for.
    return { ok: true, value: page as T };
  };
  return { get, paths };
}

describe("console handoff queue loading", () => {
  it("follows nextCursor until every waiting ticket is loaded, not just the first page", async () => {
    const all = [ticket(0, true), ...Array.from({ length: 250 }, (_, i) => ticket(i + 1))];
    const api = fakeApi(all);
    const r = await loadWholeQueue(api, { pageSize: 100 });
    expect(r.ok && r.value.tickets.map((t) => t.id)).toEqual(all.map((t) => t.id));
    expect(r.ok && r.value.truncated).toBe(false);
    expect(r.ok && r.value.counts.waiting).toBe(251);
    expect(api.paths).toEqual([
      "/v1/staff/handoffs?limit=100",
      "/v1/staff/handoffs?limit=100&cursor=100",
      "/v1/staff/handoffs?limit=100&cursor=200",
    ]);
  });

  it("stops at the page cap and says the list is truncated", async () => {
    const api = fakeApi(Array.from({ length: 30 }, (_, i) => ticket(i)));
    const r = await loadWholeQueue(api, { pageSize: 10, maxPages: 2 });
    expect(r.ok && r.value.tickets).toHaveLength(20);
    expect(r.ok && r.value.truncated).toBe(true);
  });

  it("passes a failed page through as the error staff see", async () => {
    const r = await loadWholeQueue({
      get: async <T>(): Promise<ApiResult<T>> => ({ ok: false, status: 403, message: "Staff only." }),
    });
    expect(r).toEqual({ ok: false, status: 403, message: "Staff only." });
  });
});
