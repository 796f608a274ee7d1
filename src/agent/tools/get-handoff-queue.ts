// get_handoff_queue (staff only): the state of the human handoff queue: how many chats wait, who handles what and
// the longest wait. Ticket summaries are model-written text, so they are screened.
import { tool } from "langchain";
import { z } from "zod";
import type { StaffToolsPort } from "../agent-ports.js";
import { contextOf } from "./tool-context.js";
import { createFreeTextScreen, ForbiddenSchema, InjectionRemovedSchema, toolOutput } from "./tool-output.js";

/** How many tickets are listed. */
const TICKETS_SHOWN = 10;

/** What get_handoff_queue returns: counts, the longest wait and the first tickets in queue order. */
export const GetHandoffQueueOutputSchema = z
  .discriminatedUnion("status", [
    z.object({
      status: z.literal("ok").describe("The queue was read (possibly empty)."),
      waiting: z.number().int().min(0).describe("Conversations waiting for a person."),
      withAgent: z.number().int().min(0).describe("Conversations a member of staff is handling."),
      oldestWaitMinutes: z
        .number()
        .int()
        .min(0)
        .optional()
        .describe("How long the longest-waiting customer has waited, in minutes; absent when nobody waits."),
      tickets: z
        .array(
          z.object({
            id: z.string().describe("Handoff ticket id."),
            sessionId: z.string().describe("The conversation."),
            status: z.enum(["waiting", "with_agent"]).describe("Waiting for a person, or with a member of staff."),
            staffId: z.string().optional().describe("The member of staff handling it."),
            since: z.string().describe("When the ticket was opened, as an ISO timestamp."),
            summary: z
              .string()
              .describe("Why the customer asked for a person (a marker if it read as an instruction)."),
          }),
        )
        .describe(`Up to ${TICKETS_SHOWN} open tickets, waiting ones first.`),
      injectionRemoved: InjectionRemovedSchema,
    }),
    ForbiddenSchema,
  ])
  .describe("get_handoff_queue output");
/** A get_handoff_queue result. */
export type GetHandoffQueueOutput = z.infer<typeof GetHandoffQueueOutputSchema>;

/** Builds the staff handoff queue tool. */
export function createGetHandoffQueueTool(staff: StaffToolsPort, now: () => Date) {
  return tool(
    async (_input, runtime) => {
      if (contextOf(runtime).identity.kind !== "staff") {
        return toolOutput(GetHandoffQueueOutputSchema, { status: "forbidden" });
      }
      const queue = staff.handoffQueue(TICKETS_SHOWN);
      const screen = createFreeTextScreen();
      const oldest = queue.oldestWaitingSince ? Date.parse(queue.oldestWaitingSince) : Number.NaN;
      return toolOutput(GetHandoffQueueOutputSchema, {
        status: "ok",
        waiting: queue.waiting,
        withAgent: queue.withAgent,
        ...(Number.isFinite(oldest)
          ? { oldestWaitMinutes: Math.max(0, Math.floor((now().getTime() - oldest) / 60_000)) }
          : {}),
        tickets: queue.tickets.map((t) => ({
          id: t.id,
          sessionId: t.sessionId,
          status: t.status,
          ...(t.staffId ? { staffId: t.staffId } : {}),
          since: t.createdAt,
          summary: screen.clean(t.summary),
        })),
        ...screen.removed(),
      });
    },
    {
      name: "get_handoff_queue",
      description: "Staff only: the human handoff queue: how many wait, how many are with staff, the longest wait.",
      schema: z.object({}).describe("No arguments."),
    },
  );
}
