import { describe, expect, it } from "vitest";
import { detectPii } from "../agent/guardrails/pii-detect.js";
import { DialogueSchema } from "./dialogue-schema.js";
import { toFinetuneExample } from "./finetune-export.js";

const dialogue = DialogueSchema.parse({
  schemaVersion: 2,
  meta: {
    title: "t",
    tags: ["approved"],
    locale: "en",
    speaker: "customer:demo1",
    recordedWith: { provider: "openai", model: "m" },
  },
  turns: [
    {
      say: "Freeze [CARD_1] now",
      cassette: [
        { content: "", toolCalls: [{ name: "freeze_card", args: { card: "[CARD_1]" } }] },
        { content: "Confirm?" },
      ],
      recorded: {
        reply: "Shall I freeze the card ending in [CARD_1]?",
        tools: [
          {
            name: "freeze_card",
            args: { card: "[CARD_1]" },
            status: "awaiting_confirmation",
            summary: "awaiting approval",
          },
        ],
      },
    },
    { decide: "approve", recorded: { reply: "Your card is frozen.", tools: [] } },
  ],
});

describe("toFinetuneExample", () => {
  it("writes user turns, the tool call with its result and the replies, with fakes for placeholders", () => {
    const r = toFinetuneExample(dialogue, { tag: "approved" });
    if (!r.ok) throw new Error(r.reason);
    const roles = r.example.messages.map((m) => m.role);
    expect(roles).toEqual(["system", "user", "assistant", "tool", "assistant", "user", "assistant"]);
    const call = r.example.messages[2];
    expect(call?.role === "assistant" && call.tool_calls?.[0]?.function.name).toBe("freeze_card");
    const text = JSON.stringify(r.example);
    expect(text).not.toContain("[CARD_1]");
    expect(detectPii((r.example.messages[1] as { content: string }).content).map((s) => s.kind)).toEqual(["card"]);
    expect(r.example.tools?.[0]?.function.name).toBe("freeze_card");
  });

  it("skips dialogues without the tag or without recorded replies", () => {
    expect(toFinetuneExample(dialogue, { tag: "gold" })).toEqual({ ok: false, reason: "tag_mismatch" });
    const handWritten = DialogueSchema.parse({
      schemaVersion: 2,
      meta: { title: "h", locale: "en", speaker: "anonymous" },
      turns: [{ say: "hi" }],
    });
    expect(toFinetuneExample(handWritten)).toEqual({ ok: false, reason: "no_recorded_replies" });
  });
});
