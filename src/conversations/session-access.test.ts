import { describe, expect, it } from "vitest";
import { mayReadSession, newSessionKey, ownerForNewSession, ownsSession, SessionKeySchema } from "./session-access.js";

const anonymous = { kind: "anonymous" } as const;
const demo1 = { kind: "customer", customerId: "demo1" } as const;
const staff = { kind: "staff", staffId: "alice" } as const;

describe("session access", () => {
  it("mints distinct 256-bit keys in the header format and stores only their digest", () => {
    const a = newSessionKey();
    const b = newSessionKey();
    expect(a).not.toBe(b);
    expect(SessionKeySchema.safeParse(a).success).toBe(true);
    expect(Buffer.from(a, "base64url")).toHaveLength(32);
    const owner = ownerForNewSession(anonymous, a);
    expect(owner).toMatch(/^anonymous:[0-9a-f]{64}$/);
    expect(owner).not.toContain(a);
  });

  it("lets an anonymous visitor in only with the key of that session", () => {
    const key = newSessionKey();
    const session = { owner: ownerForNewSession(anonymous, key) };
    expect(ownsSession(session, { identity: anonymous, sessionKey: key })).toBe(true);
    expect(ownsSession(session, { identity: anonymous })).toBe(false);
    expect(ownsSession(session, { identity: anonymous, sessionKey: newSessionKey() })).toBe(false);
    expect(ownsSession({ owner: "anonymous" }, { identity: anonymous, sessionKey: key })).toBe(false);
  });

  it("never lets a signed-in customer into an anonymous session, even holding its key", () => {
    const key = newSessionKey();
    const session = { owner: ownerForNewSession(anonymous, key) };
    expect(ownsSession(session, { identity: demo1, sessionKey: key })).toBe(false);
    expect(mayReadSession(session, { identity: demo1, sessionKey: key })).toBe(false);
  });

  it("binds customers' sessions to the customer and lets staff read any session", () => {
    const session = { owner: ownerForNewSession(demo1, undefined) };
    expect(ownsSession(session, { identity: demo1 })).toBe(true);
    expect(ownsSession(session, { identity: { kind: "customer", customerId: "demo2" } })).toBe(false);
    expect(ownsSession(session, { identity: anonymous, sessionKey: newSessionKey() })).toBe(false);
    expect(mayReadSession(session, { identity: staff })).toBe(true);
    expect(ownsSession(session, { identity: staff })).toBe(false);
  });
});
