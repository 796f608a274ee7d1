// The insights service: re-clusters the badly handled turns on a timer and on demand, and turns a topic into
// reviewed training utterances for an existing intent or into a knowledge-gap draft task.
import type { ConversationStore } from "../../conversations/conversation-store.js";
import type { InsightStore, KnowledgeTask, ReviewedUtterance } from "../../conversations/insight-store.js";
import type { Logger } from "../../shared/logger.js";
import { err, ok, type Result } from "../../shared/result.js";
import { buildTopics } from "./build-topics.js";
import { collectBadTurns, type FeedbackReader } from "./collect-bad-turns.js";

/** How far back the turns are read: the trend needs two weeks, the topics a little more history. */
const WINDOW_DAYS = 30;
/** How soon after start-up the first scheduled refresh runs. */
const FIRST_RUN_DELAY_MS = 60_000;

/** What the insights service offers the routes and the composition root. */
export interface InsightService {
  /** Re-clusters now and stores the topics; returns how many topics and turns there were. */
  refresh(): { topics: number; turns: number; generatedAt: string };
  /** Starts the refresh timers (a first run a minute after start-up, then every interval; unref'd); returns their stop function. */
  schedule(intervalMs: number): () => void;
  /** Accepts a topic's utterances (or the chosen ones) for an existing intent, as one new review-queue version. */
  accept(input: {
    topicId: string;
    intent: string;
    utterances?: string[];
    reviewer: string;
  }): Result<{ version: number; utterances: ReviewedUtterance[] }, "no_topic" | "unknown_intent" | "no_utterances">;
  /** Creates a knowledge-gap draft task from a topic. */
  markGap(input: { topicId: string; title: string; createdBy: string }): Result<KnowledgeTask, "no_topic">;
}

/** Builds the insights service over the conversation store, the insight store and (optionally) the feedback. */
export function createInsightService(deps: {
  conversations: Pick<ConversationStore, "listSessions" | "listTraces">;
  insights: InsightStore;
  feedback?: FeedbackReader;
  /** Names of the intents in data/intents (acceptance only into one of these). */
  intentNames: () => readonly string[];
  scrub: (text: string) => string;
  now: () => Date;
  logger?: Logger;
}): InsightService {
  const refresh: InsightService["refresh"] = () => {
    const now = deps.now();
    const turns = collectBadTurns(
      { store: deps.conversations, scrub: deps.scrub, ...(deps.feedback ? { feedback: deps.feedback } : {}) },
      { since: new Date(now.getTime() - WINDOW_DAYS * 86_400_000) },
    );
    const topics = buildTopics(turns, { now });
    const generatedAt = now.toISOString();
    deps.insights.replaceTopics({ generatedAt, topics });
    return { topics: topics.length, turns: turns.length, generatedAt };
  };
  return {
    refresh,
    schedule(intervalMs) {
      const run = (): void => {
        try {
          const r = refresh();
          deps.logger?.info("insights refreshed", { topics: r.topics, turns: r.turns });
        } catch (error) {
          deps.logger?.warn("insights refresh failed", { error: error instanceof Error ? error.message : "unknown" });
        }
      };
      // A first run soon after start-up, so the console has topics before the first full interval.
      const first = setTimeout(run, Math.min(intervalMs, FIRST_RUN_DELAY_MS));
      const timer = setInterval(run, intervalMs);
      first.unref();
      timer.unref();
      return () => {
        clearTimeout(first);
        clearInterval(timer);
      };
    },
    accept({ topicId, intent, utterances, reviewer }) {
      const topic = deps.insights.getTopic(topicId);
      if (!topic) return err("no_topic");
      if (!deps.intentNames().includes(intent)) return err("unknown_intent");
      const chosen = utterances ? topic.utterances.filter((u) => utterances.includes(u.text)) : topic.utterances;
      if (!chosen.length) return err("no_utterances");
      return ok(deps.insights.acceptUtterances({ topicId, intent, reviewer, utterances: chosen }));
    },
    markGap({ topicId, title, createdBy }) {
      const topic = deps.insights.getTopic(topicId);
      if (!topic) return err("no_topic");
      return ok(deps.insights.createKnowledgeTask({ title, topicId, examples: topic.examples, createdBy }));
    },
  };
}
