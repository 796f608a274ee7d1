// A small HTTP client for load and fuzz scripts: keep-alive sockets, raw header lists (duplicates allowed), raw byte
// bodies, a timeout, and event streams read for a moment and then closed, so one stuck reply never stalls a run.
import { Agent, request, type IncomingHttpHeaders } from "node:http";

/** One request as sent on the wire; `headers` may repeat a name. */
export interface RawRequest {
  method: string;
  path: string;
  headers?: Array<[string, string]>;
  body?: Buffer;
  timeoutMs?: number;
  /** How long an open event stream is read before the client closes it (default 200 ms). */
  streamHoldMs?: number;
}

/** What came back; `status` is 0 and `error` is set when no response arrived. */
export interface RawReply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  ms: number;
  error?: string;
}

/** A keep-alive client bound to one base URL. */
export interface HttpClient {
  send(req: RawRequest): Promise<RawReply>;
  /** JSON convenience call: body serialised, reply parsed (the raw text when it is not JSON). */
  json(
    method: string,
    path: string,
    options?: { body?: unknown; headers?: Record<string, string> },
  ): Promise<{ status: number; headers: IncomingHttpHeaders; body: unknown; ms: number; error?: string }>;
  close(): void;
}

/** Parses a reply body as JSON, or returns undefined. */
export function parseJson(body: Buffer | string): unknown {
  try {
    return JSON.parse(typeof body === "string" ? body : body.toString("utf8"));
  } catch {
    return undefined;
  }
}

/** Reads a nested field of an unknown JSON value. */
export function field(value: unknown, ...path: string[]): unknown {
  let v: unknown = value;
  for (const k of path)
    v = v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>)[k] : undefined;
  return v;
}

/** Creates a client with at most `sockets` concurrent connections. */
export function createHttpClient(base: URL, sockets = 8): HttpClient {
  const agent = new Agent({ keepAlive: true, maxSockets: sockets });
  const send = (r: RawRequest): Promise<RawReply> =>
    new Promise((resolve) => {
      const started = performance.now();
      let settled = false;
      const finish = (reply: Omit<RawReply, "ms">): void => {
        if (settled) return;
        settled = true;
        resolve({ ...reply, ms: performance.now() - started });
      };
      // A raw header list replaces Node's defaults, so the Host header is added here unless the caller sent one.
      const flat: string[] = (r.headers ?? []).some(([k]) => k.toLowerCase() === "host") ? [] : ["host", base.host];
      for (const [k, v] of r.headers ?? []) flat.push(k, v);
      // With a raw header list Node frames no body by itself; without a length the body would be read as the next request.
      if (r.body && !(r.headers ?? []).some(([k]) => /^(?:content-length|transfer-encoding)$/i.test(k)))
        flat.push("content-length", String(r.body.length));
      let req: ReturnType<typeof request>;
      try {
        // host, port and path separately: a path such as "//x" must not be read as a protocol-relative URL.
        req = request({ host: base.hostname, port: base.port, path: r.path, method: r.method, agent, headers: flat });
      } catch (e) {
        finish({ status: 0, headers: {}, body: Buffer.alloc(0), error: `client_refused: ${(e as Error).message}` });
        return;
      }
      req.on("response", (res) => {
        const parts: Buffer[] = [];
        const done = (): void =>
          finish({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) });
        res.on("data", (c: Buffer) => parts.push(c));
        res.on("end", done);
        res.on("error", done);
        res.on("close", done);
        if (String(res.headers["content-type"] ?? "").startsWith("text/event-stream")) {
          setTimeout(() => {
            done();
            req.destroy();
          }, r.streamHoldMs ?? 200).unref();
        }
      });
      req.setTimeout(r.timeoutMs ?? 15_000, () => {
        finish({ status: 0, headers: {}, body: Buffer.alloc(0), error: "timeout" });
        req.destroy();
      });
      // The server may answer (413, 400) and close before a large body is fully written; the reply is what counts.
      req.on("error", (e: NodeJS.ErrnoException) => {
        setTimeout(() => finish({ status: 0, headers: {}, body: Buffer.alloc(0), error: e.code ?? e.message }), 50);
      });
      req.end(r.body);
    });
  return {
    send,
    async json(method, path, options = {}) {
      const payload = options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body));
      const headers: Array<[string, string]> = [
        ["accept", "application/json"],
        ...Object.entries(options.headers ?? {}),
      ];
      if (payload) headers.push(["content-type", "application/json"]);
      const reply = await send({ method, path, headers, ...(payload ? { body: payload } : {}) });
      const text = reply.body.toString("utf8");
      const parsed = parseJson(text);
      return {
        status: reply.status,
        headers: reply.headers,
        body: parsed === undefined ? text : parsed,
        ms: reply.ms,
        ...(reply.error ? { error: reply.error } : {}),
      };
    },
    close: () => agent.destroy(),
  };
}
