// Server-sent events over an Express response: named events with JSON data, keep-alive pings, close handling.
import type { Response } from "express";

/** A server-sent event stream. */
export interface SseStream {
  send(event: string, data: unknown): void;
  close(): void;
  readonly closed: boolean;
}

/** Starts an SSE response; pings every `pingMs` so proxies keep the connection open. */
export function openSse(res: Response, options: { pingMs?: number } = {}): SseStream {
  res.status(200);
  res.setHeader("Content-Type", "text/event-stream; charset=utf-8");
  res.setHeader("Cache-Control", "no-cache, no-transform");
  res.setHeader("Connection", "keep-alive");
  res.setHeader("X-Accel-Buffering", "no");
  res.flushHeaders();
  let closed = false;
  const ping = options.pingMs ? setInterval(() => !closed && res.write(": ping\n\n"), options.pingMs) : undefined;
  res.on("close", () => {
    closed = true;
    if (ping) clearInterval(ping);
  });
  return {
    send(event, data) {
      if (closed) return;
      res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    close() {
      if (ping) clearInterval(ping);
      if (!closed) {
        closed = true;
        res.end();
      }
    },
    get closed() {
      return closed;
    },
  };
}

/** True when the client asked for an event stream. */
export function wantsEventStream(accept: string | undefined): boolean {
  return !!accept && accept.includes("text/event-stream");
}
