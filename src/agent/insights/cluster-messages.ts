// Groups messages into topics without labels, each language on its own (English and Chinese share no words): TF-IDF
// over the shared tokeniser's terms, cosine k-means with k chosen by silhouette, c-TF-IDF labels.
import type { Locale } from "../../shared/locale.js";
import { chooseClusters } from "./choose-clusters.js";
import { labelWords, messageTerms } from "./message-terms.js";
import { tfidfVectors } from "./tfidf-vectors.js";
import { topicTerms } from "./topic-labels.js";

/** Weight of the character-gram view beside the word view (the words decide; the grams forgive typos). */
const GRAM_WEIGHT = 0.6;

/** One topic found: the indices of its messages in the input and its label words. */
export interface MessageCluster {
  locale: Locale;
  members: number[];
  terms: string[];
}

/** Clustering options: the seed, the largest number of topics and of messages per language (the first are kept). */
export interface ClusterOptions {
  seed: number;
  maxTopicsPerLanguage?: number;
  maxMessagesPerLanguage?: number;
}

/** Clusters messages per language; clusters come largest first. */
export function clusterMessages(
  messages: readonly { text: string; locale: Locale }[],
  options: ClusterOptions,
): MessageCluster[] {
  const out: MessageCluster[] = [];
  for (const locale of ["en", "zh-CN"] as const) {
    const indices = messages
      .flatMap((m, i) => (m.locale === locale ? [i] : []))
      .slice(0, options.maxMessagesPerLanguage ?? 600);
    if (indices.length === 0) continue;
    const texts = indices.map((i) => (messages[i] as { text: string }).text);
    const terms = texts.map(messageTerms);
    const { vectors } = tfidfVectors([
      { docs: terms.map((t) => t.words), weight: 1 },
      { docs: terms.map((t) => t.grams), weight: GRAM_WEIGHT },
    ]);
    const chosen = chooseClusters(vectors, {
      seed: options.seed,
      ...(options.maxTopicsPerLanguage ? { maxK: options.maxTopicsPerLanguage } : {}),
    });
    const labels = topicTerms(texts.map(labelWords), chosen.assignment, chosen.k);
    for (let c = 0; c < chosen.k; c++) {
      const members = indices.filter((_, j) => chosen.assignment[j] === c);
      if (members.length) out.push({ locale, members, terms: labels[c] ?? [] });
    }
  }
  return out.sort((a, b) => b.members.length - a.members.length);
}
