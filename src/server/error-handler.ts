// The single JSON error handler: maps AppError codes to statuses, hides server faults, never renders HTML.
import type { ErrorRequestHandler, RequestHandler } from "express";
import { ZodError } from "zod";
import { AppError, ERROR_EXPOSED, ERROR_STATUS, type ErrorCode } from "../shared/errors.js";
import type { Logger } from "../shared/logger.js";

/** Converts Express/body-parser faults that are really client mistakes into AppErrors. */
function classify(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    return new AppError("validation_failed", "The request is not valid.", {
      details: error.issues.map((i) => ({ path: i.path.join(".") || "(root)", message: i.message })),
    });
  }
  const e = error as { type?: string; status?: number; message?: string };
  const byType: Record<string, [ErrorCode, string]> = {
    "entity.parse.failed": ["bad_request", "The body is not valid JSON."],
    "entity.too.large": ["payload_too_large", "The body is too large."],
    "encoding.unsupported": ["unsupported_media_type", "The body encoding is not supported."],
    "charset.unsupported": ["unsupported_media_type", "The body charset is not supported."],
  };
  const known = e.type ? byType[e.type] : undefined;
  if (known) return new AppError(known[0], known[1], { cause: error });
  return new AppError("internal", "Something went wrong on our side.", { cause: error });
}

/** Express error middleware producing `{ error: { code, message, details } }`. */
export function createErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const appError = classify(error);
    const status = ERROR_STATUS[appError.code];
    const exposed = ERROR_EXPOSED[appError.code];
    if (status >= 500) {
      logger.error("request failed", { method: req.method, path: req.path, code: appError.code, error: appError.cause ?? appError });
    }
    if (res.headersSent) {
      res.end();
      return;
    }
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
