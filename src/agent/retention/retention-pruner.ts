// Enforces the retention periods: deletes idle conversations whole, old traces, and the agent's working memory
// (checkpoints, vault, waiting action) of idle conversations, in small batches that yield to live traffic.
import { z } from "zod";
import type { CheckpointStore } from "../checkpoints/checkpoint-store.js";
import { sessionIdOfThread, threadIdsOfSession } from "../checkpoints/thread-ids.js";
import type { ConversationCounts, ConversationLifecycle } from "../../conversations/conversation-lifecycle.js";

/** How long each kind of conversation data is kept after the conversation's last activity (traces: after the turn). */
export const RetentionPolicySchema = z.object({
  transcriptDays: z.number().int().min(1).describe("Days a whole conversation is kept after its last activity"),
  traceDays: z.number().int().min(1).describe("Days a turn trace is kept"),
  checkpointDays: z.number().int().min(1).describe("Days the agent's working memory is kept after the last activity"),
});
/** Retention periods in days. */
export type RetentionPolicy = z.infer<typeof RetentionPolicySchema>;

/** The instants before which each kind of data is past its retention period. */
export interface RetentionCutoffs {
  transcript: Date;
  trace: Date;
  workingMemory: Date;
}

/** Another data set under retention (e.g. the ledger of approval decisions); returns how many records it deleted. */
export interface RetainedDataSet {
  readonly name: string;
  prune(cutoffs: RetentionCutoffs): number;
}

/** What one prune run deleted. */
export interface PruneReport {
  conversations: ConversationCounts;
  traces: number;
  checkpointThreads: number;
  workingMemory: { sessions: number; vaultEntries: number };
  orphans: { checkpointThreads: number; traces: number; vaultEntries: number };
  other: Record<string, number>;
  ms: number;
}

/** A report of a prune that deleted nothing, the start of every run's counts. */
export function emptyPruneReport(): PruneReport {
  return {
    conversations: { sessions: 0, messages: 0, tickets: 0, traces: 0, vaultEntries: 0 },
    traces: 0,
    checkpointThreads: 0,
    workingMemory: { sessions: 0, vaultEntries: 0 },
    orphans: { checkpointThreads: 0, traces: 0, vaultEntries: 0 },
    other: {},
    ms: 0,
  };
}

/** Runs prunes on demand. */
export interface RetentionPruner {
  /** Deletes everything past its retention period; `shouldStop` is asked between batches (shutdown). */
  prune(options?: { shouldStop?: () => boolean }): Promise<PruneReport>;
}

const DAY_MS = 86_400_000;
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Creates the pruner over the conversation and checkpoint stores. */
export function createRetentionPruner(deps: {
  conversations: ConversationLifecycle;
  checkpoints: Pick<CheckpointStore, "deleteThreads" | "listThreadIds" | "idleThreadIds">;
  policy: RetentionPolicy;
  now: () => Date;
  batchSize?: number;
  otherSets?: readonly RetainedDataSet[];
}): RetentionPruner {
  const batch = deps.batchSize ?? 100;
  const { conversations, checkpoints } = deps;
  return {
    async prune(options = {}) {
      const started = performance.now();
      const stop = options.shouldStop ?? (() => false);
      const now = deps.now().getTime();
      const cutoff = (days: number): Date => new Date(now - days * DAY_MS);
      const cutoffs: RetentionCutoffs = {
        transcript: cutoff(deps.policy.transcriptDays),
        trace: cutoff(deps.policy.traceDays),
        workingMemory: cutoff(deps.policy.checkpointDays),
      };
      const transcriptCutoff = cutoffs.transcript.toISOString();
      const memoryCutoff = cutoffs.workingMemory;
      const report = emptyPruneReport();

      // Whole conversations: the transcript first (re-checked in its transaction), then the threads of what went.
      for (
        let ids = conversations.idleSessions(transcriptCutoff, batch);
        ids.length && !stop();
        ids = conversations.idleSessions(transcriptCutoff, batch)
      ) {
        const { deleted, counts } = conversations.deleteIdleConversations(ids, transcriptCutoff);
        for (const k of Object.keys(counts) as (keyof ConversationCounts)[]) report.conversations[k] += counts[k];
        report.checkpointThreads += checkpoints.deleteThreads(deleted.flatMap(threadIdsOfSession));
        if (deleted.length === 0) break;
        await yieldToEventLoop();
      }

      for (let n = batch; n === batch && !stop();) {
        n = conversations.deleteOldTraces(cutoffs.trace.toISOString(), batch);
        report.traces += n;
        await yieldToEventLoop();
      }

      // Working memory: idle threads of idle, unprotected (or vanished) conversations, then their vault and waiting action.
      for (
        let after = "", page = checkpoints.idleThreadIds(memoryCutoff, after, batch);
        page.length && !stop();
        page = checkpoints.idleThreadIds(memoryCutoff, after, batch)
      ) {
        after = page[page.length - 1] ?? after;
        const sessions = [...new Set(page.map(sessionIdOfThread))];
        const idle = conversations.idleAmong(sessions, memoryCutoff.toISOString());
        const existing = conversations.existingSessions(sessions);
        report.checkpointThreads += checkpoints.deleteThreads(
          page.filter((t) => idle.has(sessionIdOfThread(t)) || !existing.has(sessionIdOfThread(t))),
        );
        await yieldToEventLoop();
      }
      for (
        let ids = conversations.sessionsWithIdleWorkingMemory(memoryCutoff.toISOString(), batch);
        ids.length && !stop();
        ids = conversations.sessionsWithIdleWorkingMemory(memoryCutoff.toISOString(), batch)
      ) {
        report.checkpointThreads += checkpoints.deleteThreads(ids.flatMap(threadIdsOfSession));
        report.workingMemory.vaultEntries += conversations.dropWorkingMemory(ids);
        report.workingMemory.sessions += ids.length;
        await yieldToEventLoop();
      }

      // Leftovers of a turn that raced an erasure or a prune: threads, traces and vault rows without a conversation.
      for (
        let after = "", page = checkpoints.listThreadIds(after, batch);
        page.length && !stop();
        page = checkpoints.listThreadIds(after, batch)
      ) {
        after = page[page.length - 1] ?? after;
        const existing = conversations.existingSessions([...new Set(page.map(sessionIdOfThread))]);
        report.orphans.checkpointThreads += checkpoints.deleteThreads(
          page.filter((t) => !existing.has(sessionIdOfThread(t))),
        );
        await yieldToEventLoop();
      }
      if (!stop()) {
        const orphans = conversations.deleteOrphans();
        report.orphans.traces = orphans.traces;
        report.orphans.vaultEntries = orphans.vaultEntries;
      }
      for (const set of deps.otherSets ?? []) if (!stop()) report.other[set.name] = set.prune(cutoffs);
      report.ms = Math.round(performance.now() - started);
      return report;
    },
  };
}
