// The red team's customer and staff over real HTTP: a chat turn as JSON or as an event stream (every event kept, even
// from a stream cut short), and a member of staff taking a conversation over to post a note and handing it back.
import { ChatResponseSchema, type ChatResponse } from "../../agent/chat-schemas.js";

/** Which of the two chat paths a turn used. */
export type ChatPath = "json" | "sse";

/** Who is calling and in which conversation. */
export interface Caller {
  token?: string;
  sessionId?: string;
  sessionKey?: string;
}

/** One server-sent event. */
export interface SseEvent {
  event: string;
  data: unknown;
}

/** A chat turn as the client saw it; `status` is 0 and `error` set when no full answer arrived. */
export interface TurnCapture {
  path: ChatPath;
  status: number;
  ms: number;
  /** The body of a JSON turn, parsed, or the text when it is not JSON. */
  body?: unknown;
  /** The reply: the JSON body or the stream's `done` event, when it matches the API schema. */
  response?: ChatResponse;
  /** Every event of a streamed turn, in order. */
  events: SseEvent[];
  error?: string;
}

/** Sends one chat turn; never throws. */
export async function sendTurn(
  base: string,
  message: string,
  caller: Caller,
  path: ChatPath,
  timeoutMs: number,
): Promise<TurnCapture> {
  const started = performance.now();
  const headers: Record<string, string> = {
    "content-type": "application/json",
    accept: path === "sse" ? "text/event-stream" : "application/json",
    ...(caller.token ? { authorization: `Bearer ${caller.token}` } : {}),
    ...(caller.sessionKey ? { "x-session-key": caller.sessionKey } : {}),
  };
  const body = JSON.stringify({ message, ...(caller.sessionId ? { sessionId: caller.sessionId } : {}) });
  const signal = AbortSignal.timeout(timeoutMs);
  let text = "";
  let status = 0;
  let error: string | undefined;
  try {
    const res = await fetch(new URL("/v1/chat", base), { method: "POST", headers, body, signal });
    status = res.status;
    const reader = res.body?.getReader();
    const decoder = new TextDecoder();
    for (;;) {
      const next = await reader?.read();
      if (!next || next.done) break;
      text += decoder.decode(next.value, { stream: true });
    }
  } catch (e) {
    error = signal.aborted ? `no complete answer within ${timeoutMs} ms` : describe(e);
  }
  const ms = Math.round(performance.now() - started);
  if (path === "sse") {
    const events = parseEvents(text);
    const done = events.find((e) => e.event === "done");
    const response = done ? ChatResponseSchema.safeParse(done.data) : undefined;
    return {
      path,
      status: error ? 0 : status,
      ms,
      events,
      ...(response?.success ? { response: response.data } : {}),
      ...(error ? { error } : {}),
    };
  }
  const parsed = parseJson(text);
  const response = ChatResponseSchema.safeParse(parsed);
  return {
    path,
    status: error ? 0 : status,
    ms,
    body: parsed ?? text,
    events: [],
    ...(response.success ? { response: response.data } : {}),
    ...(error ? { error } : {}),
  };
}

/** A member of staff takes the conversation over, posts `note` to it and hands it back to the assistant. */
export async function postStaffNote(
  base: string,
  staffToken: string,
  sessionId: string,
  note: string,
): Promise<string[]> {
  const problems: string[] = [];
  const call = async (action: string, body?: unknown): Promise<void> => {
    const res = await fetch(new URL(`/v1/staff/conversations/${sessionId}/${action}`, base), {
      method: "POST",
      headers: { authorization: `Bearer ${staffToken}`, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }).catch((e: unknown) => ({ status: 0, text: async () => describe(e) }));
    if (res.status !== 200) problems.push(`staff ${action}: ${res.status} ${(await res.text()).slice(0, 120)}`);
  };
  await call("takeover");
  await call("reply", { text: note });
  await call("handback");
  return problems;
}

/** Splits an event stream into its events (comments and pings skipped; a data line that is not JSON kept as text). */
export function parseEvents(text: string): SseEvent[] {
  const events: SseEvent[] = [];
  for (const block of text.split("\n\n")) {
    let event = "";
    const data: string[] = [];
    for (const line of block.split("\n")) {
      if (line.startsWith("event: ")) event = line.slice("event: ".length);
      else if (line.startsWith("data: ")) data.push(line.slice("data: ".length));
    }
    if (!event && data.length === 0) continue;
    const joined = data.join("\n");
    events.push({ event: event || "message", data: parseJson(joined) ?? joined });
  }
  return events;
}

function parseJson(text: string): unknown {
  try {
    const value: unknown = JSON.parse(text);
    return value;
  } catch {
    return undefined;
  }
}

function describe(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  return e.cause instanceof Error ? `${e.message} (${e.cause.message})` : e.message;
}
