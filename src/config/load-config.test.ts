import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./load-config.js";

describe("loadConfig", () => {
  it("uses offline defaults when nothing is set", () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.llm.provider).toBe("local");
    expect(c.embeddings.provider).toBe("local");
  });

  it("names every bad variable in one error", () => {
    try {
      loadConfig({ PORT: "seventy", LLM_PROVIDER: "gpt", EMBEDDINGS_DIM: "3" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const msg = (e as Error).message;
      expect(msg).toContain("PORT");
      expect(msg).toContain("LLM_PROVIDER");
      expect(msg).toContain("EMBEDDINGS_DIM");
    }
  });

  it("requires a key or base URL for the openai provider", () => {
    expect(() => loadConfig({ LLM_PROVIDER: "openai" })).toThrow(/OPENAI_API_KEY/);
    expect(loadConfig({ LLM_PROVIDER: "openai", OPENAI_BASE_URL: "http://127.0.0.1:8080/v1" }).llm.baseUrl).toBe(
      "http://127.0.0.1:8080/v1",
    );
  });

  it("refuses demo mode and development secrets in production, naming each variable", () => {
    expect(() => loadConfig({ NODE_ENV: "production", PII_VAULT_KEY: "k".repeat(32), DEMO_MODE: "true" })).toThrow(
      /DEMO_MODE/,
    );
    expect(() =>
      loadConfig({
        NODE_ENV: "production",
        PII_VAULT_KEY: "k".repeat(32),
        STAFF_JWT_SECRET: "dev-only-staff-secret-not-for-production-9876543210abc",
      }),
    ).toThrow(/STAFF_JWT_SECRET/);
  });
});
