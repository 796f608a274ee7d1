import { describe, expect, it } from "vitest";
import { extractStaffSlots, type StaffRouteDecision } from "../../router/index.js";
import { toStaffCall } from "./staff-call.js";

function decided(intent: string, tool: string, text: string): StaffRouteDecision {
  return { intent, tool, confidence: 0.9, top: [], lowConfidence: false, slots: extractStaffSlots(text) };
}

describe("toStaffCall", () => {
  it("estimates credit for exactly the amount and term asked", () => {
    const text = "explain the credit decision for demo1 for 5000 over 24 months";
    const call = toStaffCall(decided("credit_assessment", "explain_credit_decision", text), text);
    expect(call.args).toEqual({ customerId: "demo1", amount: 5000, termMonths: 24 });
    expect(call.defaulted).toEqual([]);
  });

  it("uses the standard loan and says so when no amount or term is given", () => {
    const text = "credit check for demo2";
    const call = toStaffCall(decided("credit_assessment", "explain_credit_decision", text), text);
    expect(call.args).toEqual({ customerId: "demo2", amount: 10000, termMonths: 60 });
    expect(call.defaulted).toEqual(["amount", "termMonths"]);
  });

  it("asks for the customer or transaction a question lacks", () => {
    const text = "show me their recent payments";
    expect(toStaffCall(decided("customer_transactions", "list_customer_transactions", text), text).missing).toEqual([
      "customerId",
    ]);
    const risk = "is that payment fraud?";
    expect(toStaffCall(decided("transaction_risk", "check_transaction_risk", risk), risk).missing).toEqual([
      "transactionId",
    ]);
  });

  it("takes a lone four-digit number in a freeze request as the card", () => {
    const text = "c000016 just reported her card 6777 missing, freeze it please";
    const call = toStaffCall(decided("freeze_card", "staff_freeze_card", text), text);
    expect(call.args).toEqual({ customerId: "c000016", cardLast4: "6777", reason: "lost" });
  });

  it("passes the customer's question, without the request around it, to the draft", () => {
    const en = "draft a reply to a customer asking about the SWIFT fee";
    expect(toStaffCall(decided("draft_reply", "draft_customer_reply", en), en).args).toEqual({
      question: "the SWIFT fee",
    });
    const zh = "客户问非接触支付单笔上限是多少，给我拟个回复";
    expect(toStaffCall(decided("draft_reply", "draft_customer_reply", zh), zh).args).toEqual({
      question: "非接触支付单笔上限是多少",
    });
  });

  it("counts fraud reviews over a week when no period is said", () => {
    const text = "how many frauds were confirmed?";
    expect(toStaffCall(decided("fraud_stats", "get_fraud_review_stats", text), text).args).toEqual({ days: 7 });
  });
});
