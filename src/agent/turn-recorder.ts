// Collects what happens inside one agent turn (model calls, tool calls, guardrail events) for the trace and reply.
// The recorder keeps real arguments (an approved action runs with them); `traceCallsOf` is what may be stored.
import { readToolResult, type ToolOutput } from "./tools/tool-results.js";
import { isToolName, type ToolName } from "./tools/tool-names.js";
import type { GuardrailEvent, ModelCall, TurnTrace } from "../conversations/turn-trace.js";

/** One executed (or refused) tool call. */
export interface RecordedToolCall {
  /** As the model spelt it: a model may name a tool that does not exist, and that refused call is recorded too. */
  name: string;
  args: Record<string, unknown>;
  status: "ok" | "failed" | "denied" | "awaiting_confirmation" | "rejected";
  summary: string;
  ms: number;
  /** The tool message's JSON as it came back; read it with `recordedResultOf`, never by casting. */
  result?: Record<string, unknown>;
}

/** The tool a recorded call names, or undefined when the model named one we do not have. */
export function toolNameOf(call: Pick<RecordedToolCall, "name">): ToolName | undefined {
  return isToolName(call.name) ? call.name : undefined;
}

/** A recorded call's result as the named tool's output; undefined for another tool's call or an unreadable result. */
export function recordedResultOf<N extends ToolName>(call: RecordedToolCall, name: N): ToolOutput<N> | undefined {
  return call.name === name ? readToolResult(name, call.result) : undefined;
}

/** The results of every recorded call of one tool that ran and produced its own output, in call order. */
export function recordedResultsOf<N extends ToolName>(calls: readonly RecordedToolCall[], name: N): ToolOutput<N>[] {
  return calls.flatMap((c) => recordedResultOf(c, name) ?? []);
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

/** Redacts every string (and every long number) inside tool-call arguments, keeping the shape; keys give context. */
export function redactToolArgs(
  args: Record<string, unknown>,
  redact: (text: string) => string,
): Record<string, unknown> {
  const walk = (value: unknown, key: string, depth: number): unknown => {
    if (depth > 8) return "[omitted]";
    if (typeof value === "string") {
      // The key is read with the value ("accountNumber: 12345678"), so a label in the key still counts.
      const prefix = `${key}: `;
      const withKey = redact(prefix + value);
      return withKey.startsWith(prefix) ? withKey.slice(prefix.length) : redact(value);
    }
    if (typeof value === "number" && Number.isFinite(value) && Math.abs(value) >= 100_000) {
      const text = walk(String(value), key, depth);
      return text === String(value) ? value : text;
    }
    if (Array.isArray(value)) return value.map((v) => walk(v, key, depth + 1));
    if (value !== null && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k, depth + 1)]));
    }
    return value;
  };
  return Object.fromEntries(Object.entries(args).map(([k, v]) => [k, walk(v, k, 0)]));
}

/** The recorder's tool and model calls as a trace stores them: without tool results, every argument redacted. */
export function traceCallsOf(
  recorder: TurnRecorder,
  redact: (text: string) => string,
): Pick<TurnTrace, "toolCalls" | "modelCalls"> {
  return {
    toolCalls: recorder.toolCalls.map(({ result: _result, ...c }) => ({ ...c, args: redactToolArgs(c.args, redact) })),
    modelCalls: recorder.modelCalls.map((m) => ({
      ...m,
      output: {
        content: redact(m.output.content),
        toolCalls: m.output.toolCalls.map((c) => ({ ...c, args: redactToolArgs(c.args, redact) })),
      },
    })),
  };
}
