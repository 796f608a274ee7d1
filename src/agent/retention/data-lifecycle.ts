// Assembles retention and erasure for the composition root: the erasure service with its erasers, the pruner, and
// the prune schedule in the one process that runs it.
import type { Logger } from "../../shared/logger.js";
import type { ConfirmationLedger } from "../confirmation-ledger.js";
import type { CheckpointStore } from "../checkpoints/checkpoint-store.js";
import type { ConversationLifecycle } from "../../conversations/conversation-lifecycle.js";
import {
  createCheckpointEraser,
  createCustomerErasure,
  type CustomerDataEraser,
  type CustomerErasure,
} from "./customer-erasure.js";
import {
  createRetentionPruner,
  type RetainedDataSet,
  type RetentionPolicy,
  type RetentionPruner,
} from "./retention-pruner.js";
import { startRetentionSchedule, type RetentionSchedule } from "./retention-schedule.js";

/** Retention and erasure, wired. */
export interface DataLifecycle {
  erasure: CustomerErasure;
  pruner: RetentionPruner;
  /** Present in the process that prunes on a timer. */
  schedule?: RetentionSchedule;
  /** Stops the schedule, waiting for a batch in progress. */
  stop(): Promise<void>;
}

/** Wires erasure (checkpoints and `extraErasers`, then the conversations) and the pruner; `schedule` starts the timer. */
export function createDataLifecycle(deps: {
  conversations: ConversationLifecycle;
  checkpoints: CheckpointStore;
  policy: RetentionPolicy;
  pruneIntervalMs: number;
  now: () => Date;
  logger: Logger;
  schedule: boolean;
  /** The approval decisions taken in each conversation: erased with it, kept as long as working memory. */
  confirmations?: Pick<ConfirmationLedger, "deleteSession" | "pruneBefore">;
  /** Other data sets holding a customer's data, erased before the conversations (e.g. feedback). */
  extraErasers?: readonly CustomerDataEraser[];
  /** Other data sets under retention. */
  otherRetained?: readonly RetainedDataSet[];
}): DataLifecycle {
  const ledger = deps.confirmations;
  const erasers: CustomerDataEraser[] = [createCheckpointEraser(deps.checkpoints), ...(deps.extraErasers ?? [])];
  const retained: RetainedDataSet[] = [...(deps.otherRetained ?? [])];
  if (ledger) {
    erasers.push({
      name: "confirmations",
      erase: ({ sessionIds }) => sessionIds.reduce((n, id) => n + ledger.deleteSession(id), 0),
    });
    retained.push({ name: "confirmations", prune: (cutoffs) => ledger.pruneBefore(cutoffs.workingMemory.getTime()) });
  }
  const erasure = createCustomerErasure({ conversations: deps.conversations, erasers, now: deps.now });
  const pruner = createRetentionPruner({
    conversations: deps.conversations,
    checkpoints: deps.checkpoints,
    policy: deps.policy,
    now: deps.now,
    otherSets: retained,
  });
  const schedule = deps.schedule
    ? startRetentionSchedule({ pruner, intervalMs: deps.pruneIntervalMs, logger: deps.logger })
    : undefined;
  return {
    erasure,
    pruner,
    ...(schedule ? { schedule } : {}),
    stop: async () => schedule?.stop(),
  };
}
