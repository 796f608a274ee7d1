// Issue 12: a loan request that states its amount without a currency and its term in any phrasing goes straight to
// the pre-qualification estimate, over HTTP with the real app, instead of asking for the amount and term again.
import request from "supertest";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "./support/test-app.js";

let t: TestApp;

// Building the app trains the router and indexes the knowledge base, which is slow on a busy machine.
beforeAll(async () => {
  t = await startTestApp();
}, 600_000);
afterAll(async () => {
  await t?.close();
});

const chat = (body: Record<string, unknown>, token: string) =>
  request(t.built.app)
    .post("/v1/chat")
    .set("content-type", "application/json")
    .set("authorization", `Bearer ${token}`)
    .send(body);

/** The arguments of every eligibility check in a conversation, read from its staff dialogue export. */
async function eligibilityArgs(sessionId: string): Promise<unknown[]> {
  const r = await request(t.built.app)
    .get(`/v1/staff/conversations/${sessionId}/dialogue`)
    .set("authorization", `Bearer ${t.tokens.staff}`);
  expect(r.status).toBe(200);
  const calls: unknown[] = [];
  // Walks the exported YAML for tool calls, whatever the nesting of turns.
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === "object") {
      const record = node as Record<string, unknown>;
      if (record["name"] === "check_credit_eligibility" && record["args"]) calls.push(record["args"]);
      Object.values(record).forEach(visit);
    }
  };
  visit(parse(r.text));
  return calls;
}

describe("loan requests with a bare amount and a term", () => {
  it("checks £8,000 over 36 months for 'a personal loan of 8000 over 3 years'", async () => {
    const r = await chat({ message: "Could I get a personal loan of 8000 over 3 years?" }, t.tokens.demo1);
    expect(r.status).toBe(200);
    expect(r.body.toolCalls).toContainEqual({ name: "check_credit_eligibility", status: "ok" });
    expect(await eligibilityArgs(r.body.sessionId)).toContainEqual({ amount: 8000, termMonths: 36 });
    expect(r.body.reply.text).toMatch(/estimate for £8,000(\.00)? over 36 months/);
    expect(r.body.reply.text).not.toMatch(/how much/i);
  });

  it("checks 36 monthly instalments for '我想借5万块，分三十六期', capped at the £35,000 maximum", async () => {
    const r = await chat({ message: "我想借5万块，分三十六期" }, t.tokens.demo2);
    expect(r.status).toBe(200);
    expect(r.body.toolCalls).toContainEqual({ name: "check_credit_eligibility", status: "ok" });
    expect(await eligibilityArgs(r.body.sessionId)).toContainEqual({ amount: 35000, termMonths: 36 });
    expect(r.body.reply.text).not.toMatch(/借多少/);
  });

  it("checks £20,000 over 30 months for '我想贷款两万，两年半还清'", async () => {
    const r = await chat({ message: "我想贷款两万，两年半还清" }, t.tokens.demo2);
    expect(r.body.toolCalls).toContainEqual({ name: "check_credit_eligibility", status: "ok" });
    expect(await eligibilityArgs(r.body.sessionId)).toContainEqual({ amount: 20000, termMonths: 30 });
  });

  it("takes '8k over 18 mths' as the answer to the bank's question about the amount", async () => {
    const first = await chat({ message: "could I get a personal loan?" }, t.tokens.demo1);
    expect(first.body.reply.text).toMatch(/how much/i);
    const second = await chat({ sessionId: first.body.sessionId, message: "8k over 18 mths" }, t.tokens.demo1);
    expect(second.body.toolCalls).toContainEqual({ name: "check_credit_eligibility", status: "ok" });
    expect(await eligibilityArgs(first.body.sessionId)).toContainEqual({ amount: 8000, termMonths: 18 });
  });
});
