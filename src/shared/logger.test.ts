import { describe, expect, it } from "vitest";
import { createJsonLogger, currentLogContext, renderLogLine, runWithLogContext } from "./logger.js";

// A crude redactor that masks any run of 4+ digits: on the old whole-line scrub it rewrote numeric fields.
const maskDigits = (text: string): string => text.replace(/\d{4,}/g, "[NUM]");

function capture(): { lines: string[]; sink: (line: string) => void } {
  const lines: string[] = [];
  return { lines, sink: (line) => lines.push(line) };
}

describe("json logger redaction", () => {
  it("redacts string values but leaves numeric fields exact and the line valid JSON", () => {
    const out = capture();
    const logger = createJsonLogger({ level: "info", sink: out.sink, scrub: maskDigits });
    logger.info("routed 4111", { confidence: 0.4111111111111111, count: 12345678, note: "card 4111 1111 1111 1111" });
    expect(out.lines).toHaveLength(1);
    const parsed: unknown = JSON.parse(out.lines[0] ?? "");
    expect(parsed).toMatchObject({
      msg: "routed [NUM]",
      confidence: 0.4111111111111111,
      count: 12345678,
      note: "card [NUM] [NUM] [NUM] [NUM]",
    });
  });

  it("redacts strings nested in objects, arrays, child bindings and errors without touching keys", () => {
    const out = capture();
    const logger = createJsonLogger({ level: "info", sink: out.sink, scrub: maskDigits }).child({
      caller: "user 12345678",
    });
    logger.error("failed", {
      detail: { "4111111111111111": ["sort 123456", 7654321] },
      err: new Error("card 4111111111111111 declined"),
    });
    const parsed: unknown = JSON.parse(out.lines[0] ?? "");
    expect(parsed).toMatchObject({
      caller: "user [NUM]",
      detail: { "4111111111111111": ["sort [NUM]", 7654321] },
      err: { message: "card [NUM] declined" },
    });
  });

  it("still writes one parseable line when a field is circular or a bigint", () => {
    const loop: Record<string, unknown> = { a: 1 };
    loop["self"] = loop;
    const circular = renderLogLine({ t: "now", level: "warn", msg: "x", loop }, maskDigits);
    expect(JSON.parse(circular)).toMatchObject({ level: "warn", msg: "x" });
    expect(JSON.parse(renderLogLine({ msg: "big", n: 12n }, maskDigits))).toMatchObject({ n: "12" });
  });
});

describe("log context", () => {
  it("adds the context's fields to every line written inside it, through awaits and timers, and none outside", async () => {
    const out = capture();
    const logger = createJsonLogger({ level: "info", sink: out.sink }).child({ component: "chat" });
    const deep = async (): Promise<void> => {
      await new Promise((r) => setTimeout(r, 5));
      logger.info("deep");
    };
    await runWithLogContext({ traceId: "req-1" }, async () => {
      logger.info("first");
      await deep();
    });
    logger.info("outside");
    const lines = out.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l["msg"], l["traceId"], l["component"]])).toEqual([
      ["first", "req-1", "chat"],
      ["deep", "req-1", "chat"],
      ["outside", undefined, "chat"],
    ]);
  });

  it("keeps concurrent contexts apart and lets explicit fields and nested contexts win", async () => {
    const out = capture();
    const logger = createJsonLogger({ level: "info", sink: out.sink });
    const handle = (id: string, ms: number) =>
      runWithLogContext({ traceId: id, requestId: id }, async () => {
        await new Promise((r) => setTimeout(r, ms));
        logger.info("done", { id });
      });
    await Promise.all([handle("a", 20), handle("b", 1)]);
    await runWithLogContext({ traceId: "req", requestId: "req" }, () =>
      runWithLogContext({ sessionId: "s1" }, () => {
        expect(currentLogContext()).toEqual({ traceId: "req", requestId: "req", sessionId: "s1" });
        logger.info("turn", { traceId: "turn-trace" });
      }),
    );
    const lines = out.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => [l["id"], l["traceId"]])).toEqual([
      ["b", "b"],
      ["a", "a"],
      [undefined, "turn-trace"],
    ]);
    expect(lines[2]).toMatchObject({ requestId: "req", sessionId: "s1" });
  });
});
