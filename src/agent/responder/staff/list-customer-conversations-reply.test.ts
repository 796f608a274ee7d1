import { describe, expect, it } from "vitest";
import type { ToolOutput } from "../../tools/tool-results.js";
import { renderListCustomerConversationsReply } from "./list-customer-conversations-reply.js";

const LIST: ToolOutput<"list_customer_conversations"> = {
  status: "ok",
  customerId: "demo1",
  conversations: [
    {
      sessionId: "abc123",
      startedAt: "2026-11-30T09:00:00Z",
      updatedAt: "2026-11-30T09:05:00Z",
      locale: "en",
      messageCount: 6,
      mode: "human",
      ticket: { id: "T-AAA11111", status: "with_agent" },
      intents: ["unrecognised_transaction", "speak_to_human"],
      lastCustomerMessage: "I want a person about card [CARD_1]",
    },
  ],
};

describe("list_customer_conversations reply", () => {
  it("lists each conversation with its topics, ticket and redacted last message in English", () => {
    const text = renderListCustomerConversationsReply(LIST, "en");
    expect(text).toContain("demo1 has 1 recent conversations:");
    expect(text).toContain(
      "• abc123: 30 Nov 2026 09:05, 6 messages in English, now answered by staff; asked about an unrecognised transaction, asking for a person; handoff ticket T-AAA11111 (with staff)",
    );
    expect(text).toContain("Last message: “I want a person about card [CARD_1]”");
  });

  it("is wholly Chinese in Chinese and leaves out an English last message", () => {
    const text = renderListCustomerConversationsReply(LIST, "zh-CN");
    expect(text).toContain("咨询了不认识的交易、要求转人工；转人工工单 T-AAA11111（处理中）");
    expect(text).not.toContain("CARD_1");
    expect(text.replace(/demo1|abc123|T-AAA11111/g, "")).not.toMatch(/[A-Za-z]{2,}/);
  });

  it("says when the customer never chatted", () => {
    const none = { ...LIST, conversations: [] };
    expect(renderListCustomerConversationsReply(none, "en")).toBe("demo1 has 0 chat conversations with us on record.");
    expect(renderListCustomerConversationsReply(none, "zh-CN")).toBe("客户 demo1 的在线聊天记录共 0 个。");
    expect(renderListCustomerConversationsReply({ status: "failed" }, "zh-CN")).toBe(
      "查询失败，请重试或使用员工控制台。",
    );
  });
});
