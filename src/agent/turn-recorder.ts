// Collects what happens inside one agent turn (model calls, tool calls, guardrail events) for the trace and reply.
import type { GuardrailEvent, ModelCall } from "./turn-trace.js";

/** One executed (or refused) tool call. */
export interface RecordedToolCall {
  name: string;
  args: Record<string, unknown>;
  status: "ok" | "failed" | "denied" | "awaiting_confirmation" | "rejected";
  summary: string;
  ms: number;
  result?: Record<string, unknown>;
}

/** Mutable per-turn record, owned by the chat service and filled by the agent middleware. */
export interface TurnRecorder {
  modelCalls: ModelCall[];
  toolCalls: RecordedToolCall[];
  guardrails: GuardrailEvent[];
  usedFallback: boolean;
}

/** Creates an empty recorder. */
export function createTurnRecorder(): TurnRecorder {
  return { modelCalls: [], toolCalls: [], guardrails: [], usedFallback: false };
}

/** Maps a tool's JSON status to what the client sees. */
export function clientStatusOf(toolStatus: string | undefined): RecordedToolCall["status"] {
  switch (toolStatus) {
    case "ok":
      return "ok";
    case "forbidden":
    case "needs_sign_in":
      return "denied";
    case "rejected":
      return "rejected";
    default:
      return "failed";
  }
}
