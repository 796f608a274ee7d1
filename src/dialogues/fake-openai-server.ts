// A real local HTTP server speaking enough of the OpenAI protocol for ChatOpenAI and OpenAIEmbeddings: it answers
// chat completions from a script (replies, or functions of the request), so tests, the dialogue replayer (cassettes
// are one way of scripting it) and the red team can stand in for the model: well-behaved, failing or hostile.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { z } from "zod";
import { answerEmbeddings } from "./fake-embeddings.js";
import {
  estimateTokens,
  sendJson,
  sleep,
  writeFault,
  writeReply,
  type FakeFault,
  type ScriptedReply,
} from "./fake-openai-wire.js";

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

/** How the fake behaves; `failWith`, `hang` and `fault` apply to chat completions only. */
export interface FakeOpenAIOptions {
  script?: ScriptStep[];
  /** Used for every chat request after the script runs out; without it the server answers 400 "script exhausted". */
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
  /** Model name echoed back in responses (default: the requested model). */
  model?: string;
}

/** The modes `setMode` can change while the server runs. */
export type FakeOpenAIMode = Pick<FakeOpenAIOptions, "failWith" | "hang" | "delayMs" | "fault">;

/** A running fake server. */
export interface FakeOpenAI {
  /** Base URL ending in /v1, for `configuration.baseURL` / OPENAI_BASE_URL. */
  url: string;
  /** Every request since start (or since the last `load`). */
  requests: RecordedRequest[];
  /** Chat-completion requests only, in arrival order. */
  chatRequests(): RecordedRequest[];
  /** Replaces the script and the fallback, and forgets earlier requests and exhaustion. */
  load(script: ScriptStep[], fallback?: ScriptStep): void;
  /** How many script steps remain unused. */
  remaining(): number;
  /** Chat requests that found the script exhausted (and no fallback). */
  exhausted(): number;
  /** Changes the failure/hang/delay mode of later requests. */
  setMode(mode: FakeOpenAIMode): void;
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

/** Starts the fake on an ephemeral port of 127.0.0.1. */
export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  let script = [...(options.script ?? [])];
  let fallback = options.fallback;
  const mode = {
    failWith: options.failWith,
    hang: options.hang ?? false,
    delayMs: options.delayMs ?? 0,
    fault: options.fault,
  };
  const requests: RecordedRequest[] = [];
  let served = 0;
  let exhausted = 0;
  let callSeq = 0;

  const nextReply = (req: RecordedRequest): ScriptedReply | undefined => {
    const step = script.shift() ?? fallback;
    if (step === undefined) return undefined;
    served += 1;
    return typeof step === "function" ? step(req) : step;
  };

  const handleChat = async (rec: RecordedRequest, res: ServerResponse): Promise<void> => {
    if (mode.hang) return; // never answer; close() destroys the socket
    if (mode.failWith) {
      const body = mode.failWith.body ?? { error: { message: "fake failure", type: "server_error" } };
      return sendJson(res, mode.failWith.status, body);
    }
    const parsed = ChatBodySchema.safeParse(rec.body);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      return sendJson(res, 400, openAIError(`invalid chat request: ${problems}`));
    }
    const model = options.model ?? parsed.data.model ?? "fake-gpt";
    if (mode.fault) return writeFault(res, mode.fault, parsed.data.stream === true, model);
    const reply = nextReply(rec);
    if (!reply) {
      exhausted += 1;
      // 400 rather than 5xx: the client must not retry, so the app falls back at once and the caller sees why.
      return sendJson(res, 400, openAIError(`fake-openai: script exhausted after ${served} replies`));
    }
    const calls = (reply.toolCalls ?? []).map((c) => ({
      id: c.id ?? `call_${++callSeq}`,
      name: c.name,
      arguments: JSON.stringify(c.args),
    }));
    await writeReply(res, reply, calls, {
      id: `chatcmpl-${served}`,
      model,
      stream: parsed.data.stream === true,
      includeUsage: parsed.data.stream_options?.include_usage === true,
      promptTokens: estimateTokens(rec.raw),
      chunkDelayMs: options.chunkDelayMs ?? 0,
    });
  };

  const route = async (rec: RecordedRequest, res: ServerResponse): Promise<void> => {
    if (mode.delayMs > 0) await sleep(mode.delayMs);
    if (rec.method === "POST" && rec.path === "/v1/chat/completions") return handleChat(rec, res);
    if (rec.method === "POST" && rec.path === "/v1/embeddings") {
      const body = answerEmbeddings(rec.body, options.embeddingDim ?? 1536, options.model ?? "fake-embeddings");
      return sendJson(res, body ? 200 : 400, body ?? openAIError("invalid embeddings request"));
    }
    if (rec.method === "GET" && rec.path === "/v1/models") {
      return sendJson(res, 200, {
        object: "list",
        data: [{ id: options.model ?? "fake-gpt", object: "model", owned_by: "fake" }],
      });
    }
    sendJson(res, 404, openAIError(`fake-openai: no route for ${rec.method} ${rec.path}`));
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const parts: Buffer[] = [];
    req.on("data", (c: Buffer) => parts.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(parts).toString("utf8");
      const path = (req.url ?? "/").split("?")[0] ?? "/";
      const rec = {
        method: req.method ?? "GET",
        path,
        authorization: req.headers.authorization,
        body: parseBody(raw),
        raw,
      };
      requests.push(rec);
      route(rec, res).catch((e: unknown) => {
        if (!res.headersSent)
          sendJson(res, 500, openAIError(`fake-openai: ${e instanceof Error ? e.message : String(e)}`));
        else res.destroy();
      });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    chatRequests: () => requests.filter((r) => r.path === "/v1/chat/completions"),
    load(next, nextFallback) {
      script = [...next];
      fallback = nextFallback;
      requests.length = 0;
      exhausted = 0;
    },
    remaining: () => script.length,
    exhausted: () => exhausted,
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

function parseBody(raw: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(raw);
    return v !== null && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v)) : {};
  } catch {
    return {};
  }
}

function openAIError(message: string): { error: { message: string; type: string; code: null } } {
  return { error: { message, type: "invalid_request_error", code: null } };
}
