// The service as `npm start` runs it: a primary that prepares the data and two worker processes. State that must
// cross processes (sessions, pending confirmations, the PII vault, staff replies) works whichever worker answers.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let child: ChildProcess;
let base = "";
let dataDir = "";

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "harbor-cluster-"));
  child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: "0",
      WEB_CONCURRENCY: "2",
      BANK_CUSTOMERS: "20",
      LOG_LEVEL: "warn",
      KNOWLEDGE_WATCH: "false",
      KNOWLEDGE_TODAY: "2026-11-29",
      NODE_ENV: "test",
      DEMO_MODE: "true",
      RATE_LIMIT_SEARCH_PER_MINUTE: "5",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  base = await new Promise<string>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`no listening line:\n${out}`)), 150_000);
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      const m = out.match(/listening on (http:\/\/[^\s]+) \(2 workers\)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1] as string);
      }
    });
    child.on("exit", (code) => reject(new Error(`exited ${code}:\n${out}`)));
  });
}, 180_000);

afterAll(async () => {
  child?.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 500));
  fs.rmSync(dataDir, { recursive: true, force: true });
});

// A fresh connection per request lets the operating system hand requests to either worker.
async function call(
  pathname: string,
  init: { method?: string; token?: string; body?: unknown } = {},
): Promise<Record<string, unknown>> {
  const res = await fetch(base + pathname, {
    method: init.method ?? (init.body ? "POST" : "GET"),
    headers: {
      connection: "close",
      "content-type": "application/json",
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    ...(init.body ? { body: JSON.stringify(init.body) } : {}),
  });
  return (await res.json()) as Record<string, unknown>;
}

describe("two worker processes", () => {
  it("count one rate-limit budget across both workers, not one budget each", async () => {
    // Each request on its own connection, so the primary deals them out to both workers in turn.
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await fetch(`${base}/v1/knowledge/search?q=card+fees`, { headers: { connection: "close" } });
      statuses.push(res.status);
      await res.arrayBuffer();
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
  });

  it("keep a conversation, its vault and its pending confirmation across workers", async () => {
    const tokens = (await call("/v1/demo/tokens")) as { demo1: string };
    const first = await call("/v1/chat", {
      token: tokens.demo1,
      body: { message: "hello, my card 4111 1111 1111 1111" },
    });
    const sessionId = first["sessionId"] as string;
    const asked = await call("/v1/chat", {
      token: tokens.demo1,
      body: { sessionId, message: "please freeze my card" },
    });
    const pending = asked["pendingConfirmation"] as { id: string };
    expect(pending.id).toBeTruthy();
    const done = await call("/v1/chat/confirm", {
      token: tokens.demo1,
      body: { sessionId, confirmationId: pending.id, decision: "approve" },
    });
    expect(done["toolCalls"]).toContainEqual({ name: "freeze_card", status: "ok" });
    const history = await call(`/v1/sessions/${sessionId}`, { token: tokens.demo1 });
    expect(JSON.stringify(history)).toContain("[CARD_1]");
    expect(JSON.stringify(history)).not.toContain("4111");
  });

  it("delivers a staff reply to the customer's live events, whichever worker took it", async () => {
    const tokens = (await call("/v1/demo/tokens")) as { demo2: string; staff: string };
    const start = await call("/v1/chat", { token: tokens.demo2, body: { message: "我要人工客服" } });
    const sessionId = start["sessionId"] as string;
    const controller = new AbortController();
    // The ticket is issued by one worker and redeemed by whichever takes the stream: the store is shared.
    const { ticket } = (await call(`/v1/sessions/${sessionId}/stream-ticket`, {
      method: "POST",
      token: tokens.demo2,
      body: {},
    })) as { ticket: string };
    const events = await fetch(`${base}/v1/sessions/${sessionId}/events?ticket=${ticket}`, {
      signal: controller.signal,
    });
    expect(events.status).toBe(200);
    const reader = events.body?.getReader();
    await call(`/v1/staff/conversations/${sessionId}/takeover`, { method: "POST", token: tokens.staff, body: {} });
    await call(`/v1/staff/conversations/${sessionId}/reply`, {
      token: tokens.staff,
      body: { text: "您好，我是客服小王。" },
    });
    let seen = "";
    const deadline = Date.now() + 10_000;
    while (!seen.includes("客服小王") && Date.now() < deadline && reader) {
      const { value, done } = await reader.read();
      if (done) break;
      seen += new TextDecoder().decode(value);
    }
    controller.abort();
    expect(seen).toContain("客服小王");
  });
});
