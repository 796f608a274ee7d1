// draft_customer_reply (staff only): drafts a grounded reply to a customer's question from the knowledge base.
import { tool } from "langchain";
import { z } from "zod";
import type { KnowledgePort } from "../agent-ports.js";
import { sanitisePassage } from "../guardrails/injection-screen.js";
import { contextOf, toolResult } from "./tool-context.js";

/** Builds the staff drafting tool; the draft is for a person to edit, not sent automatically. */
export function createDraftCustomerReplyTool(knowledge: KnowledgePort) {
  return tool(
    async ({ question, locale }, runtime) => {
      const ctx = contextOf(runtime);
      if (ctx.identity.kind !== "staff") return toolResult("forbidden");
      const hits = await knowledge.search(question, { k: 3, locale: locale ?? ctx.locale });
      if (hits.length === 0) return toolResult("not_found", { question });
      return toolResult("ok", {
        question,
        passages: hits.map((h, i) => ({ n: i + 1, docId: h.docId, title: h.title, version: h.version, section: h.section, chunkId: h.chunkId, score: h.score, text: sanitisePassage(h.text).text })),
        note: "Draft for a member of staff to review before sending.",
      });
    },
    {
      name: "draft_customer_reply",
      description: "Staff only: gather the knowledge passages to draft a reply to a customer's question.",
      schema: z.object({ question: z.string().min(1).max(1000), locale: z.enum(["en", "zh-CN"]).optional() }),
    },
  );
}
