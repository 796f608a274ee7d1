import { describe, expect, it } from "vitest";
import { problemsOf } from "./config-problems.test-helpers.js";
import { loadConfig } from "./load-config.js";

describe("identity configuration", () => {
  it("keeps demo mode off unless DEMO_MODE says so", () => {
    expect(loadConfig({}).auth.demoMode).toBe(false);
    expect(loadConfig({ DEMO_MODE: "true" }).auth.demoMode).toBe(true);
  });

  it("refuses DEMO_MODE in production and on a non-loopback HOST, listing both problems at once", () => {
    const problems = problemsOf({
      NODE_ENV: "production",
      PII_VAULT_KEY: "k".repeat(32),
      DEMO_MODE: "true",
      HOST: "0.0.0.0",
    });
    expect(problems.some((p) => p.startsWith("DEMO_MODE:"))).toBe(true);
    expect(problems.some((p) => p.startsWith("HOST:"))).toBe(true);
    for (const host of ["127.0.0.1", "::1", "localhost"])
      expect(loadConfig({ DEMO_MODE: "true", HOST: host }).host).toBe(host);
  });

  it("refuses one key, issuer or audience for both customers and staff", () => {
    const secret = "s".repeat(40);
    expect(problemsOf({ CUSTOMER_JWT_SECRET: secret, STAFF_JWT_SECRET: secret })).toEqual([
      expect.stringMatching(/^STAFF_JWT_SECRET: must differ/),
    ]);
    expect(problemsOf({ STAFF_JWT_AUDIENCE: "harbor-assistant:customer" })).toEqual([
      expect.stringMatching(/^STAFF_JWT_AUDIENCE/),
    ]);
    expect(problemsOf({ STAFF_JWT_ISSUER: "harbor-bank-web" })).toEqual([expect.stringMatching(/^STAFF_JWT_ISSUER/)]);
    expect(problemsOf({ CUSTOMER_JWT_JWKS_FILE: "keys.json", STAFF_JWT_JWKS_FILE: "./keys.json" })).toEqual([
      expect.stringMatching(/^STAFF_JWT_JWKS_FILE/),
    ]);
  });

  it("never takes a development secret from the environment and names the removed shared secret", () => {
    expect(problemsOf({ CUSTOMER_JWT_SECRET: "dev-only-customer-secret-not-for-production-0123456789" })).toEqual([
      expect.stringMatching(/^CUSTOMER_JWT_SECRET/),
    ]);
    expect(problemsOf({ AUTH_JWT_SECRET: "x".repeat(40) })).toEqual([
      expect.stringMatching(/^AUTH_JWT_SECRET: no longer read/),
    ]);
  });

  it("reads CORS_ORIGINS as an allow-list of exact origins and refuses wildcards and paths", () => {
    expect(
      loadConfig({ CORS_ORIGINS: "https://www.harborbank.example, https://help.harborbank.example/" }).auth.corsOrigins,
    ).toEqual(["https://www.harborbank.example", "https://help.harborbank.example"]);
    expect(problemsOf({ CORS_ORIGINS: "*,https://x.example/path,null" })).toHaveLength(3);
  });
});
