// Synthetic chunk texts for the retrieval benchmark, written in our own knowledge vocabulary: English and Chinese words
// ranked by how often the knowledge folder uses them. A chunk mixes one or two narrow topics (words drawn from the whole
// vocabulary, so topics share words) with Zipf-distributed background words, as real knowledge chunks do.
import { createRng } from "../shared/random.js";
import { tokeniseText } from "../shared/text/index.js";

/** A generator of synthetic chunk and query texts. */
export interface SyntheticCorpus {
  chunk(): string;
  query(): string;
}

/** The words of a corpus, most frequent first, per language. */
export interface CorpusVocabulary {
  english: string[];
  chinese: string[];
}

/** Counts the words of the given texts (as written, so the embeddings still stem and segment them) by frequency. */
export function toCorpusVocabulary(texts: readonly string[]): CorpusVocabulary {
  const counts = { english: new Map<string, number>(), chinese: new Map<string, number>() };
  for (const text of texts) {
    for (const t of tokeniseText(text, "surface")) {
      if (!t.han && !/^\p{L}{2,}$/u.test(t.text)) continue;
      const map = t.han ? counts.chinese : counts.english;
      map.set(t.text, (map.get(t.text) ?? 0) + 1);
    }
  }
  const ranked = (m: Map<string, number>): string[] =>
    [...m.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  return { english: ranked(counts.english), chinese: ranked(counts.chinese) };
}

interface Language {
  vocab: string[];
  topics: string[][];
  separator: string;
}

/** Creates a seeded generator with `topics` subjects (a knowledge base has many narrow ones) over a vocabulary. */
export function createSyntheticCorpus(options: { seed: number; vocabulary: CorpusVocabulary; topics?: number }): SyntheticCorpus {
  const rng = createRng(options.seed);
  const topicCount = options.topics ?? 2500;
  const language = (vocab: string[], separator: string): Language => {
    if (vocab.length < 50) throw new Error(`a synthetic corpus needs at least 50 words per language, got ${vocab.length}`);
    // Topic words skip the most frequent words, which every topic uses as background anyway.
    const topical = vocab.slice(Math.min(50, Math.floor(vocab.length / 10)));
    const topics = Array.from({ length: topicCount }, () => Array.from({ length: 25 }, () => rng.pick(topical)));
    return { vocab, topics, separator };
  };
  const en = language(options.vocabulary.english, " ");
  const zh = language(options.vocabulary.chinese, "");
  // Background words follow Zipf's law over the frequency ranks of the real vocabulary.
  const zipf = (l: Language): string =>
    l.vocab[Math.min(l.vocab.length - 1, Math.floor(Math.exp(rng.next() * Math.log(l.vocab.length))) - 1)] as string;
  const words = (l: Language, count: number, topicIds: number[], onTopic: number): string => {
    const out: string[] = [];
    for (let i = 0; i < count; i++) {
      const topic = l.topics[rng.pick(topicIds)] as string[];
      out.push(rng.next() < onTopic ? (topic[Math.floor(rng.next() ** 2 * topic.length)] as string) : zipf(l));
    }
    return out.join(l.separator);
  };
  // Most chunks are about one subject, some straddle two; a query asks about one subject in a few words. About one
  // chunk in seven is Chinese, with the odd English product word, as in the knowledge folder.
  const pickTopics = (): number[] =>
    rng.next() < 0.75 ? [rng.int(topicCount)] : [rng.int(topicCount), rng.int(topicCount)];
  return {
    chunk: () => {
      if (rng.next() >= 0.15) return words(en, 60 + rng.int(120), pickTopics(), 0.6);
      const topics = pickTopics();
      return `${words(zh, 40 + rng.int(100), topics, 0.6)} ${words(en, 3, topics, 0.8)}`;
    },
    query: () =>
      rng.next() < 0.15
        ? words(zh, 3 + rng.int(8), [rng.int(topicCount)], 0.8)
        : words(en, 6 + rng.int(14), [rng.int(topicCount)], 0.8),
  };
}

/** Generates unit vectors shaped like neural sentence embeddings: topic clusters in a low-rank subspace plus noise. */
export function createSyntheticEmbeddingSpace(options: { seed: number; dim: number; rank?: number; topics?: number }): {
  chunk(): Float32Array;
  query(): Float32Array;
} {
  const rng = createRng(options.seed);
  const rank = options.rank ?? 48;
  const topicCount = options.topics ?? 2500;
  const basis = Array.from({ length: rank }, () => Float32Array.from({ length: options.dim }, () => rng.normal()));
  const centres = Array.from({ length: topicCount }, () => Float64Array.from({ length: rank }, () => rng.normal()));
  const sample = (spread: number): Float32Array => {
    const centre = centres[rng.int(topicCount)] as Float64Array;
    const out = new Float32Array(options.dim);
    for (let r = 0; r < rank; r++) {
      const z = (centre[r] as number) + spread * rng.normal();
      const b = basis[r] as Float32Array;
      for (let j = 0; j < options.dim; j++) out[j] = (out[j] as number) + z * (b[j] as number);
    }
    let norm = 0;
    for (let j = 0; j < options.dim; j++) {
      out[j] = (out[j] as number) + 0.5 * rng.normal();
      norm += (out[j] as number) ** 2;
    }
    const inv = 1 / Math.sqrt(norm);
    for (let j = 0; j < options.dim; j++) out[j] = (out[j] as number) * inv;
    return out;
  };
  return { chunk: () => sample(0.6), query: () => sample(0.8) };
}
