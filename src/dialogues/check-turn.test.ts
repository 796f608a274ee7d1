import { describe, expect, it } from "vitest";
import type { ChatResponse } from "../agent/chat-schemas.js";
import type { TurnTrace } from "../conversations/turn-trace.js";
import { checkTurn, isSubset, type TurnObservation } from "./check-turn.js";
import { TurnExpectationSchema, type TurnExpectation } from "./dialogue-schema.js";

const response = (over: Partial<ChatResponse> = {}): ChatResponse => ({
  sessionId: "s1234567",
  reply: {
    text: "Your card ending 4242 is now frozen.",
    citations: [{ docId: "card-freeze", title: "Freezing", version: "1" }],
  },
  intent: { name: "card_freeze", route: "cards", confidence: 0.9 },
  toolCalls: [
    { name: "list_cards", status: "ok" },
    { name: "freeze_card", status: "ok" },
  ],
  traceId: "t1",
  ...over,
});

const trace = (over: Partial<TurnTrace> = {}): TurnTrace =>
  ({
    traceId: "t1",
    sessionId: "s1234567",
    turn: 1,
    startedAt: "2026-01-01T00:00:00Z",
    identity: "customer",
    locale: "en",
    kind: "message",
    message: "freeze my card",
    intent: { name: "card_freeze", route: "cards", confidence: 0.9, top: [], outOfScope: false, lowConfidence: false },
    slots: {},
    retrieved: [],
    toolCalls: [
      { name: "list_cards", args: {}, status: "ok", summary: "", ms: 1 },
      { name: "freeze_card", args: { last4: "4242", reason: "lost" }, status: "ok", summary: "", ms: 1 },
    ],
    guardrails: [{ type: "pii_redacted", detail: "card" }],
    provider: "local",
    model: "local",
    modelCalls: [],
    reply: "",
    citations: [],
    latencyMs: { route: 1, agent: 1, total: 2 },
    ...over,
  }) as TurnTrace;

const obs = (over: Partial<TurnObservation> = {}): TurnObservation => ({
  httpStatus: 200,
  response: response(),
  trace: trace(),
  latencyMs: 20,
  ...over,
});
const exp = (e: unknown): TurnExpectation => TurnExpectationSchema.parse(e);
const failed = (e: unknown, o: TurnObservation = obs(), users: string[] = []) =>
  checkTurn(exp(e), o, users)
    .filter((c) => !c.passed)
    .map((c) => c.name);

describe("checkTurn", () => {
  it("passes when intent, route, tools in order, citations, guardrails and latency all match", () => {
    expect(
      failed({
        intent: { name: ["card_freeze", "card_lost"], route: "cards" },
        tools: {
          calls: [{ name: "list_cards" }, { name: "freeze_card", args: { last4: "4242" }, status: "ok" }],
          notCalled: ["open_dispute"],
        },
        citations: { include: ["card-freeze"] },
        confirmation: { requested: false },
        handoff: false,
        guardrails: { include: ["pii_redacted"], exclude: ["injection_user"] },
        latencyMs: 100,
        noPii: true,
      }),
    ).toEqual([]);
  });

  it("fails tools in order when the calls happened in the other order, but not with order any", () => {
    const e = { tools: { calls: [{ name: "freeze_card" }, { name: "list_cards" }] } };
    expect(failed(e)).toEqual(["tools.calls (in_order)"]);
    expect(failed({ tools: { ...e.tools, order: "any" } })).toEqual([]);
  });

  it("fails an argument subset that differs and a tool that must not be called", () => {
    expect(failed({ tools: { calls: [{ name: "freeze_card", args: { last4: "1111" } }] } })).toEqual([
      "tools.calls (in_order)",
    ]);
    expect(failed({ tools: { notCalled: ["freeze_card"] } })).toEqual(["tools.notCalled"]);
    expect(failed({ tools: { none: true } })).toEqual(["tools.none"]);
    expect(failed({ tools: { calls: [{ name: "freeze_card" }], exact: true } })).toEqual(["tools.exact"]);
  });

  it("cannot vouch for arguments without a trace", () => {
    expect(
      failed({ tools: { calls: [{ name: "freeze_card", args: { last4: "4242" } }] } }, obs({ trace: undefined })),
    ).toEqual(["tools.calls (in_order)"]);
  });

  it("flags a reply that echoes the card number the user typed or shows an IBAN, not the bank's own e-mail", () => {
    const bankMail = obs({
      response: response({ reply: { text: "Write to complaints@harborbank.example", citations: [] } }),
    });
    expect(failed({ noPii: true }, bankMail, ["hello"])).toEqual([]);
    const echoMail = obs({ response: response({ reply: { text: "We will write to jo@example.org", citations: [] } }) });
    expect(failed({ noPii: true }, echoMail, ["my mail is jo@example.org"])).toEqual(["noPii"]);
    const o = obs({ response: response({ reply: { text: "Card 4111 1111 1111 1111 is frozen", citations: [] } }) });
    expect(failed({ noPii: true }, o, ["freeze 4111111111111111"])).toEqual(["noPii"]);
    const iban = obs({ response: response({ reply: { text: "Pay GB82 WEST 1234 5698 7654 32", citations: [] } }) });
    expect(failed({ noPii: true }, iban)).toEqual(["noPii"]);
  });

  it("reports confirmation, handoff and latency mismatches", () => {
    const o = obs({
      latencyMs: 900,
      response: response({ pendingConfirmation: { id: "c1", action: "open_dispute", summary: "dispute" } }),
    });
    expect(
      failed({ confirmation: { requested: true, action: "freeze_card" }, handoff: true, latencyMs: 500 }, o),
    ).toEqual(["confirmation", "handoff", "latency"]);
  });

  it("keeps text misses soft unless marked strict", () => {
    const checks = checkTurn(exp({ text: { contains: ["unfrozen"] } }), obs(), []);
    expect(checks.map((c) => [c.kind, c.passed])).toEqual([["text", false]]);
    const strict = checkTurn(exp({ text: { contains: ["unfrozen"], strict: true } }), obs(), []);
    expect(strict[0]?.kind).toBe("structural");
  });

  it("honours any/all, regex, case sensitivity and notContains", () => {
    expect(failed({ text: { contains: ["FROZEN", "nope"], mode: "any" } })).toEqual([]);
    expect(failed({ text: { contains: ["FROZEN", "nope"], mode: "all" } })).toEqual(["text.all"]);
    expect(failed({ text: { contains: ["FROZEN"], caseInsensitive: false } })).toEqual(["text.all"]);
    expect(failed({ text: { regex: ["ending \\d{4}"] } })).toEqual([]);
    expect(failed({ text: { notContains: ["frozen"] } })).toEqual(["text.notContains"]);
  });

  it("fails everything at once when the server did not answer with a chat response", () => {
    expect(failed({ handoff: false }, { httpStatus: 500, error: "boom", latencyMs: 1 })).toEqual(["response"]);
  });
});

describe("isSubset", () => {
  it("matches nested subsets and compares strings loosely", () => {
    expect(isSubset({ a: { b: 1 } }, { a: { b: 1, c: 2 }, d: 3 })).toBe(true);
    expect(isSubset({ last4: 4242 }, { last4: "4242" })).toBe(true);
    expect(isSubset({ reason: "Lost" }, { reason: "lost " })).toBe(true);
    expect(isSubset({ a: [1, 2] }, { a: [1] })).toBe(false);
  });
});
