// One tool call of a turn: only tools the route offers, a per-turn call limit, progress events, and the record of
// the call (arguments redacted for storage; the result kept for the turn's evidence and the local responder). Every
// call a member of staff makes, refused ones too, also goes to the staff audit trail.
import { ToolMessage } from "@langchain/core/messages";
import { redactPii } from "../../shared/pii-vault.js";
import type { StaffAuditSink } from "../agent-ports.js";
import { clientStatusOf } from "../turn-recorder.js";
import type { BankAgentContext } from "./agent-context.js";

/** The most tool calls one turn may make. */
export const MAX_TOOL_CALLS = 8;

/** The part of the library's tool request this guard reads. */
export interface ToolRequestLike {
  toolCall: { name: string; id?: string; args?: Record<string, unknown> };
}

function parseResult(out: unknown): Record<string, unknown> {
  if (!(out instanceof ToolMessage)) return {};
  try {
    const parsed: unknown = JSON.parse(typeof out.content === "string" ? out.content : JSON.stringify(out.content));
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? { ...parsed } : { status: "failed" };
  } catch {
    return { status: "failed" };
  }
}

const STAFF_READ_TOOLS = new Set(["handoff_to_human", "draft_customer_reply"]);

function screenArgs(args: Record<string, unknown>, screen: (text: string) => string): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(args).map(([k, v]) => [k, typeof v === "string" && v.length > 40 ? screen(v) : v]),
  );
}

function refusal(name: string, id: string | undefined, status: string, reason: string): ToolMessage {
  return new ToolMessage({ content: JSON.stringify({ status, reason }), name, tool_call_id: id ?? name });
}

/** What the guard is given besides the turn: where staff tool calls are audited (absent: not audited). */
export interface ToolGuardOptions {
  audit?: StaffAuditSink | undefined;
}

// The customer or transaction a call concerns, when its arguments name one (the sink resolves a transaction's owner).
function subjectOf(args: Record<string, unknown>): { customerId?: string; transactionId?: string } {
  const id = (key: string): string | undefined => {
    const v = args[key];
    return typeof v === "string" && v.trim() && v.length <= 64 ? v.trim() : undefined;
  };
  const customerId = id("customerId");
  const transactionId = id("transactionId");
  return { ...(customerId ? { customerId } : {}), ...(transactionId ? { transactionId } : {}) };
}

/** Runs one guarded tool call for the turn in `ctx`. */
export async function guardToolCall<R extends ToolRequestLike, T>(
  ctx: BankAgentContext,
  request: R,
  handler: (request: R) => Promise<T> | T,
  options: ToolGuardOptions = {},
): Promise<T | ToolMessage> {
  const { name, id } = request.toolCall;
  // Text the model writes into a handoff summary or a draft ends up in tickets staff read: it is screened too.
  const raw = request.toolCall.args ?? {};
  const args = STAFF_READ_TOOLS.has(name) ? screenArgs(raw, ctx.screenModelText) : raw;
  request = { ...request, toolCall: { ...request.toolCall, args } };
  const redactedArgs = JSON.parse(redactPii(JSON.stringify(args))) as Record<string, unknown>;
  const identity = ctx.identity;
  const audit = (status: string): void => {
    if (identity.kind !== "staff" || !options.audit) return;
    options.audit({
      staffId: identity.staffId,
      sessionId: ctx.sessionId,
      toolName: name,
      args: redactedArgs,
      ...subjectOf(args),
      status,
    });
  };
  if (!ctx.allowedTools.includes(name)) {
    audit("denied");
    ctx.recorder.toolCalls.push({
      name,
      args: redactedArgs,
      status: "denied",
      summary: "tool not allowed on this route",
      ms: 0,
    });
    return refusal(name, id, "forbidden", "tool not available here");
  }
  if (ctx.toolCallsStarted.count >= MAX_TOOL_CALLS) {
    ctx.recorder.guardrails.push({ type: "tool_limit", detail: `tool call limit (${MAX_TOOL_CALLS}) reached` });
    audit("unavailable");
    return refusal(name, id, "unavailable", "tool call limit reached for this turn");
  }
  ctx.toolCallsStarted.count += 1;
  ctx.onToolEvent?.({ name, phase: "start" });
  const started = performance.now();
  let out: T;
  try {
    out = await handler(request);
  } catch (error) {
    audit("failed");
    throw error;
  }
  const ms = Math.round(performance.now() - started);
  const result = parseResult(out);
  const toolStatus = typeof result["status"] === "string" ? result["status"] : undefined;
  audit(toolStatus ?? "failed");
  const status = clientStatusOf(toolStatus);
  if (toolStatus === "forbidden" || (toolStatus === "not_found" && name !== "search_knowledge")) {
    ctx.recorder.guardrails.push({ type: "ownership_denied", detail: `${name}: ${toolStatus}` });
  }
  ctx.recorder.toolCalls.push({ name, args: redactedArgs, status, summary: toolStatus ?? "", ms, result });
  ctx.onToolEvent?.({ name, phase: "end", status });
  return out;
}
