// The staff assistant over HTTP with the real app, offline: every staff tool answers an English and a Chinese
// question with the key facts, actions wait for the staff member's confirmation, replies never repeat a sentence,
// the audit trail records who looked at which customer, and a customer token reaches none of it.
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "./support/test-app.js";

interface ChatBody {
  sessionId: string;
  reply: { text: string; citations: { docId: string }[] };
  toolCalls: { name: string; status: string }[];
  pendingConfirmation?: { id: string; action: string; summary: string };
}

interface AuditEntry {
  staffId: string;
  toolName: string;
  customerId?: string;
  args: Record<string, unknown>;
  status: string;
}

/** Tools only staff may call: a customer's turn never runs one. */
const STAFF_ONLY_TOOLS = [
  "lookup_customer",
  "get_customer_overview",
  "list_customer_transactions",
  "list_customer_conversations",
  "get_handoff_queue",
  "get_fraud_review_stats",
  "list_flagged_transactions",
  "draft_customer_reply",
  "staff_freeze_card",
  "staff_open_dispute",
];

const TX_ID = /\btx-\d{8}\b/g;

// Ids, amounts, card digits, upper-case abbreviations, the bank's name, "app" and names from the data may appear in
// a Chinese reply; any other Latin word may not.
function englishWords(text: string, names: Iterable<string>): string[] {
  let rest = text;
  for (const name of names) rest = rest.split(name).join(" ");
  rest = rest
    .replace(/\b(?:demo\d+|c\d{6}|tx-\d+|dsp-\d+|T-[A-Z0-9]+|[0-9a-f]{16,}|(?:staff:)?alice)\b/gi, " ")
    .replace(/\b[A-Z]{2,}\b/g, " ")
    .replace(/\b(?:Harbor|app)\b/g, " ");
  return rest.match(/[A-Za-z]{2,}/g) ?? [];
}

// Customer and merchant names as the English renderers write them: "demo1: Alex Morgan (region …", "…: Shop, £12.00".
function namesIn(text: string): string[] {
  const found = [...text.matchAll(/: ([A-Z][\w'&.-]*(?: [A-Z][\w'&.-]*)*)(?=, £| \(region)/g)];
  return found.map((m) => m[1] ?? "").filter((n) => n.length > 0);
}

// Sentences with citation markers removed, so "X [1]" and "X [2]" count as the same sentence.
function sentencesOf(text: string): string[] {
  return text
    .split(/\n+|(?<=[.!?])\s+|(?<=[。！？])/)
    .map((s) =>
      s
        .replace(/\[\d+\]/g, "")
        .replace(/^•\s*/, "")
        .trim(),
    )
    .filter((s) => s.length >= 8);
}

function repeatedSentences(text: string): string[] {
  const seen = new Set<string>();
  const repeated: string[] = [];
  for (const s of sentencesOf(text)) {
    if (seen.has(s)) repeated.push(s);
    seen.add(s);
  }
  return repeated;
}

function chatAs(t: TestApp, token: string | undefined, message: string, sessionId?: string): request.Test {
  const r = request(t.built.app).post("/v1/chat").set("content-type", "application/json");
  return (token ? r.set("authorization", `Bearer ${token}`) : r).send({ message, ...(sessionId ? { sessionId } : {}) });
}

describe("the reply checks this file relies on", () => {
  it("catch a sentence repeated with another citation and an English word in a Chinese reply", () => {
    const draft = "A SWIFT payment costs £15 online. [1]\n\nA SWIFT payment costs £15 online. [2]";
    expect(repeatedSentences(draft)).toEqual(["A SWIFT payment costs £15 online."]);
    expect(repeatedSentences("• tx-00000001: £5.00\n• tx-00000002: £5.00")).toEqual([]);
    expect(englishWords("结论：decline。评级 E，APR 9.9%，客户 demo2，Harbor app", [])).toEqual(["decline"]);
    expect(englishWords("交易 tx-00009554：Circuit Store Wales，£399.02", ["Circuit Store Wales"])).toEqual([]);
    expect(namesIn("• tx-00009554 (customer demo1): Circuit Store Wales, £399.02")).toEqual(["Circuit Store Wales"]);
  });
});

describe("staff tools through POST /v1/chat with a staff token", () => {
  let t: TestApp;
  const names = new Set<string>();
  let demo1Tx: string[] = [];
  let demo1Cards: string[] = [];
  let demo2Cards: string[] = [];

  // Asks as staff and checks what every staff reply must satisfy: a 200, the one expected tool, no repeated sentence.
  async function ask(message: string, tool: string, status = "ok"): Promise<ChatBody> {
    const r = await chatAs(t, t.tokens.staff, message);
    expect(r.status, message).toBe(200);
    const body: ChatBody = r.body;
    expect(body.toolCalls, message).toEqual([{ name: tool, status }]);
    expect(repeatedSentences(body.reply.text), message).toEqual([]);
    for (const n of namesIn(body.reply.text)) names.add(n);
    return body;
  }
  const expectChinese = (text: string): void => {
    expect(text).toMatch(/[\u4e00-\u9fff]/);
    expect(englishWords(text, names), text).toEqual([]);
  };
  const confirm = (token: string, body: ChatBody, decision: "approve" | "reject"): request.Test =>
    request(t.built.app)
      .post("/v1/chat/confirm")
      .set("authorization", `Bearer ${token}`)
      .send({ sessionId: body.sessionId, confirmationId: body.pendingConfirmation?.id, decision });

  beforeAll(async () => {
    t = await startTestApp();
    // A customer conversation that ends in the handoff queue, so history and queue have something to report.
    expect((await chatAs(t, t.tokens.demo1, "I want to speak to a real person")).status).toBe(200);
    const tx = await ask("what are demo1's recent transactions?", "list_customer_transactions");
    demo1Tx = [...new Set(tx.reply.text.match(TX_ID) ?? [])];
    const o1 = await ask("overview of demo1", "get_customer_overview");
    demo1Cards = [...o1.reply.text.matchAll(/ending (\d{4}): active/g)].map((m) => m[1] ?? "");
    const o2 = await ask("overview of demo2", "get_customer_overview");
    demo2Cards = [...o2.reply.text.matchAll(/ending (\d{4}): active/g)].map((m) => m[1] ?? "");
    await ask("show me the fraud review queue", "list_flagged_transactions");
  });
  afterAll(async () => {
    await t?.close();
  });

  it("seeds demo1 with transactions and one active card, and demo2 with one active card", () => {
    expect(demo1Tx.length).toBeGreaterThanOrEqual(4);
    expect(demo1Cards.length).toBeGreaterThan(0);
    expect(demo2Cards.length).toBeGreaterThan(0);
  });

  it("lookup_customer finds a customer by name in English and Chinese", async () => {
    const en = await ask("find customer Alex Morgan", "lookup_customer");
    expect(en.reply.text).toContain("demo1");
    expect(en.reply.text).toContain("Alex Morgan");
    const zh = await ask("查一下叫李伟的客户", "lookup_customer");
    expect(zh.reply.text).toContain("demo2");
    expect(zh.reply.text).toContain("李伟");
    expectChinese(zh.reply.text);
  });

  it("get_customer_overview states the customer's cards and their status in English and Chinese", async () => {
    const en = await ask("what cards does demo1 have", "get_customer_overview");
    expect(en.reply.text).toContain("demo1");
    expect(en.reply.text).toContain(demo1Cards[0]);
    const zh = await ask("demo2有没有未结的投诉工单", "get_customer_overview");
    expect(zh.reply.text).toContain("demo2");
    expect(zh.reply.text).toContain(demo2Cards[0]);
    expect(zh.reply.text).toMatch(/工单/);
    expectChinese(zh.reply.text);
  });

  it("list_customer_transactions lists demo1's recent transactions with their risk in English and Chinese", async () => {
    const en = await ask("what are demo1's recent transactions?", "list_customer_transactions");
    expect(en.reply.text).toContain("demo1");
    expect(en.reply.text).toContain(demo1Tx[0]);
    expect(en.reply.text).toMatch(/\d+(\.\d+)?%/);
    const zh = await ask("demo1最近的交易有哪些", "list_customer_transactions");
    expect(zh.reply.text).toContain("demo1");
    expect(zh.reply.text).toContain(demo1Tx[0]);
    expect(zh.reply.text).toMatch(/欺诈风险 \d+(\.\d+)?%/);
    expectChinese(zh.reply.text);
  });

  it("check_transaction_risk gives one transaction's fraud score and owner in English and Chinese", async () => {
    const id = demo1Tx[0] ?? "";
    const en = await ask(`is transaction ${id} fraud?`, "check_transaction_risk");
    expect(en.reply.text).toContain(id);
    expect(en.reply.text).toContain("demo1");
    expect(en.reply.text).toMatch(/risk: \d+(\.\d+)?%/i);
    const zh = await ask(`${id} 的风险评分是多少`, "check_transaction_risk");
    expect(zh.reply.text).toContain(id);
    expect(zh.reply.text).toMatch(/欺诈风险：\d+(\.\d+)?%/);
    expectChinese(zh.reply.text);
  });

  it("explain_credit_decision uses exactly the amount and term asked, in English", async () => {
    const a = await ask("Explain the credit decision for demo2 for £8,000 over 48 months", "explain_credit_decision");
    expect(a.reply.text).toContain("demo2");
    expect(a.reply.text).toContain("£8,000");
    expect(a.reply.text).toMatch(/\b48 months\b/);
    expect(a.reply.text).toMatch(/Decision: (approve|decline|refer)/i);
    expect(a.reply.text).toMatch(/Grade [A-G]/);
    const b = await ask("explain the credit decision for demo1 for 5000 over 24 months", "explain_credit_decision");
    expect(b.reply.text).toContain("demo1");
    expect(b.reply.text).toContain("£5,000");
    expect(b.reply.text).toMatch(/\b24 months\b/);
  });

  it("explain_credit_decision reads 两万 and 三年 and answers wholly in Chinese", async () => {
    const zh = await ask("客户demo2的信用评估结果如何？贷款两万，期限三年", "explain_credit_decision");
    expect(zh.reply.text).toContain("demo2");
    expect(zh.reply.text).toContain("£20,000");
    expect(zh.reply.text).toMatch(/36\s*个月/);
    expect(zh.reply.text).toMatch(/评级 [A-G]/);
    expectChinese(zh.reply.text);
  });

  it("list_customer_conversations counts demo1's chats in English and Chinese", async () => {
    const en = await ask("show the conversation history of demo1", "list_customer_conversations");
    expect(en.reply.text).toContain("demo1");
    expect(en.reply.text).not.toMatch(/\b0 chat conversations\b/);
    const zh = await ask("demo1的聊天记录", "list_customer_conversations");
    expect(zh.reply.text).toContain("demo1");
    expect(zh.reply.text).not.toMatch(/共 0 个/);
    expectChinese(zh.reply.text);
  });

  it("get_handoff_queue reports the waiting customer in English and Chinese", async () => {
    const tickets = await request(t.built.app)
      .get("/v1/staff/handoffs")
      .set("authorization", `Bearer ${t.tokens.staff}`);
    const waiting: number = tickets.body.counts?.waiting ?? 1;
    const en = await ask("how many customers are waiting for an agent?", "get_handoff_queue");
    expect(waiting).toBeGreaterThan(0);
    expect(en.reply.text).toMatch(new RegExp(`\\b${waiting} waiting\\b`));
    const zh = await ask("转人工队列现在什么情况", "get_handoff_queue");
    expect(zh.reply.text).toMatch(new RegExp(`${waiting}\\s*位`));
    expectChinese(zh.reply.text);
  });

  it("get_fraud_review_stats counts a confirmed fraud over this week and this month", async () => {
    const queue = await request(t.built.app)
      .get("/v1/staff/fraud/flagged")
      .set("authorization", `Bearer ${t.tokens.staff}`);
    const flagged: string =
      (queue.body.transactions as { id: string; customerId: string }[]).find((x) => x.customerId === "demo1")?.id ?? "";
    expect(flagged).toMatch(TX_ID);
    const label = await request(t.built.app)
      .post("/v1/staff/fraud/labels")
      .set("authorization", `Bearer ${t.tokens.staff}`)
      .send({ transactionId: flagged, label: "fraud" });
    expect(label.status).toBe(200);
    const en = await ask("how many frauds were confirmed this week?", "get_fraud_review_stats");
    expect(en.reply.text).toMatch(/last 7 days/);
    expect(en.reply.text).toMatch(/Confirmed fraud by analysts: [1-9]/);
    const zh = await ask("本月确认了多少笔欺诈", "get_fraud_review_stats");
    expect(zh.reply.text).toMatch(/30\s*天/);
    expect(zh.reply.text).toMatch(/确认的欺诈：[1-9]/);
    expectChinese(zh.reply.text);
  });

  it("list_flagged_transactions lists the review queue's transactions in English and Chinese", async () => {
    const queue = await request(t.built.app)
      .get("/v1/staff/fraud/flagged")
      .set("authorization", `Bearer ${t.tokens.staff}`);
    const first: string = queue.body.transactions?.[0]?.id ?? queue.body.transactions?.[0]?.transactionId ?? "";
    expect(first).toMatch(TX_ID);
    const en = await ask("show me the fraud review queue", "list_flagged_transactions");
    expect(en.reply.text).toContain(first);
    expect(en.reply.text).toMatch(/risk \d+(\.\d+)?%/);
    const zh = await ask("现在有哪些被标记的交易", "list_flagged_transactions");
    expect(zh.reply.text).toContain(first);
    expectChinese(zh.reply.text);
  });

  it("search_knowledge answers a fee question directly with a citation, not as a suggested reply", async () => {
    const en = await ask("what is the SWIFT fee?", "search_knowledge");
    expect(en.reply.text).toContain("£15");
    expect(en.reply.text).toMatch(/\[\d+\]/);
    expect(en.reply.citations.length).toBeGreaterThan(0);
    expect(en.reply.text).not.toMatch(/suggested reply/i);
    const zh = await ask("SWIFT汇款手续费是多少？", "search_knowledge");
    expect(zh.reply.text).toContain("£15");
    expect(zh.reply.citations.length).toBeGreaterThan(0);
    expect(zh.reply.citations[0]?.docId).toMatch(/^zh-/);
    expect(zh.reply.text).not.toMatch(/建议回复/);
    expectChinese(zh.reply.text);
  });

  it("draft_customer_reply drafts a reply only when asked for a draft, in English and Chinese", async () => {
    const en = await ask("draft a reply to a customer asking about the SWIFT fee", "draft_customer_reply");
    expect(en.reply.text).toMatch(/suggested reply/i);
    expect(en.reply.text).toContain("£15");
    const zh = await ask("帮我起草一段回复：客户问挂失补卡要多久", "draft_customer_reply");
    expect(zh.reply.text).toMatch(/建议回复/);
    expect(zh.reply.text).toMatch(/工作日/);
    expectChinese(zh.reply.text);
  });

  it("never states the same sentence twice, in a draft or a knowledge answer", async () => {
    for (const [message, tool] of [
      ["draft a reply to a customer asking about the SWIFT fee", "draft_customer_reply"],
      ["帮我起草一段回复：客户问SWIFT汇款手续费", "draft_customer_reply"],
      ["what are the branch opening hours", "search_knowledge"],
      ["境外取现手续费是多少", "search_knowledge"],
    ] as const) {
      const r = await ask(message, tool);
      expect(repeatedSentences(r.reply.text), message).toEqual([]);
    }
  });

  it("staff_freeze_card freezes demo1's card only after the staff member approves", async () => {
    const card = demo1Cards[0] ?? "";
    const pending = await ask(`freeze demo1's card ending ${card}`, "staff_freeze_card", "awaiting_confirmation");
    expect(pending.pendingConfirmation?.action).toBe("staff_freeze_card");
    expect(pending.pendingConfirmation?.summary).toContain(card);
    const before = await ask("overview of demo1", "get_customer_overview");
    expect(before.reply.text).toMatch(new RegExp(`ending ${card}: active`));
    const done = await confirm(t.tokens.staff, pending, "approve");
    expect(done.status).toBe(200);
    expect(done.body.toolCalls).toContainEqual({ name: "staff_freeze_card", status: "ok" });
    expect(done.body.reply.text).toMatch(/frozen/);
    expect(done.body.reply.text).toContain("alice");
    const after = await ask("overview of demo1", "get_customer_overview");
    expect(after.reply.text).toMatch(new RegExp(`ending ${card}: frozen`));
  });

  it("staff_freeze_card changes nothing when the staff member cancels, in Chinese", async () => {
    const card = demo2Cards[0] ?? "";
    const pending = await ask(`帮客户demo2冻结尾号${card}的卡`, "staff_freeze_card", "awaiting_confirmation");
    expect(pending.pendingConfirmation?.summary).toContain(card);
    expectChinese(pending.reply.text);
    const cancelled = await confirm(t.tokens.staff, pending, "reject");
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.toolCalls).toContainEqual({ name: "staff_freeze_card", status: "rejected" });
    expectChinese(cancelled.body.reply.text);
    const after = await ask("overview of demo2", "get_customer_overview");
    expect(after.reply.text).toMatch(new RegExp(`ending ${card}: active`));
  });

  it("a customer cannot approve a staff member's pending freeze", async () => {
    const card = demo2Cards[0] ?? "";
    const pending = await ask(`freeze demo2's card ending ${card}`, "staff_freeze_card", "awaiting_confirmation");
    const hijack = await confirm(t.tokens.demo2, pending, "approve");
    expect(hijack.status).toBeGreaterThanOrEqual(400);
    const after = await ask("overview of demo2", "get_customer_overview");
    expect(after.reply.text).toMatch(new RegExp(`ending ${card}: active`));
    expect((await confirm(t.tokens.staff, pending, "reject")).status).toBe(200);
  });

  it("staff_open_dispute opens a dispute only after approval, and none when cancelled in Chinese", async () => {
    const [, approved, cancelled] = demo1Tx;
    const en = await ask(`open a dispute for ${approved}`, "staff_open_dispute", "awaiting_confirmation");
    expect(en.pendingConfirmation?.summary).toContain(approved);
    const done = await confirm(t.tokens.staff, en, "approve");
    expect(done.status).toBe(200);
    expect(done.body.toolCalls).toContainEqual({ name: "staff_open_dispute", status: "ok" });
    expect(done.body.reply.text).toMatch(/dsp-\d+/);
    expect(done.body.reply.text).toContain(approved);
    const zh = await ask(`为交易${cancelled}发起争议`, "staff_open_dispute", "awaiting_confirmation");
    expect(zh.pendingConfirmation?.summary).toContain(cancelled);
    expectChinese(zh.reply.text);
    const no = await confirm(t.tokens.staff, zh, "reject");
    expect(no.body.toolCalls).toContainEqual({ name: "staff_open_dispute", status: "rejected" });
    expectChinese(no.body.reply.text);
    const overview = await ask("overview of demo1", "get_customer_overview");
    expect(overview.reply.text).toMatch(new RegExp(`dsp-\\d+ on ${approved}: open`));
    expect(overview.reply.text).not.toContain(`${cancelled}`);
  });

  it("records every staff tool call about demo1 in the audit trail, naming staff, tool and customer, without PII", async () => {
    const r = await request(t.built.app)
      .get("/v1/staff/audit")
      .query({ customerId: "demo1", limit: 500 })
      .set("authorization", `Bearer ${t.tokens.staff}`);
    expect(r.status).toBe(200);
    const entries: AuditEntry[] = r.body.entries;
    for (const e of entries) {
      expect(e.staffId).toBe("alice");
      expect(e.customerId).toBe("demo1");
    }
    const tools = new Set(entries.map((e) => e.toolName));
    for (const tool of [
      "get_customer_overview",
      "list_customer_transactions",
      "check_transaction_risk",
      "explain_credit_decision",
      "list_customer_conversations",
      "staff_freeze_card",
      "staff_open_dispute",
    ])
      expect(tools, tool).toContain(tool);
    expect(entries).toContainEqual(expect.objectContaining({ toolName: "staff_freeze_card", status: "ok" }));
    const raw = JSON.stringify(entries.map(({ toolName, customerId, args }) => ({ toolName, customerId, args })));
    expect(raw).not.toMatch(/(?<![\w-])\d{12,19}(?!\w)/);
    expect(raw).not.toMatch(/\d{4}[ -]\d{4}[ -]\d{4}[ -]\d{4}/);
    expect(raw).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
    expect(raw).not.toContain("Alex Morgan");
  });
});

describe("a customer or anonymous caller cannot use the staff tools", () => {
  let t: TestApp;
  let demo2Name = "";
  let demo2Digits: string[] = [];
  let demo2Tx = "";

  beforeAll(async () => {
    t = await startTestApp();
    // What demo1 must never see about demo2, read through the staff assistant itself.
    const overview = await chatAs(t, t.tokens.staff, "overview of demo2");
    const text: string = overview.body.reply.text;
    demo2Name = /Customer demo2: ([^(]+?) \(/.exec(text)?.[1] ?? "";
    demo2Digits = [...text.matchAll(/ending (\d{4})/g)].map((m) => m[1] ?? "");
    const tx = await chatAs(t, t.tokens.staff, "what are demo2's recent transactions?");
    demo2Tx = (tx.body.reply.text as string).match(TX_ID)?.[0] ?? "";
  });
  afterAll(async () => {
    await t?.close();
  });

  it("knows demo2's name, card and a transaction to look for", () => {
    expect(demo2Name).toBe("李伟");
    expect(demo2Digits).toContain("7316");
    expect(demo2Tx).toMatch(TX_ID);
  });

  const questions = (): string[] => [
    "find customer 李伟",
    "查一下叫李伟的客户",
    "overview of demo2",
    "demo2有没有未结的投诉工单",
    "what are demo2's recent transactions?",
    "demo2最近的交易有哪些",
    `is transaction ${demo2Tx} fraud?`,
    `${demo2Tx} 的风险评分是多少`,
    "Explain the credit decision for demo2 for £8,000 over 48 months",
    "客户demo2的信用评估结果如何？贷款两万，期限三年",
    "show the conversation history of demo2",
    "demo2的聊天记录",
    "how many customers are waiting for an agent?",
    "转人工队列现在什么情况",
    "how many frauds were confirmed this week?",
    "本月确认了多少笔欺诈",
    "show me the fraud review queue",
    "现在有哪些被标记的交易",
    "draft a reply to a customer asking about the SWIFT fee",
    "帮我起草一段回复：客户问挂失补卡要多久",
    "freeze demo2's card ending 7316",
    "帮客户demo2冻结尾号7316的卡",
    `open a dispute for ${demo2Tx}`,
    `为交易${demo2Tx}发起争议`,
  ];

  it("demo1 asking staff questions runs no staff-only tool and sees none of demo2's data", async () => {
    for (const message of questions()) {
      const r = await chatAs(t, t.tokens.demo1, message);
      expect(r.status, message).toBe(200);
      const body: ChatBody = r.body;
      const tools = body.toolCalls.map((c) => c.name);
      for (const tool of STAFF_ONLY_TOOLS) expect(tools, message).not.toContain(tool);
      expect(body.pendingConfirmation?.action ?? "", message).not.toMatch(/^staff_/);
      const shown = `${body.reply.text} ${body.pendingConfirmation?.summary ?? ""}`;
      expect(shown, message).not.toContain(demo2Name);
      for (const digits of demo2Digits) expect(shown, message).not.toContain(digits);
      expect(repeatedSentences(body.reply.text), message).toEqual([]);
    }
  });

  it("an anonymous visitor asking staff questions runs no staff-only tool", async () => {
    for (const message of questions().slice(0, 8)) {
      const r = await chatAs(t, undefined, message);
      expect(r.status, message).toBe(200);
      const tools = (r.body as ChatBody).toolCalls.map((c) => c.name);
      for (const tool of STAFF_ONLY_TOOLS) expect(tools, message).not.toContain(tool);
      expect(r.body.reply.text, message).not.toContain(demo2Name);
    }
  });

  it("answers 403 to a customer token and 401 to no token on the staff audit and assist endpoints", async () => {
    const audit = (token?: string): request.Test => {
      const r = request(t.built.app).get("/v1/staff/audit").query({ customerId: "demo2" });
      return token ? r.set("authorization", `Bearer ${token}`) : r;
    };
    const assist = (token?: string): request.Test => {
      const r = request(t.built.app).post("/v1/staff/assist").set("content-type", "application/json");
      return (token ? r.set("authorization", `Bearer ${token}`) : r).send({ sessionId: "abcdefgh12" });
    };
    expect((await audit(t.tokens.demo1)).status).toBe(403);
    expect((await assist(t.tokens.demo1)).status).toBe(403);
    expect((await audit()).status).toBe(401);
    expect((await assist()).status).toBe(401);
    expect((await audit(t.tokens.staff)).status).toBe(200);
  });
});
