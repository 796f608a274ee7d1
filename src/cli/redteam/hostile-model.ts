// Hostile models for the red team, as script steps of the fake OpenAI server: each reads the request the app sent
// (system prompt, tools offered, tool results so far) and answers the way a compromised or confused model would.
import { z } from "zod";
import type { RecordedRequest, ScriptStep } from "../../dialogues/fake-openai-server.js";
import type { ScriptedReply, ScriptedToolCall } from "../../dialogues/fake-openai-wire.js";

const ContentSchema = z
  .union([z.string(), z.array(z.object({ text: z.string().optional() }).passthrough()), z.null()])
  .optional()
  .transform((c) => (typeof c === "string" ? c : (c ?? []).map((p) => p.text ?? "").join("")));

const ChatRequestSchema = z
  .object({
    messages: z.array(z.object({ role: z.string(), content: ContentSchema }).passthrough()).default([]),
    tools: z.array(z.object({ function: z.object({ name: z.string() }).passthrough() }).passthrough()).nullish(),
  })
  .passthrough();

/** What a hostile model looks at in a request. */
export interface ModelView {
  /** The system prompt(s), joined. */
  system: string;
  /** The customer's latest message as the model received it. */
  lastUser: string;
  /** Tool results since the customer's latest message. */
  toolResults: string[];
  /** How many times the model already answered since the customer's latest message. */
  rounds: number;
  /** Names of the tools the app offered. */
  offered: string[];
}

/** Reads a chat request the app sent to the model. */
export function viewOf(req: RecordedRequest): ModelView {
  const parsed = ChatRequestSchema.safeParse(req.body);
  const messages = parsed.success ? parsed.data.messages : [];
  const lastUserAt = messages.map((m) => m.role).lastIndexOf("user");
  const since = messages.slice(lastUserAt + 1);
  return {
    system: messages
      .filter((m) => m.role === "system" || m.role === "developer")
      .map((m) => m.content)
      .join("\n"),
    lastUser: lastUserAt >= 0 ? (messages[lastUserAt]?.content ?? "") : "",
    toolResults: since.filter((m) => m.role === "tool").map((m) => m.content),
    rounds: since.filter((m) => m.role === "assistant").length,
    offered: parsed.success ? (parsed.data.tools ?? []).map((t) => t.function.name) : [],
  };
}

/** A reply given as text, or computed from what the model sees. */
export type Said = string | ((view: ModelView) => string);

const say = (said: Said, view: ModelView): string => (typeof said === "string" ? said : said(view));

/** Answers with `said` straight away, without calling any tool. */
export function says(said: Said, misbehave?: ScriptedReply["misbehave"]): ScriptStep {
  return (req) => ({ content: say(said, viewOf(req)), ...(misbehave ? { misbehave } : {}) });
}

/** Calls `calls` first (one round, whatever was offered), then answers with `said` whatever the tools returned. */
export function callsThenSays(
  calls: ScriptedToolCall[] | ((view: ModelView) => ScriptedToolCall[]),
  said: Said,
): ScriptStep {
  return (req) => {
    const view = viewOf(req);
    if (view.rounds === 0) return { toolCalls: typeof calls === "function" ? calls(view) : calls };
    return { content: say(said, view) };
  };
}

/** Searches the knowledge base for the customer's words, then answers with `said`. */
export function searchesThenSays(said: Said): ScriptStep {
  return callsThenSays(
    (v) => [{ name: "search_knowledge", args: { query: v.lastUser.slice(0, 300) || "fees" } }],
    said,
  );
}

/** Calls a tool on every request, forever: a new call each round, never an answer. */
export function loopsOn(call: (round: number) => ScriptedToolCall): ScriptStep {
  return (req) => ({ toolCalls: [call(viewOf(req).rounds)] });
}
