import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createConversationStore } from "./conversation-store.js";
import { createStaffAuditStore } from "./staff-audit-store.js";

// The port's behaviours run on every adapter in staff-audit-store.contract.test.ts; this file keeps the SQLite file's.
describe("staff audit store (SQLite file)", () => {
  it("shares the conversations database file and survives reopening", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "audit-"));
    const file = path.join(dir, "chat.sqlite");
    const conversations = createConversationStore(file);
    const first = createStaffAuditStore(file);
    first.record({
      staffId: "s1",
      sessionId: "sess-1",
      toolName: "get_customer_overview",
      args: { customerId: "demo1" },
      customerId: "demo1",
      status: "ok",
    });
    first.close();
    const again = createStaffAuditStore(file);
    expect(again.list({ customerId: "demo1", limit: 5 })).toHaveLength(1);
    again.close();
    conversations.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
