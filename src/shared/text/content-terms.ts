// The terms two texts are compared on when only their topic matters: BM25 search over the knowledge base and the
// answer extractor's question-to-sentence overlap both use these, so a word that matches in one matches in the other.
import { hanTerms } from "./ngrams.js";
import { tokeniseText } from "./tokenise-text.js";

/** Stemmed content words and Chinese character bigrams (or single characters) of a text, with repeats, in order. */
export function contentTerms(text: string): string[] {
  const out: string[] = [];
  for (const t of tokeniseText(text, "content")) {
    if (t.han) out.push(...hanTerms(t.text));
    else out.push(t.text);
  }
  return out;
}
