// One suite for the staff audit port, run on every adapter (SQLite always; PostgreSQL when TEST_DATABASE_URL is set),
// so both keep one append-only trail: ids in order, newest first, filters, bounds and validation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeAdapters, type StoreAdapter } from "../shared/pg/store-adapters.test-helpers.js";
import { TEST_DATABASE_URL, warnSkipped } from "../shared/pg/test-database.test-helpers.js";
import { createPgStaffAuditStore } from "./pg/pg-staff-audit-store.js";
import {
  createStaffAuditStore,
  MAX_AUDIT_READ,
  type StaffAuditInput,
  type StaffAuditStore,
} from "./staff-audit-store.js";

type Options = { now?: () => Date };
type Adapter = StoreAdapter<StaffAuditStore, Options>;

const adapters = storeAdapters<StaffAuditStore, Options>({
  name: "staff-audit",
  sqlite: (file, options) => createStaffAuditStore(file, options),
  postgres: (db, options) => createPgStaffAuditStore(db, options),
  tables: "staff_audit",
});
if (!TEST_DATABASE_URL) warnSkipped("PostgreSQL");

const entry = (over: Partial<StaffAuditInput> = {}): StaffAuditInput => ({
  staffId: "s1",
  sessionId: "sess-1",
  toolName: "get_customer_overview",
  args: { customerId: "demo1" },
  customerId: "demo1",
  status: "ok",
  ...over,
});

describe.each(adapters)("staff audit store (%s)", (_name, make) => {
  let adapter: Adapter;
  beforeAll(async () => {
    adapter = await make();
  });
  afterAll(async () => adapter.done());

  it("records who asked what about which customer, stamped by the injected clock", () => {
    const { store } = adapter.open({ now: () => new Date("2026-12-01T10:00:00Z") });
    const saved = store.record(entry({ args: { customerId: "demo1", nested: { months: 3, tags: ["a"] } } }));
    expect(saved).toEqual({
      id: 1,
      at: "2026-12-01T10:00:00.000Z",
      ...entry({ args: { customerId: "demo1", nested: { months: 3, tags: ["a"] } } }),
    });
    expect(store.list({ limit: 10 })).toEqual([saved]);
  });

  it("lists one customer's or one staff member's entries newest first, within the limit", () => {
    const { store } = adapter.open();
    store.record(entry({ toolName: "list_customer_transactions" }));
    store.record(entry({ customerId: "demo2", args: { customerId: "demo2" } }));
    store.record(entry({ toolName: "get_handoff_queue", args: {}, customerId: undefined }));
    store.record(entry({ toolName: "list_customer_conversations", status: "not_found" }));
    store.record(entry({ staffId: "s2", toolName: "get_customer_overview" }));
    const demo1 = store.list({ customerId: "demo1", staffId: "s1", limit: 10 });
    expect(demo1.map((e) => e.toolName)).toEqual(["list_customer_conversations", "list_customer_transactions"]);
    expect(store.list({ customerId: "demo1", limit: 10 }).map((e) => e.staffId)).toEqual(["s2", "s1", "s1"]);
    expect(store.list({ customerId: "demo1", limit: 1 })).toHaveLength(1);
    expect(store.list({ limit: 10 })[2]).not.toHaveProperty("customerId");
    expect(store.list({ staffId: "s2", limit: 10 })).toHaveLength(1);
    expect(store.list({ staffId: "s9", limit: 10 })).toEqual([]);
    const ids = store.list({ limit: 10 }).map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it("never reads more than the maximum, whatever limit is asked", () => {
    const { store } = adapter.open();
    for (let i = 0; i < MAX_AUDIT_READ + 5; i++) store.record(entry());
    expect(store.list({ limit: 10_000 })).toHaveLength(MAX_AUDIT_READ);
    expect(store.list({ limit: 0 })).toHaveLength(1);
  });

  it("rejects an entry without a staff id, recording nothing", () => {
    const { store } = adapter.open();
    expect(() => store.record(entry({ staffId: "" }))).toThrow();
    expect(store.list({ limit: 10 })).toEqual([]);
  });

  it("appends every instance's entries to one trail, with ids that never repeat", () => {
    const opened = adapter.open();
    const other = opened.twin();
    const a = opened.store.record(entry({ toolName: "first" }));
    const b = other.record(entry({ toolName: "second" }));
    const c = opened.store.record(entry({ toolName: "third" }));
    expect(new Set([a.id, b.id, c.id]).size).toBe(3);
    expect(other.list({ staffId: "s1", limit: 10 }).map((e) => e.toolName)).toEqual(["third", "second", "first"]);
  });

  it("closing one store leaves the other stores on the same database working", () => {
    const opened = adapter.open();
    const saved = opened.store.record(entry());
    const sibling = opened.sibling();
    opened.store.close();
    expect(sibling.list({ limit: 10 })).toEqual([saved]);
  });
});
