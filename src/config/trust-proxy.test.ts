import { describe, expect, it } from "vitest";
import { problemsOf } from "./config-problems.test-helpers.js";
import { loadConfig } from "./load-config.js";

const PRODUCTION = { NODE_ENV: "production", PII_VAULT_KEY: "k".repeat(32) };

describe("TRUST_PROXY and JWT_MAX_TTL_SECONDS", () => {
  it("trusts no proxy unless told, so the client address is the socket peer", () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: "false" }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: "0" }).trustProxy).toBe(false);
  });

  it("accepts a list of proxy addresses, CIDR ranges and named ranges, or a hop count", () => {
    expect(loadConfig({ TRUST_PROXY: "10.0.0.5, 10.1.0.0/16,::1,fd00::/8,loopback" }).trustProxy).toEqual([
      "10.0.0.5",
      "10.1.0.0/16",
      "::1",
      "fd00::/8",
      "loopback",
    ]);
    expect(loadConfig({ ...PRODUCTION, TRUST_PROXY: "2" }).trustProxy).toBe(2);
  });

  it("names every malformed entry and refuses `true` in production, where it would believe any client", () => {
    expect(problemsOf({ TRUST_PROXY: "10.0.0.5,proxy.internal,10.0.0.0/33" })).toEqual([
      expect.stringContaining('"proxy.internal"'),
      expect.stringContaining('"10.0.0.0/33"'),
    ]);
    expect(problemsOf({ TRUST_PROXY: "99" })).toEqual([expect.stringMatching(/^TRUST_PROXY: a hop count/)]);
    expect(problemsOf({ ...PRODUCTION, TRUST_PROXY: "true" })).toEqual([expect.stringMatching(/^TRUST_PROXY: `true`/)]);
    expect(loadConfig({ TRUST_PROXY: "true" }).trustProxy).toBe(true);
  });

  it("caps token lifetimes at one day unless configured", () => {
    expect(loadConfig({}).auth.maxTokenTtlSeconds).toBe(86_400);
    expect(loadConfig({ JWT_MAX_TTL_SECONDS: "3600" }).auth.maxTokenTtlSeconds).toBe(3600);
    expect(problemsOf({ JWT_MAX_TTL_SECONDS: "10" })).toEqual([expect.stringMatching(/^JWT_MAX_TTL_SECONDS/)]);
  });
});
