// search_knowledge: retrieves in-force passages of the bank's knowledge base, numbered for citation.
import { tool } from "langchain";
import { z } from "zod";
import type { KnowledgePort } from "../agent-ports.js";
import { PassageSchema, retrievePassages } from "../passages.js";
import { contextOf } from "./tool-context.js";
import { toolOutput } from "./tool-output.js";

const DESCRIPTION =
  "Search Harbor Bank's official knowledge base (fees, limits, products, policies, how-to steps). " +
  "Returns numbered passages; answer only from them and cite them as [1], [2].";

const QUERY = z.string().describe("The query as searched, with personal numbers replaced by placeholders.");

/** What search_knowledge returns: numbered passages to answer and cite from, or nothing found. */
export const SearchKnowledgeOutputSchema = z
  .discriminatedUnion("status", [
    z.object({
      status: z.literal("ok").describe("Passages were found."),
      // The passages retrieved before the model ran reach the local responder in this shape too, without a query.
      query: QUERY.optional(),
      passages: z.array(PassageSchema).describe("Passages numbered for citation, instruction-like sentences removed."),
    }),
    z.object({ status: z.literal("not_found").describe("Nothing in the knowledge base matched."), query: QUERY }),
  ])
  .describe("search_knowledge output");
/** A search_knowledge result. */
export type SearchKnowledgeOutput = z.infer<typeof SearchKnowledgeOutputSchema>;

/** Builds the knowledge search tool; the query is redacted, and passages carrying instructions are stripped first. */
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
        firstN: ctx.nextPassageNumber?.() ?? 1,
      });
      if (passages.length === 0) return toolOutput(SearchKnowledgeOutputSchema, { status: "not_found", query });
      return toolOutput(SearchKnowledgeOutputSchema, { status: "ok", query, passages });
    },
    {
      name: "search_knowledge",
      description: DESCRIPTION,
      schema: z.object({ query: z.string().min(1).max(500).describe("What to look up, in the customer's words.") }),
    },
  );
}
