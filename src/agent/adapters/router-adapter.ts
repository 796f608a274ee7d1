// Adapts the intent router to the agent's router port.
import type { IntentRouter } from "../../router/intent-router.js";
import type { RouterPort } from "../agent-ports.js";

/** The agent's view of the router. */
export function toRouterPort(router: IntentRouter): RouterPort {
  return {
    route: (text, locale) => {
      const d = router.route(text, locale);
      return {
        intent: d.intent,
        route: d.route,
        confidence: d.confidence,
        top: d.top.map((t) => ({ intent: t.intent, route: t.route, probability: t.probability })),
        outOfScope: d.outOfScope,
        lowConfidence: d.lowConfidence,
        slots: d.slots,
      };
    },
  };
}
