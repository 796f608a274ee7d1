// The offline, deterministic responder implemented as a LangChain chat model, so the very same agent, tools and
// middleware run with or without an external LLM. It decides tool calls from the routing note and composes its
// answers only from this turn's tool results.
import type { CallbackManagerForLLMRun } from "@langchain/core/callbacks/manager";
import { BaseChatModel, type BaseChatModelParams } from "@langchain/core/language_models/chat_models";
import { AIMessage, AIMessageChunk, type BaseMessage } from "@langchain/core/messages";
import { ChatGenerationChunk, type ChatResult } from "@langchain/core/outputs";
import { planTurn, type ToolOutcome, type TurnStep } from "./plan-turn.js";
import { parseRoutingNote, type RoutingNote } from "./routing-note.js";

/** Name the trace and the fallback logic use for this provider. */
export const LOCAL_PROVIDER = "local";
/** Model name reported in traces. */
export const LOCAL_MODEL = "harbor-local-responder-1";

function textOf(message: BaseMessage): string {
  return typeof message.content === "string" ? message.content : message.content.map((c) => ("text" in c ? String(c.text) : "")).join("");
}

function parseOutcome(message: BaseMessage): ToolOutcome {
  const name = (message as { name?: string }).name ?? "tool";
  const raw = textOf(message);
  try {
    const data = JSON.parse(raw) as ToolOutcome["data"];
    return { name, data: typeof data === "object" && data ? data : { status: "invalid" } };
  } catch {
    return { name, data: { status: /rejected/i.test(raw) ? "rejected" : "failed", message: raw.slice(0, 200) } };
  }
}

/** Works out the next step from the messages the agent sends to the model. */
export function decideStep(messages: BaseMessage[]): { step: TurnStep; note: RoutingNote | undefined } {
  const system = messages.find((m) => m.getType() === "system");
  const note = system ? parseRoutingNote(textOf(system)) : undefined;
  let lastHuman = -1;
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i]?.getType() === "human") {
      lastHuman = i;
      break;
    }
  }
  const userText = lastHuman >= 0 ? textOf(messages[lastHuman] as BaseMessage) : "";
  const done = messages.slice(lastHuman + 1).filter((m) => m.getType() === "tool").map(parseOutcome);
  if (!note) return { step: { kind: "reply", text: userText ? "I'm sorry, I can't help with that here." : "" }, note };
  return { step: planTurn(note, userText, done), note };
}

let callCounter = 0;

function toMessage(step: TurnStep): AIMessage {
  if (step.kind === "tools") {
    return new AIMessage({
      content: "",
      tool_calls: step.calls.map((c) => ({ id: `call_local_${++callCounter}`, name: c.name, args: c.args, type: "tool_call" as const })),
    });
  }
  return new AIMessage({ content: step.text, response_metadata: step.quickReplies ? { quickReplies: step.quickReplies } : {} });
}

/** The local responder chat model. */
export class LocalResponderChatModel extends BaseChatModel {
  constructor(fields: BaseChatModelParams = {}) {
    super(fields);
  }

  _llmType(): string {
    return LOCAL_PROVIDER;
  }

  // Tools are decided by the planner, so binding only needs to return a model that behaves the same.
  override bindTools(): this {
    return this;
  }

  async _generate(messages: BaseMessage[]): Promise<ChatResult> {
    const message = toMessage(decideStep(messages).step);
    return { generations: [{ text: textOf(message), message }] };
  }

  override async *_streamResponseChunks(messages: BaseMessage[], _options: this["ParsedCallOptions"], runManager?: CallbackManagerForLLMRun): AsyncGenerator<ChatGenerationChunk> {
    const message = toMessage(decideStep(messages).step);
    if (message.tool_calls && message.tool_calls.length > 0) {
      yield new ChatGenerationChunk({
        text: "",
        message: new AIMessageChunk({
          content: "",
          tool_call_chunks: message.tool_calls.map((t, index) => ({ id: t.id, name: t.name, args: JSON.stringify(t.args), index, type: "tool_call_chunk" as const })),
        }),
      });
      return;
    }
    const text = textOf(message);
    const pieces = text.match(/[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]{1,4}|[^\s\u3400-\u9fff\u3000-\u303f\uff00-\uffef]+\s*|\s+/g) ?? [];
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i] as string;
      const last = i === pieces.length - 1;
      const chunk = new ChatGenerationChunk({
        text: piece,
        message: new AIMessageChunk({ content: piece, ...(last ? { response_metadata: message.response_metadata } : {}) }),
      });
      yield chunk;
      await runManager?.handleLLMNewToken(piece, undefined, undefined, undefined, undefined, { chunk });
    }
  }
}
