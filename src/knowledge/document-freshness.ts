// Which documents are in force on a given day: effective_from ≤ day < expires, and not replaced by a newer
// document that is itself in force.
import type { KnowledgeFrontMatter } from "./knowledge-schemas.js";

/** True when a document's own dates cover the day (YYYY-MM-DD, compared as strings). */
export function isWithinDates(meta: KnowledgeFrontMatter, day: string): boolean {
  return meta.effective_from <= day && (meta.expires === undefined || day < meta.expires);
}

/** Ids of the documents in force on the day; a superseded document never is, once its successor has started. */
export function inForceDocumentIds(metas: KnowledgeFrontMatter[], day: string): Set<string> {
  const dated = metas.filter((m) => isWithinDates(m, day));
  const superseded = new Set(metas.filter((m) => m.supersedes !== undefined && m.effective_from <= day).map((m) => m.supersedes as string));
  return new Set(dated.filter((m) => !superseded.has(m.id)).map((m) => m.id));
}
