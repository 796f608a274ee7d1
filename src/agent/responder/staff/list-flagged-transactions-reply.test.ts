import { describe, expect, it } from "vitest";
import type { ToolOutput } from "../../tools/tool-results.js";
import { renderListFlaggedTransactionsReply } from "./list-flagged-transactions-reply.js";

const QUEUE: ToolOutput<"list_flagged_transactions"> = {
  status: "ok",
  transactions: [
    {
      id: "tx-00005926",
      customerId: "demo1",
      merchant: "QuickShop Online",
      amount: 899,
      currency: "GBP",
      date: "2026-11-28T02:10:00Z",
      level: "block",
      probability: 0.91,
      reasons: ["金额是该客户30天平均消费的9.8倍", "交易发生在夜间（00:00–06:59）", "交易发生在周末"],
    },
    {
      id: "tx-00003304",
      customerId: "c000012",
      merchant: "淘宝",
      amount: 120,
      currency: "GBP",
      date: "2026-11-26T09:00:00Z",
      level: "review",
      probability: 0.42,
      reasons: [],
    },
  ],
};

// What may stay Latin in a Chinese reply: ids and merchant names.
const ALLOWED = /demo\d+|c\d{6}|tx-\d+|QuickShop Online/g;

describe("list_flagged_transactions reply", () => {
  it("counts the queue and lists each transaction with customer, merchant, amount, risk and level in English", () => {
    const text = renderListFlaggedTransactionsReply(QUEUE, "en");
    expect(text).toContain("2 transactions are flagged for fraud review, highest risk first:");
    expect(text).toContain("• tx-00003304 (customer c000012): 淘宝, £120.00 on 26 Nov 2026; risk 42.0%, needs review");
  });

  it("is wholly Chinese in Chinese, showing at most two reasons a line", () => {
    const text = renderListFlaggedTransactionsReply(QUEUE, "zh-CN");
    expect(text).toContain("有 2 笔交易待反欺诈复核，按风险从高到低：");
    expect(text).toContain(
      "• tx-00005926（客户 demo1）：QuickShop Online，£899.00，2026年11月28日；风险 91.0%，高风险（已拦截）",
    );
    expect(text).not.toContain("周末");
    expect(text.replace(ALLOWED, "")).not.toMatch(/[A-Za-z]{2,}/);
  });

  it("says the queue is empty, and refuses non-staff, in both languages", () => {
    const empty = { status: "ok" as const, transactions: [] };
    expect(renderListFlaggedTransactionsReply(empty, "en")).toBe(
      "No transactions are flagged for fraud review right now.",
    );
    expect(renderListFlaggedTransactionsReply(empty, "zh-CN")).toBe("目前没有待反欺诈复核的交易。");
    expect(renderListFlaggedTransactionsReply({ status: "forbidden" }, "en")).toContain("Only a member of staff");
  });

  it("gives every stand-in a sentence in both languages", () => {
    for (const status of ["unavailable", "rejected", "failed"] as const) {
      expect(renderListFlaggedTransactionsReply({ status }, "en")).toMatch(/\w/);
      expect(renderListFlaggedTransactionsReply({ status }, "zh-CN")).not.toMatch(/[A-Za-z]{2,}/);
    }
  });
});
