// A chat model that follows a two-step script with no network and no planning: ask for one tool call, then answer
// once the tool's result is in the messages. It gives the benchmark the cost of the agent machinery alone.
import { BaseChatModel, type BaseChatModelParams } from "@langchain/core/language_models/chat_models";
import { AIMessage, type BaseMessage } from "@langchain/core/messages";
import type { ChatResult } from "@langchain/core/outputs";

/** What the scripted model asks for and answers. */
export interface ChatScript {
  toolName: string;
  toolArgs: Record<string, unknown>;
  answer: string;
}

/** A stateless scripted model: a tool call when the last message is not a tool result, else the answer. */
export class ScriptedChatModel extends BaseChatModel {
  private calls = 0;

  constructor(
    private readonly script: ChatScript,
    fields: BaseChatModelParams = {},
  ) {
    super(fields);
  }

  _llmType(): string {
    return "scripted";
  }

  // The script decides the tool, so binding tools returns the same model.
  override bindTools(): this {
    return this;
  }

  async _generate(messages: BaseMessage[]): Promise<ChatResult> {
    const last = messages[messages.length - 1];
    const message =
      last?.getType() === "tool"
        ? new AIMessage({ content: this.script.answer })
        : new AIMessage({
            content: "",
            tool_calls: [
              { id: `call_${++this.calls}`, name: this.script.toolName, args: this.script.toolArgs, type: "tool_call" },
            ],
          });
    return { generations: [{ text: typeof message.content === "string" ? message.content : "", message }] };
  }
}
