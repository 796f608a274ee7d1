// Browser-facing protections on every response: helmet's security headers with a CSP that allows no inline script
// and no framing, and a CORS allow-list for the bank's own sites (no reflected origins).
import type { RequestHandler, Response } from "express";
import helmet from "helmet";
import { AppError } from "../shared/errors.js";

/** Paths other sites embed with <script src>, so they must stay loadable cross-origin. */
const EMBEDDABLE_PATHS = new Set(["/widget.js"]);

/** The Content-Security-Policy directives of every page we serve (the demo bank page, the console, help pages). */
export const CSP_DIRECTIVES = {
  "default-src": ["'self'"],
  "script-src": ["'self'"],
  "script-src-attr": ["'none'"],
  "style-src": ["'self'"],
  "img-src": ["'self'", "data:"],
  "font-src": ["'self'"],
  "connect-src": ["'self'"],
  "object-src": ["'none'"],
  "base-uri": ["'none'"],
  "form-action": ["'self'"],
  "frame-ancestors": ["'none'"],
};

/** helmet with our CSP, no framing (X-Frame-Options DENY) and no referrer; /widget.js stays cross-origin loadable. */
export function createSecurityHeaders(): RequestHandler[] {
  const headers = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    frameguard: { action: "deny" },
    referrerPolicy: { policy: "no-referrer" },
    crossOriginResourcePolicy: { policy: "same-origin" },
  });
  const embeddable: RequestHandler = (req, res, next) => {
    if (EMBEDDABLE_PATHS.has(req.path)) res.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
    next();
  };
  return [headers, embeddable];
}

/** Whether the request's Origin names this server itself (same host and port as the Host header). */
export function isOwnOrigin(req: { get(name: string): string | undefined }, origin: string): boolean {
  try {
    const url = new URL(origin);
    return (url.protocol === "http:" || url.protocol === "https:") && url.host === req.get("host");
  } catch {
    return false;
  }
}

/**
 * Turns the router's automatic OPTIONS reply (200 with a text/plain list of methods) into 204 with only the Allow
 * header: the methods stay those of the routes that match, and no body goes out that a client might sniff or parse.
 */
function answerOptionsWithoutBody(res: Response): void {
  const end = res.end;
  const replacement = (...args: unknown[]): Response => {
    if (!res.headersSent && res.statusCode === 200 && res.getHeader("allow") !== undefined) {
      res.statusCode = 204;
      res.removeHeader("content-type");
      res.removeHeader("content-length");
      return Reflect.apply(end, res, []);
    }
    return Reflect.apply(end, res, args);
  };
  res.end = replacement;
}

/**
 * CORS for the API: only origins on the allow-list get Access-Control-* headers and preflights; a request from any
 * other foreign origin is refused before it reaches a route. Requests without an Origin (curl, servers) pass.
 */
export function createCorsPolicy(allowedOrigins: readonly string[]): RequestHandler {
  const allowed = new Set(allowedOrigins);
  return (req, res, next) => {
    res.vary("Origin");
    const origin = req.get("origin");
    if (origin === undefined || (isOwnOrigin(req, origin) && !allowed.has(origin))) {
      if (req.method === "OPTIONS") answerOptionsWithoutBody(res);
      next();
      return;
    }
    if (!allowed.has(origin)) {
      next(new AppError("forbidden", "This origin is not allowed to call the API."));
      return;
    }
    res.setHeader("Access-Control-Allow-Origin", origin);
    res.setHeader("Access-Control-Expose-Headers", "Retry-After");
    if (req.method === "OPTIONS") {
      res.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type, Accept, X-Session-Key");
      res.setHeader("Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS");
      res.setHeader("Access-Control-Max-Age", "600");
      res.status(204).end();
      return;
    }
    next();
  };
}
