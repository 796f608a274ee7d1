// The shape of agent assist, the help a staff member gets on taking over a conversation: a summary, suggested
// replies with citations, and the next tool call already filled in. One schema serves the service, route and docs.
import { z } from "zod";
import { LocaleSchema } from "../../shared/locale.js";
import { SessionIdSchema } from "../chat-schemas.js";

/** A knowledge document a suggested reply draws on. */
export const AssistCitationSchema = z.object({
  docId: z.string().describe("Knowledge document id."),
  title: z.string().describe("The document's title, in its own language."),
  version: z.string().describe("The document version the reply was checked against."),
});
/** A cited document. */
export type AssistCitation = z.infer<typeof AssistCitationSchema>;

/** What the conversation is about, in the conversation's language. */
export const AssistSummarySchema = z.object({
  text: z
    .string()
    .describe("The whole summary as one text: what the customer wants, what the bot did, what is pending."),
  wants: z.string().describe("What the customer wants, with their latest question."),
  botDid: z.string().describe("What the assistant did: tools it called and how each ended."),
  pending: z.string().describe("What is still open: an action awaiting approval, an unanswered question, the ticket."),
  language: LocaleSchema.describe("The conversation's language; the summary and replies are written in it."),
  source: z
    .enum(["extractive", "model"])
    .describe("extractive: templated from the transcript and traces; model: written by the chat model, then checked."),
});
/** The summary of a conversation. */
export type AssistSummary = z.infer<typeof AssistSummarySchema>;

/** What a suggested reply is built from. */
export const ReplyBasisSchema = z.enum(["knowledge", "tool_result", "holding", "clarify"]);
/** What a suggested reply is built from. */
export type ReplyBasis = z.infer<typeof ReplyBasisSchema>;

/** A reply staff may edit and send; it has passed the same output rails as the bot's own replies. */
export const SuggestedReplySchema = z.object({
  text: z.string().min(1).describe("The reply text, in the conversation's language, without citation markers."),
  citations: z.array(AssistCitationSchema).describe("The documents its facts come from (empty for a holding reply)."),
  basis: ReplyBasisSchema.describe("knowledge, a tool result from the traces, a holding reply or a clarifying one."),
});
/** A suggested reply. */
export type SuggestedReply = z.infer<typeof SuggestedReplySchema>;

const CustomerId = z.string().min(1).max(64).describe("The customer the conversation belongs to.");
const TransactionId = z.string().min(1).max(64).describe("A transaction id such as tx-00005926.");
const Label = z.string().min(1).describe("The request in words, as staff would ask the staff assistant.");

/** The next step: one staff tool with its arguments already filled in from the conversation. */
export const NextActionSchema = z.discriminatedUnion("tool", [
  z.object({
    tool: z.literal("staff_freeze_card"),
    args: z.object({
      customerId: CustomerId,
      cardLast4: z
        .string()
        .regex(/^\d{4}$/)
        .optional()
        .describe("The card's last four digits, when known."),
    }),
    label: Label,
  }),
  z.object({ tool: z.literal("staff_open_dispute"), args: z.object({ transactionId: TransactionId }), label: Label }),
  z.object({
    tool: z.literal("explain_credit_decision"),
    args: z.object({
      customerId: CustomerId,
      amount: z.number().positive().describe("The loan amount in GBP the customer asked about."),
      termMonths: z.number().int().positive().describe("The loan term in months."),
    }),
    label: Label,
  }),
  z.object({
    tool: z.literal("check_transaction_risk"),
    args: z.object({ transactionId: TransactionId }),
    label: Label,
  }),
  z.object({
    tool: z.literal("list_customer_transactions"),
    args: z.object({
      customerId: CustomerId,
      days: z.number().int().positive().describe("How many days back to look."),
    }),
    label: Label,
  }),
  z.object({ tool: z.literal("get_customer_overview"), args: z.object({ customerId: CustomerId }), label: Label }),
  z.object({
    tool: z.literal("search_knowledge"),
    args: z.object({ query: z.string().min(1).describe("The customer's question.") }),
    label: Label,
  }),
]);
/** A pre-filled next step. */
export type NextAction = z.infer<typeof NextActionSchema>;

/** Everything agent assist returns for a conversation. */
export const AgentAssistSchema = z.object({
  sessionId: z.string().describe("The conversation."),
  summary: AssistSummarySchema,
  suggestedReplies: z.array(SuggestedReplySchema).min(2).max(3).describe("Two or three replies, best first."),
  nextActions: z.array(NextActionSchema).max(3).describe("The next tool calls, best first."),
});
/** Agent assist for one conversation. */
export type AgentAssist = z.infer<typeof AgentAssistSchema>;

/** The request body of POST /v1/staff/assist. */
export const AssistRequestSchema = z
  .object({ sessionId: SessionIdSchema.describe("The conversation to assist with.") })
  .strict();
