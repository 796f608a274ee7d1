// The labelled question–fact pairs (data/answers/<split>.jsonl) the ranker is trained and measured on, and the one
// rule for whether a text states a fact: compared after case, spaces, digit-group commas and dash styles are folded.
import { readFileSync } from "node:fs";
import { z } from "zod";
import { LocaleSchema } from "../../../shared/locale.js";
import { parseJsonLines } from "../../../shared/parse-jsonl.js";
import type { Result } from "../../../shared/result.js";

/** One labelled question: what the reply must state, and the outdated figures it must not. */
export const AnswerPairSchema = z.object({
  id: z.string().min(1),
  locale: LocaleSchema,
  question: z.string().min(1),
  source: z.string().min(1).describe("id of the English document that answers it"),
  facts: z
    .array(z.array(z.string().min(1)).min(1))
    .min(1)
    .describe("every required fact, each as its accepted spellings"),
  stale: z.array(z.string()).default([]).describe("superseded figures a reply must never state"),
  kind: z.string().describe("the kind of answer the question asks for"),
  changed: z.boolean().default(false).describe("the answer changed with a newer document"),
});
/** A labelled question. */
export type AnswerPair = z.infer<typeof AnswerPairSchema>;

/** Reads and validates a JSONL file of answer pairs. */
export function loadAnswerPairs(file: string): Result<AnswerPair[]> {
  return parseJsonLines(readFileSync(file, "utf8"), AnswerPairSchema);
}

/** The text folded for fact matching: NFKC, lower case, no spaces, no digit-group commas, one dash. */
export function foldForFacts(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212~～]/g, "-")
    .replace(/(\d),(?=\d{3})/g, "$1")
    .replace(/\s+/g, "");
}

/** True when the text states one spelling of the fact ("£15" is not stated by "£150", nor "2%" by "12%"). */
export function statesFact(text: string, fact: readonly string[]): boolean {
  const folded = foldForFacts(text);
  return fact.some((spelling) => containsWhole(folded, foldForFacts(spelling)));
}

/** True when the text states one of the stale figures. */
export function statesStale(text: string, stale: readonly string[]): boolean {
  return stale.length > 0 && statesFact(text, stale);
}

// A figure only counts where it is not part of a longer number.
function containsWhole(text: string, needle: string): boolean {
  if (!needle) return false;
  const digitEdge = (c: string): boolean => /[\d.]/.test(c);
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    const before = text.charAt(at - 1);
    const after = text.charAt(at + needle.length);
    const startsDigit = /\d/.test(needle.charAt(0));
    const endsDigit = /\d/.test(needle.charAt(needle.length - 1));
    const afterOk =
      !endsDigit || !(/\d/.test(after) || (after === "." && /\d/.test(text.charAt(at + needle.length + 1))));
    const beforeOk = !startsDigit || !digitEdge(before);
    if (afterOk && beforeOk) return true;
  }
  return false;
}

/** How many of the required facts the text states. */
export function factsStated(text: string, facts: readonly (readonly string[])[]): number {
  return facts.filter((f) => statesFact(text, f)).length;
}
