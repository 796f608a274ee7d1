import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { codeName, formatDateTime, intentTopic, NAMED_INTENTS } from "./staff-reply-parts.js";

describe("staff reply parts", () => {
  it("names every customer intent the router knows, in Chinese without English", () => {
    const intents = fs
      .readdirSync(path.resolve("data/intents"))
      .filter((f) => f.endsWith(".yaml"))
      .map((f) => f.replace(/\.yaml$/, ""));
    expect([...NAMED_INTENTS].sort()).toEqual(intents.sort());
    for (const intent of intents) expect(intentTopic(intent, "zh-CN")).not.toMatch(/[A-Za-z]/);
  });

  it("gives an unknown intent or product a neutral Chinese name instead of English", () => {
    expect(intentTopic("something_new", "zh-CN")).toBe("其他问题");
    expect(intentTopic("something_new", "en")).toBe("something new");
    expect(codeName("Premier Account", "zh-CN")).toBe("其他");
    expect(codeName("with_agent", "en")).toBe("with staff");
  });

  it("formats a timestamp as date and time in both languages", () => {
    expect(formatDateTime("2026-11-30T09:05:00Z", "en")).toBe("30 Nov 2026 09:05");
    expect(formatDateTime("2026-11-30T09:05:00Z", "zh-CN")).toBe("2026年11月30日 09:05");
  });
});
