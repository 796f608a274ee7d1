// Verifies identity tokens (JWT) against two separate trust domains: customers (signed in by the bank's website) and
// staff (signed in by the bank's SSO). The role is the domain whose key and audience accepted the token, never a claim.
import {
  decodeJwt,
  decodeProtectedHeader,
  errors as joseErrors,
  jwtVerify,
  type CryptoKey,
  type JWTPayload,
  type JWTVerifyOptions,
} from "jose";
import { z } from "zod";
import { err, ok, type Result } from "../shared/result.js";
import type { Identity } from "./identity.js";
import { ASYMMETRIC_ALGORITHMS, type TrustDomain, type TrustDomainKind, type VerificationKey } from "./trust-domain.js";
import { createVerifiedTokenCache } from "./verified-token-cache.js";

const MAX_TOKEN_CHARS = 8192;
const MAX_JWKS_CANDIDATES = 10;
/** The default longest token lifetime, in seconds: one day, as the token CLI allows. */
export const DEFAULT_MAX_LIFETIME_SECONDS = 86_400;

const ClaimsSchema = z.object({
  sub: z.string().min(1).max(256),
  exp: z.number(),
  iat: z.number(),
  role: z.enum(["customer", "staff"]).optional(),
});

/** Why a token was refused. */
export type TokenError = "invalid_token" | "expired_token";

/** Verifies identity tokens. */
export interface TokenService {
  verify(token: string): Promise<Result<Identity, TokenError>>;
  /** Whether each domain has a key at all (without one, nobody can sign in to it). */
  readonly available: Record<TrustDomainKind, boolean>;
}

/** What the verifier trusts and how strictly it reads time. */
export interface TokenServiceOptions {
  customer: TrustDomain;
  staff: TrustDomain;
  /** Allowed clock skew for `exp`, `nbf` and `iat`, in seconds (default 30). */
  clockToleranceSeconds?: number;
  /** Longest lifetime `exp - iat` accepted, in seconds (default 86,400, the token CLI's cap). */
  maxLifetimeSeconds?: number;
  now?: () => number;
  /** Verified tokens remembered at most (default 10,000). */
  cacheCapacity?: number;
}

function audiencesOf(payload: JWTPayload): string[] {
  return payload.aud === undefined ? [] : Array.isArray(payload.aud) ? payload.aud : [payload.aud];
}

function acceptsAlgorithm(key: VerificationKey, alg: string): boolean {
  if (key.alg === "jwks") return ASYMMETRIC_ALGORITHMS.some((a) => a === alg);
  return key.alg === alg;
}

function identityIn(kind: TrustDomainKind, sub: string): Identity {
  return kind === "customer" ? { kind: "customer", customerId: sub } : { kind: "staff", staffId: sub };
}

/** Creates the verifier; throws if the two domains share a key or an audience (a configuration fault). */
export function createTokenService(options: TokenServiceOptions): TokenService {
  const { customer, staff } = options;
  if (customer.kind !== "customer" || staff.kind !== "staff")
    throw new Error("the customer and staff trust domains are swapped");
  if (customer.audience === staff.audience) throw new Error("the customer and staff trust domains share an audience");
  if (customer.thumbprints.some((t) => staff.thumbprints.includes(t))) {
    throw new Error("the customer and staff trust domains share a key; a customer key must never verify staff tokens");
  }
  const now = options.now ?? Date.now;
  const tolerance = options.clockToleranceSeconds ?? 30;
  const maxLifetime = options.maxLifetimeSeconds ?? DEFAULT_MAX_LIFETIME_SECONDS;
  const cache = createVerifiedTokenCache(options.cacheCapacity ?? 10_000);

  async function verifyWithKey(domain: TrustDomain, key: VerificationKey, token: string): Promise<JWTPayload> {
    const verifyOptions: JWTVerifyOptions = {
      issuer: domain.issuer,
      audience: domain.audience,
      algorithms: key.alg === "jwks" ? [...ASYMMETRIC_ALGORITHMS] : [key.alg],
      requiredClaims: ["exp", "iat", "sub", "iss", "aud"],
      clockTolerance: tolerance,
      currentDate: new Date(now()),
    };
    if (key.alg !== "jwks") return (await jwtVerify(token, key.key, verifyOptions)).payload;
    try {
      return (await jwtVerify(token, key.key, verifyOptions)).payload;
    } catch (e) {
      if (!(e instanceof joseErrors.JWKSMultipleMatchingKeys)) throw e;
      // A token without `kid` while the set holds several keys of its type (e.g. during rotation): try each in turn.
      return verifyWithCandidates(e, token, verifyOptions);
    }
  }

  async function verifyWithCandidates(
    candidates: AsyncIterable<CryptoKey>,
    token: string,
    verifyOptions: JWTVerifyOptions,
  ): Promise<JWTPayload> {
    let tried = 0;
    for await (const candidate of candidates) {
      if (++tried > MAX_JWKS_CANDIDATES) break;
      try {
        return (await jwtVerify(token, candidate, verifyOptions)).payload;
      } catch (e) {
        if (!(e instanceof joseErrors.JWSSignatureVerificationFailed)) throw e;
      }
    }
    throw new joseErrors.JWSSignatureVerificationFailed();
  }

  async function verifyIn(
    domain: TrustDomain,
    other: TrustDomain,
    token: string,
    alg: string,
  ): Promise<Result<{ identity: Identity; exp: number }, TokenError>> {
    for (const key of domain.keys.filter((k) => acceptsAlgorithm(k, alg))) {
      let payload: JWTPayload;
      try {
        payload = await verifyWithKey(domain, key, token);
      } catch (e) {
        // The signature was good but a claim was not: no other key of the domain will change that.
        if (e instanceof joseErrors.JWTExpired) return err("expired_token");
        if (e instanceof joseErrors.JWTClaimValidationFailed || e instanceof joseErrors.JWTInvalid)
          return err("invalid_token");
        continue;
      }
      const claims = ClaimsSchema.safeParse(payload);
      if (!claims.success) return err("invalid_token");
      // A stolen long-lived token stays useful for its whole life: cap it, and refuse an `iat` that dodges the cap.
      if (claims.data.iat > now() / 1000 + tolerance || claims.data.exp - claims.data.iat > maxLifetime)
        return err("invalid_token");
      if (claims.data.role !== undefined && claims.data.role !== domain.kind) return err("invalid_token");
      if (audiencesOf(payload).includes(other.audience)) return err("invalid_token");
      return ok({ identity: identityIn(domain.kind, claims.data.sub), exp: claims.data.exp });
    }
    return err("invalid_token");
  }

  return {
    available: { customer: customer.keys.length > 0, staff: staff.keys.length > 0 },
    async verify(token) {
      if (token.length === 0 || token.length > MAX_TOKEN_CHARS) return err("invalid_token");
      const cached = cache.get(token, now());
      if (cached) return ok(cached);
      let alg: string;
      let audiences: string[];
      try {
        alg = decodeProtectedHeader(token).alg ?? "";
        audiences = audiencesOf(decodeJwt(token));
      } catch {
        return err("invalid_token");
      }
      // The unverified audience only picks which domain to try; that domain's key and audience check decide.
      const forCustomer = audiences.includes(customer.audience);
      const forStaff = audiences.includes(staff.audience);
      if (forCustomer === forStaff) return err("invalid_token");
      const verified = forCustomer
        ? await verifyIn(customer, staff, token, alg)
        : await verifyIn(staff, customer, token, alg);
      if (!verified.ok) return verified;
      cache.set(token, verified.value.identity, verified.value.exp * 1000);
      return ok(verified.value.identity);
    },
  };
}
