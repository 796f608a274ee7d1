// Screens user messages, retrieved passages and free text in tool results for prompt-injection attempts. Detection
// only flags, strips or masks: identity, tools and policy never depend on text, so a missed pattern cannot change them.
// Every pattern has bounded repetition, so screening stays linear in the length of the text; the whole text is read.
import { matchInOrderOnLine } from "../../shared/linear-text.js";

/** A pattern, or a matcher for "this, later on the same line that" that a `.*` regex would check in quadratic time. */
type InjectionPattern = RegExp | ((text: string) => string | undefined);

const TOOL_CALL = /\b(?:call|use|run|invoke) (?:the )?(?:tool|function) [a-z_]{1,64}\b/i;
const IDENTITY_FIELD = /\b(?:customer|account|card)[_ ]?id\b/i;

/** Patterns of instructions aimed at the assistant rather than questions for the bank. */
const INJECTION_PATTERNS: InjectionPattern[] = [
  /\b(?:ignore|disregard|forget|override)\b[^.\n]{0,40}\b(?:previous|prior|above|earlier|all|your|system|the)\b[^.\n]{0,30}\b(?:instructions?|rules?|prompts?|guidelines|polic(?:y|ies))/i,
  /\byou are now\b|\bact as (?:an?|the)\b|\bpretend (?:to be|you are)\b|\bdeveloper mode\b|\bjailbreak\b|\bDAN\b/i,
  /\b(?:reveal|show|print|repeat|leak)\b[^.\n]{0,30}\b(?:system prompt|hidden (?:prompt|instructions)|your (?:prompt|instructions))/i,
  /\bsystem\s{0,32}(?:prompt|message)\s{0,32}:|<\/?\s{0,32}(?:system|assistant|tool)\s{0,32}>|\[\s{0,32}(?:system|INST)\s{0,32}\]/i,
  (text) => matchInOrderOnLine(text, TOOL_CALL, IDENTITY_FIELD),
  /\b(?:as|for) (?:customer|user) (?:id )?demo\d\b|\bswitch (?:to )?(?:user|customer|account)\b/i,
  /忽略.{0,10}(?:之前|以上|前面|所有|系统).{0,6}(?:指令|指示|规则|提示)/,
  /你现在是|扮演|假装你是|开发者模式|系统提示|越狱/,
  /(?:显示|泄露|输出).{0,6}(?:系统提示|提示词|指令)/,
];

// Data (passages, merchant or customer names) is never addressed to the assistant, so a line that opens with a role
// label ("SYSTEM: …", "系统：…") is an injection there; a customer may type one innocently, so messages skip these.
const ROLE_LABEL_PATTERNS: InjectionPattern[] = [
  /(?:^|[\n.!?]\s{0,8})(?:system|assistant|developer)\s{0,8}:/i,
  /(?:^|[\n。！？]\s{0,8})(?:系统|助手|开发者)(?:消息|指令)?\s{0,4}[:：]/,
];

/** The outcome of screening one text. */
export interface InjectionScreen {
  flagged: boolean;
  matches: string[];
}

function screenWith(patterns: readonly InjectionPattern[], text: string): InjectionScreen {
  const matches: string[] = [];
  for (const pattern of patterns) {
    const m = typeof pattern === "function" ? pattern(text) : text.match(pattern)?.[0];
    if (m !== undefined) matches.push(m);
  }
  return { flagged: matches.length > 0, matches };
}

/** Screens a customer's message for injection patterns. */
export function screenForInjection(text: string): InjectionScreen {
  return screenWith(INJECTION_PATTERNS, text);
}

const DATA_PATTERNS = [...INJECTION_PATTERNS, ...ROLE_LABEL_PATTERNS];

/** Screens text that comes from data (a passage, a merchant name) for injection patterns, role labels included. */
export function screenDataForInjection(text: string): InjectionScreen {
  return screenWith(DATA_PATTERNS, text);
}

/** What a tool result shows instead of a free-text value that read as an instruction. */
export const SCREENED_TEXT_MARKER = "[text removed]";

/** A free-text value from data (a merchant, customer or product name), or the neutral marker if it instructs. */
export function screenDataText(text: string): { text: string; flagged: boolean } {
  if (!screenDataForInjection(text).flagged) return { text, flagged: false };
  return { text: SCREENED_TEXT_MARKER, flagged: true };
}

/** Removes the sentences of a retrieved passage that carry instructions, keeping the rest of its content. */
export function sanitisePassage(text: string): { text: string; removed: number } {
  // Latin sentence ends need a following space, so addresses and decimals ("harbor.example", "6.9%") stay whole.
  const parts = text.split(/(?<=[.!?]\s)|(?<=[。！？\n])/);
  let removed = 0;
  const kept = parts.filter((p) => {
    if (screenDataForInjection(p).flagged) {
      removed++;
      return false;
    }
    return true;
  });
  return { text: kept.join("").trim(), removed };
}
