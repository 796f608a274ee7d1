import type { AddressInfo } from "node:net";
import http from "node:http";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { createJsonLogger, type Logger } from "../shared/logger.js";
import { requestContext } from "./request-context.js";

let server: http.Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A service deep below the route, that knows nothing of requests, logging after real asynchronous work. */
function createLookupService(logger: Logger): { lookup(name: string): Promise<string> } {
  return {
    async lookup(name) {
      await new Promise((r) => setTimeout(r, 5));
      await new Promise<void>((r) => setImmediate(r));
      logger.info("looked up", { name });
      return name.toUpperCase();
    },
  };
}

async function start(): Promise<{ base: string; lines: Record<string, unknown>[] }> {
  const lines: Record<string, unknown>[] = [];
  const logger = createJsonLogger({ level: "info", sink: (l) => lines.push(JSON.parse(l) as Record<string, unknown>) });
  const service = createLookupService(logger);
  const app = express();
  app.use(requestContext);
  app.use(express.json());
  app.post("/lookup", async (req, res) => {
    const body = req.body as { name: string };
    res.json({ value: await service.lookup(body.name) });
  });
  server = http.createServer(app);
  const s = server;
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  return { base: `http://127.0.0.1:${(s.address() as AddressInfo).port}`, lines };
}

const post = (base: string, name: string, headers: Record<string, string> = {}) =>
  fetch(`${base}/lookup`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify({ name }),
  });

/** Posts JSON whose second half arrives later, so the body parser resumes on a later socket event. */
function postSlowly(
  base: string,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  const url = new URL(`${base}/lookup`);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        headers: { "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(body)), ...headers },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (text += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      },
    );
    req.on("error", reject);
    const half = Math.floor(body.length / 2);
    req.write(body.slice(0, half));
    setTimeout(() => req.end(body.slice(half)), 50);
  });
}

describe("request log context", () => {
  it("puts the caller's X-Request-Id on a log line written deep inside the handler, after the body was read", async () => {
    const { base, lines } = await start();
    // The body arrives after the headers, so the parser resumes on a later socket event: the context must survive that.
    const res = await postSlowly(base, JSON.stringify({ name: "alice" }), { "X-Request-Id": "req-0123456789" });
    expect(JSON.parse(res.text)).toEqual({ value: "ALICE" });
    expect(res.headers["x-request-id"]).toBe("req-0123456789");
    expect(lines).toEqual([expect.objectContaining({ msg: "looked up", name: "alice", traceId: "req-0123456789" })]);
  });

  it("makes up a fresh id when none (or a malformed one) is given, and keeps concurrent requests apart", async () => {
    const { base, lines } = await start();
    const [a, b] = await Promise.all([post(base, "a"), post(base, "b", { "X-Request-Id": 'bad id with spaces"{}' })]);
    const idA = a.headers.get("x-request-id");
    const idB = b.headers.get("x-request-id");
    expect(idA).toMatch(/^[0-9a-f-]{36}$/);
    expect(idB).toMatch(/^[0-9a-f-]{36}$/);
    expect(idA).not.toBe(idB);
    const byName = Object.fromEntries(lines.map((l) => [l["name"], l["traceId"]]));
    expect(byName).toEqual({ a: idA, b: idB });
  });
});
