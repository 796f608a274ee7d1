// handoff_to_human: opens a ticket in the staff queue with a summary; the bot then stays quiet in this conversation.
import { tool } from "langchain";
import { z } from "zod";
import type { AgentPorts } from "../agent-ports.js";
import { contextOf, toolResult } from "./tool-context.js";

/** Builds the handoff tool. */
export function createHandoffToHumanTool(openTicket: AgentPorts["openTicket"]) {
  return tool(
    async ({ summary, reason }, runtime) => {
      const ctx = contextOf(runtime);
      const { ticketId } = openTicket(ctx.sessionId, `[${reason}] ${summary}`);
      return toolResult("ok", { ticketId, reason });
    },
    {
      name: "handoff_to_human",
      description: "Hand the conversation to a member of staff, with a short summary of what the customer needs.",
      schema: z.object({
        summary: z.string().min(1).max(500).describe("One or two sentences for the staff member."),
        reason: z.enum(["requested", "complaint", "vulnerable", "unresolved"]).default("requested"),
      }),
    },
  );
}
