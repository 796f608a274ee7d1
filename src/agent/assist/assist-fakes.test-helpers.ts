// Fakes of the ports agent assist reads (a conversation store holding one conversation, a keyword router and a
// two-language knowledge base) and a builder of turn traces, for the assist unit tests.
import type { Identity } from "../../auth/identity.js";
import type { Session, Ticket, TranscriptMessage } from "../../conversations/conversation-store.js";
import type { TurnTrace } from "../../conversations/turn-trace.js";
import type { Locale } from "../../shared/locale.js";
import type { KnowledgePort, PassageHit, RouteDecisionView, RouterPort } from "../agent-ports.js";
import { templateTexts } from "../responder/reply-templates.js";
import type { RailSettings } from "../turn/answer-with-agent.js";
import type { AssistStore } from "./conversation-facts.js";

/** Rail settings as the app passes them, with no published contacts. */
export const TEST_RAILS: RailSettings = {
  publishedContacts: ["0345 600 7000"],
  trustedTexts: (locale) => templateTexts(locale),
  protectedTexts: [],
};

/** No slots at all. */
export const NO_SLOTS: RouteDecisionView["slots"] = {
  amounts: [],
  terms: [],
  dates: [],
  cardLastFour: [],
  merchants: [],
  transactionRefs: [],
};

/** One tool call as a trace stores it. */
export type TracedCall = TurnTrace["toolCalls"][number];

/** A turn trace with sensible defaults. */
export function traceOf(t: {
  turn: number;
  message: string;
  intent: string;
  route: string;
  locale?: Locale;
  kind?: "message" | "confirmation";
  slots?: Partial<RouteDecisionView["slots"]>;
  toolCalls?: TracedCall[];
  reply?: string;
}): TurnTrace {
  return {
    traceId: `trace-${t.turn}`,
    sessionId: "session-1",
    turn: t.turn,
    startedAt: "2026-11-29T10:00:00.000Z",
    identity: "customer",
    locale: t.locale ?? "en",
    kind: t.kind ?? "message",
    message: t.message,
    intent: { name: t.intent, route: t.route, confidence: 0.9, top: [], outOfScope: false, lowConfidence: false },
    slots: { ...NO_SLOTS, ...t.slots },
    retrieved: [],
    toolCalls: t.toolCalls ?? [],
    guardrails: [],
    provider: "local",
    model: "local-responder",
    modelCalls: [],
    reply: t.reply ?? "",
    citations: [],
    latencyMs: { route: 1, agent: 1, total: 2 },
  };
}

/** A tool call with a status. */
export function call(name: string, args: Record<string, unknown>, status = "ok", summary = "ok"): TracedCall {
  return { name, args, status, summary, ms: 1 };
}

/** A store holding one conversation, built from its traces: each message trace adds the customer's line and the reply. */
export function storeWith(c: {
  identity?: Identity;
  locale?: Locale;
  traces: TurnTrace[];
  extraMessages?: { role: TranscriptMessage["role"]; text: string }[];
  state?: Partial<Session["state"]>;
  ticket?: Ticket;
}): AssistStore {
  const messages: TranscriptMessage[] = [];
  const add = (role: TranscriptMessage["role"], text: string): void => {
    messages.push({ id: messages.length + 1, role, text, createdAt: "2026-11-29T10:00:00.000Z" });
  };
  for (const t of c.traces) {
    if (t.kind === "message") add("user", t.message);
    if (t.reply) add("assistant", t.reply);
  }
  for (const m of c.extraMessages ?? []) add(m.role, m.text);
  const session: Session = {
    id: "session-1",
    owner: "customer:demo1",
    identity: c.identity ?? { kind: "customer", customerId: "demo1" },
    locale: c.locale ?? "en",
    mode: "human",
    state: { turns: c.traces.length, ...c.state, ...(c.ticket ? { ticketId: c.ticket.id } : {}) },
    createdAt: "2026-11-29T10:00:00.000Z",
    updatedAt: "2026-11-29T10:00:00.000Z",
  };
  return {
    getSession: (id) => (id === session.id ? session : undefined),
    listMessages: (id) => (id === session.id ? messages : []),
    listTraces: (id) => (id === session.id ? c.traces : []),
    getTicket: (id) => (c.ticket && c.ticket.id === id ? c.ticket : undefined),
  };
}

/** A router that knows a few intents by keyword. */
export const keywordRouter: RouterPort = {
  route(text) {
    const intent = /swift|汇款/i.test(text)
      ? "transfer_fees"
      : /freeze|冻结/i.test(text)
        ? "card_freeze_unfreeze"
        : "out_of_scope";
    const route = intent === "transfer_fees" ? "knowledge" : intent === "out_of_scope" ? "out_of_scope" : "cards";
    return { intent, route, confidence: 0.9, top: [], outOfScope: false, lowConfidence: false, slots: NO_SLOTS };
  },
};

const PASSAGES: Record<Locale, PassageHit[]> = {
  en: [
    {
      chunkId: "payments-international#1",
      docId: "payments-international",
      topic: "payments-international",
      title: "Sending money abroad",
      version: "2026.1",
      section: "Fees",
      text: "A SWIFT payment made online costs £15. A SWIFT payment made in branch costs £25.",
      score: 0.9,
      locale: "en",
    },
  ],
  "zh-CN": [
    {
      chunkId: "zh-card-abroad#1",
      docId: "zh-card-abroad",
      topic: "card-abroad",
      title: "在海外使用银行卡",
      version: "2026.1",
      section: "费用",
      text: "在海外取现：每笔2.75% + £1.50。",
      score: 0.9,
      locale: "zh-CN",
    },
  ],
};

/** Knowledge with one passage per language; `only` limits it to one language's passages whatever is asked. */
export function fakeKnowledge(only?: Locale): KnowledgePort {
  return { search: async (_q, options) => PASSAGES[only ?? options.locale ?? "en"] };
}
