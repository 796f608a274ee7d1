// Runs the agent for one turn in streaming mode: forwards answer tokens, and returns the final message or the
// pending confirmation raised by the human-in-the-loop middleware.
import type { AIMessageChunk, BaseMessage } from "@langchain/core/messages";
import { Command } from "@langchain/langgraph";
import type { BankAgent, BankAgentContext } from "./bank-agent.js";
import { say } from "./responder/reply-templates.js";

/** What one agent run produced. */
export interface AgentTurnOutcome {
  text: string;
  quickReplies?: string[];
  /** The local responder asked the customer for a detail of the current task (the next message continues it). */
  awaitingSlot?: boolean;
  /** The run was cut short by a call limit: its text is a stand-in, not an answer. */
  limited?: boolean;
  interrupt?: { id: string; action: string; description: string; args: Record<string, unknown> };
}

/** Input of a run: a new user message, or a decision on the pending confirmation. */
export type AgentTurnInput = { message: string } | { decision: "approve" | "reject" };

function textOf(message: BaseMessage): string {
  return typeof message.content === "string"
    ? message.content
    : message.content.map((c) => ("text" in c ? String(c.text) : "")).join("");
}

interface InterruptValue {
  actionRequests?: { name: string; args: Record<string, unknown>; description?: string }[];
}

/** Receives model text as it is produced, with the id of the model message it belongs to. */
export type TokenListener = (text: string, messageId: string) => void;

/** Streams one agent run; `onToken` receives answer text as the model produces it. */
export async function runAgentTurn(
  agent: BankAgent,
  input: AgentTurnInput,
  context: BankAgentContext,
  onToken?: TokenListener,
  threadId = context.sessionId,
): Promise<AgentTurnOutcome> {
  // Checkpoint once per run (and at an interrupt) rather than after every step: a turn is short, and each
  // intermediate checkpoint re-serialises the whole conversation.
  const base = { configurable: { thread_id: threadId }, context, recursionLimit: 30, durability: "exit" as const };
  const payload =
    "message" in input
      ? { messages: [{ role: "user" as const, content: input.message }] }
      : new Command({
          resume: {
            decisions: [
              input.decision === "approve"
                ? { type: "approve" }
                : { type: "reject", message: JSON.stringify({ status: "rejected" }) },
            ],
          },
        });
  if (!onToken) {
    // Without a listener there is nothing to stream: a plain invoke skips the per-token callback machinery.
    const state = (await (agent.invoke as (p: unknown, c: unknown) => Promise<Record<string, unknown>>)(
      payload,
      base,
    )) as { messages?: BaseMessage[]; __interrupt__?: { id: string; value: InterruptValue }[] };
    const req = state.__interrupt__?.[0]?.value.actionRequests?.[0];
    if (state.__interrupt__?.[0] && req)
      return {
        text: "",
        interrupt: {
          id: state.__interrupt__[0].id,
          action: req.name,
          description: req.description ?? req.name,
          args: req.args,
        },
      };
    const lastAi = [...(state.messages ?? [])].reverse().find((m) => m.getType?.() === "ai");
    return finalOutcome(lastAi, context);
  }
  const config = { ...base, streamMode: ["messages", "updates"] as ("messages" | "updates")[] };
  // The agent's generic types cannot express a resume Command and a state update in one union, hence the cast.
  const stream = await (agent.stream as (p: unknown, c: unknown) => Promise<AsyncIterable<[string, unknown]>>)(
    payload,
    config,
  );
  let last: BaseMessage | undefined;
  let interrupt: AgentTurnOutcome["interrupt"];
  for await (const [mode, chunk] of stream) {
    if (mode === "messages") {
      const [msg, meta] = chunk as [AIMessageChunk, { langgraph_node?: string; langgraph_step?: number }];
      if (
        msg.getType?.() === "ai" &&
        !(msg.tool_call_chunks && msg.tool_call_chunks.length) &&
        meta?.langgraph_node === "model_request"
      ) {
        const t = textOf(msg);
        if (t) onToken(t, msg.id ?? `step-${meta.langgraph_step ?? 0}`);
      }
      continue;
    }
    const update = chunk as Record<string, unknown>;
    const interrupts = update["__interrupt__"] as { id: string; value: InterruptValue }[] | undefined;
    if (interrupts && interrupts[0]) {
      const req = interrupts[0].value.actionRequests?.[0];
      if (req)
        interrupt = {
          id: interrupts[0].id,
          action: req.name,
          description: req.description ?? req.name,
          args: req.args,
        };
    }
    for (const value of Object.values(update)) {
      const messages = (value as { messages?: BaseMessage[] } | null)?.messages;
      if (Array.isArray(messages)) {
        for (const m of messages) if (m.getType?.() === "ai") last = m;
      }
    }
  }
  if (interrupt) return { text: "", interrupt };
  return finalOutcome(last, context);
}

function finalOutcome(last: BaseMessage | undefined, context: BankAgentContext): AgentTurnOutcome {
  const meta = (last?.response_metadata ?? {}) as {
    quickReplies?: string[];
    awaitingSlot?: boolean;
    limited?: boolean;
  };
  const quick = meta.quickReplies;
  const hasCalls = ((last as { tool_calls?: unknown[] } | undefined)?.tool_calls?.length ?? 0) > 0;
  // A run that stops on tool calls it never ran (e.g. a model repeating a call id) would otherwise answer nothing.
  if (hasCalls) {
    context.recorder.guardrails.push({ type: "tool_limit", detail: "the run ended on tool calls that did not run" });
    return { text: say(context.locale, "unavailable"), limited: true };
  }
  return {
    text: last ? textOf(last) : "",
    ...(quick ? { quickReplies: quick } : {}),
    ...(meta.awaitingSlot ? { awaitingSlot: true } : {}),
    ...(meta.limited ? { limited: true } : {}),
  };
}
