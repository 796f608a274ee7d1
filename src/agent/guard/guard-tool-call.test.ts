import { ToolMessage } from "@langchain/core/messages";
import { describe, expect, it } from "vitest";
import type { Identity } from "../../auth/identity.js";
import { createStaffAuditStore } from "../../conversations/staff-audit-store.js";
import { createPiiVault } from "../../shared/pii-vault.js";
import { toStaffAuditSink } from "../adapters/staff-audit-adapter.js";
import type { StaffAuditEntry } from "../agent-ports.js";
import { createFakeBank } from "../testing/fake-ports.js";
import { TurnPlanSchema } from "../turn-plan.js";
import { createTurnRecorder } from "../turn-recorder.js";
import type { BankAgentContext } from "./agent-context.js";
import { guardToolCall, MAX_TOOL_CALLS } from "./guard-tool-call.js";

function contextFor(identity: Identity, allowedTools: string[]): BankAgentContext {
  return {
    identity,
    sessionId: "sess-1",
    locale: "en",
    vault: createPiiVault(),
    systemPrompt: "",
    plan: TurnPlanSchema.parse({
      intent: "customer_overview",
      route: "staff",
      locale: "en",
      role: identity.kind,
      confidence: 1,
      slots: {},
      today: "2026-12-01",
    }),
    allowedTools,
    nextPassageNumber: () => 1,
    recorder: createTurnRecorder(),
    toolCallsStarted: { count: 0 },
    screenModelText: (text) => text,
  };
}

const staff: Identity = { kind: "staff", staffId: "s1" };
const reply = (name: string, status: string) => () =>
  new ToolMessage({ content: JSON.stringify({ status }), name, tool_call_id: "c1" });
const call = (name: string, args: Record<string, unknown>) => ({ toolCall: { name, id: "c1", args } });

describe("guardToolCall staff audit", () => {
  it("writes an audit entry for a staff tool call: who, session, tool, redacted arguments, customer and status", async () => {
    const store = createStaffAuditStore(":memory:");
    const audit = toStaffAuditSink(store, createFakeBank());
    const ctx = contextFor(staff, ["get_customer_overview"]);
    const request = call("get_customer_overview", { customerId: "demo1", note: "called from 07700 900123" });
    await guardToolCall(ctx, request, reply("get_customer_overview", "ok"), { audit });
    const [entry] = store.list({ customerId: "demo1", limit: 10 });
    expect(entry).toMatchObject({
      staffId: "s1",
      sessionId: "sess-1",
      toolName: "get_customer_overview",
      customerId: "demo1",
      status: "ok",
    });
    expect(entry?.args["customerId"]).toBe("demo1");
    expect(JSON.stringify(entry?.args)).not.toContain("900123");
  });

  it("records a call naming a transaction against the customer who owns it", async () => {
    const store = createStaffAuditStore(":memory:");
    const ctx = contextFor(staff, ["check_transaction_risk"]);
    await guardToolCall(ctx, call("check_transaction_risk", { transactionId: "tx-9" }), reply("x", "ok"), {
      audit: toStaffAuditSink(store, createFakeBank()),
    });
    expect(store.list({ customerId: "demo2", limit: 10 }).map((e) => e.toolName)).toEqual(["check_transaction_risk"]);
  });

  it("records refused calls too: a tool not offered, and a call over the turn's limit", async () => {
    const entries: StaffAuditEntry[] = [];
    const ctx = contextFor(staff, ["get_handoff_queue"]);
    await guardToolCall(ctx, call("freeze_card", { cardLast4: "4821" }), reply("freeze_card", "ok"), {
      audit: (e) => entries.push(e),
    });
    ctx.toolCallsStarted.count = MAX_TOOL_CALLS;
    await guardToolCall(ctx, call("get_handoff_queue", {}), reply("get_handoff_queue", "ok"), {
      audit: (e) => entries.push(e),
    });
    expect(entries.map((e) => [e.toolName, e.status])).toEqual([
      ["freeze_card", "denied"],
      ["get_handoff_queue", "unavailable"],
    ]);
  });

  it("records a tool that throws as failed, and still throws", async () => {
    const entries: StaffAuditEntry[] = [];
    const ctx = contextFor(staff, ["get_handoff_queue"]);
    const boom = () => {
      throw new Error("database locked");
    };
    await expect(
      guardToolCall(ctx, call("get_handoff_queue", {}), boom, { audit: (e) => entries.push(e) }),
    ).rejects.toThrow("database locked");
    expect(entries.map((e) => e.status)).toEqual(["failed"]);
  });

  it("does not audit customers' calls", async () => {
    const entries: StaffAuditEntry[] = [];
    const ctx = contextFor({ kind: "customer", customerId: "demo1" }, ["list_cards"]);
    await guardToolCall(ctx, call("list_cards", {}), reply("list_cards", "ok"), { audit: (e) => entries.push(e) });
    expect(entries).toEqual([]);
  });
});
