import { describe, expect, it } from "vitest";
import type { ToolOutput } from "../../tools/tool-results.js";
import { renderStaffFreezeCardReply } from "./staff-freeze-card-reply.js";

const FROZEN: ToolOutput<"staff_freeze_card"> = {
  status: "ok",
  customerId: "demo1",
  customerName: "Alex Morgan",
  last4: "4821",
  actedBy: "staff:s1",
  reason: "suspicious_activity",
};

// What may stay Latin in a Chinese reply: ids (the acting staff member's too) and customers' names.
const ALLOWED = /demo\d+|c\d{6}|staff:s\d+|Alex Morgan/g;

describe("staff_freeze_card reply", () => {
  it("says which card of which customer was frozen and who is recorded, in English", () => {
    expect(renderStaffFreezeCardReply(FROZEN, "en")).toBe(
      "Done: card ending 4821 of customer demo1 (Alex Morgan) is now frozen (reason: suspicious activity). Recorded as done by staff:s1.",
    );
    expect(renderStaffFreezeCardReply({ ...FROZEN, alreadyFrozen: true }, "en")).toContain(
      "was already frozen; nothing changed",
    );
  });

  it("is wholly Chinese in Chinese", () => {
    const text = renderStaffFreezeCardReply(FROZEN, "zh-CN");
    expect(text).toBe(
      "已完成：客户 demo1（Alex Morgan）尾号 4821 的银行卡已冻结（原因：可疑交易）。操作人记录为 staff:s1。",
    );
    expect(text.replace(ALLOWED, "")).not.toMatch(/[A-Za-z]{2,}/);
  });

  it("asks which card, or says none matched or the customer is unknown, in both languages", () => {
    const ambiguous = { status: "ambiguous" as const, customerId: "demo1", cards: ["4821", "1234"] };
    expect(renderStaffFreezeCardReply(ambiguous, "en")).toBe(
      "Customer demo1 has several cards (ending 4821, 1234). Which one should be frozen?",
    );
    expect(renderStaffFreezeCardReply(ambiguous, "zh-CN")).toBe(
      "客户 demo1 有多张银行卡（尾号 4821、1234），请问要冻结哪一张？",
    );
    const noCard = { status: "not_found" as const, customerId: "demo1", customerFound: true, cards: ["4821"] };
    expect(renderStaffFreezeCardReply(noCard, "en")).toContain("Their cards end in 4821.");
    const unknown = { status: "not_found" as const, customerId: "c999999", customerFound: false, cards: [] };
    expect(renderStaffFreezeCardReply(unknown, "zh-CN")).toBe("没有客户编号为 c999999 的客户，未冻结任何银行卡。");
    const blocked = { status: "card_blocked" as const, customerId: "demo1", last4: "9999" };
    expect(renderStaffFreezeCardReply(blocked, "zh-CN")).toContain("已永久停用，无法冻结");
  });

  it("says a cancelled freeze changed nothing", () => {
    expect(renderStaffFreezeCardReply({ status: "rejected" }, "en")).toBe("Cancelled, nothing changed.");
    expect(renderStaffFreezeCardReply({ status: "rejected" }, "zh-CN")).toBe("已取消，未做任何更改。");
  });

  it("gives every other stand-in and a non-staff caller a sentence in both languages", () => {
    for (const status of ["forbidden", "unavailable", "failed"] as const) {
      expect(renderStaffFreezeCardReply({ status }, "en")).toMatch(/\w/);
      expect(renderStaffFreezeCardReply({ status }, "zh-CN")).not.toMatch(/[A-Za-z]{2,}/);
    }
  });
});
