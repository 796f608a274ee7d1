import express from "express";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { createSilentLogger } from "../../shared/logger.js";
import { createErrorHandler } from "../error-handler.js";
import { adminTokenMatches, createKnowledgeRoutes, type KnowledgeRoutesPort } from "./knowledge-routes.js";

const TOKEN = "the-admin-token-0123456789";

function appWith(reload: KnowledgeRoutesPort["reload"]) {
  const knowledge: KnowledgeRoutesPort = { search: async () => [], getDocument: () => undefined, reload };
  const app = express();
  app.use(createKnowledgeRoutes({ knowledge, adminToken: TOKEN }));
  app.use(createErrorHandler(createSilentLogger()));
  return app;
}

describe("admin knowledge reload", () => {
  it("accepts only the exact token, whatever its length or prefix", () => {
    expect(adminTokenMatches(TOKEN, TOKEN)).toBe(true);
    expect(adminTokenMatches(`${TOKEN}x`, TOKEN)).toBe(false);
    expect(adminTokenMatches(TOKEN.slice(0, -1), TOKEN)).toBe(false);
    expect(adminTokenMatches("", TOKEN)).toBe(false);
    expect(adminTokenMatches(undefined, TOKEN)).toBe(false);
  });

  it("runs one reload for concurrent calls and starts a fresh one afterwards", async () => {
    let runs = 0;
    const app = appWith(async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 50));
      return { version: `v${runs}`, changed: true };
    });
    const call = () => request(app).post("/v1/admin/knowledge/reload").set("x-admin-token", TOKEN);
    const [a, b, c] = await Promise.all([call(), call(), call()]);
    expect(runs).toBe(1);
    expect([a.body, b.body, c.body]).toEqual([
      { version: "v1", changed: true },
      { version: "v1", changed: true },
      { version: "v1", changed: true },
    ]);
    expect((await call()).body.version).toBe("v2");
    expect((await request(app).post("/v1/admin/knowledge/reload").set("x-admin-token", "wrong")).status).toBe(401);
  });
});
