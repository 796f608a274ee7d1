// Turns the identity settings into a token verifier, plus the demo-token minter when demo mode is on. Start-up
// warnings say which population cannot sign in, because a missing key fails closed (every token is a 401).
import { createDevSigners } from "./token-signer.js";
import { createTokenService, type TokenService } from "./tokens.js";
import {
  DEMO_TOKEN_TTL_SECONDS,
  loadTrustDomain,
  type TrustDomainKind,
  type TrustDomainSource,
} from "./trust-domain.js";

/** The identity settings this needs (a subset of the config). */
export interface IdentitySettings {
  customer: TrustDomainSource;
  staff: TrustDomainSource;
  clockToleranceSeconds: number;
  maxTokenTtlSeconds: number;
  demoMode: boolean;
}

/** What the composition root wires in. */
export interface LoadedIdentity {
  tokens: TokenService;
  /** Demo mode only: fresh development tokens for the demo identities. */
  demoTokens?: () => Promise<Record<string, string>>;
  warnings: string[];
}

/** Loads both trust domains (reading key files) and builds the verifier; throws on unreadable or shared keys. */
export async function loadIdentity(settings: IdentitySettings): Promise<LoadedIdentity> {
  const customer = await loadTrustDomain("customer", settings.customer, { demoMode: settings.demoMode });
  const staff = await loadTrustDomain("staff", settings.staff, { demoMode: settings.demoMode });
  const tokens = createTokenService({
    customer,
    staff,
    clockToleranceSeconds: settings.clockToleranceSeconds,
    maxLifetimeSeconds: settings.maxTokenTtlSeconds,
  });
  const warnings: string[] = [];
  for (const kind of ["customer", "staff"] as const satisfies readonly TrustDomainKind[]) {
    if (tokens.available[kind]) continue;
    const prefix = kind.toUpperCase();
    warnings.push(
      `${kind} sign-in is unavailable: set ${prefix}_JWT_SECRET, ${prefix}_JWT_PUBLIC_KEY_FILE or ${prefix}_JWT_JWKS_FILE (or DEMO_MODE=true on a development machine)`,
    );
  }
  if (!settings.demoMode) return { tokens, warnings };
  warnings.push(
    `DEMO_MODE is on: GET /v1/demo/tokens hands out ${DEMO_TOKEN_TTL_SECONDS / 60}-minute development tokens to this machine; never use it for real customers`,
  );
  const signers = createDevSigners({ customer: settings.customer, staff: settings.staff });
  // Within the accepted lifetime, so a short JWT_MAX_TTL_SECONDS never makes the demo page's own tokens fail.
  const ttl = Math.min(DEMO_TOKEN_TTL_SECONDS, settings.maxTokenTtlSeconds);
  const demoTokens = async (): Promise<Record<string, string>> => ({
    demo1: await signers.customer.mint("demo1", ttl),
    demo2: await signers.customer.mint("demo2", ttl),
    staff: await signers.staff.mint("demo-staff", ttl),
  });
  return { tokens, demoTokens, warnings };
}
