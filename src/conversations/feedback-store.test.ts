import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createStaffAuditStore } from "./staff-audit-store.js";
import { createFeedbackStore } from "./feedback-store.js";

// The port's behaviours run on every adapter in feedback-store.contract.test.ts; this file keeps the SQLite file's own.
describe("feedback store (SQLite file)", () => {
  it("shares the conversations database file with other stores and survives reopening", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "feedback-"));
    const file = path.join(dir, "chat.sqlite");
    const audit = createStaffAuditStore(file);
    const store = createFeedbackStore(file);
    const saved = store.record({ sessionId: "s1", traceId: "t1", kind: "rating", rating: "up", locale: "en" });
    store.close();
    const reopened = createFeedbackStore(file);
    expect(reopened.listForSession("s1")).toEqual([saved]);
    reopened.close();
    audit.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
