import { describe, expect, it } from "vitest";
import { customerTokensOf } from "./demo-tokens.js";

const jwt = (claims: Record<string, unknown>): string =>
  `e30.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.c2ln`;

describe("demo tokens", () => {
  it("keeps customer tokens wherever the reply nests them and drops staff and malformed ones", () => {
    const customer = jwt({ role: "customer", sub: "demo1" });
    const body = { tokens: { demo1: customer, staff: jwt({ role: "staff" }) }, other: ["not.a.jwt!", "a.b.c"] };
    expect(customerTokensOf(body)).toEqual([customer]);
  });
});
