import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { exportJWK, exportSPKI, generateKeyPair } from "jose";
import { afterAll, describe, expect, it } from "vitest";
import { createTokenSigner } from "./token-signer.js";
import { createTokenService } from "./tokens.js";
import { loadTrustDomain } from "./trust-domain.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "harbor-keys-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const CUSTOMER = { issuer: "harbor-bank-web", audience: "harbor-assistant:customer" };
const STAFF = { issuer: "harbor-bank-staff-sso", audience: "harbor-assistant:staff" };

describe("trust domain key files", () => {
  it("reads an RS256 PEM public key for customers and a JWKS with a rotated-in ES256 key for staff", async () => {
    const rsa = await generateKeyPair("RS256", { extractable: true });
    const oldEc = await generateKeyPair("ES256", { extractable: true });
    const newEc = await generateKeyPair("ES256", { extractable: true });
    const pemFile = path.join(dir, "customer.pem");
    const jwksFile = path.join(dir, "staff.jwks.json");
    fs.writeFileSync(pemFile, await exportSPKI(rsa.publicKey));
    const jwks = {
      keys: [
        { ...(await exportJWK(oldEc.publicKey)), kid: "2025" },
        { ...(await exportJWK(newEc.publicKey)), kid: "2026" },
      ],
    };
    fs.writeFileSync(jwksFile, JSON.stringify(jwks));
    const tokens = createTokenService({
      customer: await loadTrustDomain("customer", { ...CUSTOMER, publicKeyFile: pemFile }, { demoMode: false }),
      staff: await loadTrustDomain("staff", { ...STAFF, jwksFile }, { demoMode: false }),
    });
    const customer = createTokenSigner({
      kind: "customer",
      ...CUSTOMER,
      key: { alg: "RS256", privateKey: rsa.privateKey },
    });
    expect(await tokens.verify(await customer.mint("demo1", 60))).toEqual({
      ok: true,
      value: { kind: "customer", customerId: "demo1" },
    });
    for (const pair of [oldEc, newEc]) {
      const staff = createTokenSigner({ kind: "staff", ...STAFF, key: { alg: "ES256", privateKey: pair.privateKey } });
      expect(await tokens.verify(await staff.mint("alice", 60))).toEqual({
        ok: true,
        value: { kind: "staff", staffId: "alice" },
      });
    }
  });

  it("fails start-up naming the variable when a key file is missing or not a key", async () => {
    const junk = path.join(dir, "junk.pem");
    fs.writeFileSync(junk, "not a key");
    await expect(loadTrustDomain("staff", { ...STAFF, publicKeyFile: junk }, { demoMode: false })).rejects.toThrow(
      /STAFF trust domain/,
    );
    await expect(
      loadTrustDomain("customer", { ...CUSTOMER, jwksFile: path.join(dir, "missing.json") }, { demoMode: false }),
    ).rejects.toThrow(/CUSTOMER_JWT_JWKS_FILE/);
  });
});
