// The widget's behaviour: open/close, sending and streaming turns, confirmations, handoff, live staff messages,
// persistence and language. All DOM comes from widget-view; all HTTP from the ChatClient port.
import type { ChatClient, TurnFailure, TurnHandlers, TurnResult } from "./chat-client.js";
import { h } from "./create-element.js";
import { createFeedbackUi } from "./widget-feedback.js";
import {
  createChatPersistence,
  ownerOfToken,
  type KeyValueStorage,
  type PersistedChat,
} from "./session-persistence.js";
import { applyStrings, renderCitations, renderMessage, renderTyping, type WidgetView } from "./widget-view.js";
import { localeOfMessage, t, type UiLocale } from "./widget-strings.js";
import type {
  LiveMessage,
  WidgetCitation,
  WidgetConfirmation,
  WidgetHandoff,
  WidgetMessage,
  WidgetSession,
} from "./widget-types.js";

/** What the embedding page can do with the widget (exposed as `window.HarborChat`). */
export interface HarborChatApi {
  setToken(token: string | null | undefined): void;
  setLocale(locale: UiLocale): void;
  open(): void;
  close(): void;
  endChat(): void;
}

/** Everything the controller needs from outside. */
export interface WidgetDeps {
  view: WidgetView;
  client: ChatClient;
  storage: KeyValueStorage | undefined;
  locale: UiLocale;
  kbBase: string;
  token?: string;
  tokenRef: { current?: string };
}

/** Wires behaviour onto a mounted view and returns the page-facing API. */
export function createWidgetController(deps: WidgetDeps): HarborChatApi {
  const { view, client, kbBase, tokenRef } = deps;
  const persistence = createChatPersistence(deps.storage);
  tokenRef.current = deps.token;
  const restored = persistence.load();
  const state: PersistedChat = restored ?? {
    owner: ownerOfToken(deps.token),
    locale: deps.locale,
    open: false,
    messages: [],
  };
  if (restored && deps.token && restored.owner !== ownerOfToken(deps.token))
    Object.assign(state, {
      owner: ownerOfToken(deps.token),
      sessionId: undefined,
      sessionKey: undefined,
      messages: [],
      handoff: undefined,
      quickReplies: undefined,
    });
  let busy = false;
  let unread = false;
  let unsubscribe: (() => void) | undefined;
  let subscribedTo: string | undefined;
  const seen = new Set(state.messages.map((m) => m.id));

  const save = () => persistence.save(state);
  const feedback = createFeedbackUi({
    client,
    session: () => currentSession(),
    locale: () => state.locale,
    save,
  });
  const render = (m: WidgetMessage) => renderMessage(m, state.locale, kbBase, decide, feedback.thumbs);
  const scroll = () => (view.log.scrollTop = view.log.scrollHeight);
  const append = (el: HTMLElement) => {
    view.log.append(el);
    scroll();
  };

  function refreshStrings() {
    applyStrings(view, state.locale, state.open, unread);
    view.badge.hidden = !unread;
  }

  function renderBanner() {
    const status = state.handoff?.status;
    view.banner.hidden = status !== "waiting" && status !== "with_agent";
    view.banner.textContent =
      status === "with_agent"
        ? t(state.locale, "handoffActive")
        : status === "waiting"
          ? t(state.locale, "handoffWaiting")
          : "";
  }

  function renderQuickReplies() {
    view.log.querySelector(".quick")?.remove();
    if (!state.quickReplies?.length) return;
    const box = h("div", { className: "quick", role: "group", "aria-label": t(state.locale, "suggestions") });
    for (const reply of state.quickReplies)
      box.append(h("button", { className: "chip", type: "button", text: reply, onclick: () => void send(reply) }));
    append(box);
  }

  function renderAll() {
    view.log.setAttribute("aria-busy", "true");
    view.log.replaceChildren();
    if (state.messages.length === 0)
      append(
        renderMessage(
          { id: "greeting", role: "assistant", text: t(state.locale, "greeting") },
          state.locale,
          kbBase,
          decide,
        ),
      );
    for (const m of state.messages) append(render(m));
    renderQuickReplies();
    renderBanner();
    view.log.removeAttribute("aria-busy");
  }

  function setLocale(locale: UiLocale) {
    if (locale === state.locale) return;
    state.locale = locale;
    save();
    refreshStrings();
    renderAll();
  }

  function subscribe() {
    unsubscribe?.();
    unsubscribe = undefined;
    subscribedTo = state.sessionId;
    if (!state.sessionId || typeof EventSource === "undefined") return;
    // Staff messages already shown are skipped, and any sent while this page was away are delivered.
    const after = Math.max(
      0,
      ...state.messages.map((m) => (m.id.startsWith("live-") ? Number(m.id.slice(5)) || 0 : 0)),
    );
    const session = { sessionId: state.sessionId, ...(state.sessionKey ? { sessionKey: state.sessionKey } : {}) };
    unsubscribe = client.subscribe(session, { message: onLiveMessage, handoff: onHandoff }, after);
  }

  /** The current conversation and its key, once the first turn has opened it. */
  function currentSession(): WidgetSession | undefined {
    return state.sessionId
      ? { sessionId: state.sessionId, ...(state.sessionKey ? { sessionKey: state.sessionKey } : {}) }
      : undefined;
  }

  /** The conversation to ask for CSAT: at least one reply came and it was not asked before. */
  function csatDue(): WidgetSession | undefined {
    const session = currentSession();
    if (!session || state.csatFor === session.sessionId) return undefined;
    return state.messages.some((m) => m.role === "assistant" && m.traceId) ? session : undefined;
  }

  /** After the panel closes on a chat with replies: a small card above the launcher asks for a 1–5 score, once. */
  function offerCsatOnClose() {
    const session = csatDue();
    if (!session) return;
    state.csatFor = session.sessionId;
    save();
    feedback.csatPopover(session, view.launcher);
  }

  /** The current conversation's credentials for a call (none before the first turn). */
  function sessionCall(): { sessionId?: string; sessionKey?: string } {
    return currentSession() ?? {};
  }

  function adoptSession(sessionId: string, sessionKey: string | undefined) {
    if (sessionId !== state.sessionId) state.sessionKey = undefined;
    state.sessionId = sessionId;
    if (sessionKey) state.sessionKey = sessionKey;
    save();
  }

  function onLiveMessage(m: LiveMessage) {
    const id = `live-${String(m.id)}`;
    if (seen.has(id) || m.role === "user") return;
    seen.add(id);
    const message: WidgetMessage = { id, role: m.role, text: m.text, ...(m.author ? { author: m.author } : {}) };
    state.messages.push(message);
    save();
    append(renderMessage(message, state.locale, kbBase, decide));
    if (!state.open) {
      unread = true;
      refreshStrings();
    }
  }

  function onHandoff(handoff: WidgetHandoff) {
    const was = state.handoff?.status;
    state.handoff = handoff;
    save();
    renderBanner();
    if (handoff.status === "closed" && was && was !== "closed")
      append(
        renderMessage(
          { id: `handback-${Date.now()}`, role: "system", text: t(state.locale, "handoffClosed") },
          state.locale,
          kbBase,
          decide,
        ),
      );
  }

  function showError(error: TurnFailure, retry: () => void) {
    const retryable = error.kind === "network" || error.status >= 500 || error.status === 429;
    const text =
      error.kind === "network" ? t(state.locale, "errorNetwork") : error.message || t(state.locale, "errorServer");
    const box = h("div", { className: "error", role: "alert" }, h("span", { text }));
    if (retryable) {
      box.append(
        h(
          "div",
          { className: "row" },
          h("button", {
            className: "btn",
            type: "button",
            text: t(state.locale, "retry"),
            onclick: () => {
              box.remove();
              retry();
            },
          }),
        ),
      );
    }
    append(box);
  }

  /** Runs one streamed turn: typing indicator, tool lines, tokens, then the authoritative `done` reply. */
  async function runTurn(call: (handlers: TurnHandlers) => Promise<TurnResult>, retry: () => void): Promise<boolean> {
    busy = true;
    view.log.querySelectorAll(".error").forEach((e) => e.remove());
    const typing = renderTyping(state.locale);
    append(typing);
    let streamed = "";
    let live: HTMLElement | undefined;
    let bubble: HTMLElement | undefined;
    let citations: WidgetCitation[] = [];
    let confirmation: WidgetConfirmation | undefined;
    const toolLines = new Map<string, HTMLElement>();
    const handlers: TurnHandlers = {
      onSession(s) {
        adoptSession(s.sessionId, s.sessionKey);
      },
      onTool(tool) {
        const existing = toolLines.get(tool.name);
        if (tool.phase === "end" && existing) {
          existing.classList.add("end");
          existing.textContent = tool.label || existing.textContent;
          return;
        }
        const line = h("div", { className: `tool ${tool.phase}`, text: tool.label });
        toolLines.set(tool.name, line);
        view.log.insertBefore(line, typing.isConnected ? typing : null);
        scroll();
      },
      onToken(text) {
        streamed += text;
        if (!live) {
          typing.remove();
          bubble = h("div", { className: "bubble" });
          live = h(
            "div",
            { className: "msg assistant streaming", "aria-busy": "true" },
            h("span", { className: "who", text: t(state.locale, "assistant") }),
            bubble,
          );
          append(live);
        }
        bubble!.textContent = streamed;
        scroll();
      },
      onCitations(c) {
        citations = c;
        if (live && c.length) live.append(renderCitations(c, state.locale, kbBase));
      },
      onConfirmation(c) {
        confirmation = c;
      },
    };
    const result = await call(handlers);
    typing.remove();
    live?.remove();
    busy = false;
    if (!result.ok) {
      // The server no longer knows this conversation as ours (expired, erased, or a key from an older widget):
      // start afresh, so the visitor's Retry opens a new conversation.
      if (result.error.kind === "server" && result.error.status === 404 && state.sessionId) forgetSession();
      showError(result.error, retry);
      return false;
    }
    const r = result.value;
    adoptSession(r.sessionId, r.sessionKey);
    const pending = r.pendingConfirmation ?? confirmation;
    const replyCitations = r.reply.citations?.length ? r.reply.citations : citations;
    if (r.reply.text || pending) {
      const message: WidgetMessage = {
        id: `a-${Date.now().toString(36)}-${state.messages.length}`,
        role: "assistant",
        text: r.reply.text,
        ...(replyCitations.length ? { citations: replyCitations } : {}),
        ...(pending ? { confirmation: pending } : {}),
        ...(r.traceId ? { traceId: r.traceId } : {}),
      };
      state.messages.push(message);
      append(render(message));
    }
    state.quickReplies = r.reply.quickReplies;
    renderQuickReplies();
    if (r.handoff) onHandoff(r.handoff);
    save();
    if (subscribedTo !== state.sessionId) subscribe();
    return true;
  }

  async function send(text: string) {
    const message = text.trim();
    if (!message || busy) return;
    if (state.owner !== ownerOfToken(tokenRef.current)) reset(false);
    const detected = localeOfMessage(message);
    if (detected) setLocale(detected);
    const shadowFocus = (view.root.getRootNode() as ShadowRoot).activeElement;
    if (shadowFocus && view.log.contains(shadowFocus)) view.input.focus();
    state.quickReplies = undefined;
    renderQuickReplies();
    view.log.querySelector(".msg[data-id=greeting]")?.remove();
    const m: WidgetMessage = {
      id: `u-${Date.now().toString(36)}-${state.messages.length}`,
      role: "user",
      text: message,
    };
    state.messages.push(m);
    save();
    append(renderMessage(m, state.locale, kbBase, decide));
    const attempt = () => void runTurn((handlers) => client.send({ ...sessionCall(), message }, handlers), attempt);
    attempt();
  }

  function decide(m: WidgetMessage, decision: "approve" | "reject") {
    const c = m.confirmation;
    if (!c || c.outcome || busy || !state.sessionId) return;
    const sessionId = state.sessionId;
    const sessionKey = state.sessionKey;
    const card = view.log.querySelector(`.msg[data-id="${m.id}"]`);
    card?.querySelectorAll("button").forEach((b) => b.setAttribute("aria-disabled", "true"));
    const attempt = () =>
      void runTurn(
        (handlers) =>
          client.confirm(
            { sessionId, ...(sessionKey ? { sessionKey } : {}), confirmationId: c.id, decision },
            handlers,
          ),
        attempt,
      ).then((ok) => {
        if (!ok) return;
        c.outcome = decision;
        save();
        const refocus = card?.contains((view.root.getRootNode() as ShadowRoot).activeElement);
        card?.replaceWith(render(m));
        if (refocus) view.input.focus();
      });
    attempt();
  }

  function forgetSession() {
    unsubscribe?.();
    unsubscribe = undefined;
    subscribedTo = undefined;
    Object.assign(state, { sessionId: undefined, sessionKey: undefined, handoff: undefined });
    renderBanner();
    save();
  }

  function reset(announce: boolean) {
    unsubscribe?.();
    unsubscribe = undefined;
    subscribedTo = undefined;
    persistence.clear();
    Object.assign(state, {
      sessionId: undefined,
      sessionKey: undefined,
      messages: [],
      quickReplies: undefined,
      handoff: undefined,
      owner: ownerOfToken(tokenRef.current),
    });
    seen.clear();
    renderAll();
    if (announce)
      view.log.prepend(
        renderMessage(
          { id: "ended", role: "system", text: t(state.locale, "endChatConfirm") },
          state.locale,
          kbBase,
          decide,
        ),
      );
    save();
  }

  function open(focus = true) {
    feedback.dropCsatPopover();
    state.open = true;
    unread = false;
    view.panel.hidden = false;
    view.root.setAttribute("data-open", "");
    view.launcher.setAttribute("aria-expanded", "true");
    refreshStrings();
    save();
    scroll();
    if (focus) view.input.focus();
  }

  function close() {
    state.open = false;
    view.panel.hidden = true;
    view.root.removeAttribute("data-open");
    view.launcher.setAttribute("aria-expanded", "false");
    refreshStrings();
    save();
    view.launcher.focus();
  }

  // Closing by hand (not by the page's API) after a chat with replies offers the CSAT card.
  const closeByHand = () => {
    close();
    offerCsatOnClose();
  };
  view.launcher.addEventListener("click", () => (state.open ? closeByHand() : open()));
  view.closeButton.addEventListener("click", closeByHand);
  view.endButton.addEventListener("click", () => {
    const session = csatDue();
    reset(true);
    if (session) {
      const card = feedback.csat(session, {
        onDismiss: () => {
          card.remove();
          view.input.focus();
        },
        onSent: () => undefined,
      });
      append(card);
    }
    view.input.focus();
  });
  view.panel.addEventListener("keydown", (e) => {
    if (e.key === "Escape") {
      e.preventDefault();
      closeByHand();
    }
  });
  view.send.closest("form")!.addEventListener("submit", (e) => {
    e.preventDefault();
    const text = view.input.value;
    if (!text.trim() || busy) return;
    view.input.value = "";
    view.input.style.height = "";
    void send(text);
  });
  view.input.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      view.send.closest("form")!.requestSubmit();
    }
  });
  view.input.addEventListener("input", () => {
    view.input.style.height = "";
    view.input.style.height = `${Math.min(view.input.scrollHeight, 120)}px`;
  });

  refreshStrings();
  renderAll();
  if (state.open) open(false);
  subscribe();

  return {
    setToken(token) {
      tokenRef.current = token || undefined;
      const owner = ownerOfToken(tokenRef.current);
      if (owner !== state.owner) reset(false);
      else subscribe();
    },
    setLocale,
    open: () => open(),
    close,
    endChat: () => reset(true),
  };
}
