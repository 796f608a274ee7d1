// A local HTTP server speaking the OpenAI chat-completions protocol (plain and streamed) that answers with the
// model outputs recorded in a dialogue's cassettes, in order, so LLM-recorded dialogues replay without the model.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { CassetteEntry } from "./dialogue-schema.js";

/** The recording and serving side of a cassette server. */
export interface CassetteServer {
  /** Base URL to configure as OPENAI_BASE_URL (ends in /v1). */
  baseUrl: string;
  /** Replaces the queue of outputs to serve next. */
  load(entries: CassetteEntry[]): void;
  /** How many queued outputs were not requested. */
  remaining(): number;
  /** Requests that arrived after the queue ran dry. */
  exhausted(): number;
  /** The raw request bodies received since the last `load`, for checks that no personal data reached the model. */
  received(): string[];
  close(): Promise<void>;
}

interface CompletionRequest {
  model?: string;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function toolCallsOf(entry: CassetteEntry, seq: number) {
  return entry.toolCalls.map((t, i) => ({ id: t.id ?? `call_${seq}_${i}`, type: "function" as const, function: { name: t.name, arguments: JSON.stringify(t.args) } }));
}

/** Starts a cassette server on an ephemeral port of 127.0.0.1. */
export async function startCassetteServer(): Promise<CassetteServer> {
  let queue: CassetteEntry[] = [];
  let received: string[] = [];
  let exhausted = 0;
  let seq = 0;
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      if (req.method !== "POST" || !/\/chat\/completions$/.test(req.url ?? "")) {
        res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "not found", type: "invalid_request_error" } }));
        return;
      }
      received.push(body);
      const entry = queue.shift();
      if (!entry) {
        exhausted++;
        // 400 rather than 5xx: the client must not retry, the app falls back at once and the replay reports it.
        res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "cassette exhausted", type: "invalid_request_error" } }));
        return;
      }
      let request: CompletionRequest;
      try {
        request = JSON.parse(body) as CompletionRequest;
      } catch {
        request = {};
      }
      seq++;
      const id = `chatcmpl-cassette-${seq}`;
      const model = request.model ?? "cassette";
      const created = Math.floor(Date.now() / 1000);
      const calls = toolCallsOf(entry, seq);
      const finish = calls.length > 0 ? "tool_calls" : "stop";
      const usage = { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 };
      if (!request.stream) {
        const message = { role: "assistant", content: entry.content === "" && calls.length > 0 ? null : entry.content, ...(calls.length ? { tool_calls: calls } : {}) };
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id, object: "chat.completion", created, model, choices: [{ index: 0, message, finish_reason: finish, logprobs: null }], usage }));
        return;
      }
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
      const send = (delta: Record<string, unknown>, finishReason: string | null = null): void => {
        res.write(`data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model, choices: [{ index: 0, delta, finish_reason: finishReason, logprobs: null }] })}\n\n`);
      };
      send({ role: "assistant", content: "" });
      for (const piece of entry.content.match(/[\s\S]{1,24}/g) ?? []) send({ content: piece });
      calls.forEach((c, index) => send({ tool_calls: [{ index, id: c.id, type: "function", function: { name: c.function.name, arguments: c.function.arguments } }] }));
      send({}, finish);
      if (request.stream_options?.include_usage) res.write(`data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model, choices: [], usage })}\n\n`);
      res.end("data: [DONE]\n\n");
    })().catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: (e as Error).message } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    load(entries) {
      queue = entries.map((e) => ({ content: e.content, toolCalls: e.toolCalls.map((t) => ({ ...t, args: { ...t.args } })) }));
      received = [];
      exhausted = 0;
    },
    remaining: () => queue.length,
    exhausted: () => exhausted,
    received: () => [...received],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
