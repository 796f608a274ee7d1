// Reads what agent assist works from out of a stored conversation: the customer's turns with their intents and slots
// (from the traces, or from the router for turns the bot never routed, such as messages sent while staff held the
// chat), the tools the bot called and how each ended, the action awaiting approval, the ticket and unanswered messages.
import { z } from "zod";
import type { ConversationStore, Session, Ticket, TranscriptMessage } from "../../conversations/conversation-store.js";
import type { TurnTrace } from "../../conversations/turn-trace.js";
import type { Locale } from "../../shared/locale.js";
import type { RouteDecisionView, RouterPort } from "../agent-ports.js";

/** The router's slots of one customer message. */
export type TurnSlots = RouteDecisionView["slots"];

// Traces store the router's slots as a plain record; read back through a schema, never cast.
const TurnSlotsSchema = z.object({
  amounts: z.array(z.object({ value: z.number(), currency: z.string().nullable(), text: z.string() })),
  terms: z.array(z.object({ months: z.number(), text: z.string() })),
  dates: z.array(z.object({ date: z.string(), relative: z.boolean(), text: z.string() })),
  cardLastFour: z.array(z.string()),
  merchants: z.array(z.string()),
  transactionRefs: z.array(z.string()),
});

/** One message of the customer, with what the router understood of it. */
export interface CustomerTurn {
  text: string;
  intent: string;
  route: string;
  slots: TurnSlots;
  locale: Locale;
  /** The bot's reply to it ("" when the bot stayed quiet or the turn was not traced). */
  reply: string;
}

/** One tool call the bot made, with the reply of its turn. */
export interface BotStep {
  tool: string;
  args: Record<string, unknown>;
  status: string;
  summary: string;
}

/** Everything assist reads from one conversation (all texts already redacted by the store). */
export interface ConversationFacts {
  sessionId: string;
  locale: Locale;
  customerId?: string;
  turns: CustomerTurn[];
  steps: BotStep[];
  /** The bot's replies, oldest first (they passed the output rails when sent). */
  botReplies: string[];
  pending?: { action: string; summary: string };
  awaitingDetails: boolean;
  ticket?: Pick<Ticket, "id" | "status" | "staffId">;
  /** Customer messages after the last reply from the bot or staff. */
  unanswered: string[];
  /** Transaction ids the conversation names, newest first. */
  transactionIds: string[];
  /** The latest messages in order (system notices left out), for a model to summarise. */
  transcript: { role: "user" | "assistant" | "staff"; text: string }[];
}

/** The store reads assist needs. */
export type AssistStore = Pick<ConversationStore, "getSession" | "listMessages" | "listTraces" | "getTicket">;

// A model summary reads at most this many of the latest messages.
const MAX_TRANSCRIPT = 40;

// Human-mode turns are traced without routing; the router reads them now.
const UNROUTED = new Set(["handoff_active"]);
// "[Approved: …]" and "[Cancelled: …]" lines stand for a button press, not for words of the customer.
const DECISION_LINE = /^\[(?:Approved|Cancelled): /;

function turnOf(trace: TurnTrace, router: RouterPort): CustomerTurn {
  const slots = TurnSlotsSchema.safeParse(trace.slots);
  if (!UNROUTED.has(trace.intent.name) && slots.success)
    return {
      text: trace.message,
      intent: trace.intent.name,
      route: trace.intent.route,
      slots: slots.data,
      locale: trace.locale,
      reply: trace.reply,
    };
  const decision = router.route(trace.message, trace.locale);
  return {
    text: trace.message,
    intent: decision.intent,
    route: decision.route,
    slots: decision.slots,
    locale: trace.locale,
    reply: trace.reply,
  };
}

function customerTurns(
  traces: readonly TurnTrace[],
  messages: readonly TranscriptMessage[],
  session: Session,
  router: RouterPort,
): CustomerTurn[] {
  const traced = traces.filter((t) => t.kind === "message" && t.identity !== "staff");
  if (traced.length > 0) return traced.map((t) => turnOf(t, router));
  // Traces pruned or never written: the stored messages are routed afresh.
  return messages
    .filter((m) => m.role === "user" && !DECISION_LINE.test(m.text))
    .map((m) => {
      const d = router.route(m.text, session.locale);
      return { text: m.text, intent: d.intent, route: d.route, slots: d.slots, locale: session.locale, reply: "" };
    });
}

function unansweredOf(messages: readonly TranscriptMessage[]): string[] {
  const out: string[] = [];
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (!m) continue;
    if ((m.role === "assistant" || m.role === "staff") && m.text.trim()) break;
    if (m.role === "user" && !DECISION_LINE.test(m.text)) out.unshift(m.text);
  }
  return out;
}

// The customer's own words name the payment they mean, so their references come first, then the bot's tool calls.
function transactionIdsOf(turns: readonly CustomerTurn[], steps: readonly BotStep[], focus?: string): string[] {
  const ids: string[] = [];
  const add = (id: unknown): void => {
    const tx = typeof id === "string" && /^tx-\d{4,12}$/i.test(id) ? id.toLowerCase() : undefined;
    if (tx && !ids.includes(tx)) ids.push(tx);
  };
  for (const turn of [...turns].reverse()) for (const ref of turn.slots.transactionRefs) add(ref);
  for (const step of [...steps].reverse()) add(step.args["transactionId"]);
  add(focus);
  return ids;
}

/** Reads a conversation's facts; undefined when there is no such conversation. */
export function readConversationFacts(
  store: AssistStore,
  router: RouterPort,
  sessionId: string,
): ConversationFacts | undefined {
  const session = store.getSession(sessionId);
  if (!session) return undefined;
  const messages = store.listMessages(sessionId);
  const traces = store.listTraces(sessionId);
  const turns = customerTurns(traces, messages, session, router);
  const steps: BotStep[] = traces.flatMap((t) =>
    t.toolCalls.map((c) => ({ tool: c.name, args: c.args, status: c.status, summary: c.summary })),
  );
  const ticket = session.state.ticketId ? store.getTicket(session.state.ticketId) : undefined;
  const pending = session.state.pending;
  return {
    sessionId,
    locale: turns[turns.length - 1]?.locale ?? session.locale,
    ...(session.identity.kind === "customer" ? { customerId: session.identity.customerId } : {}),
    turns,
    steps,
    botReplies: messages.filter((m) => m.role === "assistant" && m.text.trim()).map((m) => m.text),
    ...(pending ? { pending: { action: pending.action, summary: pending.summary } } : {}),
    awaitingDetails: Boolean(session.state.awaiting),
    ...(ticket
      ? { ticket: { id: ticket.id, status: ticket.status, ...(ticket.staffId ? { staffId: ticket.staffId } : {}) } }
      : {}),
    unanswered: unansweredOf(messages),
    transactionIds: transactionIdsOf(turns, steps, session.state.focusTransactionId),
    transcript: messages
      .slice(-MAX_TRANSCRIPT)
      .flatMap((m) => (m.role === "system" ? [] : [{ role: m.role, text: m.text }])),
  };
}

// Moves that carry no question of their own: greetings, thanks, asking for a person.
const NOT_SUBSTANTIVE = new Set([
  "greeting",
  "thanks",
  "goodbye",
  "bot_capabilities",
  "speak_to_human",
  "handoff_active",
]);

/** The customer's latest message that asks something (not a greeting, thanks or a request for a person). */
export function latestQuestion(facts: Pick<ConversationFacts, "turns">): CustomerTurn | undefined {
  for (let i = facts.turns.length - 1; i >= 0; i--) {
    const t = facts.turns[i];
    if (t && !NOT_SUBSTANTIVE.has(t.intent) && t.text.trim().length >= 2) return t;
  }
  return undefined;
}
