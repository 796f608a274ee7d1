// Converts recorded dialogues into OpenAI chat fine-tuning examples (one JSON object per line): the user's turns,
// the assistant's tool calls and their results, and the final replies, with personal data replaced by stable fakes.
import type { Dialogue, DialogueTurn } from "./dialogue-schema.js";
import { fakePii, fakePiiDeep, UNAMBIGUOUS_PII } from "./fake-pii.js";

/** A message of the OpenAI chat fine-tuning format. */
export type FinetuneMessage =
  | { role: "system" | "user"; content: string }
  | {
      role: "assistant";
      content: string | null;
      tool_calls?: { id: string; type: "function"; function: { name: string; arguments: string } }[];
    }
  | { role: "tool"; tool_call_id: string; content: string };

/** One training example. */
export interface FinetuneExample {
  messages: FinetuneMessage[];
  tools?: { type: "function"; function: { name: string; description: string; parameters: Record<string, unknown> } }[];
}

/** Why a dialogue was left out. */
export type SkipReason = "tag_mismatch" | "no_recorded_replies" | "empty_conversation";

/** The outcome for one dialogue. */
export type FinetuneOutcome = { ok: true; example: FinetuneExample } | { ok: false; reason: SkipReason };

const DECISION_TEXT = {
  approve: { en: "Yes, please go ahead.", "zh-CN": "好的，请继续。" },
  reject: { en: "No, please don't do that.", "zh-CN": "不用了，请不要这样做。" },
} as const;

/** The default system prompt of training examples. */
export const DEFAULT_FINETUNE_SYSTEM_PROMPT =
  "You are Harbor Bank's customer-service assistant. Answer only from tool results and cited bank documents, in the customer's language; ask for approval before freezing a card or opening a dispute; never give investment, tax or legal advice.";

function jsonSchemaOf(value: unknown): Record<string, unknown> {
  if (typeof value === "number") return { type: "number" };
  if (typeof value === "boolean") return { type: "boolean" };
  if (Array.isArray(value)) return { type: "array" };
  if (value !== null && typeof value === "object") return { type: "object" };
  return { type: "string" };
}

function toolCallsOf(turn: DialogueTurn): { name: string; args: Record<string, unknown>; result: string }[][] {
  const recorded = turn.recorded?.tools ?? [];
  const results = recorded.map((t) => fakePii(t.summary || JSON.stringify({ status: t.status })));
  if (turn.cassette && turn.cassette.some((c) => c.toolCalls.length > 0)) {
    let k = 0;
    return turn.cassette
      .filter((c) => c.toolCalls.length > 0)
      .map((c) =>
        c.toolCalls.map((t) => ({
          name: t.name,
          args: fakePiiDeep(t.args, { kinds: UNAMBIGUOUS_PII }),
          result: results[k++] ?? JSON.stringify({ status: "ok" }),
        })),
      );
  }
  return recorded.length
    ? [
        recorded.map((t, i) => ({
          name: t.name,
          args: fakePiiDeep(t.args, { kinds: UNAMBIGUOUS_PII }),
          result: results[i] ?? "",
        })),
      ]
    : [];
}

/** Builds a training example from a dialogue, or says why it was skipped. */
export function toFinetuneExample(d: Dialogue, options: { tag?: string; systemPrompt?: string } = {}): FinetuneOutcome {
  if (options.tag && !d.meta.tags.includes(options.tag)) return { ok: false, reason: "tag_mismatch" };
  if (!d.turns.some((t) => t.recorded)) return { ok: false, reason: "no_recorded_replies" };
  const messages: FinetuneMessage[] = [
    { role: "system", content: options.systemPrompt ?? DEFAULT_FINETUNE_SYSTEM_PROMPT },
  ];
  const toolSchemas = new Map<string, Record<string, unknown>>();
  let callSeq = 0;
  for (const turn of d.turns) {
    const locale = turn.locale ?? d.meta.locale;
    messages.push({
      role: "user",
      content: turn.say !== undefined ? fakePii(turn.say) : DECISION_TEXT[turn.decide ?? "approve"][locale],
    });
    if (!turn.recorded) continue;
    for (const step of toolCallsOf(turn)) {
      const calls = step.map((c) => ({
        id: `call_${++callSeq}`,
        type: "function" as const,
        function: { name: c.name, arguments: JSON.stringify(c.args) },
      }));
      messages.push({ role: "assistant", content: null, tool_calls: calls });
      step.forEach((c, i) => {
        messages.push({ role: "tool", tool_call_id: calls[i]?.id ?? "", content: c.result });
        const props = (toolSchemas.get(c.name) ?? {}) as Record<string, unknown>;
        for (const [k, v] of Object.entries(c.args)) props[k] = jsonSchemaOf(v);
        toolSchemas.set(c.name, props);
      });
    }
    const reply = fakePii(turn.recorded.reply);
    // A quiet turn (a person from staff has taken over) teaches nothing about answering.
    if (reply.trim()) messages.push({ role: "assistant", content: reply });
  }
  // Training targets are assistant messages, so an example must end on one.
  while (messages.length > 0 && messages[messages.length - 1]?.role !== "assistant") messages.pop();
  if (!messages.some((m) => m.role === "assistant" && m.content)) return { ok: false, reason: "empty_conversation" };
  const tools = [...toolSchemas.entries()].map(([name, properties]) => ({
    type: "function" as const,
    function: { name, description: name.replace(/_/g, " "), parameters: { type: "object", properties } },
  }));
  return { ok: true, example: { messages, ...(tools.length ? { tools } : {}) } };
}
