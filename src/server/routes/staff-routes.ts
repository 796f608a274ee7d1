// Staff console endpoints: conversations with traces, the handoff queue, fraud review and credit explanations.
import { Router } from "express";
import { z } from "zod";
import {
  TicketCursorSchema,
  type ConversationStore,
  type TicketCursor,
} from "../../conversations/conversation-store.js";
import type { HandoffService } from "../../conversations/handoff-service.js";
import { MAX_AUDIT_READ, type StaffAuditStore } from "../../conversations/staff-audit-store.js";
import type { StaffDataPort } from "../../agent/staff-data-port.js";
import { AppError } from "../../shared/errors.js";
import { identityOf, requireStaff } from "../auth-middleware.js";
import { parseOrThrow } from "../validate.js";
import { SessionIdSchema } from "../../agent/chat-schemas.js";
import type { AgentAssistService } from "../../agent/assist/agent-assist.js";
import type { FeedbackStore } from "../../conversations/feedback-store.js";
import { AssistRequestSchema } from "../../agent/assist/assist-schema.js";

const LimitQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });
const QueueQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(200),
  cursor: z.string().max(200).optional(),
});
const AuditQuery = z.object({
  customerId: z.string().trim().min(1).max(64).optional(),
  staffId: z.string().trim().min(1).max(128).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_AUDIT_READ).default(50),
});
const ReplyBody = z.object({ text: z.string().trim().min(1, "must not be empty").max(4000) }).strict();
const LabelBody = z
  .object({
    transactionId: z.string().min(1).max(64),
    label: z.enum(["fraud", "legitimate"]),
    note: z.string().max(500).optional(),
  })
  .strict();
const CreditQuery = z.object({
  amount: z.coerce.number().min(1000).max(35000).default(10000),
  termMonths: z.coerce.number().int().min(12).max(84).default(60),
});

const encodeCursor = (c: TicketCursor): string => Buffer.from(JSON.stringify(c), "utf8").toString("base64url");
function decodeCursor(raw: string): TicketCursor {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    value = undefined;
  }
  const parsed = TicketCursorSchema.safeParse(value);
  if (!parsed.success)
    throw new AppError("validation_failed", "The cursor is not one this queue returned.", {
      details: [{ path: "query.cursor", message: "invalid cursor" }],
    });
  return parsed.data;
}

/** Builds the staff router (every route requires a staff token). */
export function createStaffRoutes(deps: {
  store: ConversationStore;
  handoff: HandoffService;
  data: StaffDataPort;
  /** Agent assist on takeover; absent, POST /v1/staff/assist answers 404. */
  assist?: AgentAssistService;
  /** The staff audit trail; absent, GET /v1/staff/audit answers 404. */
  audit?: Pick<StaffAuditStore, "list">;
  /** Customer feedback, shown with each conversation; absent, conversations carry an empty list. */
  feedback?: Pick<FeedbackStore, "listForSession">;
}): Router {
  const router = Router();
  router.use("/v1/staff", requireStaff);
  const staffId = (req: Parameters<typeof identityOf>[0]): string => {
    const id = identityOf(req);
    return id.kind === "staff" ? id.staffId : "unknown";
  };
  const sessionParam = (raw: unknown): string => parseOrThrow(SessionIdSchema, raw, "params");

  router.get("/v1/staff/conversations", (req, res) => {
    const { limit } = parseOrThrow(LimitQuery, req.query, "query");
    const conversations = deps.store.listSessions({ limit }).map((s) => ({
      id: s.id,
      identity: s.identity,
      locale: s.locale,
      mode: s.mode,
      updatedAt: s.updatedAt,
      messageCount: s.messageCount,
      ...(s.lastMessage ? { lastMessage: s.lastMessage } : {}),
      ...(s.state.ticketId ? { ticketId: s.state.ticketId } : {}),
    }));
    res.json({ conversations });
  });

  router.get("/v1/staff/conversations/:id", (req, res) => {
    const session = deps.store.getSession(sessionParam(req.params["id"]));
    if (!session) throw new AppError("not_found", "No such conversation.");
    const ticket = session.state.ticketId ? deps.store.getTicket(session.state.ticketId) : undefined;
    res.json({
      session,
      messages: deps.store.listMessages(session.id),
      traces: deps.store.listTraces(session.id),
      feedback: deps.feedback?.listForSession(session.id) ?? [],
      ...(ticket ? { ticket } : {}),
    });
  });

  // Every open ticket, waiting ones first and oldest first; closed tickets never take a place on the page.
  router.get("/v1/staff/handoffs", (req, res) => {
    const q = parseOrThrow(QueueQuery, req.query, "query");
    const page = deps.store.listTicketQueue({ limit: q.limit, ...(q.cursor ? { after: decodeCursor(q.cursor) } : {}) });
    res.json({
      tickets: page.tickets,
      counts: page.counts,
      ...(page.next ? { nextCursor: encodeCursor(page.next) } : {}),
    });
  });

  router.post("/v1/staff/conversations/:id/takeover", (req, res) => {
    const r = deps.handoff.takeOver(sessionParam(req.params["id"]), staffId(req));
    if (!r.ok) throw new AppError("not_found", "No such conversation.");
    res.json({ ticketId: r.value.id, status: r.value.status });
  });

  router.post("/v1/staff/conversations/:id/reply", (req, res) => {
    const body = parseOrThrow(ReplyBody, req.body, "body");
    const r = deps.handoff.reply(sessionParam(req.params["id"]), staffId(req), body.text);
    if (!r.ok)
      throw r.error === "not_found"
        ? new AppError("not_found", "No such conversation.")
        : new AppError("conflict", "Take over the conversation before replying.");
    res.json(r.value);
  });

  router.post("/v1/staff/conversations/:id/handback", (req, res) => {
    const r = deps.handoff.handBack(sessionParam(req.params["id"]), staffId(req));
    if (!r.ok) throw new AppError("not_found", "No such conversation.");
    res.json(r.value);
  });

  // Agent assist: a summary, checked suggested replies and the next tool call, for the conversation staff took over.
  router.post("/v1/staff/assist", async (req, res) => {
    const body = parseOrThrow(AssistRequestSchema, req.body, "body");
    if (!deps.assist) throw new AppError("not_found", "Agent assist is not available.");
    const r = await deps.assist.assist(body.sessionId, staffId(req));
    if (!r.ok) throw new AppError("not_found", "No such conversation.");
    res.json(r.value);
  });

  // The staff audit trail, newest first: who looked at which customer through the assistant, and what came back.
  router.get("/v1/staff/audit", (req, res) => {
    const q = parseOrThrow(AuditQuery, req.query, "query");
    if (!deps.audit) throw new AppError("not_found", "The staff audit trail is not available.");
    res.json({ entries: deps.audit.list(q) });
  });

  router.get("/v1/staff/conversations/:id/dialogue", (req, res) => {
    if (!deps.data.exportDialogue) throw new AppError("not_found", "Dialogue export is not available.");
    const r = deps.data.exportDialogue(sessionParam(req.params["id"]));
    if (!r.ok) throw new AppError("not_found", "No such conversation.");
    res.type("text/yaml").setHeader("Content-Disposition", `attachment; filename="dialogue-${req.params["id"]}.yaml"`);
    res.send(r.value);
  });

  router.get("/v1/staff/fraud/flagged", (req, res) => {
    const { limit } = parseOrThrow(LimitQuery, req.query, "query");
    res.json({ transactions: deps.data.listFlagged(limit) });
  });

  router.post("/v1/staff/fraud/labels", (req, res) => {
    const body = parseOrThrow(LabelBody, req.body, "body");
    const r = deps.data.recordLabel({ ...body, analyst: staffId(req) });
    if (!r.ok) throw new AppError("not_found", "No such transaction.");
    res.json(r.value);
  });

  router.get("/v1/staff/credit/:customerId", (req, res) => {
    const q = parseOrThrow(CreditQuery, req.query, "query");
    const customerId = parseOrThrow(z.string().min(1).max(64), req.params["customerId"], "params");
    const r = deps.data.creditEstimate(customerId, q);
    if (!r.ok)
      throw new AppError(
        "not_found",
        r.error === "no_profile" ? "This customer has no credit profile on file." : "No such customer.",
      );
    res.json(r.value);
  });

  return router;
}
