// Mints identity tokens for exactly one trust domain: a signer holds one domain's key, issuer and audience, so a
// customer signer has no way to produce a staff token. Used by demo mode, the token CLI and tests.
import { SignJWT, type CryptoKey } from "jose";
import type { Identity } from "./identity.js";
import { DEV_SECRETS, type AsymmetricAlgorithm, type TrustDomainKind } from "./trust-domain.js";

/** The private half of a domain's key. */
export type SigningKey = { alg: "HS256"; secret: string } | { alg: AsymmetricAlgorithm; privateKey: CryptoKey };

/** Mints tokens for one domain. */
export interface TokenSigner {
  readonly kind: TrustDomainKind;
  /** A token for `subject` (customer id or staff id) that expires after `ttlSeconds`. */
  mint(subject: string, ttlSeconds: number): Promise<string>;
}

/** Creates a signer for one domain. */
export function createTokenSigner(options: {
  kind: TrustDomainKind;
  issuer: string;
  audience: string;
  key: SigningKey;
  now?: () => number;
}): TokenSigner {
  const now = options.now ?? Date.now;
  const key = options.key.alg === "HS256" ? new TextEncoder().encode(options.key.secret) : options.key.privateKey;
  return {
    kind: options.kind,
    async mint(subject, ttlSeconds) {
      const issuedAt = Math.floor(now() / 1000);
      // `role` is only a hint for user interfaces; the verifier takes the role from the domain that accepted the token.
      return new SignJWT({ role: options.kind })
        .setProtectedHeader({ alg: options.key.alg, typ: "JWT" })
        .setSubject(subject)
        .setIssuer(options.issuer)
        .setAudience(options.audience)
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + ttlSeconds)
        .sign(key);
    },
  };
}

/** Signers with the public development secrets; their tokens are accepted only by a server in demo mode. */
export function createDevSigners(
  domains: Record<TrustDomainKind, { issuer: string; audience: string }>,
): Record<TrustDomainKind, TokenSigner> {
  return {
    customer: createTokenSigner({
      kind: "customer",
      issuer: domains.customer.issuer,
      audience: domains.customer.audience,
      key: { alg: "HS256", secret: DEV_SECRETS.customer },
    }),
    staff: createTokenSigner({
      kind: "staff",
      issuer: domains.staff.issuer,
      audience: domains.staff.audience,
      key: { alg: "HS256", secret: DEV_SECRETS.staff },
    }),
  };
}

/** Where a domain's HS256 signing secret may come from. */
export interface SecretSigningSettings {
  customer: { issuer: string; audience: string; secret?: string };
  staff: { issuer: string; audience: string; secret?: string };
  demoMode: boolean;
}

/** Signers for the domains that have an HS256 secret: the configured one, else the development one in demo mode. */
export function createSecretSigners(settings: SecretSigningSettings): Partial<Record<TrustDomainKind, TokenSigner>> {
  const signers: Partial<Record<TrustDomainKind, TokenSigner>> = {};
  for (const kind of ["customer", "staff"] as const) {
    const domain = settings[kind];
    const secret = domain.secret ?? (settings.demoMode ? DEV_SECRETS[kind] : undefined);
    if (secret)
      signers[kind] = createTokenSigner({
        kind,
        issuer: domain.issuer,
        audience: domain.audience,
        key: { alg: "HS256", secret },
      });
  }
  return signers;
}

/** Mints a token for a signed-in identity with whichever signer serves its domain. */
export interface IdentityMinter {
  mint(identity: Exclude<Identity, { kind: "anonymous" }>, ttlSeconds?: number): Promise<string>;
}

/** Wraps per-domain signers for tests and scripts; minting for a domain without a signer throws (a setup bug). */
export function createIdentityMinter(signers: Partial<Record<TrustDomainKind, TokenSigner>>): IdentityMinter {
  return {
    mint(identity, ttlSeconds = 3600) {
      const signer = signers[identity.kind];
      if (!signer) throw new Error(`no ${identity.kind} signing key is configured`);
      return signer.mint(identity.kind === "customer" ? identity.customerId : identity.staffId, ttlSeconds);
    },
  };
}
