// One suite for the feedback port, run on every adapter (SQLite always; PostgreSQL when TEST_DATABASE_URL is set),
// so the adapters keep the same behaviour: replacement rules, ordering, time windows, bounds and sharing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeAdapters, type StoreAdapter } from "../shared/pg/store-adapters.test-helpers.js";
import { TEST_DATABASE_URL, warnSkipped } from "../shared/pg/test-database.test-helpers.js";
import { createFeedbackStore, MAX_FEEDBACK_READ, type FeedbackInput, type FeedbackStore } from "./feedback-store.js";
import { createPgFeedbackStore } from "./pg/pg-feedback-store.js";

type Options = { now?: () => Date };
type Adapter = StoreAdapter<FeedbackStore, Options>;

const adapters = storeAdapters<FeedbackStore, Options>({
  name: "feedback",
  sqlite: (file, options) => createFeedbackStore(file, options),
  postgres: (db, options) => createPgFeedbackStore(db, options),
  tables: "feedback",
});
if (!TEST_DATABASE_URL) warnSkipped("PostgreSQL");

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

describe.each(adapters)("feedback store (%s)", (_name, make) => {
  let adapter: Adapter;
  beforeAll(async () => {
    adapter = await make();
  });
  afterAll(async () => adapter.done());

  it("records a thumbs rating with its trace and a CSAT for the conversation", () => {
    const { store } = adapter.open({ now: clock("2026-12-01T10:00:00Z") });
    const up = store.record(rating({ comment: "clear answer" }));
    const csat = store.record({ sessionId: "s1", kind: "csat", csat: 4, locale: "zh-CN", comment: "" });
    expect(up).toMatchObject({ sessionId: "s1", traceId: "t1", kind: "rating", rating: "up", comment: "clear answer" });
    expect(up.createdAt).toBe("2026-12-01T10:00:01.000Z");
    expect(csat).toMatchObject({ kind: "csat", csat: 4, locale: "zh-CN" });
    expect(csat.traceId).toBeUndefined();
    expect(csat).not.toHaveProperty("comment");
    expect(store.listForSession("s1")).toEqual([up, csat]);
    expect(store.listForSession("other")).toEqual([]);
  });

  it("keeps one rating per reply and one CSAT per conversation, the latest winning and listed last", () => {
    const { store } = adapter.open({ now: clock("2026-12-01T10:00:00Z") });
    store.record(rating());
    const second = store.record(rating({ traceId: "t2" }));
    const replaced = store.record(rating({ rating: "down", comment: "wrong" }));
    store.record({ sessionId: "s1", kind: "csat", csat: 2, locale: "en" });
    const latest = store.record({ sessionId: "s1", kind: "csat", csat: 5, locale: "en" });
    const elsewhere = store.record(rating({ sessionId: "s2" }));
    expect(store.listForSession("s1")).toEqual([second, replaced, latest]);
    expect(store.listForSession("s2")).toEqual([elsewhere]);
  });

  it("orders entries recorded in the same millisecond by when they were recorded", () => {
    const { store } = adapter.open({ now: () => new Date("2026-12-01T10:00:00Z") });
    const a = store.record(rating({ traceId: "b-trace" }));
    const b = store.record(rating({ traceId: "a-trace" }));
    const c = store.record({ sessionId: "s1", kind: "csat", csat: 3, locale: "en" });
    expect(store.listForSession("s1")).toEqual([a, b, c]);
    expect(store.list({ limit: 10 })).toEqual([a, b, c]);
  });

  it("refuses a rating without a trace and a CSAT outside 1 to 5, storing nothing", () => {
    const { store } = adapter.open();
    expect(() => store.record({ sessionId: "s1", kind: "rating", rating: "up", locale: "en" })).toThrow();
    expect(() => store.record({ sessionId: "s1", kind: "csat", csat: 6, locale: "en" })).toThrow();
    expect(() => store.record({ sessionId: "s1", kind: "csat", csat: 3, rating: "up", locale: "en" })).toThrow();
    expect(store.list({ limit: 10 })).toEqual([]);
  });

  it("lists feedback in a time window, oldest first, within the limit", () => {
    const { store } = adapter.open({ now: clock("2026-12-01T10:00:00Z") });
    const a = store.record(rating({ sessionId: "a" }));
    const b = store.record(rating({ sessionId: "b" }));
    const c = store.record(rating({ sessionId: "c" }));
    expect(store.list({ limit: 10 })).toEqual([a, b, c]);
    expect(store.list({ from: b.createdAt, limit: 10 })).toEqual([b, c]);
    expect(store.list({ to: c.createdAt, limit: 10 })).toEqual([a, b]);
    expect(store.list({ from: a.createdAt, to: c.createdAt, limit: 10 })).toEqual([a, b]);
    expect(store.list({ limit: 1 })).toEqual([a]);
    expect(store.list({ limit: 0 })).toEqual([a]);
    expect(MAX_FEEDBACK_READ).toBeGreaterThan(100);
  });

  it("shares one set of rows between instances: another instance reads them and its CSAT replaces this one's", () => {
    const opened = adapter.open({ now: clock("2026-12-01T10:00:00Z") });
    const other = opened.twin({ now: clock("2026-12-01T11:00:00Z") });
    const up = opened.store.record(rating());
    opened.store.record({ sessionId: "s1", kind: "csat", csat: 1, locale: "en" });
    const csat = other.record({ sessionId: "s1", kind: "csat", csat: 5, locale: "en" });
    expect(other.listForSession("s1")).toEqual([up, csat]);
    expect(opened.store.listForSession("s1")).toEqual([up, csat]);
  });

  it("closing one store leaves the other stores on the same database working", () => {
    const opened = adapter.open();
    const saved = opened.store.record(rating());
    const sibling = opened.sibling();
    opened.store.close();
    expect(sibling.listForSession("s1")).toEqual([saved]);
  });
});
