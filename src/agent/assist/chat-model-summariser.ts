// The summary model over a LangChain chat model: one call with the assist prompt, the answer read as JSON through
// its schema. A slow call is cut off at the deadline; any failure is a value, and the offline summary is used.
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { HumanMessage, SystemMessage, type BaseMessage } from "@langchain/core/messages";
import { err, ok } from "../../shared/result.js";
import type { AssistPrompts } from "./load-assist-prompts.js";
import { ModelSummarySchema, type SummaryModel } from "./model-summary.js";

function textOf(message: BaseMessage): string {
  return typeof message.content === "string"
    ? message.content
    : message.content.map((c) => ("text" in c ? String(c.text) : "")).join("");
}

// Models often wrap JSON in a code fence or a sentence: the outermost object is what counts.
function jsonObjectIn(text: string): unknown {
  const start = text.indexOf("{");
  const end = text.lastIndexOf("}");
  if (start < 0 || end <= start) return undefined;
  try {
    return JSON.parse(text.slice(start, end + 1));
  } catch {
    return undefined;
  }
}

/** Adapts a chat model to the summary port. */
export function createChatModelSummariser(deps: {
  model: BaseChatModel;
  prompts: AssistPrompts;
  timeoutMs: number;
}): SummaryModel {
  return {
    prompt: (locale) => deps.prompts[locale],
    async summarise({ locale, conversation }) {
      try {
        // Streamed, like every remote call: a non-streamed ChatOpenAI call estimates token usage with a tokenizer
        // it would download, outside the deadline.
        const stream = await deps.model.stream(
          [new SystemMessage(deps.prompts[locale]), new HumanMessage(conversation)],
          { signal: AbortSignal.timeout(deps.timeoutMs) },
        );
        let text = "";
        for await (const chunk of stream) text += textOf(chunk);
        const parsed = ModelSummarySchema.safeParse(jsonObjectIn(text));
        return parsed.success ? ok(parsed.data) : err("failed");
      } catch {
        return err("failed");
      }
    },
  };
}
