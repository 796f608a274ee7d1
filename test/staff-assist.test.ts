// Agent assist over HTTP with the real app, offline: a staff member takes over a Chinese and an English
// conversation and gets a summary, checked suggested replies with citations and the next tool call, in the
// conversation's language; only staff may ask, and the trail records who did.
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AgentAssistSchema } from "../src/agent/assist/assist-schema.js";
import { startFakeOpenAI, type FakeOpenAI, type ScriptStep } from "../src/dialogues/fake-openai-server.js";
import { startTestApp, type TestApp } from "./support/test-app.js";

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function converse(token: string, messages: readonly string[]): Promise<string> {
  let sessionId: string | undefined;
  for (const message of messages) {
    const r = await request(t.built.app)
      .post("/v1/chat")
      .set("authorization", `Bearer ${token}`)
      .send({ message, ...(sessionId ? { sessionId } : {}) });
    expect(r.status).toBe(200);
    sessionId = r.body.sessionId;
  }
  if (!sessionId) throw new Error("no session");
  return sessionId;
}

const asStaff = (path: string) => request(t.built.app).post(path).set("authorization", `Bearer ${t.tokens.staff}`);

// Ids, amounts and reference codes may appear in Chinese text; English words may not.
function englishWords(text: string): string[] {
  return text.replace(/\b(?:demo\d+|c\d{6}|tx-\d+|T-[A-Z0-9]+|alice)\b/gi, "").match(/[A-Za-z]{2,}/g) ?? [];
}

describe("POST /v1/staff/assist", () => {
  it("gives a Chinese summary, Chinese replies with citations and a filled-in freeze for a Chinese conversation", async () => {
    const sessionId = await converse(t.tokens.demo2, ["我的银行卡丢了，怎么办？", "境外取现手续费是多少？"]);
    expect((await asStaff(`/v1/staff/conversations/${sessionId}/takeover`)).status).toBe(200);
    const r = await asStaff("/v1/staff/assist").send({ sessionId });
    expect(r.status).toBe(200);
    const assist = AgentAssistSchema.parse(r.body);
    expect(assist.summary.language).toBe("zh-CN");
    expect(assist.summary.wants).toContain("境外取现手续费是多少？");
    expect(assist.summary.pending).toContain("等待客户确认");
    expect(englishWords(assist.summary.text)).toEqual([]);
    expect(assist.suggestedReplies.length).toBeGreaterThanOrEqual(2);
    expect(assist.suggestedReplies.length).toBeLessThanOrEqual(3);
    for (const reply of assist.suggestedReplies) expect(englishWords(reply.text)).toEqual([]);
    const knowledge = assist.suggestedReplies.find((s) => s.basis === "knowledge");
    expect(knowledge?.citations[0]?.docId).toMatch(/^zh-/);
    expect(assist.nextActions[0]).toMatchObject({ tool: "staff_freeze_card", args: { customerId: "demo2" } });
    expect(assist.nextActions[0]?.label).toMatch(/^帮客户demo2冻结/);
  });

  it("gives an English summary and a cited answer for an English knowledge question", async () => {
    const sessionId = await converse(t.tokens.demo1, [
      "What is the fee for a SWIFT payment?",
      "I want to talk to a person",
    ]);
    expect((await asStaff(`/v1/staff/conversations/${sessionId}/takeover`)).status).toBe(200);
    const r = await asStaff("/v1/staff/assist").send({ sessionId });
    expect(r.status).toBe(200);
    const assist = AgentAssistSchema.parse(r.body);
    expect(assist.summary.language).toBe("en");
    expect(assist.summary.wants).toContain("What is the fee for a SWIFT payment?");
    expect(assist.summary.pending).toMatch(/Ticket T-\w+ is with alice\./);
    const [first] = assist.suggestedReplies;
    expect(first?.basis).toBe("knowledge");
    expect(first?.text).toContain("£15");
    expect(first?.citations.length).toBeGreaterThan(0);
    expect(assist.nextActions[0]).toEqual({
      tool: "search_knowledge",
      args: { query: "What is the fee for a SWIFT payment?" },
      label: "Search the guides: What is the fee for a SWIFT payment?",
    });
  });

  it("fills in the loan's amount and term for explain_credit_decision", async () => {
    const sessionId = await converse(t.tokens.demo2, ["我想贷款两万，期限三年，能批吗？"]);
    const r = await asStaff("/v1/staff/assist").send({ sessionId });
    expect(r.status).toBe(200);
    expect(r.body.nextActions[0]).toMatchObject({
      tool: "explain_credit_decision",
      args: { customerId: "demo2", amount: 20000, termMonths: 36 },
    });
  });

  it("words each next action so the staff assistant calls that same tool", async () => {
    const conversations = [
      await converse(t.tokens.demo2, ["我的银行卡丢了，怎么办？"]),
      await converse(t.tokens.demo1, ["Can I borrow 8k over 4 years?"]),
      await converse(t.tokens.demo1, ["What is the fee for a SWIFT payment?"]),
    ];
    const tools: string[] = [];
    for (const sessionId of conversations) {
      const assist = AgentAssistSchema.parse((await asStaff("/v1/staff/assist").send({ sessionId })).body);
      for (const action of assist.nextActions) {
        const r = await asStaff("/v1/chat").send({ message: action.label });
        expect(r.status).toBe(200);
        expect(r.body.toolCalls.map((c: { name: string }) => c.name)).toContain(action.tool);
        tools.push(action.tool);
      }
    }
    expect(tools).toEqual(["staff_freeze_card", "explain_credit_decision", "search_knowledge"]);
  });

  it("records the call in the staff audit trail", async () => {
    const sessionId = await converse(t.tokens.demo1, ["Please freeze my card"]);
    expect((await asStaff("/v1/staff/assist").send({ sessionId })).status).toBe(200);
    const audit = await request(t.built.app)
      .get("/v1/staff/audit")
      .query({ staffId: "alice" })
      .set("authorization", `Bearer ${t.tokens.staff}`);
    expect(audit.status).toBe(200);
    expect(audit.body.entries).toContainEqual(
      expect.objectContaining({ toolName: "agent_assist", sessionId, customerId: "demo1", status: "ok" }),
    );
  });

  it("refuses a customer token with 403", async () => {
    const sessionId = await converse(t.tokens.demo1, ["Hello"]);
    const r = await request(t.built.app)
      .post("/v1/staff/assist")
      .set("authorization", `Bearer ${t.tokens.demo1}`)
      .send({ sessionId });
    expect(r.status).toBe(403);
  });

  it("answers 404 for an unknown conversation", async () => {
    const r = await asStaff("/v1/staff/assist").send({ sessionId: "nosuchsession0000" });
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe("not_found");
  });

  it("answers 400 for a bad body", async () => {
    for (const body of [{}, { sessionId: "x" }, { sessionId: "abcdefgh12", extra: true }]) {
      const r = await asStaff("/v1/staff/assist").send(body);
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe("validation_failed");
    }
  });

  it("is described in the OpenAPI document", async () => {
    const r = await request(t.built.app).get("/openapi.json");
    expect(r.body.paths["/v1/staff/assist"].post).toBeTruthy();
    expect(r.body.components.schemas.AgentAssist.properties.suggestedReplies).toBeTruthy();
  });
});

describe("POST /v1/staff/assist with a chat model", () => {
  let llm: TestApp;
  let fake: FakeOpenAI;
  const summaryOf =
    (parts: Record<string, string>): ScriptStep =>
    (req) => {
      const system = JSON.stringify(req.body["messages"] ?? []);
      return system.includes("You help a Harbor Bank staff member")
        ? { content: JSON.stringify(parts) }
        : { content: "Let me check that for you." };
    };

  beforeAll(async () => {
    fake = await startFakeOpenAI();
    llm = await startTestApp({
      LLM_PROVIDER: "openai",
      OPENAI_BASE_URL: fake.url,
      OPENAI_API_KEY: "test",
      LLM_TIMEOUT_MS: "1500",
    });
  });
  afterAll(async () => {
    await llm?.close();
    await fake?.close();
  });

  async function assistWith(parts: Record<string, string>, options: { hangOnAssist?: boolean } = {}) {
    fake.load([], summaryOf(parts));
    let sessionId: string | undefined;
    for (const message of ["What is the fee for a SWIFT payment?"]) {
      const r = await request(llm.built.app)
        .post("/v1/chat")
        .set("authorization", `Bearer ${llm.tokens.demo1}`)
        .send({ message, ...(sessionId ? { sessionId } : {}) });
      sessionId = r.body.sessionId;
    }
    if (options.hangOnAssist) fake.setMode({ hang: true });
    const r = await request(llm.built.app)
      .post("/v1/staff/assist")
      .set("authorization", `Bearer ${llm.tokens.staff}`)
      .send({ sessionId });
    fake.setMode({ hang: false });
    expect(r.status).toBe(200);
    return AgentAssistSchema.parse(r.body);
  }

  it("uses the model's summary when it passes the output rails, and sends the model the transcript", async () => {
    const parts = {
      wants: "The customer wants to know what a SWIFT payment costs.",
      botDid: "The assistant searched the guides and answered.",
      pending: "Nothing is pending.",
    };
    const assist = await assistWith(parts);
    expect(assist.summary).toMatchObject({ ...parts, source: "model", language: "en" });
    const asked = fake.chatRequests().find((q) => q.raw.includes("You help a Harbor Bank staff member"));
    expect(asked?.raw).toContain("Customer: What is the fee for a SWIFT payment?");
  });

  it("falls back to the extractive summary when the model's summary states a figure the conversation lacks", async () => {
    const assist = await assistWith({
      wants: "The customer wants a refund of £480.",
      botDid: "The assistant searched the guides.",
      pending: "Nothing is pending.",
    });
    expect(assist.summary.source).toBe("extractive");
    expect(assist.summary.wants).toContain("What is the fee for a SWIFT payment?");
  });

  it("falls back to the extractive summary when the model does not answer before the deadline", async () => {
    const started = Date.now();
    const assist = await assistWith({ wants: "x", botDid: "y", pending: "z" }, { hangOnAssist: true });
    expect(assist.summary.source).toBe("extractive");
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
