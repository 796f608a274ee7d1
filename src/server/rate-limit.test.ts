import express from "express";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { createErrorHandler } from "./error-handler.js";
import { createRateLimiter } from "./rate-limit.js";
import { createSilentLogger } from "../shared/logger.js";

describe("rate limiter", () => {
  it("answers 429 with Retry-After once an identity exceeds its budget, per identity and per window", async () => {
    let now = 0;
    const app = express();
    app.use(createRateLimiter({ limit: 2, keyOf: (req) => String(req.headers["x-who"]), now: () => now }));
    app.get("/", (_req, res) => void res.json({ ok: true }));
    app.use(createErrorHandler(createSilentLogger()));
    const hit = (who: string) => request(app).get("/").set("x-who", who);
    expect((await hit("a")).status).toBe(200);
    expect((await hit("a")).status).toBe(200);
    const limited = await hit("a");
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe("rate_limited");
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect((await hit("b")).status).toBe(200);
    now = 61_000;
    expect((await hit("a")).status).toBe(200);
  });
});
