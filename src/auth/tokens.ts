// Signed identity tokens (JWT, HS256): minted by the bank's site for customers and by the SSO for staff.
import { SignJWT, errors as joseErrors, jwtVerify } from "jose";
import { z } from "zod";
import { err, ok, type Result } from "../shared/result.js";
import type { Identity } from "./identity.js";

const ClaimsSchema = z.object({
  sub: z.string().min(1),
  role: z.enum(["customer", "staff"]),
});

/** Issues and verifies identity tokens with one shared secret. */
export interface TokenService {
  mint(identity: Exclude<Identity, { kind: "anonymous" }>, ttlSeconds?: number): Promise<string>;
  verify(token: string): Promise<Result<Identity, "invalid_token" | "expired_token">>;
}

/** Creates the token service from the configured secret and issuer. */
export function createTokenService(options: { secret: string; issuer: string; now?: () => number }): TokenService {
  const key = new TextEncoder().encode(options.secret);
  const now = options.now ?? Date.now;
  // Verifying a signature costs more than the rest of a small request; a verified token is remembered until it expires.
  const verified = new Map<string, { identity: Identity; expiresAt: number }>();
  return {
    async mint(identity, ttlSeconds = 8 * 3600) {
      const sub = identity.kind === "customer" ? identity.customerId : identity.staffId;
      return new SignJWT({ role: identity.kind })
        .setProtectedHeader({ alg: "HS256", typ: "JWT" })
        .setSubject(sub)
        .setIssuer(options.issuer)
        .setIssuedAt()
        .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
        .sign(key);
    },
    async verify(token) {
      const cached = verified.get(token);
      if (cached && cached.expiresAt > now()) return ok(cached.identity);
      try {
        const { payload } = await jwtVerify(token, key, { issuer: options.issuer, algorithms: ["HS256"], currentDate: new Date(now()) });
        const claims = ClaimsSchema.safeParse(payload);
        if (!claims.success) return err("invalid_token");
        const identity: Identity = claims.data.role === "customer" ? { kind: "customer", customerId: claims.data.sub } : { kind: "staff", staffId: claims.data.sub };
        if (verified.size >= 10_000) verified.clear();
        if (typeof payload.exp === "number") verified.set(token, { identity, expiresAt: payload.exp * 1000 });
        return ok(identity);
      } catch (e) {
        if (e instanceof joseErrors.JWTExpired) return err("expired_token");
        return err("invalid_token");
      }
    },
  };
}
