import { describe, expect, it } from "vitest";
import { isToolName, TOOL_NAMES } from "./tool-names.js";
import { latestOutcome, outcomesOf, readToolOutcome, readToolResult, TOOL_OUTPUT_SCHEMAS } from "./tool-results.js";

const FROZEN = { status: "ok", card: { last4: "4821", status: "frozen" }, reason: "lost" };

describe("tool names", () => {
  it("recognises our tools and nothing else", () => {
    expect(TOOL_NAMES.every(isToolName)).toBe(true);
    expect(isToolName("transfer_funds")).toBe(false);
    expect(Object.keys(TOOL_OUTPUT_SCHEMAS).sort()).toEqual([...TOOL_NAMES].sort());
  });
});

describe("readToolResult", () => {
  it("reads a result the tool produces, typed by the tool", () => {
    const out = readToolResult("freeze_card", FROZEN);
    expect(out?.status === "ok" && out.card.last4).toBe("4821");
  });

  it("refuses a result another tool would produce, or a malformed one", () => {
    expect(readToolResult("list_cards", FROZEN)).toBeUndefined();
    expect(readToolResult("freeze_card", { status: "ok", card: { last4: 4821 } })).toBeUndefined();
    expect(readToolResult("freeze_card", "not json")).toBeUndefined();
  });

  it("drops fields the schema does not name", () => {
    const json = { status: "ok", ticketId: "T-1", reason: "requested", extra: 1 };
    expect(readToolResult("handoff_to_human", json)).toEqual({ status: "ok", ticketId: "T-1", reason: "requested" });
  });
});

describe("readToolOutcome", () => {
  it("reads a tool's own output", () => {
    expect(readToolOutcome("freeze_card", FROZEN)).toEqual({ name: "freeze_card", data: FROZEN });
  });

  it("reads what the agent writes in place of a result: refused, over the limit, declined", () => {
    expect(readToolOutcome("freeze_card", { status: "rejected" })?.data).toEqual({ status: "rejected" });
    const refused = readToolOutcome("open_dispute", { status: "forbidden", reason: "tool not available here" });
    expect(refused?.data.status).toBe("forbidden");
    const overLimit = readToolOutcome("get_accounts", { status: "unavailable", reason: "limit" });
    expect(overLimit?.data.status).toBe("unavailable");
  });

  it("turns an unreadable result into a failure, and a tool we do not have into nothing", () => {
    expect(readToolOutcome("list_cards", { status: "ok", cards: "4821" })?.data).toEqual({ status: "failed" });
    expect(readToolOutcome("list_cards", null)?.data).toEqual({ status: "failed" });
    expect(readToolOutcome("transfer_funds", { status: "ok" })).toBeUndefined();
  });

  it("finds the latest and every outcome of one tool", () => {
    const done = [
      readToolOutcome("check_transaction_risk", { status: "not_found", transactionId: "tx-1" }),
      readToolOutcome("list_cards", { status: "needs_sign_in" }),
      readToolOutcome("check_transaction_risk", { status: "unavailable", transactionId: "tx-2" }),
    ].flatMap((o) => (o ? [o] : []));
    const latest = latestOutcome(done, "check_transaction_risk");
    expect(latest?.data).toEqual({ status: "unavailable", transactionId: "tx-2" });
    expect(outcomesOf(done, "check_transaction_risk")).toHaveLength(2);
    expect(latestOutcome(done, "freeze_card")).toBeUndefined();
  });
});
