import { describe, expect, it } from "vitest";
import type { ToolOutput } from "../../tools/tool-results.js";
import { renderLookupCustomerReply } from "./lookup-customer-reply.js";

const FOUND: ToolOutput<"lookup_customer"> = {
  status: "ok",
  customers: [
    {
      id: "demo1",
      name: "Alex Morgan",
      locale: "en",
      region: "London",
      cards: [
        { last4: "4821", status: "active" },
        { last4: "7316", status: "frozen" },
      ],
    },
    { id: "c000003", name: "刘艳", locale: "zh-CN", region: "Scotland", cards: [] },
  ],
};

// What may stay Latin in a Chinese reply: ids and customers' names.
const ALLOWED = /demo\d+|c\d{6}|Alex Morgan/g;

describe("lookup_customer reply", () => {
  it("lists each customer with id, name, region, language and cards in English", () => {
    const text = renderLookupCustomerReply(FOUND, "en");
    expect(text).toContain("Found 2 customers:");
    expect(text).toContain("• demo1: Alex Morgan (region London, prefers English); cards: 4821 active, 7316 frozen");
    expect(text).toContain("• c000003: 刘艳 (region Scotland, prefers Chinese); cards: none");
  });

  it("is wholly Chinese in Chinese, regions and card statuses translated", () => {
    const text = renderLookupCustomerReply(FOUND, "zh-CN");
    expect(text).toContain("找到 2 位客户：");
    expect(text).toContain(
      "• demo1：Alex Morgan（地区：伦敦，偏好语言：英文）；银行卡：尾号 4821 正常、尾号 7316 已冻结",
    );
    expect(text).toContain("• c000003：刘艳（地区：苏格兰，偏好语言：中文）；银行卡：无");
    expect(text.replace(ALLOWED, "")).not.toMatch(/[A-Za-z]{2,}/);
  });

  it("says nobody matched, and refuses non-staff, in both languages", () => {
    const none = { status: "not_found" as const, query: "Ruby Brown" };
    expect(renderLookupCustomerReply(none, "en")).toContain("No customer matches “Ruby Brown”.");
    expect(renderLookupCustomerReply(none, "zh-CN")).toContain("没有找到与“Ruby Brown”匹配的客户。");
    expect(renderLookupCustomerReply({ status: "forbidden" }, "zh-CN")).toBe("只有银行工作人员可以查找客户。");
  });

  it("gives every stand-in a sentence in both languages", () => {
    for (const status of ["unavailable", "rejected", "failed"] as const) {
      expect(renderLookupCustomerReply({ status }, "en")).toMatch(/\w/);
      expect(renderLookupCustomerReply({ status }, "zh-CN")).not.toMatch(/[A-Za-z]{2,}/);
    }
  });
});
