// The live model versions in /healthz follow the registry: none → today's defaults, a promoted champion → its version,
// and after `rollback` → the previous champion, on the next start of the service.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { createApp } from "../src/app.js";
import { loadConfig } from "../src/config/load-config.js";
import { createModelRegistry } from "../src/scoring/model-registry.js";
import { TEST_IDENTITY_ENV } from "./support/test-app.js";

async function healthAt(dataDir: string): Promise<Record<string, string>> {
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
    BANK_CUSTOMERS: "30",
    KNOWLEDGE_WATCH: "false",
    KNOWLEDGE_TODAY: "2026-11-29",
    ...TEST_IDENTITY_ENV,
  });
  const built = await createApp(config, { skipBrowserAssets: true });
  try {
    const r = await request(built.app).get("/healthz");
    expect(r.status).toBe(200);
    return r.body.models;
  } finally {
    await built.close();
  }
}

describe("live model versions", () => {
  it("shows today's models with no registry, the champion once promoted, and the previous one after rollback", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "harbor-registry-"));
    try {
      const before = await healthAt(dataDir);
      expect(Object.keys(before).sort()).toEqual(["credit", "fraud", "router"]);
      for (const v of Object.values(before)) expect(v).toMatch(/^default:/);

      const modelsDir = path.join(dataDir, "models");
      const registry = createModelRegistry({ modelsDir });
      const live = fs.readFileSync(path.join(modelsDir, "intent-router.json"), "utf8");
      const first = registry.save("router", live);
      registry.promote("router", first, { actor: "test", reason: "first" });
      const second = registry.save(
        "router",
        live.replace(/"createdAt":"[^"]+"/, '"createdAt":"2026-12-01T00:00:00.000Z"'),
      );
      registry.promote("router", second, { actor: "test", reason: "second" });
      expect((await healthAt(dataDir)).router).toBe(second);

      expect(registry.rollback("router", { actor: "test", reason: "drill" })).toMatchObject({ ok: true });
      const after = await healthAt(dataDir);
      expect(after.router).toBe(first);
      expect(after.fraud).toBe(before.fraud);
      expect(registry.history("router").map((h) => h.action)).toEqual(["promote", "promote", "rollback"]);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 300_000);
});
