// How a scripted model reply goes on the wire of the OpenAI chat-completions protocol: one JSON completion or a stream
// of SSE chunks, well-behaved or misbehaving (a stream that never ends, never says [DONE] or stalls half-way), plus
// the broken replies of fault tests. The fake OpenAI server decides which reply to send; this module only writes it.
import type { ServerResponse } from "node:http";

/** One tool call a scripted reply makes; `id` is generated when absent. */
export interface ScriptedToolCall {
  id?: string;
  name: string;
  args: Record<string, unknown>;
}

/**
 * How a reply misbehaves on the wire: `endless_text` streams its text over and over and never finishes,
 * `no_done` sends the whole reply and its finish reason but never `[DONE]` nor closes, `stall` sends the first half
 * and then goes silent with the connection open. All of them last until the client hangs up.
 */
export type Misbehaviour = "endless_text" | "no_done" | "stall";

/** One scripted model turn: some text, some tool calls, or both (a recorded cassette entry is one too). */
export interface ScriptedReply {
  content?: string;
  toolCalls?: ScriptedToolCall[];
  misbehave?: Misbehaviour;
}

/**
 * A broken chat reply: `garbage` is a 200 whose body is not the protocol, `invalid_tool_json` a tool call whose
 * arguments are not JSON, `cut_stream` a stream that sends part of an answer and then drops the connection.
 */
export type FakeFault = "garbage" | "invalid_tool_json" | "cut_stream";

/** What the writer needs besides the reply. */
export interface WireContext {
  id: string;
  model: string;
  stream: boolean;
  includeUsage: boolean;
  promptTokens: number;
  /** Pause between streamed chunks. */
  chunkDelayMs: number;
}

interface WireCall {
  id: string;
  name: string;
  arguments: string;
}

/** Writes a scripted reply as a completion or a stream; resolves when done or when the client hung up. */
export async function writeReply(
  res: ServerResponse,
  reply: ScriptedReply,
  calls: WireCall[],
  ctx: WireContext,
): Promise<void> {
  const finish = calls.length > 0 ? "tool_calls" : "stop";
  const completionTokens = estimateTokens(reply.content ?? "");
  const usage = {
    prompt_tokens: ctx.promptTokens,
    completion_tokens: completionTokens,
    total_tokens: ctx.promptTokens + completionTokens,
  };
  const created = Math.floor(Date.now() / 1000);
  if (!ctx.stream) {
    if (reply.misbehave) return writeUnfinishedJson(res, reply);
    const message = {
      role: "assistant",
      content: reply.content ?? (calls.length > 0 ? null : ""),
      ...(calls.length > 0 ? { tool_calls: calls.map(toWireCall) } : {}),
    };
    const choice = { index: 0, message, finish_reason: finish, logprobs: null };
    sendJson(res, 200, { id: ctx.id, object: "chat.completion", created, model: ctx.model, choices: [choice], usage });
    return;
  }
  const closed = watchClose(res);
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
  const base = { id: ctx.id, object: "chat.completion.chunk", created, model: ctx.model };
  const chunk = async (delta: Record<string, unknown>, finishReason: string | null = null): Promise<void> => {
    const choice = { index: 0, delta, finish_reason: finishReason, logprobs: null };
    await writeEvent(res, JSON.stringify({ ...base, choices: [choice] }), closed);
    if (ctx.chunkDelayMs > 0) await sleep(ctx.chunkDelayMs);
  };
  await chunk({ role: "assistant", content: "" });
  const pieces = splitForStreaming(reply.content ?? "");
  if (reply.misbehave === "endless_text") {
    // Forever, paced so that a runaway stream costs the app its timeout rather than this machine its CPU.
    for (let i = 0; !closed.value; i++) {
      await chunk({ content: pieces[i % Math.max(1, pieces.length)] || "more text " });
      if (i % 20 === 19) await sleep(2);
    }
    return;
  }
  const sent = reply.misbehave === "stall" ? pieces.slice(0, Math.ceil(pieces.length / 2)) : pieces;
  for (const piece of sent) await chunk({ content: piece });
  if (reply.misbehave === "stall") return holdOpen(closed);
  for (const [index, c] of calls.entries()) {
    await chunk({ tool_calls: [{ index, id: c.id, type: "function", function: { name: c.name, arguments: "" } }] });
    const size = Math.max(16, Math.ceil(c.arguments.length / 64));
    for (const piece of splitEvery(c.arguments, size))
      await chunk({ tool_calls: [{ index, function: { arguments: piece } }] });
  }
  await chunk({}, finish);
  if (reply.misbehave === "no_done") return holdOpen(closed);
  if (ctx.includeUsage) await writeEvent(res, JSON.stringify({ ...base, choices: [], usage }), closed);
  res.end("data: [DONE]\n\n");
}

/** Writes one of the broken replies of fault tests. */
export async function writeFault(res: ServerResponse, fault: FakeFault, stream: boolean, model: string): Promise<void> {
  const object = stream ? "chat.completion.chunk" : "chat.completion";
  const base = { id: "chatcmpl-fault", object, created: Math.floor(Date.now() / 1000), model };
  if (fault === "garbage") {
    res.writeHead(200, { "content-type": stream ? "text/event-stream" : "application/json" });
    const sse = 'data: {"choices": [{"delta": <html>502 Bad Gateway</html>\n\ndata: \u0000\u0001{{{\n\n';
    res.end(stream ? sse : "<html><body>502 Bad Gateway</body></html>\u0000{{{");
    return;
  }
  if (fault === "invalid_tool_json") {
    const fn = { name: "search_knowledge", arguments: '{"query": "SWIFT fee' };
    const call = { id: "call_bad", type: "function", function: fn };
    if (!stream) {
      const message = { role: "assistant", content: null, tool_calls: [call] };
      sendJson(res, 200, { ...base, choices: [{ index: 0, message, finish_reason: "tool_calls", logprobs: null }] });
      return;
    }
    res.writeHead(200, { "content-type": "text/event-stream" });
    const chunk = (delta: Record<string, unknown>, finish: string | null = null): void => {
      const choice = { index: 0, delta, finish_reason: finish, logprobs: null };
      res.write(`data: ${JSON.stringify({ ...base, choices: [choice] })}\n\n`);
    };
    chunk({
      role: "assistant",
      content: null,
      tool_calls: [{ index: 0, ...call, function: { ...fn, arguments: "" } }],
    });
    chunk({ tool_calls: [{ index: 0, function: { arguments: fn.arguments } }] });
    chunk({}, "tool_calls");
    res.end("data: [DONE]\n\n");
    return;
  }
  // cut_stream: part of an answer, then the connection drops without a finish reason or [DONE].
  res.writeHead(200, { "content-type": "text/event-stream" });
  for (const piece of ["HALF-WRITTEN ", "answer that ", "stops "]) {
    const choice = { index: 0, delta: { content: piece }, finish_reason: null, logprobs: null };
    res.write(`data: ${JSON.stringify({ ...base, choices: [choice] })}\n\n`);
    await sleep(5);
  }
  res.socket?.destroy();
}

/** Sends a JSON body with its length. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

/** A rough token count (four characters a token), for usage figures. */
export function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

/** Pauses. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function toWireCall(c: WireCall) {
  return { id: c.id, type: "function", function: { name: c.name, arguments: c.arguments } };
}

// A non-streamed reply that never finishes: the start of a completion, then (for endless text) text until hang-up.
async function writeUnfinishedJson(res: ServerResponse, reply: ScriptedReply): Promise<void> {
  const closed = watchClose(res);
  res.writeHead(200, { "content-type": "application/json" });
  res.write('{"id":"chatcmpl-unfinished","object":"chat.completion","choices":[{"index":0,"message":{"content":"');
  const text = JSON.stringify(reply.content || "more text ").slice(1, -1);
  while (reply.misbehave === "endless_text" && !closed.value) await writeRaw(res, text, closed);
  await holdOpen(closed);
}

function watchClose(res: ServerResponse): { value: boolean } {
  const closed = { value: false };
  res.once("close", () => {
    closed.value = true;
  });
  return closed;
}

async function writeEvent(res: ServerResponse, data: string, closed: { value: boolean }): Promise<void> {
  await writeRaw(res, `data: ${data}\n\n`, closed);
}

// Respects back-pressure so an endless stream never buffers unboundedly in this process.
async function writeRaw(res: ServerResponse, text: string, closed: { value: boolean }): Promise<void> {
  if (closed.value) return;
  if (res.write(text)) return;
  await new Promise<void>((resolve) => {
    const done = (): void => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.once("drain", done);
    res.once("close", done);
  });
}

async function holdOpen(closed: { value: boolean }): Promise<void> {
  while (!closed.value) await sleep(20);
}

// Word-ish pieces (keeping the spaces) for Latin text, a few characters at a time for Chinese; long texts go in
// fixed slices so a huge reply is thousands of chunks, not hundreds of thousands.
function splitForStreaming(text: string): string[] {
  if (text.length > 4000) return splitEvery(text, 256);
  const words = text.match(/\S+\s*|\s+/g) ?? [];
  return words.flatMap((w) => (/[\u3400-\u9fff]/.test(w) ? splitEvery(w, 3) : [w]));
}

function splitEvery(text: string, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += n) out.push(text.slice(i, i + n));
  return out.length > 0 ? out : [""];
}
