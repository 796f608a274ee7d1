import { describe, expect, it } from "vitest";
import { createTokenService } from "./tokens.js";

const secret = "test-secret-0123456789abcdef0123456789";

describe("token service", () => {
  it("round-trips a customer and a staff identity", async () => {
    const t = createTokenService({ secret, issuer: "harbor-bank" });
    expect(await t.verify(await t.mint({ kind: "customer", customerId: "demo1" }))).toEqual({ ok: true, value: { kind: "customer", customerId: "demo1" } });
    expect(await t.verify(await t.mint({ kind: "staff", staffId: "alice" }))).toEqual({ ok: true, value: { kind: "staff", staffId: "alice" } });
  });

  it("refuses a token signed with another secret, a tampered token and an expired one", async () => {
    const t = createTokenService({ secret, issuer: "harbor-bank" });
    const other = createTokenService({ secret: secret + "x", issuer: "harbor-bank" });
    expect(await t.verify(await other.mint({ kind: "customer", customerId: "demo2" }))).toEqual({ ok: false, error: "invalid_token" });
    const good = await t.mint({ kind: "customer", customerId: "demo1" });
    const [h, , s] = good.split(".");
    const forged = `${h}.${Buffer.from(JSON.stringify({ sub: "demo2", role: "staff", iss: "harbor-bank" })).toString("base64url")}.${s}`;
    expect((await t.verify(forged)).ok).toBe(false);
    expect(await t.verify(await t.mint({ kind: "customer", customerId: "demo1" }, -10))).toEqual({ ok: false, error: "expired_token" });
  });

  it("stops accepting a remembered token once it expires", async () => {
    let clock = Date.now();
    const t = createTokenService({ secret, issuer: "harbor-bank", now: () => clock });
    const token = await t.mint({ kind: "customer", customerId: "demo1" }, 60);
    expect((await t.verify(token)).ok).toBe(true);
    clock += 61_000;
    expect(await t.verify(token)).toEqual({ ok: false, error: "expired_token" });
  });
});
