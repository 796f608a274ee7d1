// Builds the one LangChain agent that serves every route and role: all tools registered, the per-turn subset,
// system prompt and model chosen by middleware from the runtime context; risky tools gated by human approval.
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { BaseCheckpointSaver } from "@langchain/langgraph";
import { createAgent, createMiddleware, humanInTheLoopMiddleware } from "langchain";
import type { AgentPorts } from "./agent-ports.js";
import { BankAgentContextSchema, contextOfRuntime, type BankAgentContext } from "./guard/agent-context.js";
import { callModel } from "./guard/call-model.js";
import { guardToolCall } from "./guard/guard-tool-call.js";
import { resolveCardForFreeze } from "./tools/freeze-card.js";
import { createAgentTools } from "./tools/agent-tools.js";
import { createModelCircuit, type ModelCircuit } from "./model-circuit.js";
import { describeStaffAction, STAFF_CONFIRMED_TOOLS } from "./describe-staff-action.js";

export type { BankAgentContext } from "./guard/agent-context.js";

/**
 * Tools that change something for a customer and so need approval first: the customer's own actions by the customer,
 * staff actions on a customer's behalf by the acting staff member.
 */
export const CONFIRMED_TOOLS = ["freeze_card", "open_dispute", ...STAFF_CONFIRMED_TOOLS] as const;

const APPROVAL_DESCRIPTIONS: Record<(typeof CONFIRMED_TOOLS)[number], string> = {
  freeze_card: "Needs the customer's approval",
  open_dispute: "Needs the customer's approval",
  staff_freeze_card: "Needs the acting staff member's confirmation before the customer's card is frozen",
  staff_open_dispute: "Needs the acting staff member's confirmation before a dispute is opened for the customer",
};

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

/**
 * Describes a pending action for the confirmation card (the customer's, or the staff member's for a staff action).
 * It runs in the chat service, because the human-in-the-loop middleware only sees its own context, not the caller's
 * identity.
 */
export function describeConfirmation(
  ports: AgentPorts,
  toolName: string,
  args: Record<string, unknown>,
  ctx: Pick<BankAgentContext, "identity" | "locale" | "vault" | "sessionId">,
): string {
  const staffAction = describeStaffAction(ports, toolName, args, ctx);
  if (staffAction !== undefined) return staffAction;
  const zh = ctx.locale === "zh-CN";
  if (toolName === "freeze_card") {
    const r = resolveCardForFreeze(
      ports.bank,
      ctx,
      typeof args["cardLast4"] === "string" ? args["cardLast4"] : undefined,
    );
    const last4 = r.status === "ok" ? r.card.last4 : "";
    return zh ? `冻结尾号 ${last4} 的银行卡` : `Freeze your card ending ${last4}`;
  }
  const tx = typeof args["transactionId"] === "string" ? ports.bank.getTransaction(args["transactionId"]) : undefined;
  const owned = tx && ctx.identity.kind === "customer" && tx.customerId === ctx.identity.customerId;
  const what = owned
    ? `${tx.merchantName} ${tx.currency === "GBP" ? "£" : ""}${tx.amount.toFixed(2)}${tx.currency === "GBP" ? "" : ` ${tx.currency}`} (${tx.timestamp.slice(0, 10)})`
    : "";
  const already = owned ? ports.bank.findOpenDispute(tx.id) : undefined;
  if (already)
    return zh
      ? `${what} 已有处理中的争议 ${already}；确认不会重复提交`
      : `${what} is already under dispute (${already}); approving will not open another`;
  return zh ? `对交易提出争议：${what}` : `Open a dispute for ${what}`;
}

/** Creates the bank agent. */
export function createBankAgent(options: BankAgentOptions) {
  const { ports } = options;
  const tools = createAgentTools(ports, { now: options.now });

  const choice = { ...options, circuit: options.circuit ?? createModelCircuit() };

  // The per-turn model and tool call limits live here rather than in the library's limit middleware: each of
  // those adds graph nodes to every step, which costs more than the check itself.
  const guard = createMiddleware({
    name: "BankTurnGuard",
    wrapModelCall: (request, handler) => callModel(choice, contextOfRuntime(request.runtime), request, handler),
    wrapToolCall: (request, handler) =>
      guardToolCall(contextOfRuntime(request.runtime), request, handler, { audit: ports.audit }),
  });

  return createAgent({
    model: options.primaryModel,
    tools,
    contextSchema: BankAgentContextSchema,
    checkpointer: options.checkpointer,
    middleware: [
      guard,
      humanInTheLoopMiddleware({
        interruptOn: Object.fromEntries(
          CONFIRMED_TOOLS.map((name) => [
            name,
            {
              allowedDecisions: ["approve", "reject"] as ("approve" | "reject")[],
              description: APPROVAL_DESCRIPTIONS[name],
            },
          ]),
        ),
      }),
    ],
  });
}

/** The agent type. */
export type BankAgent = ReturnType<typeof createBankAgent>;
