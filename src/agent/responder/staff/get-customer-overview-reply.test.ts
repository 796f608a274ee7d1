import { describe, expect, it } from "vitest";
import type { ToolOutput } from "../../tools/tool-results.js";
import { renderGetCustomerOverviewReply } from "./get-customer-overview-reply.js";

const OVERVIEW: ToolOutput<"get_customer_overview"> = {
  status: "ok",
  customer: { id: "demo1", name: "Alex Morgan", locale: "en", region: "London" },
  accounts: [{ type: "Everyday Current Account", currency: "GBP", balance: 1234.56, last4: "5678" }],
  cards: [
    { last4: "4821", brand: "Visa Debit", status: "active" },
    { last4: "7316", brand: "Mastercard", status: "frozen" },
  ],
  recentContacts: [
    { sessionId: "s1", date: "2026-11-30T09:05:00Z", channel: "chat", intent: "speak_to_human", handedOff: true },
  ],
  openTickets: [{ id: "T-AAA11111", sessionId: "s1", status: "waiting" }],
  disputes: [{ id: "dsp-000001", transactionId: "tx-00005926", status: "open", createdAt: "2026-11-28T10:00:00Z" }],
};

// What may stay Latin in a Chinese reply: ids, the customer's name, amounts and card digits.
const ALLOWED = /demo\d+|c\d{6}|tx-\d+|T-[A-Z0-9]+|dsp-\d+|Alex Morgan|s\d+/g;

describe("get_customer_overview reply", () => {
  it("states the customer, accounts, cards, contacts, tickets and disputes in English", () => {
    const text = renderGetCustomerOverviewReply(OVERVIEW, "en");
    expect(text).toContain("Customer demo1: Alex Morgan (region London, prefers English).");
    expect(text).toContain("• Everyday Current Account ending 5678: balance £1,234.56");
    expect(text).toContain("• Mastercard ending 7316: frozen");
    expect(text).toContain("30 Nov 2026 09:05, chat about asking for a person, handed to a person");
    expect(text).toContain("• T-AAA11111 (waiting)");
    expect(text).toContain("• dsp-000001 on tx-00005926: open, opened 28 Nov 2026");
  });

  it("is wholly Chinese in Chinese, with every code translated", () => {
    const text = renderGetCustomerOverviewReply(OVERVIEW, "zh-CN");
    expect(text).toContain("客户 demo1：Alex Morgan（地区：伦敦，偏好语言：英文）。");
    expect(text).toContain("日常活期账户，尾号 5678：余额 £1,234.56");
    expect(text).toContain("万事达卡，尾号 7316：已冻结");
    expect(text).toContain("咨询要求转人工，已转人工");
    expect(text).toContain("dsp-000001，交易 tx-00005926：处理中");
    expect(text.replace(ALLOWED, "")).not.toMatch(/[A-Za-z]{2,}/);
  });

  it("says plainly when a section is empty", () => {
    const empty = { ...OVERVIEW, accounts: [], cards: [], recentContacts: [], openTickets: [], disputes: [] };
    expect(renderGetCustomerOverviewReply(empty, "en")).toContain("Open handoff tickets: none.");
    expect(renderGetCustomerOverviewReply(empty, "zh-CN")).toContain("争议：无。");
  });

  it("has a sentence for an unknown customer and for every stand-in status", () => {
    expect(renderGetCustomerOverviewReply({ status: "not_found", customerId: "c999999" }, "en")).toContain(
      "No customer has the id c999999",
    );
    expect(renderGetCustomerOverviewReply({ status: "not_found", customerId: "c999999" }, "zh-CN")).toContain(
      "没有客户编号为 c999999 的客户",
    );
    for (const status of ["forbidden", "unavailable", "rejected", "failed"] as const) {
      expect(renderGetCustomerOverviewReply({ status }, "en")).toMatch(/\w/);
      expect(renderGetCustomerOverviewReply({ status }, "zh-CN")).not.toMatch(/[A-Za-z]/);
    }
  });
});
