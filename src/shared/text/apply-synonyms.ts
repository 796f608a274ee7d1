// Applies the synonym table two ways: a search query gains the documents' words for what it mentions (expansion),
// and a question and an answer sentence are compared after interchangeable words are folded onto one (folding).
import { normaliseForMatching } from "./normalise-text.js";
import { SYNONYMS, type SynonymEntry } from "./synonym-table.js";
import { containsHan, tokeniseText } from "./tokenise-text.js";

const EXPANSIONS = SYNONYMS.filter((e) => e.use.includes("expand"));
// Global copies for String.replace; the table's own patterns stay stateless for `test`.
const FOLDS = SYNONYMS.filter((e) => e.use.includes("fold")).map((e: SynonymEntry) => ({
  pattern: new RegExp(e.written.source, `${e.written.flags}g`),
  means: e.means,
}));

/**
 * The query followed, on a new line, by the words that documents of `lang` use for what it mentions and it lacks;
 * the query itself, unchanged, when nothing applies.
 */
export function expandSynonyms(query: string, lang: "en" | "zh"): string {
  const text = normaliseForMatching(query);
  const words = new Set(tokeniseText(text, "surface").map((t) => t.text));
  // Chinese has no word boundaries, so a Chinese word is looked for inside the text; others among its words.
  const lacks = (w: string): boolean => (containsHan(w) ? !text.includes(w) : !words.has(w));
  const extra = new Set<string>();
  for (const e of EXPANSIONS) {
    if (e.lang !== lang || !e.written.test(text)) continue;
    for (const w of e.means.split(" ")) if (lacks(w)) extra.add(w);
  }
  return extra.size === 0 ? query : `${query}\n${[...extra].join(" ")}`;
}

/** The text, normalised for matching, with every interchangeable word replaced by the one the table folds it onto. */
export function foldSynonyms(text: string): string {
  let out = normaliseForMatching(text);
  for (const { pattern, means } of FOLDS) out = out.replace(pattern, means);
  return out;
}
