// The keys one trust domain (customers, or staff) accepts: HS256 secrets, an RS256/ES256 PEM public key, a JWKS file.
// Customers are signed in by the bank's website and staff by its SSO, so each domain has its own keys and audience.
import { createPublicKey } from "node:crypto";
import fs from "node:fs";
import {
  base64url,
  calculateJwkThumbprint,
  createLocalJWKSet,
  exportJWK,
  importSPKI,
  type CryptoKey,
  type JSONWebKeySet,
  type JWK,
  type JWTVerifyGetKey,
} from "jose";
import { z } from "zod";

/** The two populations that sign in; a token's role is the domain whose key and audience verified it. */
export type TrustDomainKind = "customer" | "staff";

/** Asymmetric algorithms accepted from PEM and JWKS keys. */
export const ASYMMETRIC_ALGORITHMS = ["RS256", "ES256"] as const;
/** An accepted asymmetric algorithm. */
export type AsymmetricAlgorithm = (typeof ASYMMETRIC_ALGORITHMS)[number];

/** Public development secrets, accepted only in demo mode (which is loopback-only and refused in production). */
export const DEV_SECRETS: Record<TrustDomainKind, string> = {
  customer: "dev-only-customer-secret-not-for-production-0123456789",
  staff: "dev-only-staff-secret-not-for-production-9876543210abc",
};

/** Lifetime of the tokens GET /v1/demo/tokens hands out. */
export const DEMO_TOKEN_TTL_SECONDS = 15 * 60;

/** One key a domain verifies with. */
export type VerificationKey =
  | { alg: "HS256"; key: Uint8Array }
  | { alg: AsymmetricAlgorithm; key: CryptoKey }
  | { alg: "jwks"; key: JWTVerifyGetKey };

/** A loaded trust domain: what `iss` and `aud` its tokens carry and the keys that may have signed them. */
export interface TrustDomain {
  kind: TrustDomainKind;
  issuer: string;
  audience: string;
  keys: VerificationKey[];
  /** RFC 7638 thumbprints of every key, to prove the two domains share none. */
  thumbprints: string[];
}

/** Key material for a domain, already read from wherever it lives. */
export interface TrustDomainMaterial {
  issuer: string;
  audience: string;
  secrets?: string[];
  publicKeysPem?: string[];
  jwks?: unknown[];
}

/** Where a domain's keys are configured (the shape of the config's trust-domain settings). */
export interface TrustDomainSource {
  issuer: string;
  audience: string;
  secret?: string;
  publicKeyFile?: string;
  jwksFile?: string;
}

const JwksSchema = z.object({ keys: z.array(z.object({ kty: z.string() }).passthrough()).min(1) });

/** The algorithm a PEM public key is for: RSA → RS256, P-256 → ES256; anything else is refused. */
function algorithmOfPem(pem: string): AsymmetricAlgorithm {
  const key = createPublicKey(pem);
  if (key.asymmetricKeyType === "rsa") return "RS256";
  if (key.asymmetricKeyType === "ec" && key.asymmetricKeyDetails?.namedCurve === "prime256v1") return "ES256";
  throw new Error(
    `unsupported public key type ${key.asymmetricKeyType ?? "unknown"} (use RSA for RS256 or P-256 for ES256)`,
  );
}

/** Builds a domain from key material; throws on a malformed key (a start-up fault, not a request failure). */
export async function createTrustDomain(kind: TrustDomainKind, material: TrustDomainMaterial): Promise<TrustDomain> {
  const keys: VerificationKey[] = [];
  const jwks: JWK[] = [];
  for (const secret of material.secrets ?? []) {
    const key = new TextEncoder().encode(secret);
    keys.push({ alg: "HS256", key });
    jwks.push({ kty: "oct", k: base64url.encode(key) });
  }
  for (const pem of material.publicKeysPem ?? []) {
    const alg = algorithmOfPem(pem);
    const key = await importSPKI(pem, alg, { extractable: true });
    keys.push({ alg, key });
    jwks.push(await exportJWK(key));
  }
  for (const raw of material.jwks ?? []) {
    const set: JSONWebKeySet = JwksSchema.parse(raw);
    keys.push({ alg: "jwks", key: createLocalJWKSet(set) });
    jwks.push(...set.keys);
  }
  const thumbprints = await Promise.all(jwks.map((k) => calculateJwkThumbprint(k)));
  return { kind, issuer: material.issuer, audience: material.audience, keys, thumbprints };
}

function readFile(file: string, what: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new Error(`cannot read the ${what} ${file}: ${(e as Error).message}`, { cause: e });
  }
}

function parseJson(text: string): unknown {
  return JSON.parse(text);
}

/** Loads a domain from its settings; the development secret is added only in demo mode. */
export async function loadTrustDomain(
  kind: TrustDomainKind,
  source: TrustDomainSource,
  options: { demoMode: boolean },
): Promise<TrustDomain> {
  const secrets = [...(source.secret ? [source.secret] : []), ...(options.demoMode ? [DEV_SECRETS[kind]] : [])];
  const label = kind.toUpperCase();
  try {
    return await createTrustDomain(kind, {
      issuer: source.issuer,
      audience: source.audience,
      secrets,
      publicKeysPem: source.publicKeyFile ? [readFile(source.publicKeyFile, `${label}_JWT_PUBLIC_KEY_FILE`)] : [],
      jwks: source.jwksFile ? [parseJson(readFile(source.jwksFile, `${label}_JWT_JWKS_FILE`))] : [],
    });
  } catch (e) {
    throw new Error(`${label} trust domain: ${(e as Error).message}`, { cause: e });
  }
}
