// Screens user messages and retrieved passages for prompt-injection attempts. Detection only flags and strips:
// identity, tools and policy never depend on text, so a missed pattern still cannot change them.
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

/** The outcome of screening one text. */
export interface InjectionScreen {
  flagged: boolean;
  matches: string[];
}

/** Screens a text for injection patterns. */
export function screenForInjection(text: string): InjectionScreen {
  const matches: string[] = [];
  for (const pattern of INJECTION_PATTERNS) {
    const m = typeof pattern === "function" ? pattern(text) : text.match(pattern)?.[0];
    if (m !== undefined) matches.push(m);
  }
  return { flagged: matches.length > 0, matches };
}

/** Removes the sentences of a retrieved passage that carry instructions, keeping the rest of its content. */
export function sanitisePassage(text: string): { text: string; removed: number } {
  // Latin sentence ends need a following space, so addresses and decimals ("harbor.example", "6.9%") stay whole.
  const parts = text.split(/(?<=[.!?]\s)|(?<=[。！？\n])/);
  let removed = 0;
  const kept = parts.filter((p) => {
    if (screenForInjection(p).flagged) {
      removed++;
      return false;
    }
    return true;
  });
  return { text: kept.join("").trim(), removed };
}
