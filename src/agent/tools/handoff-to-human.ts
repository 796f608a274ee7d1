// handoff_to_human: opens a ticket in the staff queue with a summary; the bot then stays quiet in this conversation.
import { tool } from "langchain";
import { z } from "zod";
import type { AgentPorts } from "../agent-ports.js";
import { contextOf } from "./tool-context.js";
import { toolOutput } from "./tool-output.js";

const HandoffReasonSchema = z.enum(["requested", "complaint", "vulnerable", "unresolved"]);

/** What handoff_to_human returns: the ticket a member of staff will pick up. */
export const HandoffToHumanOutputSchema = z
  .discriminatedUnion("status", [
    z.object({
      status: z.literal("ok").describe("A ticket is open in the staff queue."),
      ticketId: z.string().describe("Ticket reference the customer can quote."),
      reason: HandoffReasonSchema.describe("Why the conversation was handed over."),
    }),
  ])
  .describe("handoff_to_human output");
/** A handoff_to_human result. */
export type HandoffToHumanOutput = z.infer<typeof HandoffToHumanOutputSchema>;

/** Builds the handoff tool. */
export function createHandoffToHumanTool(openTicket: AgentPorts["openTicket"]) {
  return tool(
    async ({ summary, reason }, runtime) => {
      const ctx = contextOf(runtime);
      const { ticketId } = openTicket(ctx.sessionId, `[${reason}] ${summary}`);
      return toolOutput(HandoffToHumanOutputSchema, { status: "ok", ticketId, reason });
    },
    {
      name: "handoff_to_human",
      description: "Hand the conversation to a member of staff, with a short summary of what the customer needs.",
      schema: z.object({
        summary: z.string().min(1).max(500).describe("One or two sentences for the staff member."),
        reason: HandoffReasonSchema.default("requested").describe("Why the conversation is handed over."),
      }),
    },
  );
}
