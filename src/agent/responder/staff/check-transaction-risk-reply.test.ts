import { describe, expect, it } from "vitest";
import type { StandInResult, ToolOutput } from "../../tools/tool-results.js";
import { renderCheckTransactionRiskReply } from "./check-transaction-risk-reply.js";

const RESULT: ToolOutput<"check_transaction_risk"> = {
  status: "ok",
  transaction: {
    id: "tx-00005926",
    customerId: "demo1",
    merchant: "QuickShop Online",
    amount: 899,
    currency: "GBP",
    date: "2026-11-28T02:10:00Z",
  },
  risk: {
    probability: 0.912,
    level: "block",
    reasons: ["amount is 9.8× this customer's 30-day average", "made at night (00:00–06:59)"],
    modelVersion: "fraud-test",
  },
};

const ZH_REASONS = ["金额是该客户30天平均消费的9.8倍", "交易发生在夜间（00:00–06:59）"];
// What may stay Latin in a Chinese reply: ids and the merchant's name.
const ALLOWED = /demo\d+|c\d{6}|tx-\d+|QuickShop Online/g;

describe("check_transaction_risk reply", () => {
  it("states the transaction, its customer, the risk percentage, the level and the reasons in English", () => {
    const text = renderCheckTransactionRiskReply(RESULT, "en");
    expect(text).toContain("Transaction tx-00005926 (customer demo1): QuickShop Online, £899.00 on 28 Nov 2026.");
    expect(text).toContain("Fraud risk: 91.2%, high risk (blocked).");
    expect(text).toContain("• made at night (00:00–06:59)");
  });

  it("is wholly Chinese in Chinese", () => {
    const zh = { ...RESULT, risk: { ...RESULT.risk, level: "review" as const, reasons: ZH_REASONS } };
    const text = renderCheckTransactionRiskReply(zh, "zh-CN");
    expect(text).toContain("交易 tx-00005926（客户 demo1）：QuickShop Online，£899.00，2026年11月28日。");
    expect(text).toContain("欺诈风险：91.2%，需人工复核。");
    expect(text).toContain("• 金额是该客户30天平均消费的9.8倍");
    expect(text.replace(ALLOWED, "")).not.toMatch(/[A-Za-z]{2,}/);
  });

  it("says so when the model found no signal, or the transaction is unknown, or could not be scored", () => {
    const quiet = { ...RESULT, risk: { ...RESULT.risk, level: "none" as const, probability: 0.01, reasons: [] } };
    expect(renderCheckTransactionRiskReply(quiet, "zh-CN")).toContain("欺诈风险：1.0%，低风险。");
    expect(renderCheckTransactionRiskReply(quiet, "en")).toContain("no strong fraud signal");
    const missing = { status: "not_found" as const, transactionId: "tx-00000404" };
    expect(renderCheckTransactionRiskReply(missing, "en")).toBe("No transaction has the id tx-00000404. Check the id.");
    expect(renderCheckTransactionRiskReply(missing, "zh-CN")).toBe("没有编号为 tx-00000404 的交易，请核对编号。");
    const unscored = { status: "unavailable" as const, transactionId: "tx-00000404" };
    expect(renderCheckTransactionRiskReply(unscored, "zh-CN")).toContain("反欺诈模型暂时无法为交易 tx-00000404 评分");
  });

  it("gives every stand-in a sentence in both languages", () => {
    for (const status of ["forbidden", "unavailable", "rejected", "failed"] as const) {
      const standIn: StandInResult = { status };
      expect(renderCheckTransactionRiskReply(standIn, "en")).toMatch(/\w/);
      expect(renderCheckTransactionRiskReply(standIn, "zh-CN")).not.toMatch(/[A-Za-z]{2,}/);
    }
  });
});
