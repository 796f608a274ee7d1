// Names each topic by class-based TF-IDF (c-TF-IDF, as in BERTopic): a topic's messages are read as one document,
// and a word ranks high when it is frequent in that topic and rare across the others.

/** The top words of each cluster, best first. */
export function topicTerms(
  docs: readonly (readonly string[])[],
  assignment: readonly number[],
  k: number,
  top = 4,
): string[][] {
  const perClass = Array.from({ length: k }, () => new Map<string, number>());
  const classWords = new Array<number>(k).fill(0);
  const total = new Map<string, number>();
  docs.forEach((doc, i) => {
    const c = assignment[i] as number;
    const counts = perClass[c] as Map<string, number>;
    for (const w of doc) {
      counts.set(w, (counts.get(w) ?? 0) + 1);
      total.set(w, (total.get(w) ?? 0) + 1);
      classWords[c] = (classWords[c] ?? 0) + 1;
    }
  });
  const averageWords = classWords.reduce((s, x) => s + x, 0) / Math.max(1, k);
  return perClass.map((counts, c) => {
    const size = classWords[c] || 1;
    return [...counts]
      .map(([w, n]) => ({ w, score: (n / size) * Math.log(1 + averageWords / (total.get(w) ?? 1)) }))
      .sort((a, b) => b.score - a.score || a.w.localeCompare(b.w))
      .slice(0, top)
      .map((x) => x.w);
  });
}
