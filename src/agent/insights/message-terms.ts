// The terms a badly handled message is clustered and labelled on, from the project's one tokeniser: content words
// (English stemmed, Chinese segmented) plus each Chinese word's characters, and boundary-marked character trigrams of
// English words so a typo ("morgage") still meets the word it misspells.
import { charGrams, contentTerms, containsHan, tokeniseText } from "../../shared/text/index.js";

/** The two views of a message: topic words, and sub-word grams for typo tolerance. */
export interface MessageTerms {
  words: string[];
  grams: string[];
}

/** Splits a message into its clustering terms. */
export function messageTerms(text: string): MessageTerms {
  const words = contentTerms(text);
  const grams = words.filter((w) => !containsHan(w) && w.length >= 3).flatMap((w) => charGrams(w, 3, 3));
  return { words, grams };
}

/**
 * The words a topic is labelled with, as customers wrote them: English content words unstemmed (a stop word yields no
 * content form and is dropped), Chinese words of two or more characters.
 */
export function labelWords(text: string): string[] {
  const out: string[] = [];
  for (const t of tokeniseText(text, "surface")) {
    if (t.han) {
      if (t.text.length >= 2 && tokeniseText(t.text, "content").length > 0) out.push(t.text);
    } else if (t.text.length >= 3 && !/^\p{N}+$/u.test(t.text) && tokeniseText(t.text, "content").length > 0) {
      out.push(t.text);
    }
  }
  return out;
}
