import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { exportPKCS8, exportSPKI, generateKeyPair } from "jose";
import { describe, expect, it } from "vitest";
import { createTokenService } from "../auth/tokens.js";
import { createTrustDomain } from "../auth/trust-domain.js";

const run = promisify(execFile);
const CUSTOMER = { issuer: "harbor-bank-web", audience: "harbor-assistant:customer" };
const STAFF = { issuer: "harbor-bank-staff-sso", audience: "harbor-assistant:staff" };
const customerSecret = "cli-customer-secret-0123456789abcdef01234";

/** Runs `npm run token` with only the given variables (no inherited secrets); resolves to exit code and output. */
async function token(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "src/cli/token.ts", ...args], {
      env: { PATH: process.env["PATH"] ?? "", ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failed = e as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

describe("npm run token", () => {
  it("mints a customer token with the customer key, and refuses to mint a staff token with it", async () => {
    const env = { CUSTOMER_JWT_SECRET: customerSecret };
    const [customer, staff] = await Promise.all([
      token(["--customer", "demo1"], env),
      token(["--staff", "alice"], env),
    ]);
    expect(customer.code).toBe(0);
    const verifier = createTokenService({
      customer: await createTrustDomain("customer", { ...CUSTOMER, secrets: [customerSecret] }),
      staff: await createTrustDomain("staff", { ...STAFF, secrets: ["cli-staff-secret-fedcba9876543210fedcba98"] }),
    });
    expect(await verifier.verify(customer.stdout.trim().split("\n").at(-1) ?? "")).toEqual({
      ok: true,
      value: { kind: "customer", customerId: "demo1" },
    });
    expect(staff.code).toBe(2);
    expect(staff.stderr).toMatch(/no staff signing key/);
  }, 60_000);

  it("signs with a given ES256 private key, whose public key then verifies the token", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "harbor-token-cli-"));
    try {
      const pair = await generateKeyPair("ES256", { extractable: true });
      const keyFile = path.join(dir, "staff.pem");
      fs.writeFileSync(keyFile, await exportPKCS8(pair.privateKey));
      const minted = await token(["--staff", "alice", "--private-key-file", keyFile, "--ttl", "600"], {});
      expect(minted.code).toBe(0);
      const verifier = createTokenService({
        customer: await createTrustDomain("customer", { ...CUSTOMER, secrets: [customerSecret] }),
        staff: await createTrustDomain("staff", { ...STAFF, publicKeysPem: [await exportSPKI(pair.publicKey)] }),
      });
      expect(await verifier.verify(minted.stdout.trim().split("\n").at(-1) ?? "")).toEqual({
        ok: true,
        value: { kind: "staff", staffId: "alice" },
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
