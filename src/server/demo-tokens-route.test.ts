import { describe, expect, it } from "vitest";
import { demoTokenRefusal, type DemoTokenRequest } from "./demo-tokens-route.js";

function requestFrom(remoteAddress: string | undefined, headers: Record<string, string> = {}): DemoTokenRequest {
  const all: Record<string, string> = { host: "127.0.0.1:3000", ...headers };
  return { headers: all, get: (name) => all[name.toLowerCase()], socket: { remoteAddress } };
}

describe("demo token refusal", () => {
  it("serves a loopback peer that came straight to this machine", () => {
    for (const peer of ["127.0.0.1", "::1", "::ffff:127.0.0.1"])
      expect(demoTokenRefusal(requestFrom(peer))).toBeUndefined();
  });

  it("refuses a peer that is not loopback even when the Host header says localhost", () => {
    for (const peer of ["203.0.113.9", "10.0.0.2", "::ffff:192.168.1.4", undefined])
      expect(demoTokenRefusal(requestFrom(peer))).toMatch(/loopback/);
  });

  it("refuses any request a reverse proxy forwarded, whichever header reveals it", () => {
    const proxied: Array<Record<string, string>> = [
      { "x-forwarded-for": "203.0.113.9" },
      { "x-forwarded-for": "127.0.0.1" },
      { "x-forwarded-host": "127.0.0.1:3000" },
      { "x-forwarded-proto": "https" },
      { forwarded: "for=203.0.113.9" },
      { "x-real-ip": "203.0.113.9" },
      { via: "1.1 nginx" },
      { "cf-connecting-ip": "203.0.113.9" },
    ];
    for (const headers of proxied) expect(demoTokenRefusal(requestFrom("127.0.0.1", headers))).toMatch(/proxy/);
  });
});
