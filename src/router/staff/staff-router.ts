// Routes one staff message of the internal assistant: the staff intent, the one tool that answers it, and the slots
// that fill the tool's arguments. The classifier is the customer router's, trained on the staff catalogue.
import { z } from "zod";
import { capText } from "../../shared/linear-text.js";
import type { RouterModel } from "../router-model.js";
import { extractStaffSlots, StaffSlotsSchema } from "./staff-slots.js";

/** What the staff router decided about a message. */
export const StaffRouteDecisionSchema = z.object({
  intent: z.string().describe("the staff intent"),
  tool: z.string().describe("the tool that answers the intent"),
  confidence: z.number().min(0).max(1).describe("calibrated probability of the intent"),
  top: z
    .array(z.object({ intent: z.string(), probability: z.number().min(0).max(1) }))
    .max(3)
    .describe("the three most likely staff intents"),
  lowConfidence: z.boolean().describe("the classifier is unsure; the assistant answers from knowledge"),
  slots: StaffSlotsSchema,
});
/** A staff routing decision. */
export type StaffRouteDecision = z.infer<typeof StaffRouteDecisionSchema>;

/** Routes staff messages. */
export interface StaffRouter {
  route(text: string): StaffRouteDecision;
}

/** Creates the staff router around a model trained on the staff catalogue and the intent → tool map. */
export function createStaffRouter(deps: { model: RouterModel; tools: ReadonlyMap<string, string> }): StaffRouter {
  const { model, tools } = deps;
  return {
    route(message) {
      const text = capText(message);
      const probs = model.classifier.predict(text);
      const order = Array.from(probs.keys()).sort((a, b) => (probs[b] as number) - (probs[a] as number));
      const top = order.slice(0, 3).map((i) => ({
        intent: (model.intents[i] as RouterModel["intents"][number]).name,
        probability: probs[i] as number,
      }));
      const best = top[0] as (typeof top)[number];
      return {
        intent: best.intent,
        tool: tools.get(best.intent) ?? "search_knowledge",
        confidence: best.probability,
        top,
        lowConfidence: best.probability < model.classifier.thresholds.lowConfidence,
        slots: extractStaffSlots(text),
      };
    },
  };
}
