// The one error type that crosses the HTTP edge: a closed code set, each mapped to a status and a visibility.

/** Every error code the API can answer with. */
export const ERROR_CODES = [
  "bad_request",
  "validation_failed",
  "unauthenticated",
  "forbidden",
  "not_found",
  "conflict",
  "payload_too_large",
  "unsupported_media_type",
  "rate_limited",
  "knowledge_unavailable",
  "storage_unavailable",
  "shutting_down",
  "provider_mismatch",
  "upstream_failed",
  "internal",
] as const;

/** A closed union of error codes. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** HTTP status for every code; `Record` makes the table exhaustive at compile time. */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  knowledge_unavailable: 503,
  storage_unavailable: 503,
  shutting_down: 503,
  provider_mismatch: 500,
  upstream_failed: 502,
  internal: 500,
};

/** Whether the message of a code may be shown to the caller (server faults show a generic text). */
export const ERROR_EXPOSED: Record<ErrorCode, boolean> = {
  bad_request: true,
  validation_failed: true,
  unauthenticated: true,
  forbidden: true,
  not_found: true,
  conflict: true,
  payload_too_large: true,
  unsupported_media_type: true,
  rate_limited: true,
  knowledge_unavailable: true,
  storage_unavailable: true,
  shutting_down: true,
  provider_mismatch: false,
  upstream_failed: false,
  internal: false,
};

/** One problem in a request, e.g. a zod issue: where and what. */
export interface ErrorDetail {
  path: string;
  message: string;
}

/** An error that carries its API code; `cause` keeps the original fault for the logs. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[];

  constructor(code: ErrorCode, message: string, options: { details?: ErrorDetail[]; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.details = options.details ?? [];
  }
}

/** True for an AppError (also across module copies, by shape). */
export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
