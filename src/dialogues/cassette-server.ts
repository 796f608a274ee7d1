// Cassettes are one way of scripting the fake OpenAI server: each recorded model output of a dialogue turn is one
// script step, served in order, so LLM-recorded dialogues replay without the model. A call past the recording is a
// client error (never retried), counted so the replay can report it.
import type { CassetteEntry } from "./dialogue-schema.js";
import { startFakeOpenAI } from "./fake-openai-server.js";

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

/** Starts a cassette server on an ephemeral port of 127.0.0.1. */
export async function startCassetteServer(): Promise<CassetteServer> {
  const fake = await startFakeOpenAI();
  return {
    baseUrl: fake.url,
    // Copies, so a replay never mutates the loaded dialogue.
    load: (entries) =>
      fake.load(
        entries.map((e) => ({
          content: e.content,
          toolCalls: e.toolCalls.map((t) => ({ ...t, args: { ...t.args } })),
        })),
      ),
    remaining: () => fake.remaining(),
    exhausted: () => fake.exhausted(),
    received: () => fake.chatRequests().map((r) => r.raw),
    close: () => fake.close(),
  };
}
