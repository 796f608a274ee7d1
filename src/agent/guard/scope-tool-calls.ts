// What a model may ask for, enforced on its reply before anything runs: tools not offered on this route are
// dropped, and an action on a card or payment that is not the caller's becomes a look-up of what is theirs.
import { AIMessage } from "@langchain/core/messages";
import type { AgentPorts } from "../agent-ports.js";
import { redactPii } from "../../shared/pii-vault.js";
import { resolveCardForFreeze } from "../tools/freeze-card.js";
import { resolveCustomerCard } from "../tools/staff-freeze-card.js";
import type { BankAgentContext } from "./agent-context.js";

function withCalls(message: AIMessage, calls: NonNullable<AIMessage["tool_calls"]>): AIMessage {
  return new AIMessage({
    content: message.content,
    tool_calls: calls,
    response_metadata: message.response_metadata,
    id: message.id,
  });
}

/** The most tool calls one model reply may ask for; a model asking for dozens at once is looping or hostile. */
export const MAX_CALLS_PER_REPLY = 4;

/** Keeps the first few tool calls of a reply and records the rest as refused. */
export function atMostFewCalls(message: AIMessage, ctx: BankAgentContext): AIMessage {
  const calls = message.tool_calls ?? [];
  if (calls.length <= MAX_CALLS_PER_REPLY) return message;
  ctx.recorder.guardrails.push({
    type: "tool_limit",
    detail: `${calls.length} tool calls in one reply; ran ${MAX_CALLS_PER_REPLY}`,
  });
  return withCalls(message, calls.slice(0, MAX_CALLS_PER_REPLY));
}

/** Drops calls to tools the turn does not offer (a model may name one, or be told about one by injected text). */
export function withoutForeignCalls(
  message: AIMessage,
  ctx: BankAgentContext,
  allowed: ReadonlySet<string>,
): AIMessage {
  const calls = message.tool_calls ?? [];
  const kept = calls.filter((c) => allowed.has(c.name));
  if (kept.length === calls.length) return message;
  for (const c of calls.filter((x) => !allowed.has(x.name))) {
    const args = JSON.parse(redactPii(JSON.stringify(c.args ?? {}))) as Record<string, unknown>;
    ctx.recorder.toolCalls.push({
      name: c.name,
      args,
      status: "denied",
      summary: "tool not offered on this route",
      ms: 0,
    });
    ctx.recorder.guardrails.push({ type: "tool_denied", detail: `${c.name} is not available on this route` });
  }
  return withCalls(message, kept);
}

/**
 * An action on a card or payment that is not the caller's (or not clearly one of theirs) is never put to the
 * customer for approval: it becomes a look-up of what is theirs, so the model can ask which one they mean.
 */
export function ownedTargetsOnly(
  message: AIMessage,
  ctx: BankAgentContext,
  allowed: ReadonlySet<string>,
  ports: AgentPorts,
): AIMessage {
  const calls = message.tool_calls ?? [];
  let changed = false;
  const rewritten = calls.map((c) => {
    const args = c.args ?? {};
    if (c.name === "freeze_card") {
      const ref = typeof args["cardLast4"] === "string" ? args["cardLast4"] : undefined;
      const r = resolveCardForFreeze(ports.bank, ctx, ref);
      if (r.status === "ok" || !allowed.has("list_cards")) return c;
      changed = true;
      ctx.recorder.guardrails.push({ type: "ownership_denied", detail: `freeze_card: card ${r.status}` });
      return { ...c, name: "list_cards", args: {} };
    }
    if (c.name === "staff_freeze_card" && ctx.identity.kind === "staff") {
      // A staff freeze that would change nothing (no such customer, no such card, several cards and none named) is
      // never put to the staff member: it becomes a look-up of the customer's cards, so they can say which one.
      const customerId = typeof args["customerId"] === "string" ? args["customerId"] : "";
      const ref = typeof args["cardLast4"] === "string" ? args["cardLast4"] : undefined;
      const r = resolveCustomerCard(ports.bank, ctx, customerId, ref);
      if (r.status === "ok") return c;
      const lookup =
        r.status === "not_found" && !r.customerFound
          ? { name: "lookup_customer", args: { query: customerId || "?" } }
          : { name: "get_customer_overview", args: { customerId } };
      if (!allowed.has(lookup.name)) return c;
      changed = true;
      ctx.recorder.guardrails.push({ type: "ownership_denied", detail: `staff_freeze_card: card ${r.status}` });
      return { ...c, ...lookup };
    }
    if (c.name === "staff_open_dispute" && ctx.identity.kind === "staff") {
      const id = typeof args["transactionId"] === "string" ? args["transactionId"] : "";
      if (ports.bank.getTransaction(id) || !allowed.has("check_transaction_risk")) return c;
      changed = true;
      ctx.recorder.guardrails.push({ type: "ownership_denied", detail: "staff_open_dispute: no such transaction" });
      return { ...c, name: "check_transaction_risk", args: { transactionId: id } };
    }
    if (c.name === "open_dispute") {
      const tx =
        typeof args["transactionId"] === "string" ? ports.bank.getTransaction(args["transactionId"]) : undefined;
      const mine = tx && ctx.identity.kind === "customer" && tx.customerId === ctx.identity.customerId;
      if (mine || !allowed.has("get_recent_transactions")) return c;
      changed = true;
      ctx.recorder.guardrails.push({ type: "ownership_denied", detail: "open_dispute: transaction not the caller's" });
      return { ...c, name: "get_recent_transactions", args: { limit: 5 } };
    }
    return c;
  });
  return changed ? withCalls(message, rewritten) : message;
}
