// The chat API contract: request, response and streamed events. The OpenAPI document is generated from these.
import { z } from "zod";
import { RouteSchema } from "../router/intent-catalogue.js";
import { LocaleSchema } from "../shared/locale.js";

/** A session id as clients send it back. */
export const SessionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "must be 8–64 letters, digits, _ or -");

/** Builds the chat request schema with the configured message length limit. */
export function createChatRequestSchema(maxChars: number) {
  return z
    .object({
      sessionId: SessionIdSchema.optional().describe(
        "Continue this conversation (an id the server returned; anonymous visitors also send its key in X-Session-Key). Omit to start a new one.",
      ),
      message: z
        .string({ required_error: "is required" })
        .trim()
        .min(1, "must not be empty")
        .max(maxChars, `must be at most ${maxChars} characters`)
        .describe("The customer's message."),
      locale: LocaleSchema.optional().describe("Reply language; detected from the message when omitted."),
    })
    .strict();
}

/** A source the answer is built from. */
export const CitationSchema = z.object({ docId: z.string(), title: z.string(), version: z.string() });
/** A citation. */
export type Citation = z.infer<typeof CitationSchema>;

/** The outcome of one tool call, as the client sees it. */
export const ToolCallStatusSchema = z.enum(["ok", "failed", "denied", "awaiting_confirmation", "rejected"]);

/** The JSON reply of `POST /v1/chat` (also the `done` event's data). */
export const ChatResponseSchema = z.object({
  sessionId: z.string(),
  sessionKey: z
    .string()
    .optional()
    .describe(
      "Only on the first turn of an anonymous conversation: the secret to send as X-Session-Key on every later call. Shown once.",
    ),
  reply: z.object({
    text: z.string(),
    citations: z.array(CitationSchema),
    quickReplies: z.array(z.string()).optional(),
  }),
  intent: z.object({ name: z.string(), route: RouteSchema, confidence: z.number() }),
  toolCalls: z.array(z.object({ name: z.string(), status: ToolCallStatusSchema })),
  pendingConfirmation: z.object({ id: z.string(), action: z.string(), summary: z.string() }).optional(),
  handoff: z
    .object({ ticketId: z.string(), status: z.enum(["waiting", "with_agent", "closed"]).optional() })
    .optional(),
  traceId: z.string(),
  replayed: z
    .boolean()
    .optional()
    .describe(
      "True when this decision had already been taken: the first decision's reply, sent again; nothing ran twice.",
    ),
});
/** A chat reply. */
export type ChatResponse = z.infer<typeof ChatResponseSchema>;

/** `POST /v1/chat/confirm` body. */
export const ConfirmRequestSchema = z
  .object({
    sessionId: SessionIdSchema,
    confirmationId: z.string().min(1).max(100),
    decision: z.enum(["approve", "reject"]),
  })
  .strict();
/** A confirmation decision. */
export type ConfirmRequest = z.infer<typeof ConfirmRequestSchema>;

/** `POST /v1/sessions/:id/stream-ticket` reply: a single-use ticket for `GET /v1/sessions/:id/events?ticket=…`. */
export const StreamTicketSchema = z.object({
  ticket: z.string().describe("Opaque, single-use; opens only this session's event stream, for the caller that asked."),
  expiresInSeconds: z.number().int().describe("The ticket must be used within this many seconds."),
});
/** A stream ticket. */
export type StreamTicket = z.infer<typeof StreamTicketSchema>;

/** Events streamed over SSE while a turn runs (`session` comes first, and only when the turn started a new session). */
export type ChatEvent =
  | { type: "session"; data: { sessionId: string; sessionKey?: string } }
  | { type: "intent"; data: ChatResponse["intent"] }
  | {
      type: "tool";
      data: { name: string; phase: "start" | "end"; label: string; status?: z.infer<typeof ToolCallStatusSchema> };
    }
  | { type: "token"; data: { text: string } }
  | { type: "citations"; data: Citation[] }
  | { type: "confirmation"; data: NonNullable<ChatResponse["pendingConfirmation"]> }
  | { type: "done"; data: ChatResponse };
