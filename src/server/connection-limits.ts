// Bounds what one process holds open at the socket level, below Express: a cap on open connections and deadlines for
// a request to arrive, so a flood of idle or slow ("slowloris") connections cannot exhaust a worker.
import type { Server } from "node:http";

/** Socket-level limits for one listening server. */
export interface ConnectionLimits {
  maxConnections: number;
  requestTimeoutMs: number;
}

/** Applies the limits to `server`; connections past the cap are closed by Node as they arrive. */
export function applyConnectionLimits(server: Server, limits: ConnectionLimits): void {
  server.maxConnections = limits.maxConnections;
  // The whole request (headers and body) must arrive within requestTimeoutMs, the headers within half of it; a response
  // that streams for longer (SSE) is not affected.
  server.requestTimeout = limits.requestTimeoutMs;
  server.headersTimeout = Math.max(1000, Math.floor(limits.requestTimeoutMs / 2));
  // An idle keep-alive connection is closed after five seconds.
  server.keepAliveTimeout = 5000;
}
