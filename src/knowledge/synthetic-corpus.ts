// Synthetic bank-like chunk texts for the retrieval benchmark: topic mixtures over a Zipf-distributed vocabulary,
// in English and Chinese, so the vectors have the clustered structure real knowledge chunks have.
import { createRng, type Rng } from "../shared/random.js";

const SYLLABLES = ["ba", "ker", "lo", "an", "pay", "ment", "card", "fee", "ra", "te", "sav", "ing", "tran", "sfer", "cre", "dit", "ac", "count", "mor", "gage"];
const HAN = Array.from("卡转账费用贷款利率储蓄信用安全密码冻结挂失国际汇款开户投诉客服电话申请条件收入还款手机银行诈骗退款争议交易限额");

/** A generator of synthetic chunk and query texts. */
export interface SyntheticCorpus {
  chunk(): string;
  query(): string;
}

function makeVocabulary(rng: Rng, size: number): string[] {
  const words = new Set<string>();
  while (words.size < size) {
    const n = 2 + rng.int(3);
    let w = "";
    for (let i = 0; i < n; i++) w += rng.pick(SYLLABLES);
    words.add(w);
  }
  return [...words];
}

/** Creates a seeded generator with `topics` subjects (a knowledge base has many narrow ones) over a vocabulary. */
export function createSyntheticCorpus(options: { seed: number; topics?: number; vocabulary?: number }): SyntheticCorpus {
  const rng = createRng(options.seed);
  const vocab = makeVocabulary(rng, options.vocabulary ?? 20000);
  const topicCount = options.topics ?? 2500;
  const topics = Array.from({ length: topicCount }, () => Array.from({ length: 25 }, () => vocab[rng.int(vocab.length)] as string));
  const zipf = (): string => vocab[Math.min(vocab.length - 1, Math.floor(Math.exp(rng.next() * Math.log(vocab.length))) - 1)] as string;
  const han = (len: number): string => Array.from({ length: len }, () => rng.pick(HAN)).join("");
  const words = (count: number, topicIds: number[], onTopic: number): string => {
    const out: string[] = [];
    for (let i = 0; i < count; i++) {
      const topic = topics[rng.pick(topicIds)] as string[];
      out.push(rng.next() < onTopic ? (topic[Math.floor(rng.next() ** 2 * topic.length)] as string) : zipf());
    }
    return out.join(" ");
  };
  // Most chunks are about one subject, some straddle two; a query asks about one subject in a few words.
  const pickTopics = (): number[] => (rng.next() < 0.75 ? [rng.int(topicCount)] : [rng.int(topicCount), rng.int(topicCount)]);
  return {
    chunk: () => (rng.next() < 0.15 ? `${han(80 + rng.int(200))} ${words(5, pickTopics(), 0.8)}` : words(60 + rng.int(120), pickTopics(), 0.8)),
    query: () => (rng.next() < 0.15 ? han(6 + rng.int(14)) : words(6 + rng.int(14), [rng.int(topicCount)], 0.85)),
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
