// Builds the one LangChain agent that serves every route and role: all tools registered, the per-turn subset,
// system prompt and model chosen by middleware from the runtime context; risky tools gated by human approval.
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { AIMessage, ToolMessage } from "@langchain/core/messages";
import type { BaseCheckpointSaver } from "@langchain/langgraph";
import { createAgent, createMiddleware, humanInTheLoopMiddleware } from "langchain";
import type { AgentPorts } from "./agent-ports.js";
import type { Identity } from "../auth/identity.js";
import type { Locale } from "../shared/locale.js";
import type { PiiVault } from "./guardrails/pii-vault.js";
import { redactPii } from "./guardrails/pii-vault.js";
import { createCheckCreditEligibilityTool } from "./tools/check-credit-eligibility.js";
import { createCheckTransactionRiskTool } from "./tools/check-transaction-risk.js";
import { createDraftCustomerReplyTool } from "./tools/draft-customer-reply.js";
import { createExplainCreditDecisionTool } from "./tools/explain-credit-decision.js";
import { createFreezeCardTool, resolveCardForFreeze } from "./tools/freeze-card.js";
import { createGetAccountsTool } from "./tools/get-accounts.js";
import { createGetRecentTransactionsTool } from "./tools/get-recent-transactions.js";
import { createHandoffToHumanTool } from "./tools/handoff-to-human.js";
import { createListCardsTool } from "./tools/list-cards.js";
import { createListFlaggedTransactionsTool } from "./tools/list-flagged-transactions.js";
import { createLookupCustomerTool } from "./tools/lookup-customer.js";
import { createOpenDisputeTool } from "./tools/open-dispute.js";
import { createSearchKnowledgeTool } from "./tools/search-knowledge.js";
import { clientStatusOf, type TurnRecorder } from "./turn-recorder.js";
import { createModelCircuit, type ModelCircuit } from "./model-circuit.js";
import { say } from "./responder/reply-templates.js";

/** The runtime context of one turn (identity from the session, never from the model). */
export interface BankAgentContext {
  identity: Identity;
  sessionId: string;
  locale: Locale;
  vault: PiiVault;
  systemPrompt: string;
  allowedTools: readonly string[];
  preferredDocs?: readonly string[];
  recorder: TurnRecorder;
  onToolEvent?: (event: { name: string; phase: "start" | "end"; status?: string }) => void;
}

const MAX_MODEL_CALLS = 6;
const MAX_TOOL_CALLS = 8;

/** Tools that change something for the customer and so need their approval first. */
export const CONFIRMED_TOOLS = ["freeze_card", "open_dispute"] as const;

/** Options of the agent. */
export interface BankAgentOptions {
  ports: AgentPorts;
  primaryModel: BaseChatModel;
  primaryName: { provider: string; model: string };
  fallbackModel: BaseChatModel;
  fallbackName: { provider: string; model: string };
  checkpointer: BaseCheckpointSaver;
  now: () => Date;
  modelTimeoutMs: number;
  publicNumbers: readonly string[];
  /** Skips the primary model after repeated failures (default: 3 failures, 30 s cool-down). */
  circuit?: ModelCircuit;
}

function textOf(message: AIMessage): string {
  return typeof message.content === "string" ? message.content : message.content.map((c) => ("text" in c ? String(c.text) : "")).join("");
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
  const chunks = "tool_call_chunks" in message && Array.isArray(message.tool_call_chunks) ? message.tool_call_chunks : [];
  return chunks.some((c: { args?: unknown }) => typeof c.args === "string" && c.args.trim() !== "" && !parsesAsJson(c.args));
}

function ctxOf(runtime: unknown): BankAgentContext {
  return (runtime as { context: BankAgentContext }).context;
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

/**
 * Describes a pending action for the customer's confirmation card. It runs in the chat service, because the
 * human-in-the-loop middleware only sees its own context, not the caller's identity.
 */
export function describeConfirmation(ports: AgentPorts, toolName: string, args: Record<string, unknown>, ctx: Pick<BankAgentContext, "identity" | "locale" | "vault" | "sessionId">): string {
  const zh = ctx.locale === "zh-CN";
  if (toolName === "freeze_card") {
    const r = resolveCardForFreeze(ports.bank, ctx, typeof args["cardLast4"] === "string" ? args["cardLast4"] : undefined);
    const last4 = r.status === "ok" ? r.card.last4 : "";
    return zh ? `冻结尾号 ${last4} 的银行卡` : `Freeze your card ending ${last4}`;
  }
  const tx = typeof args["transactionId"] === "string" ? ports.bank.getTransaction(args["transactionId"]) : undefined;
  const owned = tx && ctx.identity.kind === "customer" && tx.customerId === ctx.identity.customerId;
  const what = owned ? `${tx.merchantName} ${tx.currency === "GBP" ? "£" : ""}${tx.amount.toFixed(2)}${tx.currency === "GBP" ? "" : ` ${tx.currency}`} (${tx.timestamp.slice(0, 10)})` : "";
  const already = owned ? ports.bank.findOpenDispute(tx.id) : undefined;
  if (already) return zh ? `${what} 已有处理中的争议 ${already}；确认不会重复提交` : `${what} is already under dispute (${already}); approving will not open another`;
  return zh ? `对交易提出争议：${what}` : `Open a dispute for ${what}`;
}

/** Creates the bank agent. */
export function createBankAgent(options: BankAgentOptions) {
  const { ports } = options;
  const circuit = options.circuit ?? createModelCircuit();
  const tools = [
    createSearchKnowledgeTool(ports.knowledge),
    createListCardsTool(ports.bank),
    createGetAccountsTool(ports.bank),
    createGetRecentTransactionsTool(ports.bank, options.now),
    createCheckTransactionRiskTool(ports.bank, ports.fraud),
    createFreezeCardTool(ports.bank),
    createOpenDisputeTool(ports.bank),
    createCheckCreditEligibilityTool(ports.credit),
    createExplainCreditDecisionTool(ports.credit),
    createHandoffToHumanTool(ports.openTicket),
    createLookupCustomerTool(ports.bank),
    createListFlaggedTransactionsTool(ports.bank),
    createDraftCustomerReplyTool(ports.knowledge),
  ];

  const guard = createMiddleware({
    name: "BankTurnGuard",
    // The per-turn model and tool call limits live here rather than in the library's limit middleware: each of
    // those adds graph nodes to every step, which costs more than the check itself.
    wrapModelCall: async (request, handler) => {
      const ctx = ctxOf(request.runtime);
      if (ctx.recorder.modelCalls.length >= MAX_MODEL_CALLS) {
        ctx.recorder.guardrails.push({ type: "tool_limit", detail: `model call limit (${MAX_MODEL_CALLS}) reached` });
        return new AIMessage({ content: say(ctx.locale, "unavailable") });
      }
      const allowed = new Set(ctx.allowedTools);
      const scoped = { ...request, systemPrompt: ctx.systemPrompt, tools: request.tools.filter((t) => allowed.has(String((t as { name?: string }).name))) };
      const started = performance.now();
      const record = (message: AIMessage, name: { provider: string; model: string }, fallback: boolean, error?: string): AIMessage => {
        ctx.recorder.modelCalls.push({
          provider: name.provider,
          model: name.model,
          ms: Math.round(performance.now() - started),
          fallback,
          ...(error ? { error } : {}),
          output: {
            content: redactPii(textOf(message), { publicNumbers: options.publicNumbers }),
            toolCalls: (message.tool_calls ?? []).map((c) => ({ ...(c.id ? { id: c.id } : {}), name: c.name, args: c.args })),
          },
        });
        return message;
      };
      // A model may name a tool it was not offered (or was told about by an injected text): such calls are
      // dropped here, before approval or execution, and the turn is answered without them.
      const withoutForeignCalls = (message: AIMessage): AIMessage => {
        const calls = message.tool_calls ?? [];
        const kept = calls.filter((c) => allowed.has(c.name));
        if (kept.length === calls.length) return message;
        for (const c of calls.filter((x) => !allowed.has(x.name))) {
          ctx.recorder.toolCalls.push({ name: c.name, args: JSON.parse(redactPii(JSON.stringify(c.args ?? {}))) as Record<string, unknown>, status: "denied", summary: "tool not offered on this route", ms: 0 });
          ctx.recorder.guardrails.push({ type: "tool_denied", detail: `${c.name} is not available on this route` });
        }
        return new AIMessage({ content: message.content, tool_calls: kept, response_metadata: message.response_metadata, id: message.id });
      };
      // An action on a card or payment that is not the caller's (or not clearly one of theirs) is never put to the
      // customer for approval: it becomes a look-up of what is theirs, so the model can ask which one they mean.
      const ownedTargetsOnly = (message: AIMessage): AIMessage => {
        const calls = message.tool_calls ?? [];
        let changed = false;
        const rewritten = calls.map((c) => {
          const args = (c.args ?? {}) as Record<string, unknown>;
          if (c.name === "freeze_card") {
            const r = resolveCardForFreeze(ports.bank, ctx, typeof args["cardLast4"] === "string" ? args["cardLast4"] : undefined);
            if (r.status === "ok" || !allowed.has("list_cards")) return c;
            changed = true;
            ctx.recorder.guardrails.push({ type: "ownership_denied", detail: `freeze_card: card ${r.status}` });
            return { ...c, name: "list_cards", args: {} };
          }
          if (c.name === "open_dispute") {
            const tx = typeof args["transactionId"] === "string" ? ports.bank.getTransaction(args["transactionId"]) : undefined;
            const mine = tx && ctx.identity.kind === "customer" && tx.customerId === ctx.identity.customerId;
            if (mine || !allowed.has("get_recent_transactions")) return c;
            changed = true;
            ctx.recorder.guardrails.push({ type: "ownership_denied", detail: "open_dispute: transaction not the caller's" });
            return { ...c, name: "get_recent_transactions", args: { limit: 5 } };
          }
          return c;
        });
        return changed ? new AIMessage({ content: message.content, tool_calls: rewritten, response_metadata: message.response_metadata, id: message.id }) : message;
      };
      const hasFallback = options.primaryModel !== options.fallbackModel;
      // Once the primary failed in this turn, or keeps failing across turns, the turn stays on the local responder.
      if (hasFallback && (ctx.recorder.usedFallback || circuit.isOpen())) {
        if (!ctx.recorder.usedFallback) ctx.recorder.guardrails.push({ type: "llm_fallback", detail: `${options.primaryName.provider} skipped: failing repeatedly` });
        ctx.recorder.usedFallback = true;
        return record(ownedTargetsOnly(withoutForeignCalls(await handler({ ...scoped, model: options.fallbackModel }))), options.fallbackName, true, "primary model unavailable");
      }
      try {
        const raw = await withTimeout(Promise.resolve(handler({ ...scoped, model: options.primaryModel })), options.modelTimeoutMs);
        if (hasFallback && hasMalformedToolCalls(raw)) throw new Error("the model returned tool-call arguments that are not valid JSON");
        if (hasFallback) circuit.recordSuccess();
        const out = ownedTargetsOnly(withoutForeignCalls(raw));
        if (textOf(out) === "" && (out.tool_calls ?? []).length === 0 && hasFallback) {
          return record(ownedTargetsOnly(await handler({ ...scoped, model: options.fallbackModel })), options.fallbackName, true, "empty answer after dropping tool calls");
        }
        return record(out, options.primaryName, false);
      } catch (error) {
        if (!hasFallback) throw error;
        circuit.recordFailure();
        const reason = error instanceof Error ? error.message : String(error);
        ctx.recorder.usedFallback = true;
        ctx.recorder.guardrails.push({ type: "llm_fallback", detail: `${options.primaryName.provider} failed: ${reason.slice(0, 200)}` });
        const out = ownedTargetsOnly(withoutForeignCalls(await handler({ ...scoped, model: options.fallbackModel })));
        return record(out, options.fallbackName, true, reason.slice(0, 200));
      }
    },
    wrapToolCall: async (request, handler) => {
      const ctx = ctxOf(request.runtime);
      const name = request.toolCall.name;
      const args = (request.toolCall.args ?? {}) as Record<string, unknown>;
      const redactedArgs = JSON.parse(redactPii(JSON.stringify(args))) as Record<string, unknown>;
      if (!ctx.allowedTools.includes(name)) {
        ctx.recorder.toolCalls.push({ name, args: redactedArgs, status: "denied", summary: "tool not allowed on this route", ms: 0 });
        return new ToolMessage({ content: JSON.stringify({ status: "forbidden", reason: "tool not available here" }), name, tool_call_id: request.toolCall.id ?? name });
      }
      if (ctx.recorder.toolCalls.length >= MAX_TOOL_CALLS) {
        ctx.recorder.guardrails.push({ type: "tool_limit", detail: `tool call limit (${MAX_TOOL_CALLS}) reached` });
        return new ToolMessage({ content: JSON.stringify({ status: "unavailable", reason: "tool call limit reached for this turn" }), name, tool_call_id: request.toolCall.id ?? name });
      }
      ctx.onToolEvent?.({ name, phase: "start" });
      const started = performance.now();
      const out = await handler(request);
      const ms = Math.round(performance.now() - started);
      let result: Record<string, unknown> = {};
      if (out instanceof ToolMessage) {
        try {
          result = JSON.parse(typeof out.content === "string" ? out.content : JSON.stringify(out.content)) as Record<string, unknown>;
        } catch {
          result = { status: "failed" };
        }
      }
      const status = clientStatusOf(typeof result["status"] === "string" ? result["status"] : undefined);
      if (result["status"] === "forbidden" || (result["status"] === "not_found" && name !== "search_knowledge")) {
        ctx.recorder.guardrails.push({ type: "ownership_denied", detail: `${name}: ${String(result["status"])}` });
      }
      ctx.recorder.toolCalls.push({ name, args: redactedArgs, status, summary: String(result["status"] ?? ""), ms, result });
      ctx.onToolEvent?.({ name, phase: "end", status });
      return out;
    },
  });

  return createAgent({
    model: options.primaryModel,
    tools,
    checkpointer: options.checkpointer,
    middleware: [
      guard,
      humanInTheLoopMiddleware({
        interruptOn: Object.fromEntries(
          CONFIRMED_TOOLS.map((name) => [
            name,
            {
              allowedDecisions: ["approve", "reject"] as ("approve" | "reject")[],
              description: "Needs the customer's approval",
            },
          ]),
        ),
      }),
    ],
  });
}

/** The agent type. */
export type BankAgent = ReturnType<typeof createBankAgent>;
