// draft_customer_reply (staff only): drafts a grounded reply to a customer's question from the knowledge base.
import { tool } from "langchain";
import { z } from "zod";
import { LocaleSchema } from "../../shared/locale.js";
import type { KnowledgePort } from "../agent-ports.js";
import { sanitisePassage } from "../guardrails/injection-screen.js";
import { PassageSchema } from "../passages.js";
import { contextOf } from "./tool-context.js";
import { ForbiddenSchema, toolOutput } from "./tool-output.js";

const QUESTION = z.string().describe("The customer's question the draft answers.");

/** What draft_customer_reply returns: passages to draft the reply from, or nothing found. */
export const DraftCustomerReplyOutputSchema = z
  .discriminatedUnion("status", [
    z.object({
      status: z.literal("ok").describe("Passages were found."),
      question: QUESTION,
      passages: z.array(PassageSchema).describe("Passages numbered for citation, instruction-like sentences removed."),
      note: z.string().describe("Reminder that a person reviews the draft before it is sent."),
    }),
    z.object({ status: z.literal("not_found").describe("Nothing in the knowledge base matched."), question: QUESTION }),
    ForbiddenSchema,
  ])
  .describe("draft_customer_reply output");
/** A draft_customer_reply result. */
export type DraftCustomerReplyOutput = z.infer<typeof DraftCustomerReplyOutputSchema>;

/** Builds the staff drafting tool; the draft is for a person to edit, not sent automatically. */
export function createDraftCustomerReplyTool(knowledge: KnowledgePort) {
  return tool(
    async ({ question, locale }, runtime) => {
      const ctx = contextOf(runtime);
      if (ctx.identity.kind !== "staff") return toolOutput(DraftCustomerReplyOutputSchema, { status: "forbidden" });
      const hits = await knowledge.search(question, { k: 3, locale: locale ?? ctx.locale });
      if (hits.length === 0) return toolOutput(DraftCustomerReplyOutputSchema, { status: "not_found", question });
      const passages = hits.map((h, i) => {
        const clean = sanitisePassage(h.text);
        return {
          n: i + 1,
          locale: h.locale,
          docId: h.docId,
          title: h.title,
          version: h.version,
          section: h.section,
          chunkId: h.chunkId,
          score: h.score,
          text: clean.text,
          injectionRemoved: clean.removed,
        };
      });
      return toolOutput(DraftCustomerReplyOutputSchema, {
        status: "ok",
        question,
        passages,
        note: "Draft for a member of staff to review before sending.",
      });
    },
    {
      name: "draft_customer_reply",
      description: "Staff only: gather the knowledge passages to draft a reply to a customer's question.",
      schema: z.object({
        question: z.string().min(1).max(1000).describe("The customer's question."),
        locale: LocaleSchema.optional().describe("Language of the reply; the caller's when omitted."),
      }),
    },
  );
}
