import type { AddressInfo } from "node:net";
import http from "node:http";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { createDrain, type DrainController } from "./drain.js";
import { createErrorHandler } from "./error-handler.js";
import { createJsonLogger } from "../shared/logger.js";
import { openSse } from "./sse.js";

interface Harness {
  base: string;
  drain: DrainController;
  server: http.Server;
  /** Lets the slow turn answer. */
  finishTurn: () => void;
  /** Resolves when the slow turn has started. */
  turnStarted: Promise<void>;
}

async function startHarness(): Promise<Harness> {
  const drain = createDrain();
  let finishTurn = (): void => {};
  let started = (): void => {};
  const turnStarted = new Promise<void>((resolve) => (started = resolve));
  const app = express();
  app.use(drain.middleware);
  app.post("/v1/chat", async (_req, res) => {
    started();
    await new Promise<void>((resolve) => (finishTurn = resolve));
    res.json({ reply: "done" });
  });
  app.get("/v1/sessions/:id/events", (_req, res) => {
    const sse = openSse(res);
    sse.send("message", { id: 1, text: "hello" });
  });
  app.get("/healthz", (_req, res) => void res.json({ status: "ok" }));
  app.use(createErrorHandler(createJsonLogger({ level: "silent" })));
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, drain, server, finishTurn: () => finishTurn(), turnStarted };
}

/** Reads an event stream until `until` appears in it or the stream ends; returns all the text read. */
async function readStream(response: Response, until: string): Promise<{ text: string; ended: boolean }> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { text, ended: true };
    text += decoder.decode(value, { stream: true });
    if (text.includes(until)) {
      // Keep reading: the server must also end the stream.
      for (;;) {
        const rest = await reader.read();
        if (rest.done) return { text, ended: true };
        text += decoder.decode(rest.value, { stream: true });
      }
    }
  }
}

let harness: Harness | undefined;
afterEach(async () => {
  if (!harness) return;
  harness.finishTurn();
  harness.server.closeAllConnections();
  await new Promise<void>((resolve) => harness?.server.close(() => resolve()));
  harness = undefined;
});

describe("drain", () => {
  it("lets a slow turn finish after draining starts while refusing new turns with a 503", async () => {
    harness = await startHarness();
    const h = harness;
    const slow = fetch(`${h.base}/v1/chat`, { method: "POST" });
    await h.turnStarted;
    expect(h.drain.turnsInFlight).toBe(1);

    let drained = false;
    const draining = h.drain.drain(10_000).then(() => (drained = true));
    expect(h.drain.draining).toBe(true);

    const refused = await fetch(`${h.base}/v1/chat`, { method: "POST" });
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("1");
    expect(refused.headers.get("connection")).toBe("close");
    expect(await refused.json()).toMatchObject({ error: { code: "shutting_down" } });
    const confirm = await fetch(`${h.base}/v1/chat/confirm`, { method: "POST" });
    expect(confirm.status).toBe(503);
    // Other requests are still answered while the turn runs (health probes, reads).
    expect((await fetch(`${h.base}/healthz`)).status).toBe(200);

    await new Promise((r) => setTimeout(r, 50));
    expect(drained).toBe(false);
    h.finishTurn();
    const answer = await slow;
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ reply: "done" });
    await draining;
    expect(drained).toBe(true);
    expect(h.drain.turnsInFlight).toBe(0);
  });

  it("stops waiting for turns in flight when the grace ends", async () => {
    harness = await startHarness();
    const h = harness;
    const slow = fetch(`${h.base}/v1/chat`, { method: "POST" }).catch(() => undefined);
    await h.turnStarted;
    const started = performance.now();
    await h.drain.drain(100);
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(90);
    expect(waited).toBeLessThan(2000);
    expect(h.drain.turnsInFlight).toBe(1);
    h.finishTurn();
    await slow;
  });

  it("resolves at once when no turn is in flight", async () => {
    const drain = createDrain();
    const started = performance.now();
    await drain.drain(5_000);
    expect(performance.now() - started).toBeLessThan(100);
    expect(drain.draining).toBe(true);
  });

  it("tells open live streams to reconnect, ends them, and refuses new ones while draining", async () => {
    harness = await startHarness();
    const h = harness;
    const stream = await fetch(`${h.base}/v1/sessions/s1/events`, { headers: { Accept: "text/event-stream" } });
    expect(stream.headers.get("content-type")).toContain("text/event-stream");
    // The stream is registered once its headers are out.
    await new Promise((r) => setTimeout(r, 20));
    expect(h.drain.openStreams).toBe(1);

    await h.drain.drain(1_000);
    const refused = await fetch(`${h.base}/v1/sessions/s2/events`);
    expect(refused.status).toBe(503);

    const reading = readStream(stream, "event: reconnect");
    h.drain.closeStreams();
    const { text, ended } = await reading;
    expect(text).toContain('event: message\ndata: {"id":1,"text":"hello"}');
    expect(text).toMatch(/retry: 1000\nevent: reconnect\ndata: .+\n\n$/);
    expect(ended).toBe(true);
    expect(h.drain.openStreams).toBe(0);
  });
});
