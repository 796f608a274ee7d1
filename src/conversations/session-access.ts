// Who may use a conversation. Signed-in callers own theirs by identity; an anonymous visitor owns a session only by
// holding its secret session key, of which the store keeps just a SHA-256 digest. Staff may read any conversation.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { Identity } from "../auth/identity.js";
import type { Session } from "./conversation-store.js";

/** The anonymous visitor's session key as sent in the `X-Session-Key` header: 256 random bits, base64url. */
export const SessionKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, "must be the session key returned by the first turn");

/** The HTTP header that carries the session key. */
export const SESSION_KEY_HEADER = "x-session-key";

/** A caller and the session key it presented (if any). */
export interface SessionAccess {
  identity: Identity;
  sessionKey?: string;
}

/** Mints a new session key (256 bits from the CSPRNG). */
export function newSessionKey(): string {
  return randomBytes(32).toString("base64url");
}

const digest = (key: string): string => createHash("sha256").update(key, "utf8").digest("hex");

/** The owner recorded for a new session: the customer or staff id, or the digest of an anonymous visitor's key. */
export function ownerForNewSession(identity: Identity, sessionKey: string | undefined): string {
  switch (identity.kind) {
    case "anonymous":
      if (!sessionKey) throw new Error("an anonymous session needs a session key");
      return `anonymous:${digest(sessionKey)}`;
    case "customer":
      return `customer:${identity.customerId}`;
    case "staff":
      return `staff:${identity.staffId}`;
  }
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  // Lengths of owner strings are not secret; the comparison of equal-length values runs in constant time.
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * True when the caller owns the session: the same customer or staff member, or an anonymous caller presenting the
 * key whose digest the session holds. A signed-in caller never owns an anonymous session, even with its key.
 */
export function ownsSession(session: Pick<Session, "owner">, access: SessionAccess): boolean {
  if (access.identity.kind === "anonymous") {
    if (!access.sessionKey || !session.owner.startsWith("anonymous:")) return false;
    return sameText(session.owner, ownerForNewSession(access.identity, access.sessionKey));
  }
  return sameText(session.owner, ownerForNewSession(access.identity, undefined));
}

/** True when the caller may read the session: its owner, or any member of staff. */
export function mayReadSession(session: Pick<Session, "owner">, access: SessionAccess): boolean {
  return access.identity.kind === "staff" || ownsSession(session, access);
}
