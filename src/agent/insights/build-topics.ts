// Turns the clusters of badly handled messages into the topics staff read: label, size, 7-day trend, examples,
// the signals counted and the suggestion, with an id stable for the same messages.
import type { BadTurnSignal, InsightTopic } from "../../conversations/insight-store.js";
import { sha256 } from "../../shared/hash.js";
import { clusterMessages } from "./cluster-messages.js";
import type { BadTurn } from "./collect-bad-turns.js";
import { suggestAction } from "./suggest-action.js";

const DAY_MS = 86_400_000;
/** The most distinct utterances a topic keeps for acceptance into an intent. */
const MAX_UTTERANCES = 200;

/** Clusters bad turns into topics, largest first. */
export function buildTopics(
  turns: readonly BadTurn[],
  options: { now: Date; seed?: number; maxTopicsPerLanguage?: number },
): InsightTopic[] {
  const clusters = clusterMessages(turns, {
    seed: options.seed ?? 15,
    ...(options.maxTopicsPerLanguage ? { maxTopicsPerLanguage: options.maxTopicsPerLanguage } : {}),
  });
  const now = options.now.getTime();
  return clusters.map((cluster) => {
    const members = cluster.members.map((i) => turns[i] as BadTurn).sort((a, b) => b.at.localeCompare(a.at));
    const age = (t: BadTurn): number => now - Date.parse(t.at);
    const last7Days = members.filter((t) => age(t) < 7 * DAY_MS).length;
    const previous7Days = members.filter((t) => age(t) >= 7 * DAY_MS && age(t) < 14 * DAY_MS).length;
    const signals: Partial<Record<BadTurnSignal, number>> = {};
    for (const t of members) for (const s of t.signals) signals[s] = (signals[s] ?? 0) + 1;
    const seen = new Set<string>();
    const utterances = members.flatMap((t) => {
      const key = t.text.toLowerCase();
      if (seen.has(key)) return [];
      seen.add(key);
      return [{ text: t.text, locale: t.locale }];
    });
    return {
      id: `topic-${sha256(
        members
          .map((t) => t.traceId)
          .sort()
          .join("|"),
      ).slice(0, 12)}`,
      label: cluster.terms.join(cluster.locale === "zh-CN" ? "、" : ", "),
      terms: cluster.terms,
      size: members.length,
      trend: {
        last7Days,
        previous7Days,
        direction: last7Days > previous7Days ? "up" : last7Days < previous7Days ? "down" : "flat",
      },
      examples: utterances.slice(0, 5).map((u) => u.text),
      suggestion: suggestAction(members),
      signals,
      utterances: utterances.slice(0, MAX_UTTERANCES),
    };
  });
}
