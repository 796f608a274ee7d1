// Routes one customer message: calibrated top-3 intents, the route, out-of-scope and low-confidence flags, slots.
// An out-of-scope or low-confidence decision is the agent's cue to keep tools out of reach.
import { z } from "zod";
import { createSystemClock, type Clock } from "../shared/clock.js";
import { detectLocale, LocaleSchema, type Locale } from "../shared/locale.js";
import { capText } from "../shared/linear-text.js";
import { RouteSchema } from "./intent-catalogue.js";
import type { RouterModel } from "./router-model.js";
import { extractSlots } from "./slots/extract-slots.js";
import { SlotsSchema } from "./slots/slot-schema.js";
import type { Thresholds } from "./text-classifier.js";

/** One ranked candidate intent. */
export const IntentCandidateSchema = z.object({
  intent: z.string(),
  route: RouteSchema,
  probability: z.number().min(0).max(1),
});
/** A ranked candidate. */
export type IntentCandidate = z.infer<typeof IntentCandidateSchema>;

/** What the router decided about a message. */
export const RouteDecisionSchema = z.object({
  intent: z.string().describe('best intent, or "out_of_scope" when rejected by the confidence threshold'),
  route: RouteSchema.describe('route of the intent; "out_of_scope" whenever outOfScope is true'),
  confidence: z.number().min(0).max(1).describe("calibrated probability of the best intent"),
  top: z.array(IntentCandidateSchema).max(3).describe("the three most likely intents"),
  outOfScope: z.boolean().describe("an out-of-scope intent won, or confidence is under the out-of-scope threshold"),
  lowConfidence: z
    .boolean()
    .describe("confidence is under the low-confidence threshold: ask to rephrase, use no tools"),
  locale: LocaleSchema,
  slots: SlotsSchema,
});
/** A routing decision. */
export type RouteDecision = z.infer<typeof RouteDecisionSchema>;

/** Routes messages with a trained model. */
export interface IntentRouter {
  /** Classifies a message; the locale is detected when not given. */
  route(text: string, locale?: Locale): RouteDecision;
}

/** Dependencies of the router. */
export interface IntentRouterDeps {
  model: RouterModel;
  /** Overrides of the thresholds calibrated at training time. */
  thresholds?: Partial<Thresholds>;
  /** Reference "today" for relative dates in slots. */
  clock?: Clock;
}

/** Creates the router around a trained model. */
export function createIntentRouter(deps: IntentRouterDeps): IntentRouter {
  const { model } = deps;
  const clock = deps.clock ?? createSystemClock();
  const thresholds: Thresholds = { ...model.classifier.thresholds, ...deps.thresholds };
  return {
    route(message, locale) {
      // The intent and slots of a message are in its first MAX_SCANNED_CHARS characters; the rest only costs time.
      const text = capText(message);
      const probs = model.classifier.predict(text);
      const order = Array.from(probs.keys()).sort((a, b) => (probs[b] as number) - (probs[a] as number));
      const top = order.slice(0, 3).map((i) => {
        const info = model.intents[i] as RouterModel["intents"][number];
        return { intent: info.name, route: info.route, probability: probs[i] as number };
      });
      const best = top[0] as IntentCandidate;
      const rejected = best.probability < thresholds.outOfScope;
      const outOfScope = rejected || best.route === "out_of_scope";
      return {
        intent: rejected ? "out_of_scope" : best.intent,
        route: outOfScope ? "out_of_scope" : best.route,
        confidence: best.probability,
        top,
        outOfScope,
        lowConfidence: best.probability < thresholds.lowConfidence,
        locale: locale ?? detectLocale(text),
        slots: extractSlots(text, clock.now()),
      };
    },
  };
}
