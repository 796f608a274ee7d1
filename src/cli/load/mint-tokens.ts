// Tokens for load and fuzz scripts come from the app's own signers, keyed by secrets generated for the run and handed
// to the service through its environment, so no script knows a fixed secret and customer and staff keys stay apart.
import { randomBytes } from "node:crypto";
import { createIdentityMinter, createSecretSigners, type IdentityMinter } from "../../auth/token-signer.js";
import { loadConfig } from "../../config/load-config.js";

/** The identities a script signs in as. */
export interface ScriptTokens {
  /** Customer tokens; the first belongs to demo1 and the second to demo2. */
  customers: string[];
  staff: string;
}

/** Customers every seeded bank has, plus a few generated ones. */
export const SCRIPT_CUSTOMERS = ["demo1", "demo2", "c000003", "c000004"] as const;

/** Fresh signing secrets for one run, one per trust domain. */
export function randomIdentityEnv(): Record<string, string> {
  return {
    CUSTOMER_JWT_SECRET: randomBytes(24).toString("base64url"),
    STAFF_JWT_SECRET: randomBytes(24).toString("base64url"),
  };
}

/** The minter a service started with `env` trusts. */
export function minterFor(env: Record<string, string>): IdentityMinter {
  return createIdentityMinter(createSecretSigners(loadConfig(env).auth));
}

/** Mints the script identities. */
export async function mintScriptTokens(minter: IdentityMinter): Promise<ScriptTokens> {
  const customers = await Promise.all(
    SCRIPT_CUSTOMERS.map((customerId) => minter.mint({ kind: "customer", customerId })),
  );
  return { customers, staff: await minter.mint({ kind: "staff", staffId: "script-staff" }) };
}

/** A customer token that expired a few minutes ago, signed with the service's own key (undefined if refused). */
export async function mintExpired(minter: IdentityMinter): Promise<string | undefined> {
  try {
    return await minter.mint({ kind: "customer", customerId: "demo1" }, -300);
  } catch {
    return undefined;
  }
}
