// Talks to the chat API from the browser: streamed turns over fetch + ReadableStream, and live session events.
// An anonymous conversation's key travels in the X-Session-Key header; live events open with a single-use stream
// ticket, so no credential is ever put in a URL.
import { readSseStream } from "./sse-parser.js";
import type {
  LiveMessage,
  WidgetChatResponse,
  WidgetCitation,
  WidgetConfirmation,
  WidgetFeedback,
  WidgetHandoff,
  WidgetSession,
} from "./widget-types.js";

/** Callbacks for the events of one streamed turn. */
export interface TurnHandlers {
  /** A new conversation started: its id (and, for an anonymous visitor, its key) arrive before the reply. */
  onSession(session: WidgetSession): void;
  onTool(tool: { name: string; phase: "start" | "end"; label: string; status?: string }): void;
  onToken(text: string): void;
  onCitations(citations: WidgetCitation[]): void;
  onConfirmation(confirmation: WidgetConfirmation): void;
}

/** Why a turn failed: the network (retryable) or an error answer from the server. */
export type TurnFailure = { kind: "network" } | { kind: "server"; status: number; code: string; message: string };

/** The outcome of a turn. */
export type TurnResult = { ok: true; value: WidgetChatResponse } | { ok: false; error: TurnFailure };

/** The client the widget controller uses; a port so behaviour can be driven without a server. */
export interface ChatClient {
  send(body: { sessionId?: string; sessionKey?: string; message: string }, handlers: TurnHandlers): Promise<TurnResult>;
  confirm(
    body: { sessionId: string; sessionKey?: string; confirmationId: string; decision: "approve" | "reject" },
    handlers: TurnHandlers,
  ): Promise<TurnResult>;
  /** Posts a thumbs rating or CSAT; true when the server recorded it. */
  sendFeedback(feedback: WidgetFeedback): Promise<boolean>;
  /** Follows a conversation's live events, reconnecting with a fresh ticket after a drop, until the returned stop is called. */
  subscribe(
    session: WidgetSession,
    on: { message(m: LiveMessage): void; handoff(h: WidgetHandoff): void },
    after?: number,
  ): () => void;
}

const RECONNECT_MIN_MS = 1000;
const RECONNECT_MAX_MS = 30_000;

/** Creates the HTTP client for an API base URL ("" = same origin) and a token getter. */
export function createChatClient(apiBase: string, getToken: () => string | undefined): ChatClient {
  const base = apiBase.replace(/\/+$/, "");

  const headersFor = (sessionKey: string | undefined): Record<string, string> => {
    const token = getToken();
    return {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(sessionKey ? { "X-Session-Key": sessionKey } : {}),
    };
  };

  async function streamTurn(
    path: string,
    request: { sessionKey?: string } & Record<string, unknown>,
    handlers: TurnHandlers,
  ): Promise<TurnResult> {
    const { sessionKey, ...body } = request;
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "text/event-stream", ...headersFor(sessionKey) },
        body: JSON.stringify(body),
      });
    } catch {
      return { ok: false, error: { kind: "network" } };
    }
    if (!response.ok || !response.body) return { ok: false, error: await readError(response) };
    if (!(response.headers.get("content-type") ?? "").includes("text/event-stream")) {
      try {
        return { ok: true, value: (await response.json()) as WidgetChatResponse };
      } catch {
        return { ok: false, error: { kind: "network" } };
      }
    }
    let result: TurnResult | undefined;
    try {
      await readSseStream(response.body, ({ event, data }) => {
        const value = safeJson(data);
        if (event === "session") {
          const s = value as Partial<WidgetSession> | null;
          if (s && typeof s.sessionId === "string")
            handlers.onSession({
              sessionId: s.sessionId,
              ...(typeof s.sessionKey === "string" ? { sessionKey: s.sessionKey } : {}),
            });
        } else if (event === "tool") handlers.onTool(value as Parameters<TurnHandlers["onTool"]>[0]);
        else if (event === "token") handlers.onToken(String((value as { text?: unknown }).text ?? ""));
        else if (event === "citations") handlers.onCitations(value as WidgetCitation[]);
        else if (event === "confirmation") handlers.onConfirmation(value as WidgetConfirmation);
        else if (event === "done") result = { ok: true, value: value as WidgetChatResponse };
        else if (event === "error") {
          const e = value as { code?: string; message?: string };
          result = {
            ok: false,
            error: { kind: "server", status: 500, code: e.code ?? "internal", message: e.message ?? "" },
          };
        }
      });
    } catch {
      return result ?? { ok: false, error: { kind: "network" } };
    }
    // A stream that ends without `done` means the connection dropped mid-reply.
    return result ?? { ok: false, error: { kind: "network" } };
  }

  return {
    send: (body, handlers) => streamTurn("/v1/chat", body, handlers),
    confirm: (body, handlers) => streamTurn("/v1/chat/confirm", body, handlers),
    async sendFeedback({ sessionKey, ...body }) {
      try {
        const response = await fetch(`${base}/v1/feedback`, {
          method: "POST",
          headers: { "Content-Type": "application/json", Accept: "application/json", ...headersFor(sessionKey) },
          body: JSON.stringify(body),
        });
        return response.ok;
      } catch {
        return false;
      }
    },
    subscribe(session, on, after) {
      let stopped = false;
      let source: EventSource | undefined;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let delay = RECONNECT_MIN_MS;
      let lastId = after;
      const path = `${base}/v1/sessions/${encodeURIComponent(session.sessionId)}`;
      const retry = () => {
        if (stopped) return;
        timer = setTimeout(() => void connect(), delay);
        delay = Math.min(RECONNECT_MAX_MS, delay * 2);
      };
      const connect = async () => {
        const ticket = await fetchTicket(`${path}/stream-ticket`, headersFor(session.sessionKey));
        if (stopped) return;
        // A conversation that is gone (or no longer this visitor's) is not followed any further.
        if (ticket === "gone") return;
        if (!ticket) return retry();
        // The browser's own reconnect would reuse the spent ticket, so every drop gets a new ticket instead.
        const es = new EventSource(
          `${path}/events?ticket=${encodeURIComponent(ticket)}${lastId !== undefined ? `&after=${lastId}` : ""}`,
        );
        source = es;
        es.addEventListener("open", () => (delay = RECONNECT_MIN_MS));
        es.addEventListener("error", () => {
          es.close();
          if (source === es) retry();
        });
        // A server shutting down says so before it closes the stream: reconnect soon (to another instance).
        es.addEventListener("reconnect", () => {
          es.close();
          if (source !== es) return;
          delay = RECONNECT_MIN_MS;
          retry();
        });
        es.addEventListener("message", (e) => {
          const m = safeJson((e as MessageEvent<string>).data) as LiveMessage | null;
          if (!m || typeof m.text !== "string") return;
          if (typeof m.id === "number") lastId = Math.max(lastId ?? 0, m.id);
          on.message(m);
        });
        es.addEventListener("handoff", (e) => {
          const h = safeJson((e as MessageEvent<string>).data) as WidgetHandoff | null;
          if (h) on.handoff(h);
        });
      };
      void connect();
      return () => {
        stopped = true;
        if (timer) clearTimeout(timer);
        source?.close();
      };
    },
  };
}

/** Asks for a stream ticket: the ticket, "gone" when the conversation is not (or no longer) ours, else undefined. */
async function fetchTicket(url: string, headers: Record<string, string>): Promise<string | "gone" | undefined> {
  try {
    const response = await fetch(url, { method: "POST", headers: { Accept: "application/json", ...headers } });
    if (response.status === 404) return "gone";
    if (!response.ok) return undefined;
    const body = (await response.json()) as { ticket?: unknown };
    return typeof body.ticket === "string" ? body.ticket : undefined;
  } catch {
    return undefined;
  }
}

async function readError(response: Response): Promise<TurnFailure> {
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    return {
      kind: "server",
      status: response.status,
      code: body.error?.code ?? "internal",
      message: body.error?.message ?? "",
    };
  } catch {
    return response.status >= 500 || response.status === 0
      ? { kind: "network" }
      : { kind: "server", status: response.status, code: "internal", message: "" };
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
