// Response shapes of the staff API as the console reads them (see docs in /work/brief/http-api.md); kept zod-free for the bundle.

/** The parts of a turn trace (src/conversations/turn-trace.ts) the console shows; extra fields are ignored. */
export interface TurnTrace {
  traceId: string;
  turn: number;
  startedAt: string;
  identity: string;
  locale: string;
  kind: string;
  message: string;
  intent: { name: string; route: string; confidence: number; outOfScope?: boolean; lowConfidence?: boolean };
  retrieved: { docId: string; version: string; chunkId: string; score: number }[];
  toolCalls: { name: string; args: Record<string, unknown>; status: string; summary: string; ms: number }[];
  guardrails: { type: string; detail: string }[];
  provider: string;
  model: string;
  reply: string;
  pendingConfirmation?: { id: string; action: string; summary: string };
  handoffTicketId?: string;
  latencyMs: { route: number; agent: number; total: number };
}

/** A row of the conversations list. */
export interface ConversationSummary {
  id: string;
  identity: { kind: string; customerId?: string };
  locale: string;
  mode: string;
  updatedAt: string;
  lastMessage?: string;
  messageCount: number;
}

/** A stored conversation message. */
export interface ConsoleMessage {
  id: string;
  role: "user" | "assistant" | "staff" | "system";
  author?: string;
  text: string;
  createdAt: string;
}

/** A handoff ticket. */
export interface Ticket {
  id: string;
  sessionId: string;
  summary: string;
  status: string;
  staffId?: string;
  createdAt: string;
  /** True when a signed-in customer asked (the queue serves them first). */
  identified?: boolean;
}

/** Open tickets in all, as GET /v1/staff/handoffs counts them. */
export interface QueueCounts {
  waiting: number;
  with_agent: number;
  waitingIdentified?: number;
}

/** One page of GET /v1/staff/handoffs. */
export interface HandoffQueuePage {
  tickets: Ticket[];
  counts: QueueCounts;
  nextCursor?: string;
}

/** `GET /v1/staff/conversations/:id`. */
export interface ConversationDetail {
  session: { id: string; locale: string; mode: string; createdAt: string };
  messages: ConsoleMessage[];
  traces: TurnTrace[];
  ticket?: Ticket;
}

/** A reason in both languages. */
export interface Reason {
  code: string;
  text: { en: string; "zh-CN": string };
  pointsLost?: number;
}

/** A flagged transaction. */
export interface FlaggedTransaction {
  id: string;
  customerId: string;
  cardId: string;
  merchantName: string;
  amount: number;
  currency: string;
  timestamp: string;
  assessment: { probability: number; level: string; reasons: Reason[]; modelVersion: string };
  label?: string;
}

/** `GET /v1/staff/credit/:customerId`. */
export interface CreditExplanation {
  customer: { id?: string; name?: string; [key: string]: unknown };
  estimate: {
    points: number;
    grade: string;
    probabilityOfDefault: number;
    decision: string;
    reasons: Reason[];
    pointsTable: {
      feature: string;
      label: { en: string; "zh-CN": string };
      value: { en: string; "zh-CN": string };
      bin: { en: string; "zh-CN": string };
      points: number;
    }[];
    scorecardVersion: string;
  };
}
