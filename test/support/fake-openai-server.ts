// A real local HTTP server speaking enough of the OpenAI chat-completions and embeddings protocol for ChatOpenAI and
// OpenAIEmbeddings: scripted replies (text and tool calls), streaming and not, plus failure, hang and corrupt-reply modes
// for fallback and fault tests.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";

/** One scripted model turn: some text, some tool calls, or both. */
export interface ScriptedReply {
  content?: string;
  toolCalls?: { name: string; args: Record<string, unknown> }[];
}

/** A scripted turn, or a function choosing it from the request (e.g. from the tools offered or the last message). */
export type ScriptStep = ScriptedReply | ((req: RecordedRequest) => ScriptedReply);

/** Every request the server received, kept so tests can assert what reached the "LLM" (e.g. no PII). */
export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  /** The parsed JSON body (empty object when the body was not JSON). */
  body: Record<string, unknown>;
  /** The body exactly as received; search this for leaked PII. */
  raw: string;
}

/** How the fake behaves; `failWith` and `hang` apply to chat completions only. */
export interface FakeOpenAIOptions {
  script?: ScriptStep[];
  /** Used for every chat request after the script runs out; without it the server answers 500 "script exhausted". */
  fallback?: ScriptStep;
  /** Wait this long before answering each request. */
  delayMs?: number;
  /** Wait this long between streamed chunks. */
  chunkDelayMs?: number;
  /** Answer every chat request with this status and JSON body instead of a completion. */
  failWith?: { status: number; body?: unknown };
  /** Accept chat requests and never answer them (the client must time out). */
  hang?: boolean;
  /** Answer chat requests with a broken reply instead of the script (see FakeFault). */
  fault?: FakeFault;
  /** Vector size of /v1/embeddings when the request names no `dimensions` (default 1536). */
  embeddingDim?: number;
  /** Model name echoed back in responses. */
  model?: string;
}

/**
 * A broken chat reply: `garbage` is a 200 whose body is not the protocol, `invalid_tool_json` a tool call whose
 * arguments are not JSON, `cut_stream` a stream that sends part of an answer and then drops the connection.
 */
export type FakeFault = "garbage" | "invalid_tool_json" | "cut_stream";

/** A running fake server. */
export interface FakeOpenAI {
  /** Base URL ending in /v1, for `configuration.baseURL` / OPENAI_BASE_URL. */
  url: string;
  requests: RecordedRequest[];
  /** Chat-completion requests only, in arrival order. */
  chatRequests(): RecordedRequest[];
  /** How many script steps remain unused. */
  remaining(): number;
  /** Changes the failure/hang/delay mode of later requests. */
  setMode(mode: Pick<FakeOpenAIOptions, "failWith" | "hang" | "delayMs" | "fault">): void;
  close(): Promise<void>;
}

const ChatBodySchema = z
  .object({
    model: z.string().optional(),
    messages: z.array(z.object({ role: z.string() }).passthrough()).min(1),
    stream: z.boolean().nullish(),
    stream_options: z.object({ include_usage: z.boolean().optional() }).passthrough().nullish(),
    tools: z.array(z.unknown()).nullish(),
  })
  .passthrough();

const EmbeddingsBodySchema = z
  .object({
    model: z.string().optional(),
    input: z.union([z.string(), z.array(z.string()), z.array(z.number()), z.array(z.array(z.number()))]),
    dimensions: z.number().int().positive().max(8192).optional(),
    encoding_format: z.enum(["float", "base64"]).optional(),
  })
  .passthrough();

/** Starts the fake on an ephemeral port of 127.0.0.1. */
export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const script = [...(options.script ?? [])];
  const mode = { failWith: options.failWith, hang: options.hang ?? false, delayMs: options.delayMs ?? 0, fault: options.fault };
  const model = options.model ?? "fake-gpt";
  const requests: RecordedRequest[] = [];
  let served = 0;
  let callSeq = 0;

  const nextReply = (req: RecordedRequest): ScriptedReply | undefined => {
    const step = script.shift() ?? options.fallback;
    if (step === undefined) return undefined;
    served += 1;
    return typeof step === "function" ? step(req) : step;
  };

  const handleChat = async (rec: RecordedRequest, res: ServerResponse): Promise<void> => {
    if (mode.hang) return; // never answer; close() destroys the socket
    if (mode.failWith) return sendJson(res, mode.failWith.status, mode.failWith.body ?? { error: { message: "fake failure", type: "server_error" } });
    const parsed = ChatBodySchema.safeParse(rec.body);
    if (!parsed.success) return sendJson(res, 400, openAIError(`invalid chat request: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`));
    if (mode.fault) return sendFault(res, mode.fault, parsed.data.stream === true, model);
    const reply = nextReply(rec);
    if (!reply) return sendJson(res, 500, openAIError(`fake-openai: script exhausted after ${served} replies`));
    const calls = (reply.toolCalls ?? []).map((c) => ({ id: `call_${++callSeq}`, name: c.name, arguments: JSON.stringify(c.args) }));
    const finish = calls.length > 0 ? "tool_calls" : "stop";
    const id = `chatcmpl-${served}`;
    const created = Math.floor(Date.now() / 1000);
    const usage = { prompt_tokens: estimateTokens(rec.raw), completion_tokens: estimateTokens(reply.content ?? ""), total_tokens: 0 };
    usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;

    if (!parsed.data.stream) {
      const message = {
        role: "assistant",
        content: reply.content ?? (calls.length > 0 ? null : ""),
        ...(calls.length > 0 ? { tool_calls: calls.map((c) => ({ id: c.id, type: "function", function: { name: c.name, arguments: c.arguments } })) } : {}),
      };
      return sendJson(res, 200, { id, object: "chat.completion", created, model, choices: [{ index: 0, message, finish_reason: finish, logprobs: null }], usage });
    }

    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
    const base = { id, object: "chat.completion.chunk", created, model };
    const chunk = async (delta: Record<string, unknown>, finishReason: string | null = null): Promise<void> => {
      res.write(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta, finish_reason: finishReason, logprobs: null }] })}\n\n`);
      if (options.chunkDelayMs) await sleep(options.chunkDelayMs);
    };
    await chunk({ role: "assistant", content: "" });
    for (const piece of splitForStreaming(reply.content ?? "")) await chunk({ content: piece });
    for (const [index, c] of calls.entries()) {
      await chunk({ tool_calls: [{ index, id: c.id, type: "function", function: { name: c.name, arguments: "" } }] });
      for (const piece of splitEvery(c.arguments, 16)) await chunk({ tool_calls: [{ index, function: { arguments: piece } }] });
    }
    await chunk({}, finish);
    if (parsed.data.stream_options?.include_usage) res.write(`data: ${JSON.stringify({ ...base, choices: [], usage })}\n\n`);
    res.end("data: [DONE]\n\n");
  };

  const handleEmbeddings = (rec: RecordedRequest, res: ServerResponse): void => {
    const parsed = EmbeddingsBodySchema.safeParse(rec.body);
    if (!parsed.success) return sendJson(res, 400, openAIError("invalid embeddings request"));
    const { input, dimensions, encoding_format: format } = parsed.data;
    const inputs: string[] = typeof input === "string" ? [input] : input.map((x) => (typeof x === "string" ? x : JSON.stringify(x)));
    const dim = dimensions ?? options.embeddingDim ?? 1536;
    const data = inputs.map((text, index) => {
      const vec = embedText(text, dim);
      return { object: "embedding", index, embedding: format === "base64" ? Buffer.from(vec.buffer).toString("base64") : Array.from(vec) };
    });
    const tokens = inputs.reduce((s, t) => s + estimateTokens(t), 0);
    sendJson(res, 200, { object: "list", data, model: parsed.data.model ?? model, usage: { prompt_tokens: tokens, total_tokens: tokens } });
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const parts: Buffer[] = [];
    req.on("data", (c: Buffer) => parts.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(parts).toString("utf8");
      const path = (req.url ?? "/").split("?")[0] ?? "/";
      const rec: RecordedRequest = { method: req.method ?? "GET", path, authorization: req.headers.authorization, body: parseBody(raw), raw };
      requests.push(rec);
      const route = async (): Promise<void> => {
        if (mode.delayMs > 0) await sleep(mode.delayMs);
        if (rec.method === "POST" && path === "/v1/chat/completions") return handleChat(rec, res);
        if (rec.method === "POST" && path === "/v1/embeddings") return handleEmbeddings(rec, res);
        if (rec.method === "GET" && path === "/v1/models") return sendJson(res, 200, { object: "list", data: [{ id: model, object: "model", owned_by: "fake" }] });
        sendJson(res, 404, openAIError(`fake-openai: no route for ${rec.method} ${path}`));
      };
      route().catch((e: unknown) => {
        if (!res.headersSent) sendJson(res, 500, openAIError(`fake-openai: ${(e as Error).message}`));
        else res.destroy();
      });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    chatRequests: () => requests.filter((r) => r.path === "/v1/chat/completions"),
    remaining: () => script.length,
    setMode(next) {
      if ("failWith" in next) mode.failWith = next.failWith;
      if (next.hang !== undefined) mode.hang = next.hang;
      if (next.delayMs !== undefined) mode.delayMs = next.delayMs;
      if ("fault" in next) mode.fault = next.fault;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A deterministic embedding: signed feature hashing of words and Han bigrams, L2-normalised, so similar texts score close. */
export function embedText(text: string, dim: number): Float32Array {
  const vec = new Float32Array(dim);
  const lower = text.toLowerCase();
  const features = [...(lower.match(/[a-z0-9]+/g) ?? [])];
  const han = lower.match(/[\u3400-\u9fff]/g) ?? [];
  for (let i = 0; i < han.length; i++) features.push(i + 1 < han.length ? `${han[i]}${han[i + 1]}` : (han[i] as string));
  if (features.length === 0) features.push("<empty>");
  for (const f of features) {
    const h = fnv1a(f);
    vec[h % dim] = (vec[h % dim] ?? 0) + ((h >>> 31) & 1 ? -1 : 1);
  }
  let norm = 0;
  for (const v of vec) norm += v * v;
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < dim; i++) vec[i] = (vec[i] ?? 0) / norm;
  return vec;
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function splitForStreaming(text: string): string[] {
  // Word-ish pieces (keeping the spaces) for Latin text, a few characters at a time for Chinese.
  return text.match(/\S+\s*|\s+/g)?.flatMap((w) => (/[\u3400-\u9fff]/.test(w) ? splitEvery(w, 3) : [w])) ?? [];
}

function splitEvery(text: string, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += n) out.push(text.slice(i, i + n));
  return out.length > 0 ? out : [""];
}

function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

function parseBody(raw: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(raw);
    return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function openAIError(message: string): { error: { message: string; type: string; code: null } } {
  return { error: { message, type: "invalid_request_error", code: null } };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

async function sendFault(res: ServerResponse, fault: FakeFault, stream: boolean, model: string): Promise<void> {
  const base = { id: "chatcmpl-fault", object: stream ? "chat.completion.chunk" : "chat.completion", created: Math.floor(Date.now() / 1000), model };
  if (fault === "garbage") {
    res.writeHead(200, { "content-type": stream ? "text/event-stream" : "application/json" });
    res.end(stream ? "data: {\"choices\": [{\"delta\": <html>502 Bad Gateway</html>\n\ndata: \u0000\u0001{{{\n\n" : "<html><body>502 Bad Gateway</body></html>\u0000{{{");
    return;
  }
  if (fault === "invalid_tool_json") {
    const call = { id: "call_bad", type: "function", function: { name: "search_knowledge", arguments: '{"query": "SWIFT fee' } };
    if (!stream) return sendJson(res, 200, { ...base, choices: [{ index: 0, message: { role: "assistant", content: null, tool_calls: [call] }, finish_reason: "tool_calls", logprobs: null }] });
    res.writeHead(200, { "content-type": "text/event-stream" });
    const chunk = (delta: Record<string, unknown>, finish: string | null = null): void => {
      res.write(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }] })}\n\n`);
    };
    chunk({ role: "assistant", content: null, tool_calls: [{ index: 0, ...call, function: { name: call.function.name, arguments: "" } }] });
    chunk({ tool_calls: [{ index: 0, function: { arguments: call.function.arguments } }] });
    chunk({}, "tool_calls");
    res.end("data: [DONE]\n\n");
    return;
  }
  // cut_stream: part of an answer, then the connection drops without a finish reason or [DONE].
  res.writeHead(200, { "content-type": "text/event-stream" });
  for (const piece of ["HALF-WRITTEN ", "answer that ", "stops "]) {
    res.write(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta: { content: piece }, finish_reason: null, logprobs: null }] })}\n\n`);
    await sleep(5);
  }
  res.socket?.destroy();
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
