// Incremental parser for a text/event-stream body read with fetch, because EventSource cannot POST.
// Shared by the widget and the staff console; no DOM, so it is unit-tested in Node.

/** One server-sent event: its type (default "message") and its raw data lines joined by newlines. */
export interface SseEvent {
  event: string;
  data: string;
}

/** Creates a parser that turns arbitrary text chunks into complete events, calling `onEvent` for each. */
export function createSseParser(onEvent: (event: SseEvent) => void): { push(chunk: string): void; end(): void } {
  let buffer = "";
  let type = "";
  let data: string[] = [];

  const dispatch = () => {
    if (data.length > 0) onEvent({ event: type || "message", data: data.join("\n") });
    type = "";
    data = [];
  };

  const line = (text: string) => {
    if (text === "") return dispatch();
    if (text.startsWith(":")) return;
    const colon = text.indexOf(":");
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? "" : text.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") type = value;
    else if (field === "data") data.push(value);
  };

  return {
    push(chunk) {
      buffer += chunk;
      let nl: number;
      while ((nl = buffer.search(/\r\n|\r|\n/)) >= 0) {
        const crlf = buffer[nl] === "\r" && buffer[nl + 1] === "\n";
        // A lone trailing "\r" may be the first half of "\r\n": wait for the next chunk.
        if (buffer[nl] === "\r" && nl === buffer.length - 1) break;
        line(buffer.slice(0, nl));
        buffer = buffer.slice(nl + (crlf ? 2 : 1));
      }
    },
    end() {
      if (buffer) line(buffer);
      buffer = "";
      dispatch();
    },
  };
}

/** Reads a fetch Response body as SSE, calling `onEvent` per event; resolves when the stream ends. */
export async function readSseStream(
  body: ReadableStream<Uint8Array>,
  onEvent: (event: SseEvent) => void,
): Promise<void> {
  const parser = createSseParser(onEvent);
  const reader = body.getReader();
  const decoder = new TextDecoder();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parser.push(decoder.decode(value, { stream: true }));
  }
  parser.push(decoder.decode());
  parser.end();
}
