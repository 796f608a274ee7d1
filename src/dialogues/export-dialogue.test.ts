import { describe, expect, it } from "vitest";
import { createConversationStore } from "../conversations/conversation-store.js";
import { detectPii } from "../agent/guardrails/pii-detect.js";
import type { TurnTrace } from "../conversations/turn-trace.js";
import { createDialogueExporter, exportConversationYaml, exportDialogue } from "./export-dialogue.js";
import { fakePiiValue } from "./fake-pii.js";
import { parseDialogue } from "./load-dialogues.js";

const trace = (turn: number, over: Partial<TurnTrace>): TurnTrace => ({
  traceId: `t${turn}`,
  sessionId: "sess0001",
  turn,
  startedAt: "2026-03-01T10:00:00Z",
  identity: "customer",
  locale: "en",
  kind: "message",
  message: "",
  intent: { name: "card_freeze", route: "cards", confidence: 0.91, top: [], outOfScope: false, lowConfidence: false },
  slots: {},
  retrieved: [],
  toolCalls: [],
  guardrails: [],
  provider: "openai",
  model: "gpt-4o-mini",
  modelCalls: [],
  reply: "",
  citations: [],
  latencyMs: { route: 2, agent: 30, total: 40 },
  ...over,
});

const TRACES: TurnTrace[] = [
  trace(1, {
    message: "Freeze card [CARD_1] please, my email is [EMAIL_1]",
    guardrails: [{ type: "pii_redacted", detail: "card,email" }],
    toolCalls: [
      {
        name: "freeze_card",
        args: { card: "[CARD_1]" },
        status: "awaiting_confirmation",
        summary: "Freeze card ending 1234?",
        ms: 0,
      },
    ],
    modelCalls: [
      {
        provider: "openai",
        model: "gpt-4o-mini",
        ms: 300,
        fallback: false,
        output: { content: "", toolCalls: [{ id: "c1", name: "freeze_card", args: { card: "[CARD_1]" } }] },
      },
    ],
    pendingConfirmation: { id: "conf-1", action: "freeze_card", summary: "Freeze card ending 1234?" },
    reply: "Shall I freeze the card?",
  }),
  trace(2, {
    kind: "confirmation",
    message: "approve",
    toolCalls: [{ name: "freeze_card", args: { card: "[CARD_1]" }, status: "ok", summary: "frozen", ms: 4 }],
    citations: [{ docId: "card-freeze", title: "Freezing", version: "2026.1" }],
    reply: "Done: the card is frozen.",
  }),
];

describe("exportDialogue", () => {
  it("writes user messages with stable checksum-valid fakes in place of placeholders", () => {
    const r = exportDialogue({
      sessionId: "sess0001",
      identity: { kind: "customer", customerId: "demo1" },
      locale: "en",
      traces: TRACES,
    });
    if (!r.ok) throw new Error(r.error);
    const say = r.value.turns[0]?.say ?? "";
    expect(say).toBe(
      `Freeze card ${fakePiiValue("card", "placeholder-1")} please, my email is ${fakePiiValue("email", "placeholder-1")}`,
    );
    expect(detectPii(say).map((s) => s.kind)).toEqual(["card", "email"]);
  });

  it("derives expectations from what happened and keeps the model outputs as cassettes", () => {
    const r = exportDialogue({
      sessionId: "sess0001",
      identity: { kind: "customer", customerId: "demo1" },
      locale: "en",
      traces: TRACES,
    });
    if (!r.ok) throw new Error(r.error);
    const [first, second] = r.value.turns;
    expect(r.value.meta).toMatchObject({
      speaker: "customer:demo1",
      recordedWith: { provider: "openai", model: "gpt-4o-mini" },
    });
    expect(first?.expect).toMatchObject({
      intent: { name: "card_freeze", route: "cards" },
      tools: { calls: [{ name: "freeze_card", args: { card: "[CARD_1]" }, status: "awaiting_confirmation" }] },
      confirmation: { requested: true, action: "freeze_card" },
      handoff: false,
      noPii: true,
      guardrails: { include: ["pii_redacted"] },
    });
    expect(first?.cassette?.[0]?.toolCalls[0]?.name).toBe("freeze_card");
    expect(second?.decide).toBe("approve");
    expect(second?.expect.citations?.include).toEqual(["card-freeze"]);
    expect(second?.recorded?.reply).toBe("Done: the card is frozen.");
  });

  it("speaks as a demo customer when the real customer is not one, and says so", () => {
    const r = exportDialogue({
      sessionId: "s",
      identity: { kind: "customer", customerId: "C000123" },
      locale: "en",
      traces: TRACES,
    });
    expect(r.ok && r.value.meta.speaker).toBe("customer:demo1");
    expect(r.ok && r.value.meta.tags).toContain("speaker-substituted");
  });
});

describe("exportConversationYaml", () => {
  it("exports a stored conversation as YAML that loads back as a valid dialogue", () => {
    const store = createConversationStore(":memory:");
    store.createSession({
      id: "sess0001",
      owner: "customer:demo1",
      identity: { kind: "customer", customerId: "demo1" },
      locale: "en",
    });
    TRACES.forEach((t) => store.saveTrace(t));
    const yaml = exportConversationYaml(store, "sess0001");
    if (!yaml.ok) throw new Error(yaml.error);
    const back = parseDialogue(yaml.value, "exported.yaml");
    expect(back.ok).toBe(true);
    expect(yaml.value).not.toContain("[EMAIL_1]");
    expect(exportConversationYaml(store, "nosuchsession").ok).toBe(false);
    store.createSession({ id: "empty0001", owner: "anonymous", identity: { kind: "anonymous" }, locale: "en" });
    expect(createDialogueExporter(store)("empty0001")).toEqual({ ok: false, error: "not_found" });
    store.close();
  });
});
