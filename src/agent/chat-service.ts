// One chat turn end to end, read top to bottom: session → screen → route → scope → retrieve → agent (with output
// rails on everything it writes) → persist → respond. Identity comes only from the caller; each step is its own file.
import type { Identity } from "../auth/identity.js";
import { AppError } from "../shared/errors.js";
import { detectLocale, type Locale } from "../shared/locale.js";
import type { Logger } from "../shared/logger.js";
import type { KnowledgePort, RouteDecisionView, RouterPort } from "./agent-ports.js";
import type { BankAgent } from "./bank-agent.js";
import type { ChatEvent, ChatResponse } from "./chat-schemas.js";
import { asideThreadId } from "./checkpoints/thread-ids.js";
import type { ConfirmationLedger } from "./confirmation-ledger.js";
import type { ConversationEvents } from "../conversations/conversation-events.js";
import type { ConversationStore, Session } from "../conversations/conversation-store.js";
import { createPiiVault, type PiiVault } from "../shared/pii-vault.js";
import type { VaultCipher } from "../shared/vault-cipher.js";
import { spokenDecision } from "./message-heuristics.js";
import { allowedToolsFor, toolLabel } from "./route-policy.js";
import type { AgentTurnInput } from "./run-agent-turn.js";
import {
  mayReadSession,
  newSessionKey,
  ownerForNewSession,
  ownsSession,
  type SessionAccess,
} from "../conversations/session-access.js";
import { answerWithAgent, type RailSettings } from "./turn/answer-with-agent.js";
import { finishTurn, type FinishInput } from "./turn/finish-turn.js";
import { humanModeTurn } from "./turn/human-mode-turn.js";
import { passagesOfTurn } from "./turn/reply-evidence.js";
import { retrieveForTurn } from "./turn/retrieve-step.js";
import { routeMessage } from "./turn/route-message.js";
import { rescueByKnowledge } from "./turn/knowledge-rescue.js";
import { decideScope } from "./turn/scope-gate.js";
import { screenMessage } from "./turn/screen-message.js";
import { buildTurnPlan, renderTurnPrompt, type RenderSystemPrompt } from "./turn/turn-prompt.js";
import { createTurnRecorder, type TurnRecorder } from "./turn-recorder.js";
import type { StaffRouter } from "../router/index.js";
import { toStaffCall, type StaffCall } from "./staff/staff-call.js";

/** Dependencies of the chat service. */
export interface ChatServiceDeps {
  agent: BankAgent;
  router: RouterPort;
  knowledge: KnowledgePort;
  store: ConversationStore;
  events: ConversationEvents;
  renderSystemPrompt: RenderSystemPrompt;
  now: () => Date;
  logger: Logger;
  provider: { provider: string; model: string };
  publicNumbers: readonly string[];
  rails: RailSettings;
  describeConfirmation: (
    action: string,
    args: Record<string, unknown>,
    ctx: { identity: Identity; locale: Locale; vault: PiiVault; sessionId: string },
  ) => string;
  vaultCipher: VaultCipher;
  /** Exactly-once record of approval decisions, shared by every worker process. */
  confirmations: ConfirmationLedger;
  /** Routes staff questions to the one staff tool that answers them. */
  staffRouter: StaffRouter;
}

/** The chat engine behind the HTTP API, the console and the dialogue replayer. */
export interface ChatService {
  handleMessage(
    input: SessionAccess & { sessionId?: string; message: string; locale?: Locale },
    emit?: (e: ChatEvent) => void,
  ): Promise<ChatResponse>;
  handleConfirmation(
    input: SessionAccess & { sessionId: string; confirmationId: string; decision: "approve" | "reject" },
    emit?: (e: ChatEvent) => void,
  ): Promise<ChatResponse>;
  /** The session if the caller may read it (its owner, or staff); otherwise not_found, exactly like a missing one. */
  readableSession(access: SessionAccess, sessionId: string): Session;
}

const ACTION_TOOLS = new Set([
  "freeze_card",
  "open_dispute",
  "handoff_to_human",
  "staff_freeze_card",
  "staff_open_dispute",
]);
const NO_SLOTS: RouteDecisionView["slots"] = {
  amounts: [],
  terms: [],
  dates: [],
  cardLastFour: [],
  merchants: [],
  transactionRefs: [],
};

/** Creates the chat service. */
export function createChatService(deps: ChatServiceDeps): ChatService {
  // The vault lives sealed in the conversation database, so any worker process (and a restart) can resolve it.
  const vaultOf = (sessionId: string): PiiVault =>
    createPiiVault({
      publicNumbers: deps.publicNumbers,
      backing: deps.store.vaultBacking(sessionId, deps.vaultCipher),
    });

  // Only the server chooses session ids. An unknown id, or someone else's session, looks exactly like a missing
  // one, so ids cannot be probed; an anonymous session is opened only with the key handed out on its first turn.
  const openSession = (access: SessionAccess, sessionId?: string, locale: Locale = "en") => {
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

  const toolEvents =
    (locale: Locale, emit?: (e: ChatEvent) => void) =>
    (e: { name: string; phase: "start" | "end"; status?: string }) => {
      const label = toolLabel(e.name, locale);
      const status = e.status === "ok" || e.status === "failed" || e.status === "denied" ? e.status : undefined;
      emit?.({ type: "tool", data: { name: e.name, phase: e.phase, label, ...(status ? { status } : {}) } });
    };
  const releaseTo = (emit?: (e: ChatEvent) => void) =>
    emit ? (text: string) => emit({ type: "token", data: { text } }) : undefined;
  const finishDeps = {
    store: deps.store,
    logger: deps.logger,
    now: deps.now,
    provider: deps.provider,
    describeConfirmation: deps.describeConfirmation,
  };

  /** Retrieves, plans, runs the agent with rails, and finishes the turn. */
  async function agentTurn(t: {
    base: Omit<FinishInput, "outcome" | "text" | "citations" | "passages" | "intent" | "route" | "latency">;
    input: AgentTurnInput;
    userText: string;
    intent: string;
    route: string;
    allowedTools: string[];
    routeMs: number;
    prefix?: string;
    threadId?: string;
    staffCall?: StaffCall;
  }): Promise<ChatResponse> {
    const { base } = t;
    const { session, identity, locale, recorder, emit } = base;
    const onToolEvent = toolEvents(locale, emit);
    const release = releaseTo(emit);
    if (t.prefix) release?.(`${t.prefix}\n\n`);
    const staff = identity.kind === "staff";
    const retrieve = {
      query: t.userText,
      intent: t.intent,
      route: t.route,
      locale,
      allowedTools: t.allowedTools,
      staff,
      recorder,
      onToolEvent,
    };
    const passages = "message" in t.input ? await retrieveForTurn(deps.knowledge, retrieve) : [];
    const plan = buildTurnPlan({
      intent: t.intent,
      route: t.route,
      locale,
      identity,
      decision: base.decision,
      ...(session.state.focusTransactionId ? { focusTransactionId: session.state.focusTransactionId } : {}),
      ...(session.state.pending ? { actionPending: true } : {}),
      allowedTools: t.allowedTools,
      today: deps.now().toISOString().slice(0, 10),
      passages,
      ...(t.staffCall ? { staffCall: t.staffCall } : {}),
    });
    const answered = await answerWithAgent({
      agent: deps.agent,
      input: t.input,
      identity,
      sessionId: session.id,
      vault: base.vault,
      plan,
      systemPrompt: renderTurnPrompt(deps.renderSystemPrompt, plan),
      userText: t.userText,
      recorder,
      rails: deps.rails,
      // A remote model is always streamed: a non-streamed ChatOpenAI call estimates token usage with a tokenizer
      // it would download. The local responder is simply invoked when no client listens.
      stream: Boolean(emit) || deps.provider.provider !== "local",
      ...(t.threadId ? { threadId: t.threadId } : {}),
      onToolEvent,
      ...(release ? { release } : {}),
    });
    return finishTurn(finishDeps, {
      ...base,
      intent: t.intent,
      route: t.route,
      outcome: answered.outcome,
      text: [t.prefix, answered.text].filter(Boolean).join("\n\n"),
      citations: answered.citations,
      passages: passagesOfTurn(passages, recorder.toolCalls),
      events: [...base.events, ...answered.events],
      latency: { route: t.routeMs, agent: answered.agentMs },
      ...(release ? { release } : {}),
    });
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
      if (!input.sessionId)
        emit?.({ type: "session", data: { sessionId: session.id, ...(sessionKey ? { sessionKey } : {}) } });
      const vault = vaultOf(session.id);
      const screened = screenMessage(vault, input.message);
      const locale: Locale =
        input.locale ??
        (detectLocale(input.message) === "zh-CN" ? "zh-CN" : session.state.turns > 0 ? session.locale : "en");
      deps.store.appendMessage(session.id, { role: "user", text: screened.text });
      if (session.mode === "human") {
        const human = {
          session,
          identity: input.identity,
          locale,
          message: screened.text,
          events: screened.events,
          started,
        };
        return humanModeTurn(deps, { ...human, ...(emit ? { emit } : {}) });
      }

      // While an action waits for approval, a plain "yes" or "no" in words decides it; any other message is answered
      // on the side (read-only, on a separate thread) and the action keeps waiting for the customer's decision.
      const waiting = session.state.pending;
      const spoken = waiting ? spokenDecision(screened.text) : undefined;
      if (waiting && spoken) {
        const access = { identity: input.identity, ...(input.sessionKey ? { sessionKey: input.sessionKey } : {}) };
        return service.handleConfirmation(
          { ...access, sessionId: session.id, confirmationId: waiting.id, decision: spoken },
          emit,
        );
      }
      const staffStarted = performance.now();
      // Staff questions go to the staff router: its intent names the one staff tool, its slots the arguments.
      const staffCall =
        input.identity.kind === "staff" ? toStaffCall(deps.staffRouter.route(screened.text), screened.text) : undefined;
      const staffMs = Math.round(performance.now() - staffStarted);
      const routed = staffCall
        ? {
            ...routeMessage(deps.router, screened.text, locale),
            intent: staffCall.intent,
            route: "staff",
            routeMs: staffMs,
          }
        : routeMessage(deps.router, screened.text, locale, session.state.awaiting);
      const gate = decideScope({
        router: deps.router,
        screened,
        routed,
        locale,
        staff: input.identity.kind === "staff",
      });
      const scope =
        gate.kind === "fixed"
          ? await rescueByKnowledge({ knowledge: deps.knowledge, scope: gate, question: screened.text, locale })
          : gate;
      emit?.({
        type: "intent",
        data: {
          name: scope.intent,
          route: scope.route as ChatResponse["intent"]["route"],
          confidence: Number(routed.decision.confidence.toFixed(4)),
        },
      });
      const recorder = createTurnRecorder();
      const base = {
        session,
        ...(sessionKey ? { sessionKey } : {}),
        identity: input.identity,
        locale,
        vault,
        kind: "message" as const,
        message: screened.text,
        decision: routed.decision,
        recorder,
        events:
          scope.kind === "agent" && scope.rescued
            ? [...screened.events, { type: "scope_rescued" as const, detail: scope.rescued }]
            : screened.events,
        started,
        ...(emit ? { emit } : {}),
      };
      if (scope.kind === "fixed") {
        releaseTo(emit)?.(scope.text);
        const outcome = { text: scope.text, ...(scope.quickReplies ? { quickReplies: scope.quickReplies } : {}) };
        const events = scope.event ? [...screened.events, scope.event] : screened.events;
        return finishTurn(finishDeps, {
          ...base,
          events,
          intent: scope.intent,
          route: scope.route,
          outcome,
          text: scope.text,
          citations: [],
          passages: [],
          latency: { route: routed.routeMs, agent: 0 },
        });
      }
      const readOnly = scope.readOnly || Boolean(waiting);
      const allowedTools = allowedToolsFor(scope.route, input.identity).filter(
        (t) => !readOnly || !ACTION_TOOLS.has(t),
      );
      return agentTurn({
        base,
        input: { message: screened.text },
        userText: screened.text,
        intent: scope.intent,
        route: scope.route,
        allowedTools,
        routeMs: routed.routeMs,
        ...(scope.prefix ? { prefix: scope.prefix } : {}),
        ...(waiting ? { threadId: asideThreadId(session.id) } : {}),
        ...(staffCall ? { staffCall } : {}),
      });
    },

    async handleConfirmation(input, emit) {
      const { session } = openSession(input, input.sessionId);
      // The first decision claims the action (atomically, across workers); a retried or concurrent one gets that
      // decision's reply back, and nothing runs twice.
      const response = await deps.confirmations.decideOnce(
        {
          sessionId: session.id,
          confirmationId: input.confirmationId,
          decision: input.decision,
          pendingId: session.state.pending?.id,
        },
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

  async function decide(
    session: Session,
    input: Parameters<ChatService["handleConfirmation"]>[0],
    emit?: (e: ChatEvent) => void,
  ): Promise<ChatResponse> {
    const started = performance.now();
    const pending = session.state.pending;
    if (!pending || pending.id !== input.confirmationId) {
      throw new AppError("conflict", "There is no action waiting for confirmation with that id.");
    }
    const recorder: TurnRecorder = createTurnRecorder();
    const decision: RouteDecisionView = {
      intent: pending.intent,
      route: pending.route,
      confidence: pending.confidence,
      top: [],
      outOfScope: false,
      lowConfidence: false,
      slots: NO_SLOTS,
    };
    emit?.({
      type: "intent",
      data: {
        name: pending.intent,
        route: pending.route as ChatResponse["intent"]["route"],
        confidence: pending.confidence,
      },
    });
    if (input.decision === "reject")
      recorder.toolCalls.push({
        name: pending.action,
        args: {},
        status: "rejected",
        summary: "customer cancelled",
        ms: 0,
      });
    deps.store.appendMessage(session.id, {
      role: "user",
      text: `[${input.decision === "approve" ? "Approved" : "Cancelled"}: ${pending.summary}]`,
    });
    return agentTurn({
      base: {
        session,
        identity: input.identity,
        locale: session.locale,
        vault: vaultOf(session.id),
        kind: "confirmation",
        message: `[${input.decision}] ${pending.summary}`,
        decision,
        recorder,
        events: [],
        started,
        ...(emit ? { emit } : {}),
      },
      input: { decision: input.decision },
      userText: "",
      intent: pending.intent,
      route: pending.route,
      allowedTools: allowedToolsFor(pending.route, input.identity),
      routeMs: 0,
    });
  }
  return service;
}
