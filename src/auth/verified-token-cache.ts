// Remembers recently verified tokens so a busy client does not pay for a signature check per request. Bounded
// (least-recently-used entries go first) and keyed by a hash of the whole token, so a hit returns exactly the
// identity, role included, that the full verification produced for that exact token.
import { createHash } from "node:crypto";
import type { Identity } from "./identity.js";

/** A bounded token → identity memory. */
export interface VerifiedTokenCache {
  get(token: string, now: number): Identity | undefined;
  set(token: string, identity: Identity, expiresAt: number): void;
  readonly size: number;
}

/** Creates an LRU cache holding at most `capacity` tokens; an entry is dropped once its token expires. */
export function createVerifiedTokenCache(capacity: number): VerifiedTokenCache {
  const entries = new Map<string, { identity: Identity; expiresAt: number }>();
  const keyOf = (token: string): string => createHash("sha256").update(token).digest("base64url");
  return {
    get(token, now) {
      const key = keyOf(token);
      const hit = entries.get(key);
      if (!hit) return undefined;
      entries.delete(key);
      if (hit.expiresAt <= now) return undefined;
      entries.set(key, hit);
      return hit.identity;
    },
    set(token, identity, expiresAt) {
      if (capacity <= 0) return;
      const key = keyOf(token);
      entries.delete(key);
      while (entries.size >= capacity) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
      entries.set(key, { identity, expiresAt });
    },
    get size() {
      return entries.size;
    },
  };
}
