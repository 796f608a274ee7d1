import { describe, expect, it } from "vitest";
import type { ToolOutput } from "../../tools/tool-results.js";
import { renderListCustomerTransactionsReply } from "./list-customer-transactions-reply.js";

const LIST: ToolOutput<"list_customer_transactions"> = {
  status: "ok",
  customerId: "demo1",
  days: 7,
  total: 14,
  flagged: 1,
  transactions: [
    {
      id: "tx-00005926",
      date: "2026-11-28T02:10:00Z",
      merchant: "QuickShop Online",
      amount: 899,
      currency: "GBP",
      channel: "online",
      cardLast4: "4821",
      risk: { probability: 0.912, level: "block" },
    },
    {
      id: "tx-00005900",
      date: "2026-11-27T10:00:00Z",
      merchant: "淘宝",
      amount: 45.2,
      currency: "GBP",
      channel: "contactless",
      cardLast4: "4821",
      risk: { probability: 0.004, level: "none" },
    },
  ],
};

describe("list_customer_transactions reply", () => {
  it("states the window's counts and each transaction with its risk in English", () => {
    const text = renderListCustomerTransactionsReply(LIST, "en");
    expect(text).toContain("demo1 made 14 transactions in the last 7 days; 1 flagged by the fraud model.");
    expect(text).toContain(
      "• tx-00005926 28 Nov 2026 02:10: QuickShop Online, £899.00, online, card ending 4821; fraud risk 91.2% (high risk (block))",
    );
    expect(text).toContain("fraud risk 0.4% (low risk)");
  });

  it("is wholly Chinese in Chinese apart from ids and merchant names", () => {
    const text = renderListCustomerTransactionsReply(LIST, "zh-CN");
    expect(text).toContain("客户 demo1 最近 7 天共有 14 笔交易，其中 1 笔被反欺诈模型标记。");
    expect(text).toContain("欺诈风险 91.2%（高风险（拦截））");
    expect(text).toContain("非接触支付");
    expect(text.replace(/demo1|tx-\d+|QuickShop Online/g, "")).not.toMatch(/[A-Za-z]{2,}/);
  });

  it("says when the window holds no transactions, and when the customer is unknown", () => {
    const empty = { ...LIST, total: 0, flagged: 0, transactions: [] };
    expect(renderListCustomerTransactionsReply(empty, "en")).toBe("demo1 made no transactions in the last 7 days.");
    expect(renderListCustomerTransactionsReply(empty, "zh-CN")).toBe("客户 demo1 最近 7 天没有交易。");
    expect(renderListCustomerTransactionsReply({ status: "not_found", customerId: "x1" }, "zh-CN")).toContain("x1");
    expect(renderListCustomerTransactionsReply({ status: "forbidden" }, "en")).toBe(
      "Only a member of staff can see this.",
    );
  });
});
