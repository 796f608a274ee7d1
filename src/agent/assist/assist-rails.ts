// Agent assist's text goes through the same output rails as the bot's replies to customers (grounding, claims,
// commitments, PII, language, prompt leaks): the evidence is what the conversation itself holds, plus the passages
// retrieved for the suggestion. A reply the rails block is dropped, never shown half-checked.
import type { Locale } from "../../shared/locale.js";
import type { Passage } from "../passages.js";
import { applyRails } from "../rails/apply-rails.js";
import { prepareEvidence } from "../rails/prepare-evidence.js";
import type { RailEvidence } from "../rails/rail-types.js";
import type { RailSettings } from "../turn/answer-with-agent.js";
import { toolResultText } from "../turn/reply-evidence.js";
import { assistReplyTemplates } from "./assist-strings.js";
import type { ConversationFacts } from "./conversation-facts.js";

/** What may be said about a conversation: its own words, the bot's checked replies, tool calls, passages, templates. */
export function assistEvidence(
  facts: ConversationFacts,
  rails: RailSettings,
  extra: { passages?: readonly Passage[]; sources?: readonly string[]; protectedTexts?: readonly string[] } = {},
): RailEvidence {
  const locale: Locale = facts.locale;
  const passages = extra.passages ?? [];
  return {
    locale,
    sources: [
      ...passages.map((p) => p.text),
      ...facts.turns.map((t) => t.text),
      ...facts.botReplies,
      ...facts.steps.map((s) => `${s.summary}\n${toolResultText(s.args)}`),
      ...(facts.pending ? [facts.pending.summary] : []),
      ...(facts.ticket ? [facts.ticket.id] : []),
      ...(extra.sources ?? []),
      ...rails.trustedTexts(locale),
      ...assistReplyTemplates(locale),
    ],
    passageIds: passages.map((p) => p.n),
    publishedContacts: rails.publishedContacts,
    protectedTexts: [...rails.protectedTexts, ...(extra.protectedTexts ?? [])],
  };
}

/** A text as the rails let it through. */
export interface CheckedText {
  /** The passing sentences, citation markers removed. */
  text: string;
  /** The `[n]` passage ids the passing text cited. */
  cited: number[];
  /** Whether any sentence was held back. */
  trimmed: boolean;
}

const CITATION_MARKER = /\s?\[\d{1,3}(?:, ?\d{1,3}){0,9}\]/g;

/** Checks a text with the output rails; undefined when what passes no longer says anything. */
export function checkWithRails(text: string, evidence: RailEvidence): CheckedText | undefined {
  const outcome = applyRails(text, prepareEvidence(evidence));
  const shown = outcome.text.replace(CITATION_MARKER, "").trim();
  if (!outcome.useful || !shown) return undefined;
  return { text: shown, cited: outcome.cited, trimmed: outcome.blocked.length > 0 };
}
