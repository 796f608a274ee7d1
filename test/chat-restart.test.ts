// Conversation state lives in SQLite: a confirmation requested before a restart can be approved after it.
import request from "supertest";
import { describe, expect, it } from "vitest";
import { createApp } from "../src/app.js";
import { createIdentityMinter, createSecretSigners } from "../src/auth/token-signer.js";
import { loadConfig } from "../src/config/load-config.js";
import { TEST_IDENTITY_ENV } from "./support/test-app.js";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

describe("restart", () => {
  it("resumes a pending card freeze after the service restarts", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "harbor-restart-"));
    const config = loadConfig({
      DATA_DIR: dataDir,
      LOG_LEVEL: "silent",
      BANK_CUSTOMERS: "20",
      KNOWLEDGE_WATCH: "false",
      KNOWLEDGE_TODAY: "2026-11-29",
      ...TEST_IDENTITY_ENV,
    });
    const first = await createApp(config, { skipBrowserAssets: true });
    const token = await createIdentityMinter(createSecretSigners(config.auth)).mint({
      kind: "customer",
      customerId: "demo2",
    });
    const asked = await request(first.app)
      .post("/v1/chat")
      .set("authorization", `Bearer ${token}`)
      .send({ message: "请帮我冻结银行卡" });
    expect(asked.body.pendingConfirmation?.action).toBe("freeze_card");
    await first.close();

    const second = await createApp(config, { skipBrowserAssets: true });
    const history = await request(second.app)
      .get(`/v1/sessions/${asked.body.sessionId}`)
      .set("authorization", `Bearer ${token}`);
    expect(history.body.pendingConfirmation.id).toBe(asked.body.pendingConfirmation.id);
    const done = await request(second.app).post("/v1/chat/confirm").set("authorization", `Bearer ${token}`).send({
      sessionId: asked.body.sessionId,
      confirmationId: asked.body.pendingConfirmation.id,
      decision: "approve",
    });
    expect(done.status).toBe(200);
    expect(done.body.toolCalls).toContainEqual({ name: "freeze_card", status: "ok" });
    expect(done.body.reply.text).toMatch(/冻结/);
    await second.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
