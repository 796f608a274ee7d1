import { SignJWT, exportJWK, exportSPKI, generateKeyPair } from "jose";
import { describe, expect, it } from "vitest";
import { createTokenSigner } from "./token-signer.js";
import { createTokenService } from "./tokens.js";
import { createTrustDomain, DEV_SECRETS, loadTrustDomain, type TrustDomain } from "./trust-domain.js";

const CUSTOMER = { issuer: "harbor-bank-web", audience: "harbor-assistant:customer" };
const STAFF = { issuer: "harbor-bank-staff-sso", audience: "harbor-assistant:staff" };
const customerSecret = "customer-secret-0123456789abcdef0123456789";
const staffSecret = "staff-secret-fedcba9876543210fedcba98765432";

async function hsDomains(): Promise<{ customer: TrustDomain; staff: TrustDomain }> {
  return {
    customer: await createTrustDomain("customer", { ...CUSTOMER, secrets: [customerSecret] }),
    staff: await createTrustDomain("staff", { ...STAFF, secrets: [staffSecret] }),
  };
}

const customerSigner = createTokenSigner({
  kind: "customer",
  ...CUSTOMER,
  key: { alg: "HS256", secret: customerSecret },
});
const staffSigner = createTokenSigner({ kind: "staff", ...STAFF, key: { alg: "HS256", secret: staffSecret } });

/** A raw HS256 token with exactly the claims given (no defaults), to probe what the verifier insists on. */
async function rawToken(secret: string, claims: Record<string, unknown>, alg = "HS256"): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg }).sign(new TextEncoder().encode(secret));
}
const nowSeconds = () => Math.floor(Date.now() / 1000);
const inAMinute = () => nowSeconds() + 60;

describe("token service", () => {
  it("takes the role from the domain whose key and audience verified the token", async () => {
    const t = createTokenService(await hsDomains());
    expect(await t.verify(await customerSigner.mint("demo1", 60))).toEqual({
      ok: true,
      value: { kind: "customer", customerId: "demo1" },
    });
    expect(await t.verify(await staffSigner.mint("alice", 60))).toEqual({
      ok: true,
      value: { kind: "staff", staffId: "alice" },
    });
  });

  it("never lets the customer key produce a staff identity, whatever the token claims", async () => {
    const t = createTokenService(await hsDomains());
    const asStaffAudience = await rawToken(customerSecret, {
      sub: "mallory",
      iss: STAFF.issuer,
      aud: STAFF.audience,
      exp: inAMinute(),
      role: "staff",
    });
    const claimsStaffRole = await rawToken(customerSecret, {
      sub: "mallory",
      iss: CUSTOMER.issuer,
      aud: CUSTOMER.audience,
      exp: inAMinute(),
      role: "staff",
    });
    const bothAudiences = await rawToken(customerSecret, {
      sub: "mallory",
      iss: CUSTOMER.issuer,
      aud: [CUSTOMER.audience, STAFF.audience],
      exp: inAMinute(),
    });
    for (const token of [asStaffAudience, claimsStaffRole, bothAudiences])
      expect(await t.verify(token)).toEqual({ ok: false, error: "invalid_token" });
  });

  it("refuses a token without exp, without aud, with a foreign audience or issuer", async () => {
    const t = createTokenService(await hsDomains());
    const base = { sub: "demo1", iss: CUSTOMER.issuer, aud: CUSTOMER.audience, iat: nowSeconds(), exp: inAMinute() };
    const { exp: _exp, ...noExp } = base;
    const { aud: _aud, ...noAud } = base;
    const cases = [noExp, noAud, { ...base, aud: "another-service" }, { ...base, iss: "someone-else" }];
    for (const claims of cases)
      expect(await t.verify(await rawToken(customerSecret, claims))).toEqual({ ok: false, error: "invalid_token" });
    expect((await t.verify(await rawToken(customerSecret, base))).ok).toBe(true);
  });

  it("accepts the public development secret only when demo mode loads it", async () => {
    const devToken = await rawToken(DEV_SECRETS.staff, {
      sub: "demo-staff",
      iss: STAFF.issuer,
      aud: STAFF.audience,
      iat: nowSeconds(),
      exp: inAMinute(),
    });
    const load = async (demoMode: boolean) =>
      createTokenService({
        customer: await loadTrustDomain("customer", CUSTOMER, { demoMode }),
        staff: await loadTrustDomain("staff", STAFF, { demoMode }),
      });
    const production = await load(false);
    expect(production.available).toEqual({ customer: false, staff: false });
    expect(await production.verify(devToken)).toEqual({ ok: false, error: "invalid_token" });
    expect(await (await load(true)).verify(devToken)).toEqual({
      ok: true,
      value: { kind: "staff", staffId: "demo-staff" },
    });
  });

  it("refuses a token without iat, issued in the future, or living longer than the configured maximum", async () => {
    const t = createTokenService({ ...(await hsDomains()), clockToleranceSeconds: 30 });
    const now = nowSeconds();
    const base = { sub: "demo1", iss: CUSTOMER.issuer, aud: CUSTOMER.audience, iat: now, exp: now + 86_400 };
    const { iat: _iat, ...noIat } = base;
    const cases = [
      noIat,
      { ...base, iat: now + 365 * 86_400, exp: now + 365 * 86_400 + 60 },
      { ...base, iat: now + 120 },
      { ...base, exp: now + 10 * 365 * 86_400 },
      { ...base, exp: 1e20 },
      { ...base, exp: now + 86_401 },
    ];
    for (const claims of cases)
      expect(await t.verify(await rawToken(customerSecret, claims))).toEqual({ ok: false, error: "invalid_token" });
    expect((await t.verify(await rawToken(customerSecret, base))).ok).toBe(true);
    expect((await t.verify(await rawToken(customerSecret, { ...base, iat: now + 20, exp: now + 80 }))).ok).toBe(true);
    const strict = createTokenService({ ...(await hsDomains()), maxLifetimeSeconds: 900 });
    expect(await strict.verify(await customerSigner.mint("demo1", 901))).toEqual({ ok: false, error: "invalid_token" });
    expect((await strict.verify(await customerSigner.mint("demo1", 900))).ok).toBe(true);
  });

  it("refuses tampered and expired tokens, allowing only the configured clock tolerance", async () => {
    let clock = Date.now();
    const t = createTokenService({ ...(await hsDomains()), clockToleranceSeconds: 30, now: () => clock });
    const good = await customerSigner.mint("demo1", 60);
    const [h, , s] = good.split(".");
    const forged = `${h}.${Buffer.from(JSON.stringify({ sub: "demo2", iss: CUSTOMER.issuer, aud: CUSTOMER.audience, exp: inAMinute() })).toString("base64url")}.${s}`;
    expect(await t.verify(forged)).toEqual({ ok: false, error: "invalid_token" });
    expect((await t.verify(good)).ok).toBe(true);
    clock += 80_000;
    expect((await t.verify(good)).ok).toBe(true);
    clock += 20_000;
    expect(await t.verify(good)).toEqual({ ok: false, error: "expired_token" });
  });

  it("keeps the role of each token apart on cache hits", async () => {
    const t = createTokenService({ ...(await hsDomains()), cacheCapacity: 1 });
    const asCustomer = await customerSigner.mint("same-id", 60);
    const asStaff = await staffSigner.mint("same-id", 60);
    for (let i = 0; i < 3; i++) {
      expect(await t.verify(asCustomer)).toEqual({ ok: true, value: { kind: "customer", customerId: "same-id" } });
      expect(await t.verify(asStaff)).toEqual({ ok: true, value: { kind: "staff", staffId: "same-id" } });
    }
  });

  it("verifies RS256 and ES256 tokens from a PEM public key or a JWKS, and never across domains", async () => {
    const rsa = await generateKeyPair("RS256", { extractable: true });
    const ec = await generateKeyPair("ES256", { extractable: true });
    const ecJwk = { ...(await exportJWK(ec.publicKey)), kid: "staff-2026", alg: "ES256" };
    const t = createTokenService({
      customer: await createTrustDomain("customer", { ...CUSTOMER, publicKeysPem: [await exportSPKI(rsa.publicKey)] }),
      staff: await createTrustDomain("staff", { ...STAFF, jwks: [{ keys: [ecJwk] }] }),
    });
    const rsCustomer = createTokenSigner({
      kind: "customer",
      ...CUSTOMER,
      key: { alg: "RS256", privateKey: rsa.privateKey },
    });
    const esStaff = createTokenSigner({ kind: "staff", ...STAFF, key: { alg: "ES256", privateKey: ec.privateKey } });
    expect(await t.verify(await rsCustomer.mint("demo1", 60))).toEqual({
      ok: true,
      value: { kind: "customer", customerId: "demo1" },
    });
    expect(await t.verify(await esStaff.mint("alice", 60))).toEqual({
      ok: true,
      value: { kind: "staff", staffId: "alice" },
    });
    const rsAsStaff = createTokenSigner({ kind: "staff", ...STAFF, key: { alg: "RS256", privateKey: rsa.privateKey } });
    expect(await t.verify(await rsAsStaff.mint("mallory", 60))).toEqual({ ok: false, error: "invalid_token" });
    // Algorithm confusion: the public key's PEM text used as an HMAC secret is not a key this domain accepts.
    const confused = await rawToken(await exportSPKI(rsa.publicKey), {
      sub: "demo1",
      iss: CUSTOMER.issuer,
      aud: CUSTOMER.audience,
      exp: inAMinute(),
    });
    expect(await t.verify(confused)).toEqual({ ok: false, error: "invalid_token" });
  });

  it("refuses to start when the customer and staff domains share a key or an audience", async () => {
    const rsa = await generateKeyPair("RS256", { extractable: true });
    const pem = await exportSPKI(rsa.publicKey);
    const jwk = await exportJWK(rsa.publicKey);
    const sharedPem = {
      customer: await createTrustDomain("customer", { ...CUSTOMER, publicKeysPem: [pem] }),
      staff: await createTrustDomain("staff", { ...STAFF, jwks: [{ keys: [jwk] }] }),
    };
    expect(() => createTokenService(sharedPem)).toThrow(/share a key/);
    const sharedSecret = {
      customer: await createTrustDomain("customer", { ...CUSTOMER, secrets: [customerSecret] }),
      staff: await createTrustDomain("staff", { ...STAFF, secrets: [customerSecret] }),
    };
    expect(() => createTokenService(sharedSecret)).toThrow(/share a key/);
    const sharedAudience = {
      customer: await createTrustDomain("customer", { ...CUSTOMER, secrets: [customerSecret] }),
      staff: await createTrustDomain("staff", { ...STAFF, audience: CUSTOMER.audience, secrets: [staffSecret] }),
    };
    expect(() => createTokenService(sharedAudience)).toThrow(/audience/);
  });
});
