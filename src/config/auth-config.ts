// Who may sign in and from where: the customer and staff trust domains, demo mode and the CORS allow-list. Checked
// together because a safe value of one depends on the others (demo mode needs loopback, the two domains must differ).
import path from "node:path";
import { isLoopbackHost } from "../shared/loopback-host.js";
import type { Env } from "./config-schema.js";

/** Keys and claims one trust domain (customers or staff) accepts; no key means nobody can sign in to it. */
export interface TrustDomainSettings {
  issuer: string;
  audience: string;
  secret?: string;
  publicKeyFile?: string;
  jwksFile?: string;
}

/** The identity part of the configuration. */
export interface AuthSettings {
  customer: TrustDomainSettings;
  staff: TrustDomainSettings;
  clockToleranceSeconds: number;
  /** Longest lifetime (`exp - iat`) of a token that is accepted, in seconds. */
  maxTokenTtlSeconds: number;
  /** Development tokens from GET /v1/demo/tokens and the built-in development keys; never in production. */
  demoMode: boolean;
  corsOrigins: string[];
}

const REMOVED = ["AUTH_JWT_SECRET", "AUTH_JWT_ISSUER"] as const;
const DEV_PREFIX = "dev-only-";

function parseOrigins(raw: string | undefined, problems: string[]): string[] {
  if (!raw) return [];
  const origins: string[] = [];
  for (const item of raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    let origin: string | undefined;
    try {
      const url = new URL(item);
      if ((url.protocol === "https:" || url.protocol === "http:") && url.origin === item.replace(/\/$/, ""))
        origin = url.origin;
    } catch {
      origin = undefined;
    }
    if (origin) origins.push(origin);
    else problems.push(`CORS_ORIGINS: "${item}" is not an origin like https://www.example.com (no path, no wildcard)`);
  }
  return origins;
}

function domain(e: Env, prefix: "CUSTOMER" | "STAFF"): TrustDomainSettings {
  const secret = e[`${prefix}_JWT_SECRET`];
  const publicKeyFile = e[`${prefix}_JWT_PUBLIC_KEY_FILE`];
  const jwksFile = e[`${prefix}_JWT_JWKS_FILE`];
  return {
    issuer: e[`${prefix}_JWT_ISSUER`],
    audience: e[`${prefix}_JWT_AUDIENCE`],
    ...(secret ? { secret } : {}),
    ...(publicKeyFile ? { publicKeyFile: path.resolve(publicKeyFile) } : {}),
    ...(jwksFile ? { jwksFile: path.resolve(jwksFile) } : {}),
  };
}

/** Builds the identity settings and lists every problem with them (the caller reports all problems at once). */
export function parseAuthSettings(
  e: Env,
  rawEnv: Record<string, string | undefined>,
): { settings: AuthSettings; problems: string[] } {
  const problems: string[] = [];
  for (const name of REMOVED) {
    if (rawEnv[name])
      problems.push(
        `${name}: no longer read; customers and staff are trusted separately (CUSTOMER_JWT_* and STAFF_JWT_*)`,
      );
  }
  const customer = domain(e, "CUSTOMER");
  const staff = domain(e, "STAFF");
  if (e.DEMO_MODE && e.NODE_ENV === "production")
    problems.push(
      "DEMO_MODE: must not be true with NODE_ENV=production (it hands out development tokens; `npm start` turns it on, so set DEMO_MODE=false or run `node dist/main.js`)",
    );
  if (e.DEMO_MODE && !isLoopbackHost(e.HOST))
    problems.push(`HOST: DEMO_MODE listens on a loopback address only (127.0.0.1, ::1 or localhost), not ${e.HOST}`);
  for (const [name, value] of [
    ["CUSTOMER_JWT_SECRET", customer.secret],
    ["STAFF_JWT_SECRET", staff.secret],
  ] as const) {
    if (value?.startsWith(DEV_PREFIX))
      problems.push(`${name}: development secrets ("${DEV_PREFIX}…") are never accepted from the environment`);
  }
  if (customer.secret && customer.secret === staff.secret)
    problems.push(
      "STAFF_JWT_SECRET: must differ from CUSTOMER_JWT_SECRET (a customer key must never sign staff tokens)",
    );
  if (customer.publicKeyFile && customer.publicKeyFile === staff.publicKeyFile)
    problems.push("STAFF_JWT_PUBLIC_KEY_FILE: must differ from CUSTOMER_JWT_PUBLIC_KEY_FILE");
  if (customer.jwksFile && customer.jwksFile === staff.jwksFile)
    problems.push("STAFF_JWT_JWKS_FILE: must differ from CUSTOMER_JWT_JWKS_FILE");
  if (customer.issuer === staff.issuer) problems.push("STAFF_JWT_ISSUER: must differ from CUSTOMER_JWT_ISSUER");
  if (customer.audience === staff.audience) problems.push("STAFF_JWT_AUDIENCE: must differ from CUSTOMER_JWT_AUDIENCE");
  const corsOrigins = parseOrigins(e.CORS_ORIGINS, problems);
  return {
    settings: {
      customer,
      staff,
      clockToleranceSeconds: e.JWT_CLOCK_TOLERANCE_SECONDS,
      maxTokenTtlSeconds: e.JWT_MAX_TTL_SECONDS,
      demoMode: e.DEMO_MODE,
      corsOrigins,
    },
    problems,
  };
}
