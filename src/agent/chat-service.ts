// One chat turn end to end: session and ownership, PII redaction, injection screen, routing, scope short-cuts,
// the agent run with the route's tools, reply checks, transcript and trace. Identity comes only from the caller.
import { randomUUID } from "node:crypto";
import type { Identity } from "../auth/identity.js";
import { AppError } from "../shared/errors.js";
import { detectLocale, type Locale } from "../shared/locale.js";
import type { Logger } from "../shared/logger.js";
import type { RouteDecisionView, RouterPort } from "./agent-ports.js";
import type { BankAgent } from "./bank-agent.js";
import type { ChatEvent, ChatResponse } from "./chat-schemas.js";
import type { ConversationEvents } from "./conversation-events.js";
import type { ConfirmationLedger } from "./confirmation-ledger.js";
import type { ConversationStore, Session, SessionState } from "./conversation-store.js";
import { mayReadSession, newSessionKey, ownerForNewSession, ownsSession, type SessionAccess } from "./session-access.js";
import { screenForInjection } from "./guardrails/injection-screen.js";
import { documentsForIntent } from "./intent-knowledge.js";
import { hasSlots, routeOfIntent, spokenDecision, stripInjection } from "./message-heuristics.js";
import { createPiiVault, type PiiVault } from "./guardrails/pii-vault.js";
import type { VaultCipher } from "./guardrails/vault-cipher.js";
import { isAdviceRequest } from "./guardrails/scope-policy.js";
import { checkReply } from "./reply-checks.js";
import { asideThreadId } from "./checkpoints/thread-ids.js";
import { renderRoutingNote, type RoutingNote } from "./responder/routing-note.js";
import { say } from "./responder/reply-templates.js";
import { allowedToolsFor, TOOL_LABELS } from "./route-policy.js";
import { runAgentTurn, type AgentTurnInput, type AgentTurnOutcome } from "./run-agent-turn.js";
import { createTurnRecorder, traceCallsOf, type TurnRecorder } from "./turn-recorder.js";
import type { GuardrailEvent, TurnTrace } from "./turn-trace.js";

/** Dependencies of the chat service. */
export interface ChatServiceDeps {
  agent: BankAgent;
  router: RouterPort;
  store: ConversationStore;
  events: ConversationEvents;
  renderSystemPrompt: (route: string, locale: Locale, vars: Record<string, string>) => string;
  now: () => Date;
  logger: Logger;
  provider: { provider: string; model: string };
  publicNumbers: readonly string[];
  describeConfirmation: (action: string, args: Record<string, unknown>, ctx: { identity: Identity; locale: Locale; vault: PiiVault; sessionId: string }) => string;
  vaultCipher: VaultCipher;
  /** Exactly-once record of approval decisions, shared by every worker process. */
  confirmations: ConfirmationLedger;
}

/** The chat engine behind the HTTP API, the console and the dialogue replayer. */
export interface ChatService {
  handleMessage(input: SessionAccess & { sessionId?: string; message: string; locale?: Locale }, emit?: (e: ChatEvent) => void): Promise<ChatResponse>;
  handleConfirmation(input: SessionAccess & { sessionId: string; confirmationId: string; decision: "approve" | "reject" }, emit?: (e: ChatEvent) => void): Promise<ChatResponse>;
  /** The session if the caller may read it (its owner, or staff); otherwise not_found, exactly like a missing one. */
  readableSession(access: SessionAccess, sessionId: string): Session;
}

const SHORT_CIRCUIT_ROUTES = new Set(["out_of_scope"]);
const ACTION_TOOLS = new Set(["freeze_card", "open_dispute", "handoff_to_human"]);

/** Creates the chat service. */
export function createChatService(deps: ChatServiceDeps): ChatService {
  // The vault lives sealed in the conversation database, so any worker process (and a restart) can resolve it.
  const vaultOf = (sessionId: string): PiiVault =>
    createPiiVault({ publicNumbers: deps.publicNumbers, backing: deps.store.vaultBacking(sessionId, deps.vaultCipher) });

  // Only the server chooses session ids. An unknown id, or someone else's session, looks exactly like a missing
  // one, so ids cannot be probed; an anonymous session is opened only with the key handed out on its first turn.
  const openSession = (access: SessionAccess, sessionId?: string, locale: Locale = "en"): { session: Session; sessionKey?: string } => {
    const { identity } = access;
    if (!sessionId) {
      const sessionKey = identity.kind === "anonymous" ? newSessionKey() : undefined;
      const session = deps.store.createSession({ owner: ownerForNewSession(identity, sessionKey), identity, locale });
      return { session, ...(sessionKey ? { sessionKey } : {}) };
    }
    const existing = deps.store.getSession(sessionId);
    if (!existing || !ownsSession(existing, access)) throw new AppError("not_found", "No such conversation.");
    return { session: existing };
  };

  const toolEventEmitter = (locale: Locale, emit?: (e: ChatEvent) => void) => (e: { name: string; phase: "start" | "end"; status?: string }) => {
    const label = TOOL_LABELS[e.name]?.[locale] ?? e.name;
    emit?.({ type: "tool", data: { name: e.name, phase: e.phase, label, ...(e.status ? { status: e.status as "ok" } : {}) } });
  };

  async function runTurn(args: {
    session: Session;
    identity: Identity;
    locale: Locale;
    input: AgentTurnInput;
    decision: RouteDecisionView;
    route: string;
    intent: string;
    redactedText: string;
    recorder: TurnRecorder;
    allowedTools: string[];
    threadId?: string;
    emit?: (e: ChatEvent) => void;
  }): Promise<AgentTurnOutcome> {
    const { session, identity, locale } = args;
    const role = identity.kind;
    const note: RoutingNote = {
      intent: args.intent,
      route: args.route,
      locale,
      role,
      confidence: args.decision.confidence,
      slots: {
        amounts: args.decision.slots.amounts.map((a) => ({ value: a.value, currency: a.currency })),
        dates: args.decision.slots.dates.map((d) => d.date),
        cardLastFour: args.decision.slots.cardLastFour,
        merchants: args.decision.slots.merchants,
        transactionRefs: args.decision.slots.transactionRefs,
      },
      ...(session.state.focusTransactionId ? { focusTransactionId: session.state.focusTransactionId } : {}),
      allowedTools: args.allowedTools,
      today: deps.now().toISOString().slice(0, 10),
      passages: [],
    };
    const promptRoute = role === "staff" ? "staff" : args.route;
    const systemPrompt = `${deps.renderSystemPrompt(promptRoute, locale, {
      intent: args.intent,
      slots: JSON.stringify(note.slots),
      signed_in: role === "anonymous" ? "no" : "yes",
      today: note.today,
    })}\n\n${renderRoutingNote(note)}`;
    return runAgentTurn(
      deps.agent,
      args.input,
      {
        identity,
        sessionId: session.id,
        locale,
        vault: vaultOf(session.id),
        systemPrompt,
        allowedTools: args.allowedTools,
        preferredDocs: documentsForIntent(args.intent),
        recorder: args.recorder,
        onToolEvent: toolEventEmitter(locale, args.emit),
      },
      // Without a listener the local responder is simply invoked; a remote model is always streamed, because a
      // non-streamed ChatOpenAI call estimates token usage with a tokenizer it would download.
      args.emit || deps.provider.provider !== "local" ? (t) => args.emit?.({ type: "token", data: { text: t } }) : undefined,
      args.threadId,
    );
  }

  function finish(args: {
    session: Session;
    identity: Identity;
    locale: Locale;
    kind: "message" | "confirmation";
    redactedText: string;
    decision: RouteDecisionView;
    intent: string;
    route: string;
    outcome: AgentTurnOutcome;
    recorder: TurnRecorder;
    extraEvents: GuardrailEvent[];
    started: number;
    agentMs: number;
    routeMs: number;
    prefix?: string;
    sessionKey?: string;
    emit?: (e: ChatEvent) => void;
  }): ChatResponse {
    const { session, locale, outcome, recorder } = args;
    const traceId = randomUUID();
    const checked = checkReply(outcome.text, recorder.toolCalls, locale);
    let text = [args.prefix, checked.text].filter(Boolean).join("\n\n");
    const fresh = deps.store.getSession(session.id) ?? session;
    const state: SessionState = { ...fresh.state, turns: fresh.state.turns + 1, lastIntent: args.intent };
    // A side question leaves the waiting action in place, and the reply says it is still waiting.
    const stillWaiting = args.kind === "message" && !outcome.interrupt ? fresh.state.pending : undefined;
    if (!stillWaiting) delete state.pending;
    let pendingConfirmation: ChatResponse["pendingConfirmation"] = stillWaiting ? { id: stillWaiting.id, action: stillWaiting.action, summary: stillWaiting.summary } : undefined;
    if (outcome.interrupt) {
      const summary = deps.describeConfirmation(outcome.interrupt.action, outcome.interrupt.args, { identity: args.identity, locale, vault: vaultOf(session.id), sessionId: session.id });
      pendingConfirmation = { id: outcome.interrupt.id, action: outcome.interrupt.action, summary };
      // Clients that do not render the confirmation card still tell the customer what is waiting for them.
      text = [text, say(locale, "confirmPrompt", { summary })].filter(Boolean).join("\n\n");
      state.pending = { ...pendingConfirmation, route: args.route, intent: args.intent, confidence: args.decision.confidence };
      recorder.toolCalls.push({ name: outcome.interrupt.action, args: outcome.interrupt.args, status: "awaiting_confirmation", summary, ms: 0 });
    }
    // The transaction the conversation is about: the riskiest one checked, else the first one listed.
    const riskChecks = recorder.toolCalls.filter((c) => c.status === "ok" && c.name === "check_transaction_risk");
    const riskiest = riskChecks.sort((a, b) => Number((b.result?.["risk"] as { probability?: number } | undefined)?.probability ?? 0) - Number((a.result?.["risk"] as { probability?: number } | undefined)?.probability ?? 0))[0];
    const listed = recorder.toolCalls.find((c) => c.status === "ok" && c.name === "get_recent_transactions");
    const focusId = riskiest
      ? (riskiest.result?.["transaction"] as { id?: string } | undefined)?.id
      : (listed?.result?.["transactions"] as { id: string }[] | undefined)?.[0]?.id;
    if (focusId) state.focusTransactionId = focusId;
    const asked = !outcome.interrupt && /[?？]/.test(text) && !recorder.toolCalls.some((c) => c.status === "ok" && c.name !== "search_knowledge");
    if (asked && ["credit", "cards", "fraud", "account"].includes(args.route)) state.awaiting = { intent: args.intent, route: args.route, slot: "any" };
    else delete state.awaiting;
    const handoffCall = recorder.toolCalls.find((c) => c.name === "handoff_to_human" && c.status === "ok");
    const ticketId = handoffCall ? String(handoffCall.result?.["ticketId"] ?? "") : undefined;
    if (ticketId) state.ticketId = ticketId;
    // The mode is left as stored: a handoff during this turn has already switched it to "human".
    deps.store.updateSession(session.id, { locale, state });
    if (text) deps.store.appendMessage(session.id, { role: "assistant", text: vaultOf(session.id).redact(text).text, traceId });
    const response: ChatResponse = {
      sessionId: session.id,
      ...(args.sessionKey ? { sessionKey: args.sessionKey } : {}),
      reply: { text, citations: checked.citations, ...(outcome.quickReplies && !outcome.interrupt ? { quickReplies: outcome.quickReplies } : {}) },
      intent: { name: args.intent, route: args.route as ChatResponse["intent"]["route"], confidence: Number(args.decision.confidence.toFixed(4)) },
      toolCalls: recorder.toolCalls.map((c) => ({ name: c.name, status: c.status })),
      ...(pendingConfirmation ? { pendingConfirmation } : {}),
      ...(ticketId ? { handoff: { ticketId, status: "waiting" as const } } : {}),
      traceId,
    };
    const trace: TurnTrace = {
      traceId,
      sessionId: session.id,
      turn: state.turns,
      // `started` is a monotonic performance.now() reading; the wall-clock start is now minus the elapsed time.
      startedAt: new Date(deps.now().getTime() - (performance.now() - args.started)).toISOString(),
      identity: args.identity.kind,
      locale,
      kind: args.kind,
      message: args.redactedText,
      intent: {
        name: args.intent,
        route: args.route,
        confidence: args.decision.confidence,
        top: args.decision.top.map((t) => ({ intent: t.intent, probability: t.probability })),
        outOfScope: args.decision.outOfScope,
        lowConfidence: args.decision.lowConfidence,
      },
      slots: args.decision.slots as unknown as Record<string, unknown>,
      retrieved: checked.retrieved,
      // Tool arguments (the model's and the pending action's) are redacted like the transcript before they are stored.
      ...traceCallsOf(recorder, (t) => vaultOf(session.id).redact(t).text),
      guardrails: [...args.extraEvents, ...recorder.guardrails, ...checked.events],
      provider: recorder.usedFallback ? `${deps.provider.provider}+fallback` : deps.provider.provider,
      model: deps.provider.model,
      reply: vaultOf(session.id).redact(text).text,
      citations: checked.citations,
      ...(pendingConfirmation ? { pendingConfirmation } : {}),
      ...(ticketId ? { handoffTicketId: ticketId } : {}),
      latencyMs: { route: args.routeMs, agent: args.agentMs, total: Math.round(performance.now() - args.started) },
    };
    deps.store.saveTrace(trace);
    deps.logger.info("chat turn", {
      traceId, sessionId: session.id, identity: args.identity.kind, intent: args.intent, route: args.route, confidence: trace.intent.confidence,
      tools: trace.toolCalls.map((c) => `${c.name}:${c.status}`), guardrails: trace.guardrails.map((g) => g.type), ms: trace.latencyMs.total,
    });
    deps.logger.debug("chat turn text", { traceId, message: args.redactedText, reply: trace.reply });
    if (checked.citations.length) args.emit?.({ type: "citations", data: checked.citations });
    if (pendingConfirmation) args.emit?.({ type: "confirmation", data: pendingConfirmation });
    args.emit?.({ type: "done", data: response });
    return response;
  }

  function shortReply(outcomeText: string, quickReplies?: string[]): AgentTurnOutcome {
    return { text: outcomeText, ...(quickReplies ? { quickReplies } : {}) };
  }

  const service: ChatService = {
    readableSession(access, sessionId) {
      const session = deps.store.getSession(sessionId);
      if (!session || !mayReadSession(session, access)) throw new AppError("not_found", "No such conversation.");
      return session;
    },

    async handleMessage(input, emit) {
      const started = performance.now();
      const { session, sessionKey } = openSession(input, input.sessionId, input.locale ?? detectLocale(input.message));
      // The new session's id and key go out first, so a client whose stream drops mid-reply can still resume it.
      if (!input.sessionId) emit?.({ type: "session", data: { sessionId: session.id, ...(sessionKey ? { sessionKey } : {}) } });
      const vault = vaultOf(session.id);
      const redaction = vault.redact(input.message);
      const events: GuardrailEvent[] = [];
      if (redaction.spans.length) events.push({ type: "pii_redacted", detail: redaction.kinds.join(",") });
      const injection = screenForInjection(redaction.text);
      if (injection.flagged) events.push({ type: "injection_user", detail: injection.matches.join(" | ").slice(0, 200) });
      const locale: Locale = input.locale ?? (detectLocale(input.message) === "zh-CN" ? "zh-CN" : session.state.turns > 0 ? session.locale : "en");
      deps.store.appendMessage(session.id, { role: "user", text: redaction.text });
      const recorder = createTurnRecorder();

      if (session.mode === "human") {
        // A person is handling the conversation: the bot stays quiet and the message goes to staff.
        const msgs = deps.store.listMessages(session.id);
        const last = msgs[msgs.length - 1];
        if (last) deps.events.publish(session.id, { type: "message", data: { id: last.id, role: "user", text: last.text, createdAt: last.createdAt } });
        const ticket = session.state.ticketId ? deps.store.getTicket(session.state.ticketId) : undefined;
        const traceId = randomUUID();
        const response: ChatResponse = {
          sessionId: session.id,
          reply: { text: "", citations: [] },
          intent: { name: "handoff_active", route: "handoff", confidence: 1 },
          toolCalls: [],
          ...(ticket ? { handoff: { ticketId: ticket.id, status: ticket.status } } : {}),
          traceId,
        };
        const turn = session.state.turns + 1;
        deps.store.updateSession(session.id, { state: { ...session.state, turns: turn } });
        deps.store.saveTrace({
          traceId, sessionId: session.id, turn, startedAt: new Date().toISOString(), identity: input.identity.kind, locale, kind: "message", message: redaction.text,
          intent: { name: "handoff_active", route: "handoff", confidence: 1, top: [], outOfScope: false, lowConfidence: false }, slots: {}, retrieved: [], toolCalls: [],
          guardrails: events, provider: "human", model: ticket?.staffId ?? "staff", modelCalls: [], reply: "", citations: [],
          ...(ticket ? { handoffTicketId: ticket.id } : {}), latencyMs: { route: 0, agent: 0, total: Math.round(performance.now() - started) },
        });
        emit?.({ type: "done", data: response });
        return response;
      }

      // While an action waits for approval, a plain "yes" or "no" in words decides it; any other message is answered
      // on the side (read-only, on a separate thread) and the action keeps waiting for the customer's decision.
      const waiting = session.state.pending;
      if (waiting) {
        const spoken = spokenDecision(redaction.text);
        if (spoken) return service.handleConfirmation({ identity: input.identity, ...(input.sessionKey ? { sessionKey: input.sessionKey } : {}), sessionId: session.id, confirmationId: waiting.id, decision: spoken }, emit);
      }
      const routeStarted = performance.now();
      const decision = deps.router.route(redaction.text, locale);
      let intent = decision.intent;
      let route = decision.route;
      const awaiting = session.state.awaiting;
      // An answer to our own question ("£10,000 over 5 years") continues the task unless it clearly starts another.
      const answersQuestion = hasSlots(decision) && (decision.route === awaiting?.route || (decision.confidence < 0.85 && route !== "handoff"));
      if (awaiting && awaiting.intent !== intent && (decision.lowConfidence || answersQuestion)) {
        intent = awaiting.intent;
        route = awaiting.route;
      }
      const routeMs = Math.round(performance.now() - routeStarted);
      emit?.({ type: "intent", data: { name: intent, route: route as ChatResponse["intent"]["route"], confidence: Number(decision.confidence.toFixed(4)) } });
      const base = { session, identity: input.identity, locale, kind: "message" as const, redactedText: redaction.text, decision, recorder, extraEvents: events, started, routeMs, emit, ...(sessionKey ? { sessionKey } : {}) };

      const staff = input.identity.kind === "staff";
      if (!staff && (SHORT_CIRCUIT_ROUTES.has(route) || isAdviceRequest(redaction.text))) {
        const advice = intent === "advice_request" || isAdviceRequest(redaction.text);
        events.push({ type: "scope_refusal", detail: advice ? "advice request" : "out of scope" });
        const outcome = shortReply(say(locale, advice ? "advice" : "outOfScope"), [say(locale, "route_handoff")]);
        return finish({ ...base, intent: advice ? "advice_request" : intent, route: "out_of_scope", outcome, agentMs: 0 });
      }
      // An attempt to instruct the assistant gets a refusal. If a real banking question is left once the instruction
      // is removed, it is answered with read-only tools; otherwise nothing runs at all.
      let remainder: RouteDecisionView | undefined;
      if (!staff && injection.flagged) {
        const rest = stripInjection(redaction.text, injection.matches);
        remainder = rest ? deps.router.route(rest, locale) : undefined;
        if (!remainder || remainder.lowConfidence || remainder.outOfScope || remainder.route === "handoff") {
          return finish({ ...base, intent, route, outcome: shortReply(say(locale, "injection")), agentMs: 0 });
        }
        intent = remainder.intent;
        route = remainder.route;
      }
      if (!staff && decision.lowConfidence && intent === decision.intent) {
        const routes = [...new Set(decision.top.map((t) => t.intent))].slice(0, 3);
        const quick = [...new Set(routes.map((name) => say(locale, `route_${routeOfIntent(decision, name)}` as Parameters<typeof say>[1])))];
        return finish({ ...base, intent, route, outcome: shortReply(say(locale, "clarify"), quick), agentMs: 0 });
      }
      const allowedTools = allowedToolsFor(route, input.identity).filter((t) => !(remainder || waiting) || !ACTION_TOOLS.has(t));
      const agentStarted = performance.now();
      const outcome = await runTurn({
        session, identity: input.identity, locale, input: { message: redaction.text }, decision, route, intent, redactedText: redaction.text, recorder, allowedTools, emit,
        ...(waiting ? { threadId: asideThreadId(session.id) } : {}),
      });
      const agentMs = Math.round(performance.now() - agentStarted);
      const prefix = remainder ? say(locale, "injection") : undefined;
      return finish({ ...base, intent, route, outcome, agentMs, ...(prefix ? { prefix } : {}) });
    },

    async handleConfirmation(input, emit) {
      const { session } = openSession(input, input.sessionId);
      // The first decision claims the action (atomically, across workers); a retried or concurrent one gets that
      // decision's reply back, and nothing runs twice.
      const response = await deps.confirmations.decideOnce(
        { sessionId: session.id, confirmationId: input.confirmationId, decision: input.decision, pendingId: session.state.pending?.id },
        () => decide(session, input, emit),
        () => dropPending(session.id, input.confirmationId),
      );
      if (response.replayed) emit?.({ type: "done", data: response });
      return response;
    },
  };

  function dropPending(sessionId: string, confirmationId: string): void {
    const fresh = deps.store.getSession(sessionId);
    if (fresh?.state.pending?.id !== confirmationId) return;
    const { pending: _dropped, ...state } = fresh.state;
    deps.store.updateSession(sessionId, { state });
  }

  async function decide(session: Session, input: Parameters<ChatService["handleConfirmation"]>[0], emit?: (e: ChatEvent) => void): Promise<ChatResponse> {
    const started = performance.now();
    const pending = session.state.pending;
    if (!pending || pending.id !== input.confirmationId) {
      throw new AppError("conflict", "There is no action waiting for confirmation with that id.");
    }
    const recorder = createTurnRecorder();
    const decision: RouteDecisionView = {
      intent: pending.intent, route: pending.route, confidence: pending.confidence, top: [], outOfScope: false, lowConfidence: false,
      slots: { amounts: [], dates: [], cardLastFour: [], merchants: [], transactionRefs: [] },
    };
    emit?.({ type: "intent", data: { name: pending.intent, route: pending.route as ChatResponse["intent"]["route"], confidence: pending.confidence } });
    if (input.decision === "reject") recorder.toolCalls.push({ name: pending.action, args: {}, status: "rejected", summary: "customer cancelled", ms: 0 });
    const agentStarted = performance.now();
    const outcome = await runTurn({ session, identity: input.identity, locale: session.locale, input: { decision: input.decision }, decision, route: pending.route, intent: pending.intent, redactedText: `[${input.decision}]`, recorder, allowedTools: allowedToolsFor(pending.route, input.identity), emit });
    deps.store.appendMessage(session.id, { role: "user", text: `[${input.decision === "approve" ? "Approved" : "Cancelled"}: ${pending.summary}]` });
    return finish({
      session, identity: input.identity, locale: session.locale, kind: "confirmation", redactedText: `[${input.decision}] ${pending.summary}`, decision, intent: pending.intent, route: pending.route,
      outcome, recorder, extraEvents: [], started, agentMs: Math.round(performance.now() - agentStarted), routeMs: 0, emit,
    });
  }
  return service;
}
