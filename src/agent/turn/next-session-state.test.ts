import { describe, expect, it } from "vitest";
import type { RecordedToolCall } from "../turn-recorder.js";
import { focusTransactionOf, nextSessionState } from "./next-session-state.js";

const call = (name: string, result: Record<string, unknown>): RecordedToolCall => ({
  name,
  args: {},
  status: "ok",
  summary: "ok",
  ms: 1,
  result,
});
const tx = (id: string) => ({ id, merchant: "Shop", amount: 12.5, currency: "GBP", date: "2026-11-30T10:00:00Z" });
const risk = (probability: number) => ({ probability, level: "review", reasons: [], modelVersion: "m1" });

describe("what the session remembers after a turn", () => {
  it("focuses the riskiest transaction checked, else the first one listed", () => {
    const checks = [
      call("check_transaction_risk", { status: "ok", transaction: tx("tx_low"), risk: risk(0.1) }),
      call("check_transaction_risk", { status: "ok", transaction: tx("tx_high"), risk: risk(0.9) }),
    ];
    expect(focusTransactionOf(checks)).toBe("tx_high");
    expect(
      focusTransactionOf([
        call("get_recent_transactions", {
          status: "ok",
          transactions: [{ ...tx("tx_1"), category: "retail", channel: "online", cardLast4: "1234" }],
        }),
      ]),
    ).toBe("tx_1");
  });

  it("waits for a detail only when the local responder asked for one on a task route", () => {
    const base = { state: { turns: 0 }, intent: "loan_eligibility", calls: [], pending: undefined };
    const asked = nextSessionState({ ...base, route: "credit", outcome: { text: "How much?", awaitingSlot: true } });
    expect(asked.awaiting).toEqual({ intent: "loan_eligibility", route: "credit", slot: "any" });
    // A real model's question mark means nothing: only the responder's explicit signal counts.
    expect(
      nextSessionState({ ...base, route: "credit", outcome: { text: "Anything else?" } }).awaiting,
    ).toBeUndefined();
    expect(
      nextSessionState({ ...base, route: "knowledge", outcome: { text: "Which?", awaitingSlot: true } }).awaiting,
    ).toBeUndefined();
  });
});
