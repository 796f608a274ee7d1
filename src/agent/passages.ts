// Knowledge passages as a turn uses them: retrieved once, numbered [1]..[k] for citation, screened for injected
// instructions. The retrieve step (before the model) and the search_knowledge tool share this one ranking.
import { z } from "zod";
import type { Locale } from "../shared/locale.js";
import type { KnowledgePort } from "./agent-ports.js";
import { sanitisePassage } from "./guardrails/injection-screen.js";

/** One numbered passage given to the model and the local responder. */
export const PassageSchema = z.object({
  n: z.number().int().positive().describe("Stable id the reply cites as [n]."),
  preferred: z.boolean().optional().describe("From a document the routed intent is about."),
  locale: z.string(),
  docId: z.string(),
  title: z.string(),
  version: z.string(),
  section: z.string(),
  chunkId: z.string(),
  score: z.number(),
  text: z.string().describe("The passage with any instruction-like sentences removed."),
  injectionRemoved: z.number().int().nonnegative().describe("How many instruction-like sentences were removed."),
});
/** A numbered passage. */
export type Passage = z.infer<typeof PassageSchema>;

/** Where and how to search. */
export interface RetrieveOptions {
  locale: Locale;
  /** Documents the routed intent is about; they rank first. */
  preferredDocs?: readonly string[];
  k?: number;
  /** The id of the first passage: a later search in the same turn continues the numbering, so [n] stays stable. */
  firstN?: number;
}

/** Retrieves, ranks and numbers the passages for a query; empty when nothing matched. */
export async function retrievePassages(
  knowledge: KnowledgePort,
  query: string,
  options: RetrieveOptions,
): Promise<Passage[]> {
  const k = options.k ?? 4;
  // Passages of the documents the routed intent is about come first; the general ranking fills the rest. A
  // wider first search usually contains them; only when it does not are the intent's documents searched alone.
  const wide = await knowledge.search(query, { k: 12, locale: options.locale });
  const general = wide.slice(0, k);
  const wanted = new Set(options.preferredDocs ?? []);
  const inWide = wide.filter((h) => wanted.has(h.topic));
  const preferred =
    wanted.size === 0
      ? []
      : inWide.length > 0
        ? inWide.slice(0, 2)
        : await knowledge.search(query, { k: 2, locale: options.locale, onlyDocs: [...wanted] });
  const seen = new Set(preferred.map((h) => h.chunkId));
  const hits = [...preferred, ...general.filter((h) => !seen.has(h.chunkId))].slice(0, k);
  return hits.map((h, i) => {
    const clean = sanitisePassage(h.text);
    return {
      n: (options.firstN ?? 1) + i,
      ...(seen.has(h.chunkId) ? { preferred: true } : {}),
      locale: h.locale,
      docId: h.docId,
      title: h.title,
      version: h.version,
      section: h.section,
      chunkId: h.chunkId,
      score: Number(h.score.toFixed(4)),
      text: clean.text,
      injectionRemoved: clean.removed,
    };
  });
}
