// Erases what the assistant holds about one customer — conversations, vault, traces, checkpoints and any data set
// registered as an eraser — and appends an audit record of it. Core-banking records are not the assistant's to erase.
import { z } from "zod";
import type { CheckpointStore } from "../checkpoints/checkpoint-store.js";
import { threadIdsOfSession } from "../checkpoints/thread-ids.js";
import type { ConversationLifecycle, ErasureAuditEntry } from "../../conversations/conversation-lifecycle.js";

/** A bank customer id as it appears in tokens (e.g. demo1, c000123). */
export const CustomerIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][\w.-]*$/, "must be letters, digits, '.', '_' or '-'")
  .describe("Customer id");

/** Who asked for an erasure and why; recorded in the audit log. */
export const ErasureRequestSchema = z.object({
  customerId: CustomerIdSchema,
  actor: z.string().min(1).max(128).describe("staff:<id> or cli:<user>"),
  reason: z.string().trim().min(1).max(500).describe("Why, e.g. the request reference"),
});
/** An erasure request. */
export type ErasureRequest = z.infer<typeof ErasureRequestSchema>;

/** What an erasure removed, with the id of its audit record. */
export interface ErasureReport {
  customerId: string;
  erasedAt: string;
  auditId: number;
  counts: Record<string, number>;
}

/** One more data set that holds a customer's data (e.g. feedback); runs before the conversations are deleted. */
export interface CustomerDataEraser {
  /** The key of its count in the report and the audit record. */
  readonly name: string;
  erase(scope: { customerId: string; sessionIds: readonly string[] }): number;
}

/** Erases a customer's data and lists past erasures. */
export interface CustomerErasure {
  erase(request: ErasureRequest): ErasureReport;
  history(customerId: string): ErasureAuditEntry[];
}

/** Deletes every LangGraph thread of the customer's conversations. */
export function createCheckpointEraser(checkpoints: Pick<CheckpointStore, "eraseThreads">): CustomerDataEraser {
  return {
    name: "checkpointThreads",
    erase: ({ sessionIds }) => checkpoints.eraseThreads(sessionIds.flatMap(threadIdsOfSession)),
  };
}

/**
 * Creates the erasure service. The conversations go last, in one transaction with the audit record: they are the
 * index to everything else, so a failure part-way leaves them in place and a retry finds and finishes the rest.
 */
export function createCustomerErasure(deps: {
  conversations: ConversationLifecycle;
  erasers: readonly CustomerDataEraser[];
  now: () => Date;
}): CustomerErasure {
  return {
    erase(request) {
      const { customerId, actor, reason } = ErasureRequestSchema.parse(request);
      const sessionIds = deps.conversations.sessionsOfCustomer(customerId);
      const others: Record<string, number> = {};
      for (const eraser of deps.erasers) others[eraser.name] = eraser.erase({ customerId, sessionIds });
      const at = deps.now().toISOString();
      const { entry } = deps.conversations.eraseConversations(sessionIds, {
        at,
        actor,
        customerId,
        reason,
        counts: others,
      });
      return { customerId, erasedAt: at, auditId: entry.id, counts: entry.counts };
    },
    history: (customerId) => deps.conversations.listErasures(customerId),
  };
}
