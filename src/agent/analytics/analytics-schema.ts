// The response of GET /v1/staff/analytics: conversation series by day and by hour split by language, knowledge
// health and model monitoring. One schema, so the route, the CSV export and the tests agree on every field.
import { z } from "zod";
import { LocaleSchema } from "../../shared/locale.js";

const Rate = z.number().min(0).max(1).nullable();

/** One point of a conversation series: a day or an hour of the day, in one language. */
export const ConversationPointSchema = z.object({
  bucket: z.string().describe("The day (YYYY-MM-DD) or the hour of the day (00–23, UTC)."),
  locale: LocaleSchema.describe("The customer's language."),
  sessions: z.number().int().describe("Conversations that started in the bucket."),
  turns: z.number().int().describe("Customer turns in the bucket."),
  handoffs: z.number().int().describe("Conversations of the bucket handed to a person."),
  containmentRate: Rate.describe("Share of the conversations resolved without a person (no handoff ticket)."),
  handoffRate: Rate.describe("Share of the conversations handed to a person."),
  fallbackRate: Rate.describe("Share of turns where the local responder answered instead of the model."),
  rails: z.record(z.number()).describe("Per rail or guardrail key: the share of turns in which it fired."),
  thumbsUp: z.number().int().describe("Thumbs-up ratings given in the bucket."),
  thumbsDown: z.number().int().describe("Thumbs-down ratings given in the bucket."),
  csatResponses: z.number().int().describe("CSAT answers given in the bucket."),
  csatAverage: z.number().nullable().describe("Mean CSAT (1–5) of those answers."),
  latencyP50: z.number().nullable().describe("Median turn latency in milliseconds."),
  latencyP99: z.number().nullable().describe("99th percentile turn latency in milliseconds."),
});
/** One point of a conversation series. */
export type ConversationPoint = z.infer<typeof ConversationPointSchema>;

/** How often one intent was recognised, per language. */
export const IntentShareSchema = z.object({
  intent: z.string().describe("The router's intent."),
  locale: LocaleSchema.describe("The customer's language."),
  turns: z.number().int().describe("Customer messages routed to it."),
});

const DocRef = z.object({
  id: z.string().describe("The document id."),
  title: z.string().describe("Its title."),
  locale: LocaleSchema.describe("Its language."),
  day: z.string().optional().describe("The date that matters (review_by or expires)."),
});

/** Knowledge health: stale, expiring, mismatched, most and never cited documents, and open gap tasks. */
export const KnowledgeHealthSchema = z.object({
  documents: z.number().int().describe("Documents loaded."),
  pastReviewBy: z.array(DocRef).describe("Documents whose review_by day has passed."),
  expiringSoon: z.array(DocRef).describe("Documents expiring within 30 days."),
  figureMismatches: z
    .array(z.object({ path: z.string(), problem: z.string() }))
    .describe("English/Chinese counterpart problems (facts, figures and dates that differ)."),
  mostCited: z
    .array(z.object({ id: z.string(), title: z.string(), citations: z.number().int() }))
    .describe("Documents cited most often in the window."),
  neverCited: z.array(DocRef).describe("Documents not cited once in the window."),
  openTasks: z
    .array(z.object({ id: z.string(), title: z.string(), createdAt: z.string() }))
    .describe("Open knowledge-gap tasks from the Insights tab."),
});
/** Knowledge health. */
export type KnowledgeHealth = z.infer<typeof KnowledgeHealthSchema>;

const StabilitySchema = z.object({
  name: z.string().describe("The score or characteristic."),
  index: z.number().describe("PSI (score) or CSI (characteristic)."),
  band: z.enum(["stable", "investigate", "significant_shift"]).describe("< 0.10, 0.10–0.25, > 0.25."),
});

/** Model monitoring: router confidence and out-of-scope, fraud flags and precision, credit PSI and CSI. */
export const ModelMonitoringSchema = z.object({
  router: z.object({
    histogram: z
      .array(z.object({ from: z.number(), to: z.number(), en: z.number().int(), "zh-CN": z.number().int() }))
      .describe("Customer messages by the router's top confidence, in tenths, per language."),
    messages: z.number().int().describe("Customer messages routed."),
    outOfScopeRate: Rate.describe("Share judged out of scope."),
    lowConfidenceRate: Rate.describe("Share below the confidence floor."),
  }),
  fraud: z.object({
    transactions: z.number().int().describe("Transactions made in the window."),
    flagged: z.number().int().describe("Of them, flagged for review or blocked."),
    flagRate: Rate.describe("flagged / transactions."),
    confirmedFraud: z.number().int().describe("Flagged ones an analyst confirmed as fraud."),
    confirmedLegitimate: z.number().int().describe("Flagged ones an analyst found legitimate."),
    unlabelled: z.number().int().describe("Flagged ones not yet reviewed."),
    precision: Rate.describe("Analyst-confirmed precision: fraud / (fraud + legitimate)."),
  }),
  credit: z
    .object({
      scorecardVersion: z.string().describe("The live scorecard."),
      profiles: z.number().int().describe("Current customer profiles scored."),
      psi: StabilitySchema.describe("Score PSI against the development sample."),
      csi: z.array(StabilitySchema).describe("CSI per characteristic, largest first."),
    })
    .nullable()
    .describe("Credit stability; null when no scorecard or profiles are available."),
});
/** Model monitoring. */
export type ModelMonitoring = z.infer<typeof ModelMonitoringSchema>;

/** The whole analytics response. */
export const AnalyticsSchema = z.object({
  range: z.object({ from: z.string(), to: z.string(), days: z.number().int() }).describe("The window, UTC days."),
  conversations: z.object({
    railKeys: z
      .array(z.string())
      .describe("Every rail key that appears in `rails` (guardrail type or output_rail:<rail>)."),
    truncated: z.boolean().describe("True when the window held more traces than one request reads."),
    totals: z.array(ConversationPointSchema).describe("The whole window, one point per language."),
    byDay: z.array(ConversationPointSchema).describe("One point per day and language."),
    byHour: z.array(ConversationPointSchema).describe("One point per hour of the day (UTC) and language."),
    intents: z.array(IntentShareSchema).describe("Intent mix, most frequent first."),
  }),
  knowledge: KnowledgeHealthSchema,
  models: ModelMonitoringSchema,
});
/** The whole analytics response. */
export type Analytics = z.infer<typeof AnalyticsSchema>;
