import { describe, expect, it } from "vitest";
import { describeFailure } from "./load-phase.js";

const ok = { sessionId: "s1", reply: { text: "Hello" } };

describe("load phase", () => {
  it("counts a reply with a session and text as served", () => {
    expect(describeFailure({ status: 200, body: ok, ms: 1 })).toBeUndefined();
  });

  it("names HTTP errors, stream errors, missing replies and empty answers", () => {
    expect(describeFailure({ status: 0, body: "ECONNRESET", ms: 1 })).toBe("network");
    expect(describeFailure({ status: 429, body: { error: { code: "rate_limited" } }, ms: 1 })).toBe(
      "http_429:rate_limited",
    );
    expect(describeFailure({ status: 200, body: { error: { code: "internal" } }, ms: 1 })).toBe(
      "stream_error:internal",
    );
    expect(describeFailure({ status: 200, body: undefined, ms: 1 })).toBe("bad_body");
    expect(describeFailure({ status: 200, body: { sessionId: "s1", reply: { text: " " } }, ms: 1 })).toBe(
      "empty_reply",
    );
  });

  it("accepts an empty text when the turn asks for a confirmation", () => {
    const body = { sessionId: "s1", reply: { text: "" }, pendingConfirmation: { summary: "Freeze your card" } };
    expect(describeFailure({ status: 200, body, ms: 1 })).toBeUndefined();
  });
});
