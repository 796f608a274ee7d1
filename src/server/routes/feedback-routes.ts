// Customer feedback endpoint: a thumbs rating of one bot reply or a CSAT score for the conversation. Only the
// conversation's owner may post; anyone else (another customer, a wrong session key, staff) sees a missing session.
import { Router, type Request } from "express";
import { z } from "zod";
import { SessionIdSchema } from "../../agent/chat-schemas.js";
import type { ConversationStore } from "../../conversations/conversation-store.js";
import { MAX_FEEDBACK_COMMENT, type FeedbackEntry, type FeedbackStore } from "../../conversations/feedback-store.js";
import {
  ownsSession,
  SESSION_KEY_HEADER,
  SessionKeySchema,
  type SessionAccess,
} from "../../conversations/session-access.js";
import { AppError } from "../../shared/errors.js";
import { identityOf } from "../auth-middleware.js";
import { parseOrThrow } from "../validate.js";

const CommentSchema = z
  .string()
  .max(MAX_FEEDBACK_COMMENT)
  .describe("Optional words from the customer; PII is redacted before it is stored.");

/** A thumbs rating of one bot reply. */
export const RatingFeedbackSchema = z
  .object({
    sessionId: SessionIdSchema.describe("The conversation."),
    traceId: z.string().min(1).max(128).describe("The reply's traceId, as the chat response gave it."),
    rating: z.enum(["up", "down"]).describe("Whether the reply helped."),
    comment: CommentSchema.optional(),
  })
  .strict();

/** A 1–5 satisfaction score for the whole conversation. */
export const CsatFeedbackSchema = z
  .object({
    sessionId: SessionIdSchema.describe("The conversation."),
    csat: z.number().int().min(1).max(5).describe("Satisfaction from 1 (very poor) to 5 (very good)."),
    comment: CommentSchema.optional(),
  })
  .strict();

/** The body of POST /v1/feedback. */
export const FeedbackRequestSchema = z.union([RatingFeedbackSchema, CsatFeedbackSchema]);
/** The body of POST /v1/feedback. */
export type FeedbackRequest = z.infer<typeof FeedbackRequestSchema>;

/** Dependencies of the feedback route. */
export interface FeedbackRoutesDeps {
  feedback: Pick<FeedbackStore, "record">;
  store: Pick<ConversationStore, "getSession" | "getTrace">;
  /** The app's PII redactor (the one the logs use). */
  redact: (text: string) => string;
}

/** The caller and the session key it presented (X-Session-Key); a malformed key is a 400. */
function accessOf(req: Request): SessionAccess {
  const identity = identityOf(req);
  const raw = req.get(SESSION_KEY_HEADER);
  if (raw === undefined || raw === "") return { identity };
  const key = SessionKeySchema.safeParse(raw);
  if (!key.success)
    throw new AppError("validation_failed", "The X-Session-Key header is not valid.", {
      details: [{ path: "headers.x-session-key", message: key.error.issues[0]?.message ?? "is not valid" }],
    });
  return { identity, sessionKey: key.data };
}

/** Builds the feedback router. */
export function createFeedbackRoutes(deps: FeedbackRoutesDeps): Router {
  const router = Router();

  router.post("/v1/feedback", (req, res) => {
    if (!req.is("application/json")) throw new AppError("unsupported_media_type", "Send the body as application/json.");
    const body = parseOrThrow(FeedbackRequestSchema, req.body, "body");
    const access = accessOf(req);
    const session = deps.store.getSession(body.sessionId);
    // Feedback is the customer's voice: staff never post it, and someone else's session looks like a missing one.
    if (!session || access.identity.kind === "staff" || !ownsSession(session, access))
      throw new AppError("not_found", "No such conversation.");
    const comment = body.comment?.trim() ? deps.redact(body.comment.trim()) : undefined;
    const common = { sessionId: session.id, locale: session.locale, ...(comment ? { comment } : {}) };
    let entry: FeedbackEntry;
    if ("traceId" in body) {
      const trace = deps.store.getTrace(body.traceId);
      if (!trace || trace.sessionId !== session.id)
        throw new AppError("not_found", "No such reply in this conversation.");
      entry = deps.feedback.record({ ...common, kind: "rating", traceId: trace.traceId, rating: body.rating });
    } else {
      entry = deps.feedback.record({ ...common, kind: "csat", csat: body.csat });
    }
    const { sessionId: _s, ...view } = entry;
    res.status(201).json({ feedback: view });
  });

  return router;
}
