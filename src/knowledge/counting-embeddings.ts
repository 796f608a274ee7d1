// Wraps any embeddings provider and counts the texts it embeds: tests prove incremental ingest with it and the
// service can expose the counts as metrics.

import type { Embeddings } from "./embeddings-port.js";

/** Running totals of embedded texts. */
export interface EmbeddingCounts {
  documents: number;
  queries: number;
}

/** Returns a counting copy of `inner`; copies bound to corpus statistics share the same counts. */
export function createCountingEmbeddings(inner: Embeddings, counts: EmbeddingCounts = { documents: 0, queries: 0 }): { embeddings: Embeddings; counts: EmbeddingCounts } {
  const embeddings: Embeddings = {
    id: inner.id,
    dim: inner.dim,
    embedDocuments: (texts) => {
      counts.documents += texts.length;
      return inner.embedDocuments(texts);
    },
    embedQuery: (text) => {
      counts.queries += 1;
      return inner.embedQuery(text);
    },
    ...(inner.fitCorpus
      ? {
          fitCorpus: (texts: string[]) => {
            const fit = (inner.fitCorpus as NonNullable<Embeddings["fitCorpus"]>)(texts);
            return { embeddings: createCountingEmbeddings(fit.embeddings, counts).embeddings, state: fit.state };
          },
        }
      : {}),
    ...(inner.restoreCorpus
      ? { restoreCorpus: (state: unknown) => createCountingEmbeddings((inner.restoreCorpus as NonNullable<Embeddings["restoreCorpus"]>)(state), counts).embeddings }
      : {}),
  };
  return { embeddings, counts };
}
