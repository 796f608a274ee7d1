// The terms two texts are compared on when only their topic matters: BM25 search over the knowledge base and the
// answer extractor's question-to-sentence overlap both use these, so a word that matches in one matches in the other.
import { isHanStopGram } from "./stop-words.js";
import { tokeniseText } from "./tokenise-text.js";

/**
 * Stemmed content words and Chinese words of a text, each Chinese word followed by its content characters, with
 * repeats, in order. The words match precisely; the characters meet words the segmenter cut at another granularity
 * ("丢" in a question, "丢失" in a document; "客服" and "客服热线"). Words plus characters beat both words alone and the
 * character bigrams used before on the retrieval evaluation.
 */
export function contentTerms(text: string): string[] {
  const out: string[] = [];
  for (const t of tokeniseText(text, "content")) {
    out.push(t.text);
    if (!t.han || t.text.length < 2) continue;
    for (const c of t.text) if (!isHanStopGram(c)) out.push(c);
  }
  return out;
}
