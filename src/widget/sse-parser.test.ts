import { describe, it, expect } from "vitest";
import { createSseParser, readSseStream, type SseEvent } from "./sse-parser.js";

describe("createSseParser", () => {
  it("emits events split across arbitrary chunk boundaries", () => {
    const got: SseEvent[] = [];
    const p = createSseParser((e) => got.push(e));
    const text =
      'event: token\ndata: {"text":"Hel"}\n\nevent: token\r\ndata: {"text":"lo"}\r\n\r\n: ping\n\nevent: done\ndata: {}\n\n';
    for (const ch of text) p.push(ch);
    p.end();
    expect(got).toEqual([
      { event: "token", data: '{"text":"Hel"}' },
      { event: "token", data: '{"text":"lo"}' },
      { event: "done", data: "{}" },
    ]);
  });

  it("joins multi-line data and defaults the type to message", () => {
    const got: SseEvent[] = [];
    const p = createSseParser((e) => got.push(e));
    p.push("data: a\ndata: b\n\n");
    expect(got).toEqual([{ event: "message", data: "a\nb" }]);
  });

  it("flushes a final event without a trailing blank line on end", () => {
    const got: SseEvent[] = [];
    const p = createSseParser((e) => got.push(e));
    p.push('event: error\ndata: {"code":"x"}');
    expect(got).toHaveLength(0);
    p.end();
    expect(got).toEqual([{ event: "error", data: '{"code":"x"}' }]);
  });
});

describe("readSseStream", () => {
  it("decodes multi-byte characters split between chunks", async () => {
    const bytes = new TextEncoder().encode("event: token\ndata: 你好\n\n");
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(bytes.slice(0, 21));
        c.enqueue(bytes.slice(21));
        c.close();
      },
    });
    const got: SseEvent[] = [];
    await readSseStream(body, (e) => got.push(e));
    expect(got).toEqual([{ event: "token", data: "你好" }]);
  });
});
