// Reads the bearer token and attaches the verified identity. No Authorization header is anonymous; a header that is
// not a valid bearer token is a 401, never a silent downgrade to anonymous.
import type { Request, RequestHandler } from "express";
import type { Identity } from "../auth/identity.js";
import type { TokenService } from "../auth/tokens.js";
import { AppError } from "../shared/errors.js";

const IDENTITY = Symbol("identity");

/** Middleware that verifies the token; a bad or expired token is a 401, never a silent downgrade. */
export function createAuthMiddleware(tokens: TokenService): RequestHandler {
  return async (req, _res, next) => {
    const header = req.get("authorization");
    if (header === undefined || header.trim() === "") {
      setIdentity(req, { kind: "anonymous" });
      next();
      return;
    }
    const raw = bearerTokenOf(header);
    if (!raw) {
      next(new AppError("unauthenticated", "Send the access token as `Authorization: Bearer <token>`."));
      return;
    }
    const verified = await tokens.verify(raw);
    if (!verified.ok) {
      next(
        new AppError(
          "unauthenticated",
          verified.error === "expired_token"
            ? "Your session has expired. Please sign in again."
            : "The access token is not valid.",
        ),
      );
      return;
    }
    setIdentity(req, verified.value);
    next();
  };
}

/** The token of a `Bearer` credential (the scheme is case-insensitive, RFC 7235), or undefined for any other. */
export function bearerTokenOf(header: string): string | undefined {
  const space = header.search(/[ \t]/);
  if (space < 0 || header.slice(0, space).toLowerCase() !== "bearer") return undefined;
  const token = header.slice(space + 1).trim();
  return token === "" ? undefined : token;
}

function setIdentity(req: Request, identity: Identity): void {
  (req as unknown as Record<symbol, Identity>)[IDENTITY] = identity;
}

/** The identity of a request (anonymous if the auth middleware did not run). */
export function identityOf(req: Request): Identity {
  return (req as unknown as Record<symbol, Identity | undefined>)[IDENTITY] ?? { kind: "anonymous" };
}

/** Guard for staff-only routes. */
export const requireStaff: RequestHandler = (req, _res, next) => {
  const id = identityOf(req);
  if (id.kind === "anonymous") next(new AppError("unauthenticated", "Sign in as staff to use this."));
  else if (id.kind !== "staff") next(new AppError("forbidden", "This is for bank staff only."));
  else next();
};
