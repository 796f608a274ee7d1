// The analytics response as the console reads it (the server's zod schema lives in the agent layer, which the
// browser bundle may not import): only the fields the Analytics tab draws.

/** The two customer languages. */
export type AnalyticsLocale = "en" | "zh-CN";

/** One point of a conversation series. */
export interface ConversationPoint {
  bucket: string;
  locale: AnalyticsLocale;
  sessions: number;
  turns: number;
  handoffs: number;
  containmentRate: number | null;
  handoffRate: number | null;
  fallbackRate: number | null;
  rails: Record<string, number>;
  thumbsUp: number;
  thumbsDown: number;
  csatResponses: number;
  csatAverage: number | null;
  latencyP50: number | null;
  latencyP99: number | null;
}

interface DocRef {
  id: string;
  title: string;
  locale: AnalyticsLocale;
  day?: string;
}

type Band = "stable" | "investigate" | "significant_shift";

/** GET /v1/staff/analytics. */
export interface AnalyticsReport {
  range: { from: string; to: string; days: number };
  conversations: {
    railKeys: string[];
    truncated: boolean;
    totals: ConversationPoint[];
    byDay: ConversationPoint[];
    byHour: ConversationPoint[];
    intents: { intent: string; locale: AnalyticsLocale; turns: number }[];
  };
  knowledge: {
    documents: number;
    pastReviewBy: DocRef[];
    expiringSoon: DocRef[];
    figureMismatches: { path: string; problem: string }[];
    mostCited: { id: string; title: string; citations: number }[];
    neverCited: DocRef[];
    openTasks: { id: string; title: string; createdAt: string }[];
  };
  models: {
    router: {
      histogram: { from: number; to: number; en: number; "zh-CN": number }[];
      messages: number;
      outOfScopeRate: number | null;
      lowConfidenceRate: number | null;
    };
    fraud: {
      transactions: number;
      flagged: number;
      flagRate: number | null;
      confirmedFraud: number;
      confirmedLegitimate: number;
      unlabelled: number;
      precision: number | null;
    };
    credit: {
      scorecardVersion: string;
      profiles: number;
      psi: { name: string; index: number; band: Band };
      csi: { name: string; index: number; band: Band }[];
    } | null;
  };
}
