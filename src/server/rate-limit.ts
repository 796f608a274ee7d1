// Per-identity fixed-window rate limit, kept in memory (one process); the key comes from the authenticated identity.
import type { RequestHandler } from "express";
import { AppError } from "../shared/errors.js";

/** Creates a middleware allowing `limit` requests per key per minute. */
export function createRateLimiter(options: { limit: number; keyOf: (req: Parameters<RequestHandler>[0]) => string; now?: () => number }): RequestHandler {
  const now = options.now ?? Date.now;
  const windows = new Map<string, { start: number; count: number }>();
  return (req, res, next) => {
    const key = options.keyOf(req);
    const t = now();
    let w = windows.get(key);
    if (!w || t - w.start >= 60_000) {
      w = { start: t, count: 0 };
      windows.set(key, w);
      if (windows.size > 50_000) windows.clear();
    }
    w.count++;
    res.setHeader("RateLimit-Limit", String(options.limit));
    res.setHeader("RateLimit-Remaining", String(Math.max(0, options.limit - w.count)));
    if (w.count > options.limit) {
      res.setHeader("Retry-After", String(Math.ceil((w.start + 60_000 - t) / 1000)));
      next(new AppError("rate_limited", "Too many requests. Please wait a moment and try again."));
      return;
    }
    next();
  };
}
