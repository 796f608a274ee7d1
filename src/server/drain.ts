// Graceful shutdown of one instance: once draining, new turns and new live streams are refused with a 503 the
// client retries elsewhere, turns already running are allowed to finish (up to a grace period), and open live
// event streams are told to reconnect (to another instance) before they are closed.
import type { NextFunction, Request, RequestHandler, Response } from "express";
import { AppError } from "../shared/errors.js";

/** Tracks the instance's turns and live streams and refuses new ones once it drains. */
export interface DrainController {
  /** Counts turns and live streams; answers 503 to new ones once draining. Mount it before the routes. */
  readonly middleware: RequestHandler;
  readonly draining: boolean;
  readonly turnsInFlight: number;
  /** Live event streams open right now. */
  readonly openStreams: number;
  /** Starts draining (refuse new work, fail readiness); safe to call more than once. */
  startDraining(): void;
  /** Starts draining and resolves once every turn in flight has finished, or when `graceMs` has passed. */
  drain(graceMs: number): Promise<void>;
  /** Tells every open live stream to reconnect elsewhere, then ends it. */
  closeStreams(): void;
}

/** How a draining instance tells clients to come back (seconds) and an SSE client to reconnect (milliseconds). */
const RETRY_AFTER_SECONDS = 1;
const SSE_RETRY_MS = 1000;

/** True for the requests that run a turn: a message and a confirmation decision. */
export function isTurnRequest(req: Pick<Request, "method" | "path">): boolean {
  return req.method === "POST" && (req.path === "/v1/chat" || req.path.startsWith("/v1/chat/"));
}

/** True for a request that opens a session's live event stream. */
export function isLiveStreamRequest(req: Pick<Request, "method" | "path">): boolean {
  return req.method === "GET" && /^\/v1\/sessions\/[^/]+\/events$/.test(req.path);
}

function isOpenEventStream(res: Response): boolean {
  return res.headersSent && !res.writableEnded && String(res.getHeader("content-type") ?? "").includes("event-stream");
}

/** Creates the drain controller of one instance. */
export function createDrain(): DrainController {
  let draining = false;
  let turns = 0;
  const streams = new Set<Response>();
  const idleWaiters = new Set<() => void>();

  const turnEnded = (): void => {
    turns--;
    if (turns > 0) return;
    for (const wake of idleWaiters) wake();
    idleWaiters.clear();
  };

  // Answered through the one JSON error handler; Retry-After tells the client (and proxies) to come straight back.
  const refuse = (res: Response, next: NextFunction): void => {
    res.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
    next(new AppError("shutting_down", "This server is restarting. Please try again in a moment."));
  };

  const middleware: RequestHandler = (req, res, next) => {
    const turn = isTurnRequest(req);
    const live = isLiveStreamRequest(req);
    // While draining, every answer closes its connection, so keep-alive clients reconnect to another instance.
    if (draining) res.setHeader("Connection", "close");
    if (draining && (turn || live)) return refuse(res, next);
    if (turn) {
      turns++;
      // "close" follows "finish" and also fires when the client goes away mid-turn: either way the turn is over here.
      res.once("close", turnEnded);
    } else if (live) {
      // Every entry belongs to an open request, so the set is bounded by the connection limits.
      streams.add(res);
      res.once("close", () => streams.delete(res));
    }
    next();
  };

  const startDraining = (): void => {
    draining = true;
  };

  return {
    middleware,
    get draining() {
      return draining;
    },
    get turnsInFlight() {
      return turns;
    },
    get openStreams() {
      let open = 0;
      for (const res of streams) if (isOpenEventStream(res)) open++;
      return open;
    },
    startDraining,
    async drain(graceMs) {
      startDraining();
      if (turns === 0) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          idleWaiters.delete(done);
          resolve();
        }, graceMs);
        const done = (): void => {
          clearTimeout(timer);
          resolve();
        };
        idleWaiters.add(done);
      });
    },
    closeStreams() {
      for (const res of streams) {
        // A refused stream answered JSON and ends by itself; only an open event stream is told to reconnect.
        if (!isOpenEventStream(res)) continue;
        res.write(`retry: ${SSE_RETRY_MS}\nevent: reconnect\ndata: {"reason":"shutting_down"}\n\n`);
        res.end();
      }
      streams.clear();
    },
  };
}
