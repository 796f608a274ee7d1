// One model call of a turn: the per-turn call limit, the turn's own prompt and tool subset, a timeout, the
// fallback to the local responder (with a circuit breaker across turns), and the record of what the model said.
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { AIMessage } from "@langchain/core/messages";
import type { ModelRequest } from "langchain";
import type { AgentPorts } from "../agent-ports.js";
import { redactPii } from "../../shared/pii-vault.js";
import type { ModelCircuit } from "../model-circuit.js";
import { LocalResponderChatModel } from "../responder/local-chat-model.js";
import { say } from "../responder/reply-templates.js";
import type { TurnPlan } from "../turn-plan.js";
import type { BankAgentContext } from "./agent-context.js";
import { atMostFewCalls, ownedTargetsOnly, withoutForeignCalls } from "./scope-tool-calls.js";

/** The models a turn may use. */
export interface ModelChoice {
  ports: AgentPorts;
  primaryModel: BaseChatModel;
  primaryName: { provider: string; model: string };
  fallbackModel: BaseChatModel;
  fallbackName: { provider: string; model: string };
  modelTimeoutMs: number;
  publicNumbers: readonly string[];
  circuit: ModelCircuit;
}

/** The most model calls one turn may make. */
export const MAX_MODEL_CALLS = 6;

function textOf(message: AIMessage): string {
  return typeof message.content === "string"
    ? message.content
    : message.content.map((c) => ("text" in c ? String(c.text) : "")).join("");
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

// A tool call whose arguments are not valid JSON is a broken reply, not an instruction: streamed calls are repaired
// by a lenient parser (a cut-off "tx_12" could become a different, valid id), so the raw text is checked here.
function hasMalformedToolCalls(message: AIMessage): boolean {
  if ((message.invalid_tool_calls ?? []).length > 0) return true;
  const chunks =
    "tool_call_chunks" in message && Array.isArray(message.tool_call_chunks) ? message.tool_call_chunks : [];
  return chunks.some(
    (c: { args?: unknown }) => typeof c.args === "string" && c.args.trim() !== "" && !parsesAsJson(c.args),
  );
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`model timed out after ${ms} ms`)), ms);
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e: unknown) => (clearTimeout(timer), reject(e)),
    );
  });
}

// The local responder takes its plan from the runtime context; a remote model only ever sees the prompt.
function withPlan(model: BaseChatModel, plan: TurnPlan): BaseChatModel {
  return model instanceof LocalResponderChatModel ? model.withPlan(plan) : model;
}

/** Makes one guarded model call for the turn in `ctx`. */
export async function callModel<S extends Record<string, unknown>, C, R extends ModelRequest<S, C>>(
  choice: ModelChoice,
  ctx: BankAgentContext,
  request: R,
  handler: (request: R) => Promise<AIMessage> | AIMessage,
): Promise<AIMessage> {
  if (ctx.recorder.modelCalls.length >= MAX_MODEL_CALLS) {
    ctx.recorder.guardrails.push({ type: "tool_limit", detail: `model call limit (${MAX_MODEL_CALLS}) reached` });
    return new AIMessage({ content: say(ctx.locale, "unavailable"), response_metadata: { limited: true } });
  }
  const allowed = new Set(ctx.allowedTools);
  const tools = request.tools.filter((t) => allowed.has(String((t as { name?: string }).name)));
  const scoped: R = { ...request, systemPrompt: ctx.systemPrompt, tools };
  const started = performance.now();
  const run = (model: BaseChatModel) => Promise.resolve(handler({ ...scoped, model: withPlan(model, ctx.plan) }));
  const scope = (message: AIMessage) =>
    ownedTargetsOnly(atMostFewCalls(withoutForeignCalls(message, ctx, allowed), ctx), ctx, allowed, choice.ports);
  const record = (
    message: AIMessage,
    name: { provider: string; model: string },
    fallback: boolean,
    error?: string,
  ): AIMessage => {
    ctx.recorder.modelCalls.push({
      provider: name.provider,
      model: name.model,
      ms: Math.round(performance.now() - started),
      fallback,
      ...(error ? { error } : {}),
      output: {
        content: redactPii(textOf(message), { publicNumbers: choice.publicNumbers }),
        toolCalls: (message.tool_calls ?? []).map((c) => ({
          ...(c.id ? { id: c.id } : {}),
          name: c.name,
          args: c.args,
        })),
      },
    });
    return message;
  };
  const hasFallback = choice.primaryModel !== choice.fallbackModel;
  // Once the primary failed in this turn, or keeps failing across turns, the turn stays on the local responder.
  if (hasFallback && (ctx.recorder.usedFallback || choice.circuit.isOpen())) {
    if (!ctx.recorder.usedFallback) {
      ctx.recorder.guardrails.push({
        type: "llm_fallback",
        detail: `${choice.primaryName.provider} skipped: failing repeatedly`,
      });
    }
    ctx.recorder.usedFallback = true;
    return record(scope(await run(choice.fallbackModel)), choice.fallbackName, true, "primary model unavailable");
  }
  try {
    const raw = await withTimeout(run(choice.primaryModel), choice.modelTimeoutMs);
    if (hasFallback && hasMalformedToolCalls(raw))
      throw new Error("the model returned tool-call arguments that are not valid JSON");
    if (hasFallback) choice.circuit.recordSuccess();
    const out = scope(raw);
    if (textOf(out) === "" && (out.tool_calls ?? []).length === 0 && hasFallback) {
      return record(
        scope(await run(choice.fallbackModel)),
        choice.fallbackName,
        true,
        "empty answer after dropping tool calls",
      );
    }
    return record(out, choice.primaryName, false);
  } catch (error) {
    if (!hasFallback) throw error;
    choice.circuit.recordFailure();
    const reason = error instanceof Error ? error.message : String(error);
    ctx.recorder.usedFallback = true;
    ctx.recorder.guardrails.push({
      type: "llm_fallback",
      detail: `${choice.primaryName.provider} failed: ${reason.slice(0, 200)}`,
    });
    return record(scope(await run(choice.fallbackModel)), choice.fallbackName, true, reason.slice(0, 200));
  }
}
