// Shapes the widget exchanges with the chat API (mirrors src/agent/chat-schemas.ts without pulling zod into the bundle).

/** A source the answer was built from. */
export interface WidgetCitation {
  docId: string;
  title: string;
  version: string;
}

/** A pending action awaiting the customer's approval. */
export interface WidgetConfirmation {
  id: string;
  action: string;
  summary: string;
}

/** The handoff state of a conversation. */
export interface WidgetHandoff {
  ticketId: string;
  status?: "waiting" | "with_agent" | "closed";
}

/** A conversation as the widget holds it: the id, and the secret key that proves an anonymous visitor owns it. */
export interface WidgetSession {
  sessionId: string;
  sessionKey?: string;
}

/** The `done` event / JSON reply of a chat turn (`sessionKey` only on the first turn of an anonymous conversation). */
export interface WidgetChatResponse {
  sessionId: string;
  sessionKey?: string;
  /** The turn's trace, which a thumbs rating names. */
  traceId?: string;
  reply: { text: string; citations: WidgetCitation[]; quickReplies?: string[] };
  pendingConfirmation?: WidgetConfirmation;
  handoff?: WidgetHandoff;
}

/** A message as the widget renders and persists it. */
export interface WidgetMessage {
  id: string;
  role: "user" | "assistant" | "staff" | "system";
  text: string;
  author?: string;
  citations?: WidgetCitation[];
  confirmation?: WidgetConfirmation & { outcome?: "approve" | "reject" };
  /** A bot reply's trace, so the customer can rate it. */
  traceId?: string;
  /** The customer's thumbs on this reply, and whether a comment went with a thumbs-down. */
  rating?: "up" | "down";
  commented?: boolean;
}

/** Feedback as POST /v1/feedback takes it: a thumbs rating of one reply, or CSAT for the conversation. */
export type WidgetFeedback = WidgetSession & { comment?: string } & (
    { traceId: string; rating: "up" | "down" } | { csat: number }
  );

/** A message pushed live on `GET /v1/sessions/:id/events`. */
export interface LiveMessage {
  id: string | number;
  role: WidgetMessage["role"];
  author?: string;
  text: string;
}
