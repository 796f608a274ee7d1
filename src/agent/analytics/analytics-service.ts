// Assembles the analytics dashboard from its sources: a bounded read of the window's traces and feedback, the
// knowledge folder, the insight tasks, the bank's fraud counts and the credit scorecard with the customer profiles.
import type { ConversationStore } from "../../conversations/conversation-store.js";
import type { FeedbackStore } from "../../conversations/feedback-store.js";
import type { InsightStore } from "../../conversations/insight-store.js";
import type { KnowledgeDocument } from "../../knowledge/knowledge-schemas.js";
import type { Scorecard } from "../../scoring/credit/scorecard-artefact.js";
import type { Analytics } from "./analytics-schema.js";
import { resolveAnalyticsRange, type AnalyticsQuery } from "./analytics-range.js";
import { buildConversationSeries } from "./conversation-series.js";
import { buildKnowledgeHealth } from "./knowledge-health.js";
import {
  buildCreditMonitoring,
  buildFraudMonitoring,
  buildRouterMonitoring,
  type FraudWindowCounts,
} from "./model-monitoring.js";

/** The most traces one analytics request reads. */
export const MAX_ANALYTICS_TRACES = 50_000;
/** The most feedback entries one analytics request reads. */
export const MAX_ANALYTICS_FEEDBACK = 5_000;
/** The most customer profiles the credit stability reads. */
export const MAX_CREDIT_PROFILES = 20_000;

/** What the analytics service reads; the feedback and insight stores are optional (absent, nothing is counted). */
export interface AnalyticsDeps {
  traces: Pick<ConversationStore, "listTracesBetween">;
  feedback?: Pick<FeedbackStore, "list">;
  insights?: Pick<InsightStore, "listKnowledgeTasks">;
  /** The knowledge documents as they are on disk now. */
  documents: () => Promise<readonly KnowledgeDocument[]>;
  fraud: { countFraudWindow(fromIso: string, toIso: string): FraudWindowCounts };
  /** The live scorecard and up to `limit` customer credit profiles; absent, credit stability is null. */
  credit?: { scorecard: () => Scorecard; profiles: (limit: number) => unknown[] };
  /** Today's UTC day (YYYY-MM-DD): the default window ends on it. */
  today: () => string;
  /** The day document review and expiry dates are judged against (default: today). */
  knowledgeToday?: () => string;
  maxTraces?: number;
}

/** The analytics service: the dashboard for a window, or why the window is refused. */
export interface AnalyticsService {
  report(query: AnalyticsQuery): Promise<{ ok: true; value: Analytics } | { ok: false; error: string }>;
}

/** Creates the analytics service over its sources. */
export function createAnalyticsService(deps: AnalyticsDeps): AnalyticsService {
  const maxTraces = deps.maxTraces ?? MAX_ANALYTICS_TRACES;
  return {
    async report(query) {
      const today = deps.today();
      const range = resolveAnalyticsRange(query, today);
      if (!range.ok) return range;
      const { fromIso, toIso, days, from, to } = range.value;
      const read = deps.traces.listTracesBetween(fromIso, toIso, maxTraces + 1);
      const traces = read.slice(0, maxTraces);
      const feedback = deps.feedback?.list({ from: fromIso, to: toIso, limit: MAX_ANALYTICS_FEEDBACK }) ?? [];
      const documents = await deps.documents();
      const openTasks = deps.insights?.listKnowledgeTasks("open") ?? [];
      const credit = deps.credit
        ? buildCreditMonitoring(deps.credit.scorecard(), deps.credit.profiles(MAX_CREDIT_PROFILES))
        : null;
      return {
        ok: true,
        value: {
          range: { from, to, days: days.length },
          conversations: buildConversationSeries({ days, traces, feedback, truncated: read.length > maxTraces }),
          knowledge: buildKnowledgeHealth({ documents, traces, openTasks, today: deps.knowledgeToday?.() ?? today }),
          models: {
            router: buildRouterMonitoring(traces),
            fraud: buildFraudMonitoring(deps.fraud.countFraudWindow(fromIso, toIso)),
            credit,
          },
        },
      };
    },
  };
}
