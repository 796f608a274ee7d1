// Gives every request a trace id (the caller's X-Request-Id when it is a sane token, else a new one), echoes it in
// the response, and runs the rest of the request in a log context so every log line written for it carries the id.
import { randomUUID } from "node:crypto";
import type { RequestHandler } from "express";
import { z } from "zod";
import { runWithLogContext } from "../shared/logger.js";

/** The header a proxy or client may set to name the request; echoed on every response. */
export const REQUEST_ID_HEADER = "X-Request-Id";

// A caller's id lands in every log line, so only short plain tokens are taken over; anything else gets a new id.
const RequestIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{8,128}$/)
  .describe("A request id chosen by the caller or a proxy.");

/** The request's trace id as chosen by `requestContext` (undefined before it ran). */
export function requestIdOf(res: { locals: Record<string, unknown> }): string | undefined {
  const id = res.locals["requestId"];
  return typeof id === "string" ? id : undefined;
}

/** Starts the request's log context (the body parser and every later middleware run inside it); mount it first. */
export const requestContext: RequestHandler = (req, res, next) => {
  const given = RequestIdSchema.safeParse(req.get(REQUEST_ID_HEADER));
  const id = given.success ? given.data : randomUUID();
  res.locals["requestId"] = id;
  res.setHeader(REQUEST_ID_HEADER, id);
  // A turn logs under its own traceId (its audit record's); requestId still ties those lines to the request.
  runWithLogContext({ traceId: id, requestId: id }, next);
};
