// Talks to the chat API from the browser: streamed turns over fetch + ReadableStream, and live session events.
import { readSseStream } from "./sse-parser.js";
import type { LiveMessage, WidgetChatResponse, WidgetCitation, WidgetConfirmation, WidgetHandoff } from "./widget-types.js";

/** Callbacks for the events of one streamed turn. */
export interface TurnHandlers {
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
  send(body: { sessionId?: string; message: string }, handlers: TurnHandlers): Promise<TurnResult>;
  confirm(body: { sessionId: string; confirmationId: string; decision: "approve" | "reject" }, handlers: TurnHandlers): Promise<TurnResult>;
  subscribe(sessionId: string, on: { message(m: LiveMessage): void; handoff(h: WidgetHandoff): void }): () => void;
}

/** Creates the HTTP client for an API base URL ("" = same origin) and a token getter. */
export function createChatClient(apiBase: string, getToken: () => string | undefined): ChatClient {
  const base = apiBase.replace(/\/+$/, "");

  async function streamTurn(path: string, body: unknown, handlers: TurnHandlers): Promise<TurnResult> {
    const token = getToken();
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          Accept: "text/event-stream",
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
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
        if (event === "tool") handlers.onTool(value as Parameters<TurnHandlers["onTool"]>[0]);
        else if (event === "token") handlers.onToken(String((value as { text?: unknown }).text ?? ""));
        else if (event === "citations") handlers.onCitations(value as WidgetCitation[]);
        else if (event === "confirmation") handlers.onConfirmation(value as WidgetConfirmation);
        else if (event === "done") result = { ok: true, value: value as WidgetChatResponse };
        else if (event === "error") {
          const e = value as { code?: string; message?: string };
          result = { ok: false, error: { kind: "server", status: 500, code: e.code ?? "internal", message: e.message ?? "" } };
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
    subscribe(sessionId, on) {
      const token = getToken();
      const url = `${base}/v1/sessions/${encodeURIComponent(sessionId)}/events${token ? `?access_token=${encodeURIComponent(token)}` : ""}`;
      const source = new EventSource(url);
      source.addEventListener("message", (e) => {
        const m = safeJson((e as MessageEvent<string>).data) as LiveMessage | null;
        if (m && typeof m.text === "string") on.message(m);
      });
      source.addEventListener("handoff", (e) => {
        const h = safeJson((e as MessageEvent<string>).data) as WidgetHandoff | null;
        if (h) on.handoff(h);
      });
      return () => source.close();
    },
  };
}

async function readError(response: Response): Promise<TurnFailure> {
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    return { kind: "server", status: response.status, code: body.error?.code ?? "internal", message: body.error?.message ?? "" };
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
