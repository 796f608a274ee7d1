// With a chat model configured, the summary is written by the model and then checked: every part must pass the
// output rails against the conversation itself (no figure, promise or language the conversation does not hold).
// Anything else (a failed or slow call, an unreadable answer, a blocked sentence) falls back to the offline summary.
import { z } from "zod";
import type { Locale } from "../../shared/locale.js";
import type { Result } from "../../shared/result.js";
import type { RailSettings } from "../turn/answer-with-agent.js";
import type { AssistSummary } from "./assist-schema.js";
import { assistEvidence, checkWithRails } from "./assist-rails.js";
import type { ConversationFacts } from "./conversation-facts.js";

/** The three parts a model writes. */
export const ModelSummarySchema = z.object({
  wants: z.string().min(1).max(800).describe("What the customer wants, with their latest question."),
  botDid: z.string().min(1).max(800).describe("What the assistant did and how each step ended."),
  pending: z.string().min(1).max(800).describe("What is still open."),
});
/** A model's summary. */
export type ModelSummaryParts = z.infer<typeof ModelSummarySchema>;

/** The chat model's one job here: summarise a conversation written out as text, in a language. */
export interface SummaryModel {
  /** The system prompt it runs with (kept from being repeated, like every prompt). */
  prompt(locale: Locale): string;
  summarise(input: { locale: Locale; conversation: string }): Promise<Result<ModelSummaryParts, "failed">>;
}

const ROLE_NAMES: Record<Locale, Record<"user" | "assistant" | "staff", string>> = {
  en: { user: "Customer", assistant: "Assistant", staff: "Staff" },
  "zh-CN": { user: "客户", assistant: "助手", staff: "工作人员" },
};

/** The conversation as the model reads it: the transcript, then the extractive summary's facts. */
export function conversationText(facts: ConversationFacts, offline: AssistSummary): string {
  const names = ROLE_NAMES[facts.locale];
  const lines = facts.transcript.map((m) => `${names[m.role]}: ${m.text.replace(/\s+/g, " ")}`);
  return [...lines, "", "---", offline.wants, offline.botDid, offline.pending].join("\n");
}

/** The model's summary when it passes the rails, otherwise the offline one. */
export async function modelSummary(
  model: SummaryModel,
  facts: ConversationFacts,
  offline: AssistSummary,
  rails: RailSettings,
): Promise<{ summary: AssistSummary; fellBack?: string }> {
  let written: Result<ModelSummaryParts, "failed">;
  try {
    written = await model.summarise({ locale: facts.locale, conversation: conversationText(facts, offline) });
  } catch {
    written = { ok: false, error: "failed" };
  }
  if (!written.ok) return { summary: offline, fellBack: "model call failed" };
  const evidence = assistEvidence(facts, rails, {
    sources: [offline.wants, offline.botDid, offline.pending],
    protectedTexts: [model.prompt(facts.locale)],
  });
  const parts: string[] = [];
  for (const text of [written.value.wants, written.value.botDid, written.value.pending]) {
    const checked = checkWithRails(text, evidence);
    if (!checked || checked.trimmed) return { summary: offline, fellBack: "a sentence failed the output rails" };
    parts.push(checked.text);
  }
  const [wants = "", botDid = "", pending = ""] = parts;
  return {
    summary: { text: parts.join("\n"), wants, botDid, pending, language: facts.locale, source: "model" },
  };
}
