import { describe, expect, it } from "vitest";
import type { ToolOutput } from "../../tools/tool-results.js";
import { renderGetHandoffQueueReply } from "./get-handoff-queue-reply.js";

const QUEUE: ToolOutput<"get_handoff_queue"> = {
  status: "ok",
  waiting: 3,
  withAgent: 1,
  oldestWaitMinutes: 42,
  tickets: [
    { id: "T-AAA11111", sessionId: "abc", status: "waiting", since: "2026-11-30T09:05:00Z", summary: "Card lost" },
    {
      id: "T-BBB22222",
      sessionId: "def",
      status: "with_agent",
      staffId: "s7",
      since: "2026-11-30T08:00:00Z",
      summary: "Close account",
    },
  ],
};

describe("get_handoff_queue reply", () => {
  it("states the counts, the longest wait and who handles what in English", () => {
    const text = renderGetHandoffQueueReply(QUEUE, "en");
    expect(text).toContain("Handoff queue: 3 waiting for a person, 1 with staff.");
    expect(text).toContain("The longest wait is 42 minutes.");
    expect(text).toContain("• T-AAA11111 (conversation abc): waiting since 30 Nov 2026 09:05; Card lost");
    expect(text).toContain("• T-BBB22222 (conversation def): with s7 since 30 Nov 2026 08:00; Close account");
  });

  it("is wholly Chinese in Chinese, leaving out the English summaries", () => {
    const text = renderGetHandoffQueueReply(QUEUE, "zh-CN");
    expect(text).toContain("转人工队列：3 位客户等待人工，1 位正由工作人员处理。");
    expect(text).toContain("最长等待时间为 42 分钟。");
    expect(text).toContain("由工作人员 s7 处理");
    expect(text.replace(/T-[A-Z0-9]+|abc|def|s7/g, "")).not.toMatch(/[A-Za-z]{2,}/);
  });

  it("says when the queue is empty", () => {
    const empty = { status: "ok" as const, waiting: 0, withAgent: 0, tickets: [] };
    expect(renderGetHandoffQueueReply(empty, "en")).toContain("The handoff queue is empty");
    expect(renderGetHandoffQueueReply(empty, "zh-CN")).toContain("转人工队列为空");
    expect(renderGetHandoffQueueReply({ status: "forbidden" }, "zh-CN")).toBe("只有银行工作人员可以查看此信息。");
  });
});
