// Adapts the knowledge base to the agent's knowledge port.
import type { KnowledgeBase } from "../../knowledge/knowledge-base.js";
import type { KnowledgePort } from "../agent-ports.js";

/** The agent's view of the knowledge base. */
export function toKnowledgePort(kb: KnowledgeBase): KnowledgePort {
  return {
    search: async (query, options) => {
      const only = options.onlyDocs ? new Set(options.onlyDocs) : undefined;
      // The knowledge base filters by product, not by document, so a document filter ranks widely and keeps the matches.
      const hits = await kb.search(query, {
        k: only ? 50 : options.k,
        ...(options.locale ? { locale: options.locale } : {}),
      });
      const scoped = only ? hits.filter((h) => only.has(h.topic)).slice(0, options.k) : hits;
      return scoped.map((h) => ({
        chunkId: h.chunkId,
        docId: h.docId,
        topic: h.topic,
        title: h.title,
        version: h.version,
        section: h.section,
        text: h.text,
        score: h.score,
        locale: h.locale,
      }));
    },
  };
}

/** The HTTP routes' view: search, a document as Markdown, reload. */
export function toKnowledgeRoutesPort(kb: KnowledgeBase, reload: () => Promise<{ version: string; changed: boolean }>) {
  return {
    search: (query: string, options: { k: number; locale?: "en" | "zh-CN"; product?: string }) =>
      kb.search(query, {
        k: options.k,
        ...(options.locale ? { locale: options.locale } : {}),
        ...(options.product ? { product: options.product as never } : {}),
      }),
    getDocument: (docId: string) => {
      const doc = kb.getDocument(docId);
      return doc
        ? {
            docId: doc.meta.id,
            title: doc.meta.title,
            version: doc.meta.version,
            locale: doc.meta.locale,
            markdown: doc.body,
          }
        : undefined;
    },
    reload,
  };
}
