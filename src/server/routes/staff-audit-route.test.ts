import express from "express";
import request from "supertest";
import { describe, expect, it } from "vitest";
import type { Identity } from "../../auth/identity.js";
import type { TokenService } from "../../auth/tokens.js";
import { createConversationEvents } from "../../conversations/conversation-events.js";
import { createConversationStore } from "../../conversations/conversation-store.js";
import { createHandoffService } from "../../conversations/handoff-service.js";
import { createStaffAuditStore } from "../../conversations/staff-audit-store.js";
import { createJsonLogger } from "../../shared/logger.js";
import { err, ok } from "../../shared/result.js";
import { createAuthMiddleware } from "../auth-middleware.js";
import { createErrorHandler } from "../error-handler.js";
import { createStaffRoutes } from "./staff-routes.js";

// Tokens are the identity itself, so the test can speak as anyone.
const tokens: TokenService = {
  verify: async (raw) =>
    raw === "staff"
      ? ok<Identity>({ kind: "staff", staffId: "s1" })
      : raw === "customer"
        ? ok<Identity>({ kind: "customer", customerId: "demo1" })
        : err("invalid_token"),
  available: { customer: true, staff: true },
};

function appWithAudit() {
  const store = createConversationStore(":memory:");
  const audit = createStaffAuditStore(":memory:");
  audit.record({
    staffId: "s1",
    sessionId: "a",
    toolName: "get_customer_overview",
    args: {},
    customerId: "demo1",
    status: "ok",
  });
  audit.record({ staffId: "s2", sessionId: "b", toolName: "get_handoff_queue", args: {}, status: "ok" });
  audit.record({
    staffId: "s2",
    sessionId: "b",
    toolName: "list_customer_transactions",
    args: {},
    customerId: "demo1",
    status: "ok",
  });
  const app = express()
    .use(createAuthMiddleware(tokens))
    .use(
      createStaffRoutes({
        store,
        handoff: createHandoffService({ store, events: createConversationEvents(), redact: (t) => t }),
        data: {
          listFlagged: () => [],
          recordLabel: () => err("not_found"),
          creditEstimate: () => err("not_found"),
        },
        audit,
      }),
    )
    .use(createErrorHandler(createJsonLogger({ level: "error", sink: () => undefined })));
  return app;
}

describe("GET /v1/staff/audit", () => {
  it("lists one customer's audit entries to staff, newest first", async () => {
    const res = await request(appWithAudit())
      .get("/v1/staff/audit")
      .query({ customerId: "demo1", limit: 10 })
      .set("authorization", "Bearer staff");
    expect(res.status).toBe(200);
    expect(res.body.entries.map((e: { toolName: string }) => e.toolName)).toEqual([
      "list_customer_transactions",
      "get_customer_overview",
    ]);
  });

  it("is forbidden to customers", async () => {
    const res = await request(appWithAudit()).get("/v1/staff/audit").set("authorization", "Bearer customer");
    expect(res.status).toBe(403);
  });

  it("rejects a limit beyond the bound", async () => {
    const res = await request(appWithAudit())
      .get("/v1/staff/audit")
      .query({ limit: 100000 })
      .set("authorization", "Bearer staff");
    expect(res.status).toBe(400);
  });
});
