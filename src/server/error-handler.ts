// The single JSON error handler: maps AppError codes to statuses, hides server faults, never renders HTML.
import type { ErrorRequestHandler, RequestHandler } from "express";
import { z, ZodError } from "zod";
import { AppError, ERROR_EXPOSED, ERROR_STATUS, type ErrorCode } from "../shared/errors.js";
import type { Logger } from "../shared/logger.js";
import { storageFaultOf } from "../shared/sqlite-database.js";

const HttpErrorShape = z.object({
  type: z.string().optional(),
  status: z.number().int().optional(),
  statusCode: z.number().int().optional(),
});

const BY_TYPE: Record<string, [ErrorCode, string]> = {
  "entity.parse.failed": ["bad_request", "The body is not valid JSON."],
  "entity.too.large": ["payload_too_large", "The body is too large."],
  "encoding.unsupported": ["unsupported_media_type", "The body encoding is not supported."],
  "charset.unsupported": ["unsupported_media_type", "The body charset is not supported."],
  "request.aborted": ["bad_request", "The request was aborted before its body arrived."],
  "request.size.invalid": ["bad_request", "The body length does not match Content-Length."],
  "parameters.too.many": ["payload_too_large", "The body has too many parameters."],
};

const BY_STATUS: Partial<Record<number, [ErrorCode, string]>> = {
  400: ["bad_request", "The request could not be read (check its encoding and URL)."],
  401: ["unauthenticated", "Sign in to use this."],
  403: ["forbidden", "This is not allowed."],
  404: ["not_found", "Not found."],
  413: ["payload_too_large", "The body is too large."],
  415: ["unsupported_media_type", "The body encoding is not supported."],
  416: ["bad_request", "The requested range is not satisfiable."],
  429: ["rate_limited", "Too many requests. Please wait a moment and try again."],
};

/** Converts Express/body-parser faults that are really client mistakes, and storage faults, into AppErrors. */
export function classify(error: unknown): AppError {
  if (error instanceof AppError) return error;
  // A locked or read-only database is a temporary condition, not a bug: a 503 the client may retry.
  if (storageFaultOf(error))
    return new AppError(
      "storage_unavailable",
      "The service cannot save this right now. Please try again in a moment.",
      { cause: error },
    );
  if (error instanceof ZodError) {
    return new AppError("validation_failed", "The request is not valid.", {
      details: error.issues.map((i) => ({ path: i.path.join(".") || "(root)", message: i.message })),
    });
  }
  const e = HttpErrorShape.safeParse(error);
  const type = e.success ? e.data.type : undefined;
  const known = type ? BY_TYPE[type] : undefined;
  if (known) return new AppError(known[0], known[1], { cause: error });
  // Other http-errors from Express and body-parser (a body that does not inflate, a path that does not decode) carry
  // a 4xx status: they are the client's fault, never a 500. Their messages may quote the input, so ours are used.
  const status = e.success ? (e.data.status ?? e.data.statusCode) : undefined;
  if (status !== undefined && status >= 400 && status < 500) {
    const [code, message] = BY_STATUS[status] ?? ["bad_request", "The request could not be read."];
    return new AppError(code, message, { cause: error });
  }
  return new AppError("internal", "Something went wrong on our side.", { cause: error });
}

/** Express error middleware producing `{ error: { code, message, details } }`. */
export function createErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const appError = classify(error);
    const status = ERROR_STATUS[appError.code];
    const exposed = ERROR_EXPOSED[appError.code];
    if (status >= 500) {
      logger.error("request failed", {
        method: req.method,
        path: req.path,
        code: appError.code,
        error: appError.cause ?? appError,
      });
    }
    if (res.headersSent) {
      res.end();
      return;
    }
    // A route may say when to come back (a draining instance: at once, elsewhere); otherwise five seconds.
    if (status === 503 && !res.getHeader("Retry-After")) res.set("Retry-After", "5");
    // A route may have set its own type or attachment name before failing (a file, a YAML export): errors are JSON.
    res.removeHeader("Content-Disposition");
    res.type("application/json");
    res.status(status).json({
      error: {
        code: appError.code,
        message: exposed ? appError.message : "Something went wrong on our side. Please try again.",
        ...(exposed && appError.details.length > 0 ? { details: appError.details } : {}),
      },
    });
  };
}

/** The 404 for unknown routes, in the same JSON shape. */
export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError("not_found", `No route for ${req.method} ${req.path}.`));
};
