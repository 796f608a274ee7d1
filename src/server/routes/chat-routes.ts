// Customer chat endpoints: a turn (JSON or SSE), a confirmation decision, a session's history and its live events.
import { Router, type Request, type Response } from "express";
import { identityKey, type Identity } from "../../auth/identity.js";
import type { TokenService } from "../../auth/tokens.js";
import { createChatRequestSchema, ConfirmRequestSchema, SessionIdSchema, type ChatEvent, type ChatResponse } from "../../agent/chat-schemas.js";
import type { ChatService } from "../../agent/chat-service.js";
import type { ConversationEvent, ConversationEvents } from "../../agent/conversation-events.js";
import type { ConversationStore, Session } from "../../agent/conversation-store.js";
import { AppError, ERROR_EXPOSED, ERROR_STATUS } from "../../shared/errors.js";
import type { Logger } from "../../shared/logger.js";
import { identityOf } from "../auth-middleware.js";
import { openSse, wantsEventStream } from "../sse.js";
import { parseOrThrow } from "../validate.js";

/** Dependencies of the chat routes. */
export interface ChatRoutesDeps {
  chat: ChatService;
  store: ConversationStore;
  events: ConversationEvents;
  tokens: TokenService;
  logger: Logger;
  maxMessageChars: number;
}

function requireJson(req: Request): void {
  if (!req.is("application/json")) throw new AppError("unsupported_media_type", "Send the body as application/json.");
}

async function respond(req: Request, res: Response, logger: Logger, run: (emit?: (e: ChatEvent) => void) => Promise<ChatResponse>): Promise<void> {
  if (!wantsEventStream(req.get("accept"))) {
    res.json(await run());
    return;
  }
  const sse = openSse(res);
  try {
    await run((e) => sse.send(e.type, e.data));
  } catch (error) {
    const appError = error instanceof AppError ? error : new AppError("internal", "Something went wrong on our side.", { cause: error });
    if (ERROR_STATUS[appError.code] >= 500) logger.error("chat stream failed", { code: appError.code, error: appError.cause ?? appError });
    sse.send("error", { code: appError.code, message: ERROR_EXPOSED[appError.code] ? appError.message : "Something went wrong on our side. Please try again." });
  }
  sse.close();
}

function canRead(identity: Identity, session: Session): boolean {
  return identity.kind === "staff" || session.owner === identityKey(identity);
}

/** Builds the chat router. */
export function createChatRoutes(deps: ChatRoutesDeps): Router {
  const router = Router();
  const ChatRequestSchema = createChatRequestSchema(deps.maxMessageChars);

  router.post("/v1/chat", async (req, res) => {
    requireJson(req);
    const body = parseOrThrow(ChatRequestSchema, req.body, "body");
    const identity = identityOf(req);
    await respond(req, res, deps.logger, (emit) => deps.chat.handleMessage({ identity, message: body.message, ...(body.sessionId ? { sessionId: body.sessionId } : {}), ...(body.locale ? { locale: body.locale } : {}) }, emit));
  });

  router.post("/v1/chat/confirm", async (req, res) => {
    requireJson(req);
    const body = parseOrThrow(ConfirmRequestSchema, req.body, "body");
    const identity = identityOf(req);
    await respond(req, res, deps.logger, (emit) => deps.chat.handleConfirmation({ identity, ...body }, emit));
  });

  router.get("/v1/sessions/:id", (req, res) => {
    const id = parseOrThrow(SessionIdSchema, req.params["id"], "params");
    const session = deps.store.getSession(id);
    if (!session || !canRead(identityOf(req), session)) throw new AppError("not_found", "No such conversation.");
    const ticket = session.state.ticketId ? deps.store.getTicket(session.state.ticketId) : undefined;
    res.json({
      session: { id: session.id, locale: session.locale, mode: session.mode, createdAt: session.createdAt },
      messages: deps.store.listMessages(session.id).map(({ traceId: _t, ...m }) => m),
      ...(ticket ? { handoff: { ticketId: ticket.id, status: ticket.status } } : {}),
      ...(session.state.pending ? { pendingConfirmation: { id: session.state.pending.id, action: session.state.pending.action, summary: session.state.pending.summary } } : {}),
    });
  });

  router.get("/v1/sessions/:id/events", async (req, res) => {
    const id = parseOrThrow(SessionIdSchema, req.params["id"], "params");
    let identity = identityOf(req);
    const queryToken = typeof req.query["access_token"] === "string" ? req.query["access_token"] : undefined;
    // EventSource cannot send headers, so this one route also accepts the token as a query parameter.
    if (identity.kind === "anonymous" && queryToken) {
      const verified = await deps.tokens.verify(queryToken);
      if (!verified.ok) throw new AppError("unauthenticated", "The access token is not valid.");
      identity = verified.value;
    }
    const session = deps.store.getSession(id);
    if (!session || !canRead(identity, session)) throw new AppError("not_found", "No such conversation.");
    const sse = openSse(res, { pingMs: 15_000 });
    // Events published in this process arrive at once; a poll of the store brings those written by other worker
    // processes (a staff reply may land on any of them). Message ids make each delivery happen once.
    let lastId = deps.store.listMessages(id).reduce((max, m) => Math.max(max, m.id), 0);
    let lastTicket = "";
    const deliver = (e: ConversationEvent): void => {
      if (e.type === "message") {
        if (e.data.id <= lastId) return;
        lastId = e.data.id;
      } else {
        const key = `${e.data.ticketId}:${e.data.status}`;
        if (key === lastTicket) return;
        lastTicket = key;
      }
      sse.send(e.type, e.data);
    };
    const unsubscribe = deps.events.subscribe(id, deliver);
    const poll = setInterval(() => {
      for (const m of deps.store.listMessages(id, lastId)) {
        if (m.role === "staff" || m.role === "system") deliver({ type: "message", data: { id: m.id, role: m.role, text: m.text, createdAt: m.createdAt, ...(m.author ? { author: m.author } : {}) } });
        else lastId = Math.max(lastId, m.id);
      }
      const current = deps.store.getSession(id);
      const ticket = current?.state.ticketId ? deps.store.getTicket(current.state.ticketId) : undefined;
      if (ticket) deliver({ type: "handoff", data: { ticketId: ticket.id, status: ticket.status } });
    }, 1000);
    res.on("close", () => {
      unsubscribe();
      clearInterval(poll);
    });
  });

  return router;
}
