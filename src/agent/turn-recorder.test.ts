import { describe, expect, it } from "vitest";
import { recordedResultOf, recordedResultsOf, toolNameOf, type RecordedToolCall } from "./turn-recorder.js";

function call(name: string, result?: Record<string, unknown>): RecordedToolCall {
  return { name, args: {}, status: "ok", summary: "ok", ms: 1, ...(result ? { result } : {}) };
}

const RISK = {
  status: "ok",
  transaction: { id: "tx-2", merchant: "QuickShop", amount: 899, currency: "GBP", date: "2026-11-28T02:10:00Z" },
  risk: { probability: 0.91, level: "block", reasons: [], modelVersion: "m" },
};

describe("recorded tool calls", () => {
  it("keeps a call to a tool we do not have representable, without a tool name", () => {
    expect(toolNameOf(call("transfer_funds"))).toBeUndefined();
    expect(toolNameOf(call("list_cards"))).toBe("list_cards");
  });

  it("reads a recorded result as the named tool's typed output", () => {
    const out = recordedResultOf(call("check_transaction_risk", RISK), "check_transaction_risk");
    expect(out?.status === "ok" && out.risk.probability).toBe(0.91);
  });

  it("reads nothing from another tool's call, a refused call or a malformed result", () => {
    expect(recordedResultOf(call("check_transaction_risk", RISK), "open_dispute")).toBeUndefined();
    expect(recordedResultOf(call("check_transaction_risk"), "check_transaction_risk")).toBeUndefined();
    const malformed = call("check_transaction_risk", { status: "ok", risk: "high" });
    expect(recordedResultOf(malformed, "check_transaction_risk")).toBeUndefined();
  });

  it("collects every readable result of one tool in call order", () => {
    const calls = [
      call("check_transaction_risk", RISK),
      call("list_cards", { status: "needs_sign_in" }),
      call("check_transaction_risk", { status: "not_found", transactionId: "x" }),
    ];
    expect(recordedResultsOf(calls, "check_transaction_risk").map((r) => r.status)).toEqual(["ok", "not_found"]);
  });
});
