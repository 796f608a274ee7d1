// A remote chat model whose every call has a hard deadline covering the whole stream: the client library's own
// timeout stops at the response headers, so a model that never stops streaming would otherwise hold its
// connection open after the turn has moved on to the local responder.
import type { CallbackManagerForLLMRun } from "@langchain/core/callbacks/manager";
import type { BaseMessage } from "@langchain/core/messages";
import type { ChatGenerationChunk } from "@langchain/core/outputs";
import { ChatOpenAI, type ChatOpenAIFields } from "@langchain/openai";

/** An OpenAI-protocol chat model that aborts any call still running after `deadlineMs`. */
export class BoundedChatOpenAI extends ChatOpenAI {
  private readonly deadlineMs: number;

  constructor(fields: ChatOpenAIFields & { deadlineMs: number }) {
    super(fields);
    this.deadlineMs = fields.deadlineMs;
  }

  override async *_streamResponseChunks(
    messages: BaseMessage[],
    options: this["ParsedCallOptions"],
    runManager?: CallbackManagerForLLMRun,
  ): AsyncGenerator<ChatGenerationChunk> {
    const deadline = AbortSignal.timeout(this.deadlineMs);
    const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
    yield* super._streamResponseChunks(messages, { ...options, signal }, runManager);
  }
}
