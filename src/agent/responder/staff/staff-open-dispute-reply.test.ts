import { describe, expect, it } from "vitest";
import type { ToolOutput } from "../../tools/tool-results.js";
import { renderStaffOpenDisputeReply } from "./staff-open-dispute-reply.js";

const OPENED: ToolOutput<"staff_open_dispute"> = {
  status: "ok",
  dispute: { id: "dsp-000012", status: "open" },
  transaction: {
    id: "tx-00005926",
    merchant: "QuickShop Online",
    amount: 899,
    currency: "GBP",
    date: "2026-11-28T02:10:00Z",
  },
  customerId: "demo1",
  actedBy: "staff:s1",
};

// What may stay Latin in a Chinese reply: ids (the acting staff member's too) and merchant names.
const ALLOWED = /demo\d+|c\d{6}|tx-\d+|dsp-\d+|staff:s\d+|QuickShop Online/g;

describe("staff_open_dispute reply", () => {
  it("names the dispute, the transaction, the customer and who opened it, in English", () => {
    expect(renderStaffOpenDisputeReply(OPENED, "en")).toBe(
      "Done: opened dispute dsp-000012 for transaction tx-00005926 (QuickShop Online, £899.00 on 28 Nov 2026) of customer demo1. Recorded as opened by staff:s1.",
    );
  });

  it("is wholly Chinese in Chinese", () => {
    const text = renderStaffOpenDisputeReply(OPENED, "zh-CN");
    expect(text).toBe(
      "已完成：已为客户 demo1 的交易 tx-00005926（QuickShop Online，£899.00，2026年11月28日）发起争议，争议编号 dsp-000012。操作人记录为 staff:s1。",
    );
    expect(text.replace(ALLOWED, "")).not.toMatch(/[A-Za-z]{2,}/);
  });

  it("says a dispute already open was not opened twice, and an unknown transaction got none", () => {
    const again = { ...OPENED, alreadyOpen: true as const };
    expect(renderStaffOpenDisputeReply(again, "en")).toContain(
      "is already under dispute (dsp-000012); no second dispute",
    );
    expect(renderStaffOpenDisputeReply(again, "zh-CN")).toContain("已有处理中的争议 dsp-000012，未重复提交");
    const missing = { status: "not_found" as const, transactionId: "tx-00000404" };
    expect(renderStaffOpenDisputeReply(missing, "en")).toBe(
      "No transaction has the id tx-00000404; no dispute was opened.",
    );
    expect(renderStaffOpenDisputeReply(missing, "zh-CN")).toBe("没有编号为 tx-00000404 的交易，未发起争议。");
  });

  it("says a cancelled dispute changed nothing", () => {
    expect(renderStaffOpenDisputeReply({ status: "rejected" }, "en")).toBe("Cancelled, nothing changed.");
    expect(renderStaffOpenDisputeReply({ status: "rejected" }, "zh-CN")).toBe("已取消，未做任何更改。");
  });

  it("gives every other stand-in and a non-staff caller a sentence in both languages", () => {
    for (const status of ["forbidden", "unavailable", "failed"] as const) {
      expect(renderStaffOpenDisputeReply({ status }, "en")).toMatch(/\w/);
      expect(renderStaffOpenDisputeReply({ status }, "zh-CN")).not.toMatch(/[A-Za-z]{2,}/);
    }
  });
});
