// Builds what the ranker learns from: for every labelled question, the passages the live retrieval would give the
// responder (sections of the source document or its Chinese counterpart, and distractor sections the lexical index
// ranks high), ordered, numbered and marked as retrieval does. Only documents in force on the day are read.
import { chunkDocument, toEmbeddingText } from "../../../knowledge/chunk-document.js";
import { createBm25Index } from "../../../knowledge/bm25-index.js";
import { inForceDocumentIds } from "../../../knowledge/document-freshness.js";
import type { KnowledgeChunk, KnowledgeDocument } from "../../../knowledge/knowledge-schemas.js";
import { sha256 } from "../../../shared/hash.js";
import { expandSynonyms } from "../../../shared/text/index.js";
import type { AnswerPair } from "./answer-pairs.js";
import type { AnswerPassage } from "./rank-candidates.js";

/** One labelled question with the passages its answer is chosen from. */
export interface TrainingQuestion {
  pair: AnswerPair;
  passages: AnswerPassage[];
}

// As in the live retrieval: four passages, of which up to two come from the routed intent's documents.
const PASSAGES = 4;
const ROUTED_SECTIONS = 2;
// At run time the routed intent's documents come first, marked preferred; routing names the answering document for
// about this share of questions (the eval's citation rate), so training marks the source that often and otherwise the
// best-ranked distractor, chosen by a hash of the question id so the set never changes between runs.
const ROUTED_RIGHT_PERCENT = 85;

interface LocatedChunk extends KnowledgeChunk {
  locale: string;
}

/** The passages of every labelled question whose source document is in force on `today` (YYYY-MM-DD). */
export async function buildTrainingQuestions(
  pairs: readonly AnswerPair[],
  documents: readonly KnowledgeDocument[],
  today: string,
): Promise<TrainingQuestion[]> {
  const inForce = inForceDocumentIds(
    documents.map((d) => d.meta),
    today,
  );
  const live = documents.filter((d) => inForce.has(d.meta.id));
  const chunks: LocatedChunk[] = [];
  for (const doc of live) {
    for (const c of await chunkDocument(doc)) chunks.push({ ...c, locale: doc.meta.locale });
  }
  const lexical = createBm25Index(chunks.map(toEmbeddingText));
  const counterparts = new Map<string, string[]>();
  for (const d of live) {
    if (d.meta.counterpart)
      counterparts.set(d.meta.counterpart, [...(counterparts.get(d.meta.counterpart) ?? []), d.meta.id]);
  }
  const out: TrainingQuestion[] = [];
  for (const pair of pairs) {
    if (!inForce.has(pair.source)) continue;
    const sources = new Set([pair.source, ...(counterparts.get(pair.source) ?? [])]);
    const query = expandSynonyms(expandSynonyms(pair.question, "en"), "zh");
    const scores = new Map(lexical.search(query, chunks.length).map((m) => [m.index, m.score]));
    const ranked = chunks.map((c, i) => ({ c, score: scores.get(i) ?? 0 })).sort((a, b) => b.score - a.score);
    const routedRight = parseInt(sha256(pair.id).slice(0, 8), 16) % 100 < ROUTED_RIGHT_PERCENT;
    // As retrieval does: the customer's language first, two sections of the routed documents, then the best others.
    const local = ranked.filter(({ c, score }) => score > 0 && c.locale === pair.locale);
    const pool = local.length > 0 ? local : ranked.filter(({ score }) => score > 0);
    const distractor = pool.find(({ c }) => !sources.has(c.docId))?.c.docId;
    const preferred = routedRight ? sources : new Set(distractor ? [distractor] : []);
    const routed = pool.filter(({ c }) => preferred.has(c.docId)).slice(0, ROUTED_SECTIONS);
    const ordered = [...routed, ...pool.slice(0, PASSAGES).filter((h) => !routed.includes(h))].slice(0, PASSAGES);
    const best = Math.max(...ordered.map(({ score }) => score), 1e-9);
    out.push({
      pair,
      passages: ordered.map(({ c, score }, i) => ({
        n: i + 1,
        docId: c.docId,
        title: c.title,
        section: c.section,
        text: c.text,
        score: score / best,
        locale: c.locale,
        ...(routed.some((h) => h.c === c) ? { preferred: true } : {}),
      })),
    });
  }
  return out;
}
