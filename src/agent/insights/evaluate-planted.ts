// Scores the topic clustering on planted logs: the adjusted Rand index of the clusters against the planted topics,
// per language, averaged over several seeds (the figure `npm run eval:insights` prints).
import type { Locale } from "../../shared/locale.js";
import { adjustedRandIndex } from "./adjusted-rand-index.js";
import { clusterMessages } from "./cluster-messages.js";
import { plantedLog } from "./planted-log.js";

/** Mean and lowest adjusted Rand index per language over the seeds. */
export interface PlantedScores {
  seeds: number[];
  en: { meanAri: number; minAri: number; meanTopics: number };
  "zh-CN": { meanAri: number; minAri: number; meanTopics: number };
}

/** Clusters one planted log per seed and scores each language against the planted topics. */
export function evaluatePlantedTopics(seeds: readonly number[], perTopic = 40): PlantedScores {
  const runs = seeds.map((seed) => {
    const log = plantedLog({ seed, perTopic });
    const clusters = clusterMessages(log, { seed: 15 });
    const predicted = new Array<number>(log.length).fill(-1);
    clusters.forEach((c, ci) => c.members.forEach((m) => (predicted[m] = ci)));
    const score = (locale: Locale) => {
      const idx = log.flatMap((m, i) => (m.locale === locale ? [i] : []));
      return {
        ari: adjustedRandIndex(
          idx.map((i) => log[i]?.topic ?? ""),
          idx.map((i) => predicted[i] ?? -1),
        ),
        topics: clusters.filter((c) => c.locale === locale).length,
      };
    };
    return { en: score("en"), zh: score("zh-CN") };
  });
  const summary = (pick: (r: (typeof runs)[number]) => { ari: number; topics: number }) => {
    const aris = runs.map((r) => pick(r).ari);
    const round = (x: number): number => Math.round(x * 1000) / 1000;
    return {
      meanAri: round(aris.reduce((s, x) => s + x, 0) / Math.max(1, aris.length)),
      minAri: round(Math.min(...aris)),
      meanTopics: round(runs.reduce((s, r) => s + pick(r).topics, 0) / Math.max(1, runs.length)),
    };
  };
  return { seeds: [...seeds], en: summary((r) => r.en), "zh-CN": summary((r) => r.zh) };
}
