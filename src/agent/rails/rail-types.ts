// The contract of the output rails: what a reply is checked against, and what each check decides. Every reply and
// every streamed sentence, from any model or the local responder, goes through one implementation of this.
import type { Locale } from "../../shared/locale.js";

/** The checks an output sentence must pass. */
export type RailName =
  | "grounding"
  | "claim"
  | "commitment"
  | "pii_output"
  | "language"
  | "prompt_leak"
  | "citation"
  | "credentials"
  | "instruction"
  | "markup";

/** Everything a reply may legitimately draw on in this turn. */
export interface RailEvidence {
  /** The customer's language; the reply must be in it. */
  locale: Locale;
  /** Texts whose facts the reply may state: this turn's passages, tool results (as text), the customer's message. */
  sources: readonly string[];
  /** The `[n]` ids of the passages given to the model in this turn. */
  passageIds: readonly number[];
  /** The bank's published phone numbers, web addresses and e-mail addresses. */
  publishedContacts: readonly string[];
  /** System prompts and policy texts that must never be repeated to the customer. */
  protectedTexts: readonly string[];
  /** Masks a vault placeholder such as `[CARD_1]` as the customer may see it ("card ending 1234"); undefined when unknown. */
  maskPlaceholder?: (placeholder: string) => string | undefined;
}

/** The verdict on one sentence. */
export interface SentenceVerdict {
  /** The sentence as it may be shown: PII masked, dangling citation markers removed. */
  text: string;
  /** False when the sentence must not be shown at all. */
  ok: boolean;
  /** The rails that blocked it (empty when ok). */
  failed: RailName[];
  /** The rails that changed the text without blocking it (PII masked, citation markers dropped). */
  rewritten: RailName[];
  /** Why, for the trace (e.g. the unsupported figure); never contains raw PII. */
  reasons: string[];
}

/** A sentence that was held back, for the trace. */
export interface BlockedSentence {
  text: string;
  failed: RailName[];
  reasons: string[];
}

/** The outcome of the rails on a whole reply. */
export interface RailsOutcome {
  /** What may be shown: the passing sentences, in order. */
  text: string;
  blocked: BlockedSentence[];
  /** False when what is left no longer answers (nothing of substance kept, or the language is wrong throughout). */
  useful: boolean;
  /** The `[n]` ids cited by the kept text. */
  cited: number[];
  /** True when the reply ran past the output limit and the rest was not shown. */
  truncated?: boolean;
}
