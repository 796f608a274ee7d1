import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createStaffAuditStore } from "./staff-audit-store.js";
import { createFeedbackStore, MAX_FEEDBACK_READ, type FeedbackInput } from "./feedback-store.js";

const rating = (over: Partial<FeedbackInput> = {}): FeedbackInput => ({
  sessionId: "s1",
  traceId: "t1",
  kind: "rating",
  rating: "up",
  locale: "en",
  ...over,
});

function clock(start: string): () => Date {
  let t = Date.parse(start);
  return () => new Date((t += 1000));
}

describe("feedback store", () => {
  it("records a thumbs rating with its trace and a CSAT for the conversation", () => {
    const store = createFeedbackStore(":memory:", { now: clock("2026-12-01T10:00:00Z") });
    const up = store.record(rating({ comment: "clear answer" }));
    const csat = store.record({ sessionId: "s1", kind: "csat", csat: 4, locale: "zh-CN" });
    expect(up).toMatchObject({ sessionId: "s1", traceId: "t1", kind: "rating", rating: "up", comment: "clear answer" });
    expect(csat).toMatchObject({ kind: "csat", csat: 4, locale: "zh-CN" });
    expect(csat.traceId).toBeUndefined();
    expect(store.listForSession("s1")).toEqual([up, csat]);
    expect(store.listForSession("other")).toEqual([]);
  });

  it("keeps one rating per reply and one CSAT per conversation, the latest winning", () => {
    const store = createFeedbackStore(":memory:", { now: clock("2026-12-01T10:00:00Z") });
    store.record(rating());
    store.record(rating({ traceId: "t2" }));
    const replaced = store.record(rating({ rating: "down", comment: "wrong" }));
    store.record({ sessionId: "s1", kind: "csat", csat: 2, locale: "en" });
    const latest = store.record({ sessionId: "s1", kind: "csat", csat: 5, locale: "en" });
    const rows = store.listForSession("s1");
    expect(rows).toHaveLength(3);
    expect(rows.filter((r) => r.traceId === "t1")).toEqual([replaced]);
    expect(rows.filter((r) => r.kind === "csat")).toEqual([latest]);
  });

  it("refuses a rating without a trace and a CSAT outside 1 to 5", () => {
    const store = createFeedbackStore(":memory:");
    expect(() => store.record({ sessionId: "s1", kind: "rating", rating: "up", locale: "en" })).toThrow();
    expect(() => store.record({ sessionId: "s1", kind: "csat", csat: 6, locale: "en" })).toThrow();
    expect(() => store.record({ sessionId: "s1", kind: "csat", csat: 3, rating: "up", locale: "en" })).toThrow();
  });

  it("lists feedback in a time window, oldest first, within the limit", () => {
    const store = createFeedbackStore(":memory:", { now: clock("2026-12-01T10:00:00Z") });
    const a = store.record(rating({ sessionId: "a" }));
    const b = store.record(rating({ sessionId: "b" }));
    const c = store.record(rating({ sessionId: "c" }));
    expect(store.list({ limit: 10 })).toEqual([a, b, c]);
    expect(store.list({ from: b.createdAt, limit: 10 })).toEqual([b, c]);
    expect(store.list({ to: c.createdAt, limit: 10 })).toEqual([a, b]);
    expect(store.list({ limit: 1 })).toEqual([a]);
    expect(MAX_FEEDBACK_READ).toBeGreaterThan(100);
  });

  it("shares the conversations database file with other stores and survives reopening", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "feedback-"));
    const file = path.join(dir, "chat.sqlite");
    const audit = createStaffAuditStore(file);
    const store = createFeedbackStore(file);
    const saved = store.record(rating());
    store.close();
    const reopened = createFeedbackStore(file);
    expect(reopened.listForSession("s1")).toEqual([saved]);
    reopened.close();
    audit.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
