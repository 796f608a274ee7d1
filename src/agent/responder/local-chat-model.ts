// The offline, deterministic responder implemented as a LangChain chat model, so the very same agent, tools and
// middleware run with or without an external LLM. It decides tool calls from the turn plan (given by the agent's
// runtime context, never read from the prompt) and composes its answers only from this turn's evidence.
import type { CallbackManagerForLLMRun } from "@langchain/core/callbacks/manager";
import { BaseChatModel, type BaseChatModelParams } from "@langchain/core/language_models/chat_models";
import { AIMessage, AIMessageChunk, type BaseMessage } from "@langchain/core/messages";
import { ChatGenerationChunk, type ChatResult } from "@langchain/core/outputs";
import type { TurnPlan } from "../turn-plan.js";
import { outcomesWithPlan } from "./plan-outcomes.js";
import { readToolOutcome, type ToolOutcome } from "../tools/tool-results.js";
import { planTurn, type TurnStep } from "./plan-turn.js";

/** Name the trace and the fallback logic use for this provider. */
export const LOCAL_PROVIDER = "local";
/** Model name reported in traces. */
export const LOCAL_MODEL = "harbor-local-responder-1";

function textOf(message: BaseMessage): string {
  return typeof message.content === "string"
    ? message.content
    : message.content.map((c) => ("text" in c ? String(c.text) : "")).join("");
}

// A tool message read against its tool's output schema; a message that is not JSON is a rejection or a failure.
function parseOutcome(message: BaseMessage): ToolOutcome | undefined {
  const name = (message as { name?: string }).name ?? "";
  const raw = textOf(message);
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    json = /rejected/i.test(raw) ? { status: "rejected" } : { status: "failed", message: raw.slice(0, 200) };
  }
  return readToolOutcome(name, json);
}

/** Works out the next step from the plan and the messages of this turn. */
export function decideStep(messages: BaseMessage[], plan: TurnPlan | undefined): TurnStep {
  let lastHuman = -1;
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i]?.getType() === "human") {
      lastHuman = i;
      break;
    }
  }
  const userText = lastHuman >= 0 ? textOf(messages[lastHuman] as BaseMessage) : "";
  const done = messages
    .slice(lastHuman + 1)
    .filter((m) => m.getType() === "tool")
    .flatMap((m) => parseOutcome(m) ?? []);
  if (!plan) return { kind: "reply", text: userText ? "I'm sorry, I can't help with that here." : "" };
  return planTurn(plan, userText, outcomesWithPlan(plan, done));
}

// A question back to the customer, before any of their data was looked at, means the task waits for a detail.
function asksForDetail(step: TurnStep, messages: BaseMessage[]): boolean {
  if (step.kind !== "reply" || !/[?？]/.test(step.text)) return false;
  const toolNames = messages.filter((m) => m.getType() === "tool").map((m) => (m as { name?: string }).name);
  return toolNames.every((name) => name === "search_knowledge");
}

let callCounter = 0;

function toMessage(step: TurnStep, awaitingSlot: boolean): AIMessage {
  if (step.kind === "tools") {
    return new AIMessage({
      content: "",
      tool_calls: step.calls.map((c) => ({
        id: `call_local_${++callCounter}`,
        name: c.name,
        args: c.args,
        type: "tool_call" as const,
      })),
    });
  }
  const metadata = {
    ...(step.quickReplies ? { quickReplies: step.quickReplies } : {}),
    ...(awaitingSlot ? { awaitingSlot } : {}),
  };
  return new AIMessage({ content: step.text, response_metadata: metadata });
}

/** The local responder chat model. */
export class LocalResponderChatModel extends BaseChatModel {
  private readonly plan: TurnPlan | undefined;

  constructor(fields: BaseChatModelParams & { plan?: TurnPlan } = {}) {
    super(fields);
    this.plan = fields.plan;
  }

  /** The responder for one turn, planning from that turn's plan. */
  withPlan(plan: TurnPlan): LocalResponderChatModel {
    return new LocalResponderChatModel({ plan });
  }

  private respond(messages: BaseMessage[]): AIMessage {
    const step = decideStep(messages, this.plan);
    return toMessage(step, asksForDetail(step, messages));
  }

  _llmType(): string {
    return LOCAL_PROVIDER;
  }

  // Tools are decided by the planner, so binding only needs to return a model that behaves the same.
  override bindTools(): this {
    return this;
  }

  async _generate(messages: BaseMessage[]): Promise<ChatResult> {
    const message = this.respond(messages);
    return { generations: [{ text: textOf(message), message }] };
  }

  override async *_streamResponseChunks(
    messages: BaseMessage[],
    _options: this["ParsedCallOptions"],
    runManager?: CallbackManagerForLLMRun,
  ): AsyncGenerator<ChatGenerationChunk> {
    const message = this.respond(messages);
    if (message.tool_calls && message.tool_calls.length > 0) {
      yield new ChatGenerationChunk({
        text: "",
        message: new AIMessageChunk({
          content: "",
          tool_call_chunks: message.tool_calls.map((t, index) => ({
            id: t.id,
            name: t.name,
            args: JSON.stringify(t.args),
            index,
            type: "tool_call_chunk" as const,
          })),
        }),
      });
      return;
    }
    const text = textOf(message);
    const pieces =
      text.match(
        /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]{1,4}|[^\s\u3400-\u9fff\u3000-\u303f\uff00-\uffef]+\s*|\s+/g,
      ) ?? [];
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i] as string;
      const last = i === pieces.length - 1;
      const chunk = new ChatGenerationChunk({
        text: piece,
        message: new AIMessageChunk({
          content: piece,
          ...(last ? { response_metadata: message.response_metadata } : {}),
        }),
      });
      yield chunk;
      await runManager?.handleLLMNewToken(piece, undefined, undefined, undefined, undefined, { chunk });
    }
  }
}
