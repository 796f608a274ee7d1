// How the benchmark's simulated customers talk to POST /v1/chat: a JSON request, or the same request answered as
// server-sent events, timed to the first `token` event and to `done`. Keep-alive sockets, as a browser keeps them.
import { Agent, request } from "node:http";

/** One reply as the benchmark judges it; `status` 0 means no HTTP response arrived. */
export interface ChatReply {
  status: number;
  /** The JSON body, or for a stream the `done` (or `error`) event's data. */
  body: unknown;
  ms: number;
  /** Stream only: ms to the first `token` event (undefined when the reply carried no token event). */
  firstTokenMs?: number;
  /** Stream only: how many `token` events arrived. */
  tokenEvents?: number;
}

/** A call on behalf of one customer. */
export interface ChatCall {
  path: string;
  body: unknown;
  token?: string;
  sessionKey?: string;
}

/** A keep-alive client for the chat endpoints. */
export interface ChatTransport {
  json(path: string, call?: Omit<ChatCall, "path">): Promise<ChatReply>;
  stream(call: ChatCall): Promise<ChatReply>;
  close(): void;
}

const TIMEOUT_MS = 30_000;

// The server writes `event: <name>\ndata: <json>\n\n`; comments (": ping") and unknown lines are skipped.
function parseEvent(block: string): { event: string; data: string } | undefined {
  let event = "message";
  const data: string[] = [];
  for (const line of block.split("\n")) {
    if (line.startsWith("event:")) event = line.slice(6).trim();
    else if (line.startsWith("data:")) data.push(line.slice(5).trimStart());
  }
  return data.length > 0 ? { event, data: data.join("\n") } : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // a non-JSON reply is itself worth reporting, so the raw text is kept
    return text;
  }
}

/** Creates a client for `base` with at most `sockets` connections. */
export function createChatTransport(base: URL, sockets: number): ChatTransport {
  const agent = new Agent({ keepAlive: true, maxSockets: sockets });
  const send = (call: ChatCall & { method: "GET" | "POST"; stream: boolean }): Promise<ChatReply> =>
    new Promise((resolve) => {
      const started = performance.now();
      const payload = call.method === "POST" ? Buffer.from(JSON.stringify(call.body ?? {})) : undefined;
      let settled = false;
      const finish = (reply: Omit<ChatReply, "ms">): void => {
        if (settled) return;
        settled = true;
        resolve({ ...reply, ms: performance.now() - started });
      };
      const req = request(
        new URL(call.path, base),
        {
          method: call.method,
          agent,
          headers: {
            accept: call.stream ? "text/event-stream" : "application/json",
            ...(payload ? { "content-type": "application/json", "content-length": payload.length } : {}),
            ...(call.token ? { authorization: `Bearer ${call.token}` } : {}),
            ...(call.sessionKey ? { "x-session-key": call.sessionKey } : {}),
          },
        },
        (res) => {
          const status = res.statusCode ?? 0;
          const isStream = String(res.headers["content-type"] ?? "").startsWith("text/event-stream");
          let text = "";
          let firstTokenMs: number | undefined;
          let tokenEvents = 0;
          let last: unknown;
          res.setEncoding("utf8");
          res.on("data", (chunk: string) => {
            text += chunk;
            if (!isStream) return;
            for (let end = text.indexOf("\n\n"); end >= 0; end = text.indexOf("\n\n")) {
              const event = parseEvent(text.slice(0, end));
              text = text.slice(end + 2);
              if (event?.event === "token") {
                tokenEvents++;
                firstTokenMs ??= performance.now() - started;
              } else if (event?.event === "done") last = parseJson(event.data);
              else if (event?.event === "error") last = { error: parseJson(event.data) };
            }
          });
          res.on("end", () => {
            if (!isStream) finish({ status, body: parseJson(text) });
            // A stream that ended without `done` or `error` is reported as a body without a reply.
            else finish({ status, body: last, tokenEvents, ...(firstTokenMs !== undefined ? { firstTokenMs } : {}) });
          });
          res.on("error", () => finish({ status: 0, body: "response aborted" }));
        },
      );
      req.setTimeout(TIMEOUT_MS, () => req.destroy(new Error(`request timed out after ${TIMEOUT_MS / 1000} s`)));
      req.on("error", (e) => finish({ status: 0, body: e.message }));
      req.end(payload);
    });
  return {
    json: (path, call = { body: undefined }) =>
      send({ ...call, path, method: call.body === undefined ? "GET" : "POST", stream: false }),
    stream: (call) => send({ ...call, method: "POST", stream: true }),
    close: () => agent.destroy(),
  };
}
