import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createConversationStore } from "./conversation-store.js";
import { createStaffAuditStore, MAX_AUDIT_READ } from "./staff-audit-store.js";

const entry = (over: Partial<Parameters<ReturnType<typeof createStaffAuditStore>["record"]>[0]> = {}) => ({
  staffId: "s1",
  sessionId: "sess-1",
  toolName: "get_customer_overview",
  args: { customerId: "demo1" },
  customerId: "demo1",
  status: "ok",
  ...over,
});

describe("staff audit store", () => {
  it("records who asked what about which customer, stamped by the injected clock", () => {
    const store = createStaffAuditStore(":memory:", { now: () => new Date("2026-12-01T10:00:00Z") });
    const saved = store.record(entry());
    expect(saved).toEqual({ id: 1, at: "2026-12-01T10:00:00.000Z", ...entry() });
    expect(store.list({ limit: 10 })).toEqual([saved]);
  });

  it("lists one customer's entries newest first, within the limit", () => {
    const store = createStaffAuditStore(":memory:");
    store.record(entry({ toolName: "list_customer_transactions" }));
    store.record(entry({ customerId: "demo2", args: { customerId: "demo2" } }));
    store.record(entry({ toolName: "get_handoff_queue", args: {}, customerId: undefined }));
    store.record(entry({ toolName: "list_customer_conversations", status: "not_found" }));
    const demo1 = store.list({ customerId: "demo1", limit: 10 });
    expect(demo1.map((e) => e.toolName)).toEqual(["list_customer_conversations", "list_customer_transactions"]);
    expect(store.list({ customerId: "demo1", limit: 1 })).toHaveLength(1);
    expect(store.list({ limit: 10 })[1]).not.toHaveProperty("customerId");
    expect(store.list({ staffId: "s9", limit: 10 })).toEqual([]);
  });

  it("never reads more than the maximum, whatever limit is asked", () => {
    const store = createStaffAuditStore(":memory:");
    for (let i = 0; i < MAX_AUDIT_READ + 5; i++) store.record(entry());
    expect(store.list({ limit: 10_000 })).toHaveLength(MAX_AUDIT_READ);
  });

  it("shares the conversations database file and survives reopening", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "audit-"));
    const file = path.join(dir, "chat.sqlite");
    const conversations = createConversationStore(file);
    const first = createStaffAuditStore(file);
    first.record(entry());
    first.close();
    const again = createStaffAuditStore(file);
    expect(again.list({ customerId: "demo1", limit: 5 })).toHaveLength(1);
    again.close();
    conversations.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("rejects an entry without a staff id", () => {
    const store = createStaffAuditStore(":memory:");
    expect(() => store.record(entry({ staffId: "" }))).toThrow();
  });
});
