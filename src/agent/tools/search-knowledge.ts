// search_knowledge: retrieves in-force passages of the bank's knowledge base, numbered for citation.
import { tool } from "langchain";
import { z } from "zod";
import type { KnowledgePort } from "../agent-ports.js";
import { sanitisePassage } from "../guardrails/injection-screen.js";
import { contextOf, toolResult } from "./tool-context.js";

const DESCRIPTION =
  "Search Harbor Bank's official knowledge base (fees, limits, products, policies, how-to steps). " +
  "Returns numbered passages; answer only from them and cite them as [1], [2].";

/** Builds the knowledge search tool; the query is redacted, and passages carrying instructions are stripped before the model sees them. */
export function createSearchKnowledgeTool(knowledge: KnowledgePort, options: { k?: number } = {}) {
  return tool(
    async ({ query: asked }, runtime) => {
      const ctx = contextOf(runtime);
      // The model may copy a number from a tool result into its query: the vault's placeholder goes to the embedder,
      // the trace and the model instead.
      const query = ctx.vault.redact(asked).text;
      const k = options.k ?? 4;
      // Passages of the documents the routed intent is about come first; the general ranking fills the rest. A
      // wider first search usually contains them; only when it does not is the intent's documents searched alone.
      const wide = await knowledge.search(query, { k: 12, locale: ctx.locale });
      const general = wide.slice(0, k);
      const wanted = new Set(ctx.preferredDocs ?? []);
      const inWide = wide.filter((h) => wanted.has(h.docId));
      const ranked = inWide.length > 0 ? [...inWide].sort((a, b) => Number(b.locale === ctx.locale) - Number(a.locale === ctx.locale)) : [];
      // When none of them is in the customer's language, the intent's documents are searched alone, which also
      // finds a Chinese version that ranked too low to be in the wide list.
      const inLocale = ranked.some((h) => h.locale === ctx.locale);
      const preferred = wanted.size === 0 ? [] : inLocale ? ranked.slice(0, 2) : await knowledge.search(query, { k: 2, locale: ctx.locale, onlyDocs: [...wanted] });
      const seen = new Set(preferred.map((h) => h.chunkId));
      const hits = [...preferred, ...general.filter((h) => !seen.has(h.chunkId))].slice(0, k);
      if (hits.length === 0) return toolResult("not_found", { query });
      const passages = hits.map((h, i) => {
        const clean = sanitisePassage(h.text);
        return { n: i + 1, ...(seen.has(h.chunkId) ? { preferred: true } : {}), locale: h.locale, docId: h.docId, title: h.title, version: h.version, section: h.section, chunkId: h.chunkId, score: Number(h.score.toFixed(4)), text: clean.text, injectionRemoved: clean.removed };
      });
      return toolResult("ok", { query, passages });
    },
    {
      name: "search_knowledge",
      description: DESCRIPTION,
      schema: z.object({ query: z.string().min(1).max(500).describe("What to look up, in the customer's words.") }),
    },
  );
}
