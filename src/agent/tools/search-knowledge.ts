// search_knowledge: retrieves in-force passages of the bank's knowledge base, numbered for citation.
import { tool } from "langchain";
import { z } from "zod";
import type { KnowledgePort } from "../agent-ports.js";
import { retrievePassages } from "../passages.js";
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
      const passages = await retrievePassages(knowledge, query, {
        locale: ctx.locale,
        ...(ctx.preferredDocs ? { preferredDocs: ctx.preferredDocs } : {}),
        ...(options.k ? { k: options.k } : {}),
      });
      if (passages.length === 0) return toolResult("not_found", { query });
      return toolResult("ok", { query, passages });
    },
    {
      name: "search_knowledge",
      description: DESCRIPTION,
      schema: z.object({ query: z.string().min(1).max(500).describe("What to look up, in the customer's words.") }),
    },
  );
}
