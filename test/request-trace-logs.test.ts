// Every log line written while the real app handles a request carries that request's id, including the turn's own
// log line written deep inside the chat service (which names its turn trace in traceId and the request in requestId).
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "./support/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({}, { captureLogs: true });
}, 120_000);
afterAll(async () => {
  await t.close();
});

describe("trace id on log lines", () => {
  it("tags the turn's log lines with the caller's request id and echoes it", async () => {
    const before = t.logLines.length;
    const res = await request(t.built.app)
      .post("/v1/chat")
      .set("content-type", "application/json")
      .set("authorization", `Bearer ${t.tokens.demo1}`)
      .set("x-request-id", "edge-7f3a9c21")
      .send({ message: "I lost my card" });
    expect(res.status).toBe(200);
    expect(res.headers["x-request-id"]).toBe("edge-7f3a9c21");
    const lines = t.logLines.slice(before).map((l) => JSON.parse(l) as Record<string, unknown>);
    const turn = lines.find((l) => l["msg"] === "chat turn");
    expect(turn).toMatchObject({ requestId: "edge-7f3a9c21", traceId: res.body.traceId });
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line["requestId"]).toBe("edge-7f3a9c21");
  });

  it("gives a request without an id a fresh one", async () => {
    const res = await request(t.built.app).get("/healthz");
    expect(res.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });
});
