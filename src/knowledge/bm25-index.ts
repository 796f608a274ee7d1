// Okapi BM25 over chunk texts: the lexical half of hybrid retrieval (exact numbers, product names, rare words).
import { containsHan, contentTerms, hanRuns } from "../shared/text/index.js";

/** A lexical match: the position of the text in the indexed list and its BM25 score. */
export interface LexicalMatch {
  index: number;
  score: number;
}

/** A BM25 index over a fixed list of texts. */
export interface LexicalIndex {
  search(query: string, limit: number, allowed?: (index: number) => boolean): LexicalMatch[];
}

/** Builds a BM25 index (k1 = 1.2, b = 0.75 unless given). */
export function createBm25Index(texts: string[], options: { k1?: number; b?: number } = {}): LexicalIndex {
  const k1 = options.k1 ?? 1.2;
  const b = options.b ?? 0.75;
  const postings = new Map<string, { doc: number; tf: number }[]>();
  const lengths = texts.map((text, doc) => {
    const terms = contentTerms(text);
    const tf = new Map<string, number>();
    for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [t, n] of tf) {
      const list = postings.get(t) ?? [];
      list.push({ doc, tf: n });
      postings.set(t, list);
    }
    return terms.length;
  });
  const n = texts.length;
  // Chinese terms are weighed against the Chinese texts only (see local-embeddings for why).
  const hanN = texts.filter((t) => hanRuns(t).length > 0).length;
  const avgLen = lengths.reduce((a, x) => a + x, 0) / Math.max(1, n);
  return {
    search(query, limit, allowed) {
      const scores = new Map<number, number>();
      for (const term of new Set(contentTerms(query))) {
        const list = postings.get(term);
        if (!list) continue;
        const pop = containsHan(term) ? Math.max(hanN, list.length) : n;
        const idf = Math.log(1 + (pop - list.length + 0.5) / (list.length + 0.5));
        for (const { doc, tf } of list) {
          if (allowed && !allowed(doc)) continue;
          const len = lengths[doc] ?? 0;
          const s = (idf * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * len) / avgLen));
          scores.set(doc, (scores.get(doc) ?? 0) + s);
        }
      }
      return [...scores.entries()]
        .map(([index, score]) => ({ index, score }))
        .sort((x, y) => y.score - x.score || x.index - y.index)
        .slice(0, limit);
    },
  };
}
