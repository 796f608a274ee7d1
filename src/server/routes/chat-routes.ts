// Customer chat endpoints: a turn (JSON or SSE), a confirmation decision, a session's history, a stream ticket and
// the session's live events. Anonymous visitors prove ownership with the session key header on every call.
import { Router, type Request, type RequestHandler, type Response } from "express";
import { z } from "zod";
import {
  createChatRequestSchema,
  ConfirmRequestSchema,
  SessionIdSchema,
  type ChatEvent,
  type ChatResponse,
  type StreamTicket,
} from "../../agent/chat-schemas.js";
import type { ChatService } from "../../agent/chat-service.js";
import type { ConversationEvent, ConversationEvents } from "../../conversations/conversation-events.js";
import type { ConversationStore } from "../../conversations/conversation-store.js";
import { SESSION_KEY_HEADER, SessionKeySchema, type SessionAccess } from "../../conversations/session-access.js";
import { StreamTicketTextSchema, type StreamTickets } from "../../conversations/stream-tickets.js";
import { AppError, ERROR_EXPOSED, ERROR_STATUS } from "../../shared/errors.js";
import type { Logger } from "../../shared/logger.js";
import { identityOf } from "../auth-middleware.js";
import { classify } from "../error-handler.js";
import { openSse, wantsEventStream, type SseRefusal, type SseRegistry } from "../sse.js";
import { parseOrThrow } from "../validate.js";

/** Dependencies of the chat routes. */
export interface ChatRoutesDeps {
  chat: ChatService;
  store: ConversationStore;
  events: ConversationEvents;
  streamTickets: StreamTickets;
  sseRegistry: SseRegistry;
  logger: Logger;
  maxMessageChars: number;
  /** A live stream is closed after this long; the client reconnects with a fresh ticket (default 30 minutes). */
  maxStreamMs?: number;
}

const EventsQuerySchema = z
  .object({
    ticket: StreamTicketTextSchema.optional(),
    after: z.coerce
      .number()
      .int()
      .min(0)
      .max(Number.MAX_SAFE_INTEGER)
      .optional()
      .describe("Replay staff messages after this message id."),
  })
  .passthrough();

// Message ids are positive integers: digits only, and no longer than the largest safe integer.
const LastEventIdSchema = z
  .string()
  .regex(/^\d{1,16}$/, "must be a message id (digits only)")
  .transform(Number)
  .refine((n) => Number.isSafeInteger(n), "is too large");

// How often a live stream reads the store for events it may not have heard: every second when events stay in one
// process; rarely when every instance shares them, only to recover events pub/sub dropped.
const LOCAL_EVENTS_POLL_MS = 1000;
const SHARED_EVENTS_SWEEP_MS = 15_000;

/** The last message id the client has: the larger of Last-Event-ID (sent on reconnect) and `after`; malformed is a 400. */
function resumePointOf(req: Request, after: number | undefined): number | undefined {
  const raw = req.get("last-event-id");
  if (raw === undefined || raw === "") return after;
  const parsed = LastEventIdSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError("validation_failed", "The Last-Event-ID header is not valid.", {
      details: [{ path: "headers.last-event-id", message: parsed.error.issues[0]?.message ?? "is not valid" }],
    });
  }
  return Math.max(parsed.data, after ?? 0);
}

const SSE_REFUSALS: Record<SseRefusal, string> = {
  identity_limit: "Too many live connections for this conversation's owner. Close another tab and try again.",
  ip_limit: "Too many live connections from this address. Please try again later.",
  total_limit: "The service is busy. Please try again in a moment.",
};

/** Refuses bearer tokens in URLs (they end up in logs, histories and Referer headers); headers only. */
export const refuseTokensInUrl: RequestHandler = (req, _res, next) => {
  if (req.query["access_token"] !== undefined) {
    next(
      new AppError(
        "bad_request",
        "Send the access token in the Authorization header, never in the URL. Live events take a stream ticket.",
      ),
    );
    return;
  }
  next();
};

/** The caller and the session key it presented (X-Session-Key); a malformed key is a 400. */
function accessOf(req: Request): SessionAccess {
  const identity = identityOf(req);
  const raw = req.get(SESSION_KEY_HEADER);
  if (raw === undefined || raw === "") return { identity };
  const key = SessionKeySchema.safeParse(raw);
  if (!key.success) {
    throw new AppError("validation_failed", "The X-Session-Key header is not valid.", {
      details: [{ path: "headers.x-session-key", message: key.error.issues[0]?.message ?? "is not valid" }],
    });
  }
  return { identity, sessionKey: key.data };
}

function requireJson(req: Request): void {
  if (!req.is("application/json")) throw new AppError("unsupported_media_type", "Send the body as application/json.");
}

async function respond(
  req: Request,
  res: Response,
  logger: Logger,
  run: (emit?: (e: ChatEvent) => void) => Promise<ChatResponse>,
): Promise<void> {
  if (!wantsEventStream(req.get("accept"))) {
    res.json(await run());
    return;
  }
  const sse = openSse(res);
  try {
    await run((e) => sse.send(e.type, e.data));
  } catch (error) {
    const appError = classify(error);
    if (ERROR_STATUS[appError.code] >= 500)
      logger.error("chat stream failed", { code: appError.code, error: appError.cause ?? appError });
    sse.send("error", {
      code: appError.code,
      message: ERROR_EXPOSED[appError.code] ? appError.message : "Something went wrong on our side. Please try again.",
    });
  }
  sse.close();
}

/** Builds the chat router. */
export function createChatRoutes(deps: ChatRoutesDeps): Router {
  const router = Router();
  const ChatRequestSchema = createChatRequestSchema(deps.maxMessageChars);

  router.post("/v1/chat", async (req, res) => {
    requireJson(req);
    const body = parseOrThrow(ChatRequestSchema, req.body, "body");
    const access = accessOf(req);
    await respond(req, res, deps.logger, (emit) =>
      deps.chat.handleMessage(
        {
          ...access,
          message: body.message,
          ...(body.sessionId ? { sessionId: body.sessionId } : {}),
          ...(body.locale ? { locale: body.locale } : {}),
        },
        emit,
      ),
    );
  });

  router.post("/v1/chat/confirm", async (req, res) => {
    requireJson(req);
    const body = parseOrThrow(ConfirmRequestSchema, req.body, "body");
    const access = accessOf(req);
    await respond(req, res, deps.logger, (emit) => deps.chat.handleConfirmation({ ...access, ...body }, emit));
  });

  router.get("/v1/sessions/:id", (req, res) => {
    const id = parseOrThrow(SessionIdSchema, req.params["id"], "params");
    const session = deps.chat.readableSession(accessOf(req), id);
    const ticket = session.state.ticketId ? deps.store.getTicket(session.state.ticketId) : undefined;
    res.json({
      session: { id: session.id, locale: session.locale, mode: session.mode, createdAt: session.createdAt },
      messages: deps.store.listMessages(session.id).map(({ traceId: _t, ...m }) => m),
      ...(ticket ? { handoff: { ticketId: ticket.id, status: ticket.status } } : {}),
      ...(session.state.pending
        ? {
            pendingConfirmation: {
              id: session.state.pending.id,
              action: session.state.pending.action,
              summary: session.state.pending.summary,
            },
          }
        : {}),
    });
  });

  router.post("/v1/sessions/:id/stream-ticket", (req, res) => {
    const id = parseOrThrow(SessionIdSchema, req.params["id"], "params");
    const access = accessOf(req);
    const session = deps.chat.readableSession(access, id);
    // Staff streams count against the member of staff; everyone else's against the session's owner.
    const holder = access.identity.kind === "staff" ? `staff:${access.identity.staffId}` : session.owner;
    const issued = deps.streamTickets.issue({ sessionId: session.id, holder });
    if (!issued.ok) throw new AppError("rate_limited", "Too many unused stream tickets. Use or let one expire first.");
    res.setHeader("Cache-Control", "no-store");
    const body: StreamTicket = issued.value;
    res.json(body);
  });

  router.get("/v1/sessions/:id/events", (req, res) => {
    const id = parseOrThrow(SessionIdSchema, req.params["id"], "params");
    const query = parseOrThrow(EventsQuerySchema, req.query, "query");
    // Checked before the ticket is redeemed, so a malformed header does not use up the single-use ticket.
    const resumeAfter = resumePointOf(req, query.after);
    if (!query.ticket)
      throw new AppError(
        "unauthenticated",
        "Open live events with a ticket from POST /v1/sessions/{id}/stream-ticket.",
      );
    const grant = deps.streamTickets.redeem(query.ticket, id);
    if (!grant.ok)
      throw new AppError("unauthenticated", "The stream ticket is not valid, was already used or has expired.");
    if (!deps.store.getSession(id)) throw new AppError("not_found", "No such conversation.");
    const anonymous = grant.value.holder.startsWith("anonymous:");
    const slot = deps.sseRegistry.acquire({
      identity: grant.value.holder,
      ...(anonymous ? { anonymousIp: req.ip ?? "unknown" } : {}),
    });
    if (!slot.ok) {
      res.setHeader("Retry-After", "10");
      throw new AppError("rate_limited", SSE_REFUSALS[slot.error]);
    }
    const release = slot.value;
    const sse = openSse(res, { pingMs: 15_000 });
    // Message ids make each delivery happen once, whichever path (store or live event) brings it first. A client
    // that names the last message it has (Last-Event-ID, or `after`) first gets every later one from the store, so
    // a reconnect to any instance loses nothing in between; otherwise the stream starts at the newest message.
    let lastId = resumeAfter ?? deps.store.listMessages(id).reduce((max, m) => Math.max(max, m.id), 0);
    let lastTicket = "";
    const deliver = (e: ConversationEvent): void => {
      if (e.type === "message") {
        if (e.data.id <= lastId) return;
        lastId = e.data.id;
        sse.send(e.type, e.data, e.data.id);
        return;
      }
      const key = `${e.data.ticketId}:${e.data.status}`;
      if (key === lastTicket) return;
      lastTicket = key;
      sse.send(e.type, e.data);
    };
    // The stream carries what staff and the service write (the customer's own turns come back in their responses).
    const catchUp = (): void => {
      try {
        for (const m of deps.store.listMessages(id, lastId)) {
          if (m.role === "staff" || m.role === "system")
            deliver({
              type: "message",
              data: {
                id: m.id,
                role: m.role,
                text: m.text,
                createdAt: m.createdAt,
                ...(m.author ? { author: m.author } : {}),
              },
            });
          else lastId = Math.max(lastId, m.id);
        }
        const current = deps.store.getSession(id);
        const ticket = current?.state.ticketId ? deps.store.getTicket(current.state.ticketId) : undefined;
        if (ticket) deliver({ type: "handoff", data: { ticketId: ticket.id, status: ticket.status } });
      } catch (error) {
        // The store is unavailable (locked, closing): end the stream; the client reconnects with a new ticket.
        deps.logger.warn("live events poll failed", { sessionId: id, error });
        sse.close();
      }
    };
    const unsubscribe = deps.events.subscribe(id, deliver);
    // An in-process bus only hears this process, so the store is polled every second for what other workers wrote.
    // A shared bus (Redis) hears every instance; its pub/sub is at-most-once, though (an event published while the
    // subscriber reconnects, or before its SUBSCRIBE lands, is never seen), so a slow sweep bounds that delay.
    const sweep = setInterval(catchUp, deps.events.crossInstance ? SHARED_EVENTS_SWEEP_MS : LOCAL_EVENTS_POLL_MS);
    // Authority is checked when a stream opens, so no stream outlives it for long: the client reconnects with a new ticket.
    const lifetime = setTimeout(() => sse.close(), deps.maxStreamMs ?? 30 * 60_000);
    res.on("close", () => {
      unsubscribe();
      clearInterval(sweep);
      clearTimeout(lifetime);
      release();
    });
    // Synchronous, right after subscribing: no live event can run in between, so the replay comes first and in order.
    catchUp();
  });

  return router;
}
