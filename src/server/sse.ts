// Server-sent events over an Express response: named events with JSON data, keep-alive pings, close handling, and
// the registry that caps how many streams one identity and the whole process hold open.
import type { Response } from "express";
import { err, ok, type Result } from "../shared/result.js";

/** A server-sent event stream. */
export interface SseStream {
  /** Sends a named event; an `id` is what the client's Last-Event-ID header names when it reconnects. */
  send(event: string, data: unknown, id?: string | number): void;
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
    send(event, data, id) {
      if (closed) return;
      // An id with a line break would end the field early and let text forge another field, so only a plain id passes.
      const idLine = id !== undefined && /^[\w.:-]{1,64}$/.test(String(id)) ? `id: ${id}\n` : "";
      res.write(`${idLine}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
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

/** Limits on concurrent event streams held open by one process. */
export interface SseLimits {
  /** Streams one identity (customer, member of staff, anonymous session) may hold at once. */
  maxPerIdentity: number;
  /** Streams anonymous visitors from one IP address may hold at once, whatever their sessions. */
  maxPerAnonymousIp: number;
  /** Streams the whole process holds at once. */
  maxTotal: number;
}

/** Why a stream was refused. */
export type SseRefusal = "identity_limit" | "ip_limit" | "total_limit";

/** Counts open event streams; every map entry belongs to an open stream, so the registry is bounded by `maxTotal`. */
export interface SseRegistry {
  /** Reserves a slot; the returned release must be called once when the stream closes (extra calls do nothing). */
  acquire(client: { identity: string; anonymousIp?: string }): Result<() => void, SseRefusal>;
  readonly open: number;
}

/** Creates the per-process stream registry. */
export function createSseRegistry(limits: SseLimits): SseRegistry {
  const byIdentity = new Map<string, number>();
  const byIp = new Map<string, number>();
  let total = 0;
  const bump = (map: Map<string, number>, key: string, delta: number): void => {
    const n = (map.get(key) ?? 0) + delta;
    if (n <= 0) map.delete(key);
    else map.set(key, n);
  };
  return {
    acquire({ identity, anonymousIp }) {
      if (total >= limits.maxTotal) return err("total_limit");
      if ((byIdentity.get(identity) ?? 0) >= limits.maxPerIdentity) return err("identity_limit");
      const ipKey = anonymousIp === undefined ? undefined : `ip:${anonymousIp}`;
      if (ipKey && (byIp.get(ipKey) ?? 0) >= limits.maxPerAnonymousIp) return err("ip_limit");
      total++;
      bump(byIdentity, identity, 1);
      if (ipKey) bump(byIp, ipKey, 1);
      let released = false;
      return ok(() => {
        if (released) return;
        released = true;
        total--;
        bump(byIdentity, identity, -1);
        if (ipKey) bump(byIp, ipKey, -1);
      });
    },
    get open() {
      return total;
    },
  };
}
