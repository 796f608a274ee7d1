// The attacks of issue 13 against the HTTP edge: demo tokens fetched by a foreign page, the public development secret,
// a customer key reaching staff endpoints, reflected CORS origins and a frameable console.
import { SignJWT, decodeJwt } from "jose";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_SECRETS } from "../src/auth/trust-domain.js";
import { startTestApp, TEST_IDENTITY_ENV, type TestApp } from "./support/test-app.js";

const BANK_SITE = "https://www.harborbank.example";
const STAFF_CLAIMS = { iss: "harbor-bank-staff-sso", aud: "harbor-assistant:staff" };
const ADMIN_TOKEN = "admin-token-for-identity-tests";

async function hs256(secret: string, claims: Record<string, unknown>): Promise<string> {
  return new SignJWT({ exp: Math.floor(Date.now() / 1000) + 300, ...claims })
    .setProtectedHeader({ alg: "HS256" })
    .sign(new TextEncoder().encode(secret));
}

describe("identity and browser protections at the HTTP edge", () => {
  let plain: TestApp;
  let demo: TestApp;
  // Tight budgets counted in memory, behind no trusted proxy and behind a trusted loopback proxy.
  let direct: TestApp;
  let proxied: TestApp;

  beforeAll(async () => {
    plain = await startTestApp({ CORS_ORIGINS: BANK_SITE });
    // The same data folder, already ingested, trained and seeded, so the second app starts in seconds.
    demo = await startTestApp({ DEMO_MODE: "true", CORS_ORIGINS: BANK_SITE, DATA_DIR: plain.dataDir });
    const tight = {
      DATA_DIR: plain.dataDir,
      RATE_LIMIT_STORE: "memory",
      RATE_LIMIT_SEARCH_PER_MINUTE: "3",
      RATE_LIMIT_ADMIN_PER_MINUTE: "2",
      ADMIN_TOKEN: ADMIN_TOKEN,
    };
    direct = await startTestApp(tight);
    proxied = await startTestApp({ ...tight, TRUST_PROXY: "loopback" });
  }, 240_000);
  afterAll(async () => {
    await plain?.close();
    await demo?.close();
    await direct?.close();
    await proxied?.close();
  });

  it("serves no demo tokens unless DEMO_MODE is on", async () => {
    expect((await request(plain.built.app).get("/v1/demo/tokens")).status).toBe(404);
  });

  it("never hands demo tokens to a foreign origin, a rebound host name or a cross-site fetch", async () => {
    const app = demo.built.app;
    const attempts = [
      request(app).get("/v1/demo/tokens").set("Origin", "https://evil.example"),
      request(app).get("/v1/demo/tokens").set("Origin", BANK_SITE),
      request(app).get("/v1/demo/tokens").set("Origin", "null"),
      request(app).get("/v1/demo/tokens").set("Host", "evil.example:3000"),
      request(app).get("/v1/demo/tokens").set("Sec-Fetch-Site", "cross-site"),
      request(app).get("/v1/demo/tokens").set("Sec-Fetch-Site", "same-site"),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(403);
      expect(res.body.demo1).toBeUndefined();
      expect(res.headers["access-control-allow-origin"]).not.toBe("https://evil.example");
    }
  });

  it("hands this machine's own page short-lived demo tokens that work", async () => {
    const res = await request(demo.built.app).get("/v1/demo/tokens").set("Sec-Fetch-Site", "same-origin");
    expect(res.status).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-store");
    for (const token of [res.body.demo1, res.body.demo2, res.body.staff]) {
      const claims = decodeJwt(token);
      expect((claims.exp ?? Infinity) - (claims.iat ?? 0)).toBeLessThanOrEqual(15 * 60);
    }
    const queue = await request(demo.built.app)
      .get("/v1/staff/handoffs")
      .set("authorization", `Bearer ${res.body.staff}`);
    expect(queue.status).toBe(200);
  });

  it("never hands demo tokens to a request that came through a reverse proxy", async () => {
    const proxiedHeaders: Array<[string, string]> = [
      ["X-Forwarded-For", "203.0.113.9"],
      ["X-Forwarded-Host", "127.0.0.1:3000"],
      ["X-Forwarded-Proto", "https"],
      ["Forwarded", "for=203.0.113.9;proto=https"],
      ["X-Real-IP", "203.0.113.9"],
    ];
    for (const [name, value] of proxiedHeaders) {
      const res = await request(demo.built.app).get("/v1/demo/tokens").set(name, value);
      expect(res.status, name).toBe(403);
      expect(res.body.staff).toBeUndefined();
    }
  });

  it("keys anonymous budgets by the socket peer, believing X-Forwarded-For only from a configured proxy", async () => {
    const search = (app: TestApp, i: number) =>
      request(app.built.app)
        .get("/v1/knowledge/search")
        .query({ q: "card fees" })
        .set("X-Forwarded-For", `203.0.113.${i}`);
    const direct4 = [];
    for (let i = 1; i <= 4; i++) direct4.push((await search(direct, i)).status);
    expect(direct4).toEqual([200, 200, 200, 429]);
    const proxied4 = [];
    for (let i = 1; i <= 4; i++) proxied4.push((await search(proxied, i)).status);
    expect(proxied4).toEqual([200, 200, 200, 200]);
  });

  it("counts wrong admin tokens per socket address, whatever X-Forwarded-For claims", async () => {
    for (const app of [direct, proxied]) {
      const statuses = [];
      for (let i = 1; i <= 3; i++) {
        statuses.push(
          (
            await request(app.built.app)
              .post("/v1/admin/knowledge/reload")
              .set("X-Admin-Token", "wrong-token-guess-0000")
              .set("X-Forwarded-For", `198.51.100.${i}`)
          ).status,
        );
      }
      expect(statuses).toEqual([401, 401, 429]);
    }
  });

  it("accepts the Bearer scheme in any case and refuses other schemes instead of treating them as anonymous", async () => {
    const app = plain.built.app;
    for (const scheme of ["Bearer", "bearer", "BEARER", "bEaReR"]) {
      expect(
        (await request(app).get("/v1/staff/handoffs").set("authorization", `${scheme} ${plain.tokens.staff}`)).status,
        scheme,
      ).toBe(200);
    }
    for (const header of [
      `Basic ${Buffer.from("demo1:pw").toString("base64")}`,
      "Bearer",
      "Bearer   ",
      plain.tokens.staff,
    ]) {
      const res = await request(app).get("/v1/knowledge/search").query({ q: "fees" }).set("authorization", header);
      expect(res.status, header).toBe(401);
      expect(res.body.error.code).toBe("unauthenticated");
    }
  });

  it("answers OPTIONS without an Origin with 204 and an Allow header, not a text body", async () => {
    const app = plain.built.app;
    const chat = await request(app).options("/v1/chat");
    expect(chat.status).toBe(204);
    expect(chat.headers["allow"]).toMatch(/POST/);
    expect(chat.headers["content-type"]).toBeUndefined();
    expect(chat.text ?? "").toBe("");
    const session = await request(app).options("/v1/sessions/some-session");
    expect(session.status).toBe(204);
    expect(session.headers["allow"]).toMatch(/GET/);
    expect((await request(app).options("/v1/no-such-route")).status).toBe(404);
  });

  it("refuses the public development secret on a server outside demo mode", async () => {
    const devStaff = await hs256(DEV_SECRETS.staff, { sub: "demo-staff", ...STAFF_CLAIMS });
    const devCustomer = await hs256(DEV_SECRETS.customer, {
      sub: "demo1",
      iss: "harbor-bank-web",
      aud: "harbor-assistant:customer",
    });
    expect(
      (await request(plain.built.app).get("/v1/staff/handoffs").set("authorization", `Bearer ${devStaff}`)).status,
    ).toBe(401);
    expect(
      (await request(plain.built.app).get("/v1/sessions/x").set("authorization", `Bearer ${devCustomer}`)).status,
    ).toBe(401);
  });

  it("refuses a staff token minted with the customer key, a token without exp and one without aud", async () => {
    const app = plain.built.app;
    const customerKeyAsStaff = await hs256(TEST_IDENTITY_ENV.CUSTOMER_JWT_SECRET, {
      sub: "mallory",
      role: "staff",
      ...STAFF_CLAIMS,
    });
    const noExp = await new SignJWT({ sub: "alice", ...STAFF_CLAIMS })
      .setProtectedHeader({ alg: "HS256" })
      .sign(new TextEncoder().encode(TEST_IDENTITY_ENV.STAFF_JWT_SECRET));
    const noAud = await hs256(TEST_IDENTITY_ENV.STAFF_JWT_SECRET, { sub: "alice", iss: STAFF_CLAIMS.iss });
    for (const token of [customerKeyAsStaff, noExp, noAud]) {
      expect((await request(app).get("/v1/staff/handoffs").set("authorization", `Bearer ${token}`)).status).toBe(401);
    }
    expect(
      (await request(app).get("/v1/staff/handoffs").set("authorization", `Bearer ${plain.tokens.staff}`)).status,
    ).toBe(200);
  });

  it("answers CORS only for the allow-listed origins and never reflects another", async () => {
    const app = plain.built.app;
    const foreign = await request(app).get("/v1/knowledge/search?q=fees").set("Origin", "https://evil.example");
    expect(foreign.status).toBe(403);
    expect(foreign.headers["access-control-allow-origin"]).toBeUndefined();
    expect(foreign.headers["vary"]).toMatch(/Origin/);
    const own = await request(app).get("/v1/knowledge/search?q=fees").set("Origin", BANK_SITE);
    expect(own.status).toBe(200);
    expect(own.headers["access-control-allow-origin"]).toBe(BANK_SITE);
    expect(own.headers["vary"]).toMatch(/Origin/);
    const preflight = await request(app)
      .options("/v1/chat")
      .set("Origin", BANK_SITE)
      .set("Access-Control-Request-Method", "POST");
    expect(preflight.status).toBe(204);
    expect(preflight.headers["access-control-allow-headers"]).toMatch(/Authorization/);
    const foreignPreflight = await request(app)
      .options("/v1/chat")
      .set("Origin", "https://evil.example")
      .set("Access-Control-Request-Method", "POST");
    expect(foreignPreflight.status).toBe(403);
    expect(foreignPreflight.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("sends a CSP without inline script and forbids framing the console and the demo page", async () => {
    const app = plain.built.app;
    for (const path of ["/", "/console"]) {
      const res = await request(app).get(path);
      expect(res.status).toBe(200);
      const csp = String(res.headers["content-security-policy"]);
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain("unsafe-inline");
      expect(csp).not.toContain("unsafe-eval");
      expect(res.headers["x-frame-options"]).toBe("DENY");
      expect(res.headers["cross-origin-resource-policy"]).toBe("same-origin");
    }
  });

  it("keeps the widget script loadable by the bank's other sites and puts security headers on every response", async () => {
    const app = plain.built.app;
    const widget = await request(app).get("/widget.js");
    expect(widget.status).toBe(200);
    expect(widget.headers["cross-origin-resource-policy"]).toBe("cross-origin");
    for (const res of [widget, await request(app).get("/nowhere"), await request(app).post("/v1/chat").send("{")]) {
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(res.headers["strict-transport-security"]).toBeDefined();
    }
  });
});
